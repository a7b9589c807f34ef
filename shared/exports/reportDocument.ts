// The report built once as data: sections of headings, paragraphs, figures, charts and tables
// whose columns are typed (text, code, date, status, traffic light, percent, number, evidence
// links). The HTML, PDF and XLSX renderers draw a column by its type and know nothing of what a
// table holds; everything the reader sees is decided here, from the report scope.
//
// A report is read as pages (HTML, PDF) or worked with as a workbook (XLSX). Tables both show are
// declared once and built for the medium asked for: a column marked `in: 'workbook'` (a count a
// spreadsheet sums, one column per measured period) is left out of a page and vice versa, and
// tables only one medium shows are not built for the other.
import { daysBetween } from '../calendar';
import { HRAP_FRAMEWORK_ID, itemTitle, textIn, type Framework } from '../frameworks';
import { ACTION_STATUS_LIST, type ActionStatus } from '../plan/model';
import { comparePeriods } from '../plan/periods';
import type { Action, ProgressUpdate } from '../plan/schema';
import { actionsByObjective, coverage, overdue, type TrafficLight } from '../plan/views';
import type { CellKind } from './actionColumns';
import type { ReportContext } from './reportContext';
import {
  coverageChart,
  enteredByOwners,
  evidenceHref,
  indicatorRows,
  LIGHT_ORDER,
  lightChart,
  lightOf,
  objectiveChart,
  organisationRows,
  progressUpdateGroups,
  reportedFrameworks,
  shortened,
  statusChart,
  summaryFigures,
  type Chart,
  type IndicatorRow,
  type SummaryFigure,
} from './reportFigures';
import { describeChange, type ReportScope } from './reportScope';

export const REPORT_MEDIA = {
  /** read top to bottom: HTML and PDF */
  page: 'page',
  /** one sheet per table: XLSX */
  workbook: 'workbook',
} as const;
export type ReportMedium = keyof typeof REPORT_MEDIA;

export const COLUMN_TYPES = {
  /** words that wrap */
  text: 'text',
  /** a short code that never wraps: an action's ref, a framework item's code */
  code: 'code',
  /** a day; the cell's value is `YYYY-MM-DD` */
  date: 'date',
  /** a moment; the cell's value is an ISO timestamp */
  timestamp: 'timestamp',
  /** an action's status word */
  status: 'status',
  /** a traffic light (the cell's `light`) with its word or figure */
  light: 'light',
  /** 0-100; the cell's value is the number */
  percent: 'percent',
  number: 'number',
  /** evidence: each item a link where it is a web address */
  links: 'links',
} as const;
export type ColumnType = keyof typeof COLUMN_TYPES;

export interface EvidenceItem {
  readonly text: string;
  /** the parsed http(s) address, or null: shown as text only */
  readonly href: string | null;
}

export interface Cell {
  /** what a reader sees */
  readonly text: string;
  /** what a spreadsheet stores, when it differs from `text` (a number, an ISO date, '' for none) */
  readonly value?: string | number | null;
  readonly light?: TrafficLight;
  /** a second, smaller line under the text (the latest progress note under an action's title) */
  readonly detail?: string;
  /** a placeholder such as "No action", shown muted */
  readonly muted?: boolean;
  readonly items?: readonly EvidenceItem[];
}

export interface Column {
  readonly header: string;
  /** the header where room is short (a PDF page): `%` for progress */
  readonly narrowHeader?: string;
  readonly type: ColumnType;
  /** share of the width left by the columns sized to their contents (text and links columns) */
  readonly weight?: number;
  /** words the column must show on one line whatever rows it has (every status word) */
  readonly fits?: readonly string[];
  /** official text (framework items), shown whole rather than cut after a few lines */
  readonly whole?: boolean;
  /** left out where room is short (a PDF page), as what another column says already */
  readonly dispensable?: boolean;
}

/** A row across the whole table naming what the rows below it belong to (an action). */
export interface GroupRow {
  readonly group: string;
}

export type Row = readonly Cell[] | GroupRow;

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

export type Block =
  | { readonly kind: 'paragraph'; readonly text: string; readonly muted?: boolean }
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'figures'; readonly figures: readonly SummaryFigure[] }
  | { readonly kind: 'charts'; readonly charts: readonly Chart[] }
  | { readonly kind: 'table'; readonly table: Table };

export interface Section {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface Sheet {
  /** as the reader names it; the XLSX renderer makes it a valid sheet name */
  readonly name: string;
  readonly table: Table;
  /** a line under the header when the table has no rows */
  readonly empty?: string;
}

export interface ReportDocument {
  readonly language: string;
  /** the plan's title */
  readonly title: string;
  /** the report's kind: "Implementation report" */
  readonly subtitle: string;
  /** reporting period, plan period, changes since, date generated */
  readonly lines: readonly string[];
  /** the plan's summary, or '' */
  readonly summary: string;
  /** when the file is made, ISO timestamp */
  readonly generatedAt: string;
  /** the day the report speaks for, `YYYY-MM-DD` */
  readonly today: string;
  /** "Page 2 of 9" */
  readonly pageLabel: (page: number, pages: number) => string;
  /** the PDF's note that `count` texts hold characters its fonts cannot draw, marked […] */
  readonly undrawableNote: (count: number) => string;
  /** the page medium's content */
  readonly sections: readonly Section[];
  /** the workbook medium's content, in sheet order */
  readonly sheets: readonly Sheet[];
}

export function reportDocument(
  scope: ReportScope,
  generatedAt: string,
  medium: ReportMedium,
): ReportDocument {
  const { context, snapshot } = scope;
  const build = new Builder(scope, medium);
  return {
    language: context.language,
    title: snapshot.meta.title,
    subtitle: context.t('title'),
    lines: periodLines(scope, generatedAt),
    summary: snapshot.meta.summary,
    generatedAt,
    today: context.today,
    pageLabel: (page, pages) => context.t('page', { page, pages }),
    undrawableNote: (count) => context.t('undrawable', { count }),
    sections: medium === 'page' ? build.sections() : [],
    sheets: medium === 'workbook' ? build.sheets() : [],
  };
}

/** The title block's lines: reporting period, plan period, changes since, date generated. */
function periodLines(scope: ReportScope, generatedAt: string): string[] {
  const { context, snapshot } = scope;
  const lines: string[] = [];
  lines.push(
    scope.period
      ? context.t('reportingPeriod', {
          from: context.date(scope.period.from),
          to: context.date(scope.period.to),
        })
      : context.t('wholePlan'),
  );
  if (snapshot.meta.period)
    lines.push(
      context.t('planPeriod', {
        from: context.date(snapshot.meta.period.start),
        to: context.date(snapshot.meta.period.end),
      }),
    );
  if (scope.changes)
    lines.push(
      scope.changes.since
        ? context.t('changesSince', { date: context.date(scope.changes.since) })
        : context.t('changesSinceVersion'),
    );
  lines.push(context.t('generatedOn', { date: context.date(generatedAt.slice(0, 10)) }));
  return lines;
}

/** A column as declared: how to read its cell from a row's item, and which medium shows it. */
interface ColumnOf<Item> extends Column {
  readonly in?: ReportMedium;
  readonly cell: (item: Item) => Cell;
}

/** Characters of the latest update's note shown under an action's title. */
const LATEST_NOTE_LENGTH = 90;

const text = (value: string): Cell => ({ text: value });

class Builder {
  private readonly context: ReportContext;
  /** words that size the columns of closed sets */
  private readonly statusWords: readonly string[];
  private readonly lightWords: readonly string[];
  private readonly datesOfYear: readonly string[];

  constructor(
    private readonly scope: ReportScope,
    private readonly medium: ReportMedium,
  ) {
    const context = (this.context = scope.context);
    this.statusWords = ACTION_STATUS_LIST.map((status) => context.t(`plan:status.${status}`));
    this.lightWords = LIGHT_ORDER.map((light) => context.t(`plan:light.${light}`));
    // a date in each month as the reader writes it
    this.datesOfYear = Array.from({ length: 12 }, (_, month) =>
      context.date(`2025-${String(month + 1).padStart(2, '0')}-28`),
    );
  }

  /** Only the columns this medium shows, each row's cells read from its item. */
  private table<Item>(
    columns: readonly ColumnOf<Item>[],
    items: readonly (Item | GroupRow)[],
    isGroup: (item: Item | GroupRow) => item is GroupRow = (_item): _item is GroupRow => false,
  ): Table {
    const shown = columns.filter((column) => !column.in || column.in === this.medium);
    return {
      columns: shown.map(
        ({ header, narrowHeader, type, weight, fits, whole, dispensable }): Column => ({
          header,
          ...(narrowHeader !== undefined ? { narrowHeader } : {}),
          type,
          ...(weight !== undefined ? { weight } : {}),
          ...(fits ? { fits } : {}),
          ...(whole ? { whole } : {}),
          ...(dispensable ? { dispensable } : {}),
        }),
      ),
      rows: items.map((item) =>
        isGroup(item) ? item : shown.map((column) => column.cell(item as Item)),
      ),
    };
  }

  // Cells of the typed columns, each with the text a reader sees and the value a sheet stores.

  private date(isoDate: string | null): Cell {
    return { text: this.context.date(isoDate), value: isoDate };
  }

  private status(status: ActionStatus): Cell {
    return text(this.context.t(`plan:status.${status}`));
  }

  private percent(value: number | null): Cell {
    return value === null
      ? { text: this.context.t('none'), value: null }
      : { text: `${this.context.number(value)} %`, value };
  }

  private number(value: number | null): Cell {
    return { text: value === null ? this.context.t('none') : this.context.number(value), value };
  }

  private light(light: TrafficLight): Cell {
    return { text: this.context.t(`plan:light.${light}`), light };
  }

  private lead(action: Action): Cell {
    return action.leadOrgId === null
      ? { text: this.context.t('none'), value: '' }
      : text(this.context.orgName(action.leadOrgId));
  }

  // Columns more than one table shows.

  private refColumn(): ColumnOf<{ action: Action }> {
    return {
      header: this.context.t('column.ref'),
      type: 'code',
      cell: ({ action }) => text(action.ref),
    };
  }

  private titleColumn(weight: number, withLatestNote: boolean): ColumnOf<{ action: Action }> {
    return {
      header: this.context.t('column.title'),
      type: 'text',
      weight,
      cell: ({ action }) => {
        const latest = withLatestNote ? this.scope.updatesOf(action)[0] : undefined;
        if (!latest || latest.note.trim() === '') return text(this.context.actionTitle(action));
        const detail = this.context.t('update.latest', {
          date: this.context.date(latest.at),
          note: shortened(latest.note, LATEST_NOTE_LENGTH),
        });
        return { text: this.context.actionTitle(action), detail };
      },
    };
  }

  private statusColumn(): ColumnOf<{ status: ActionStatus }> {
    return {
      header: this.context.t('column.status'),
      type: 'status',
      fits: this.statusWords,
      cell: ({ status }) => this.status(status),
    };
  }

  private dateColumn(header: string): Pick<Column, 'header' | 'type' | 'fits'> {
    return { header, type: 'date', fits: this.datesOfYear };
  }

  private actionTable(
    actions: readonly Action[],
    extra: { change?: boolean; daysOverdue?: boolean } = {},
  ): Table {
    const { context } = this;
    const columns: ColumnOf<{ action: Action }>[] = [
      this.refColumn(),
      this.titleColumn(extra.change ? 2.6 : 2.5, true),
      {
        header: context.t('column.lead'),
        type: 'text',
        weight: 1,
        cell: ({ action }) => this.lead(action),
      },
      {
        ...this.dateColumn(context.t('column.deadline')),
        // the change column says how a deadline changed
        ...(extra.change ? { dispensable: true } : {}),
        cell: ({ action }) => this.date(action.deadline),
      },
    ];
    if (extra.daysOverdue)
      columns.push({
        header: context.t('overdue.daysOverdue'),
        type: 'number',
        cell: ({ action }) => this.number(daysBetween(action.deadline!, context.today)),
      });
    const status = this.statusColumn();
    columns.push(
      { ...status, cell: ({ action }) => status.cell(action) },
      {
        header: context.t('column.progress'),
        narrowHeader: '%',
        type: 'percent',
        ...(extra.change ? { dispensable: true } : {}),
        cell: ({ action }) => this.percent(action.progress),
      },
      {
        header: context.t('column.light'),
        type: 'light',
        fits: this.lightWords,
        in: 'page',
        // an overdue action's light is always red
        ...(extra.daysOverdue ? { dispensable: true } : {}),
        cell: ({ action }) => this.light(lightOf(action, this.scope)),
      },
    );
    if (extra.change)
      columns.push({
        header: context.t('column.change'),
        type: 'text',
        weight: 1.3,
        cell: ({ action }) => {
          const change = this.scope.changeOf(action.id);
          return text(change ? describeChange(change, context) : '');
        },
      });
    return this.table(
      columns,
      actions.map((action) => ({ action })),
    );
  }

  // The page: sections in reading order.

  sections(): Section[] {
    const { context, scope } = this;
    const sections: Section[] = [
      {
        heading: context.t('section.summary'),
        blocks: [
          { kind: 'figures', figures: summaryFigures(scope) },
          {
            kind: 'charts',
            charts: [
              statusChart(scope),
              lightChart(scope),
              objectiveChart(scope),
              coverageChart(scope),
            ],
          },
        ],
      },
    ];
    if (scope.changes)
      sections.push({
        heading: context.t('section.changes'),
        blocks:
          scope.actions.length === 0
            ? [{ kind: 'paragraph', text: context.t('change.none'), muted: true }]
            : [{ kind: 'table', table: this.actionTable(scope.actions, { change: true }) }],
      });
    const groups = actionsByObjective(scope.snapshot).filter((group) => group.actions.length > 0);
    sections.push({
      heading: context.t('section.actionsByObjective'),
      blocks:
        groups.length === 0
          ? [{ kind: 'paragraph', text: context.t('noActions'), muted: true }]
          : groups.flatMap((group): Block[] => [
              {
                kind: 'subheading',
                text: group.objective ? group.objective.title : context.t('noObjective'),
              },
              { kind: 'table', table: this.actionTable(group.actions) },
            ]),
    });
    sections.push(this.updatesSection());
    const late = overdue(scope.snapshot, context.today);
    sections.push({
      heading: context.t('section.overdue'),
      blocks:
        late.length === 0
          ? [{ kind: 'paragraph', text: context.t('noOverdue'), muted: true }]
          : [{ kind: 'table', table: this.overdueTable() }],
    });
    const indicators = indicatorRows(scope);
    if (indicators.length > 0)
      sections.push({
        heading: context.t('section.indicators'),
        blocks: [{ kind: 'table', table: this.indicatorTable(indicators) }],
      });
    const organisations = this.organisationTable();
    if (organisations.rows.length > 0)
      sections.push({
        heading: context.t('section.organisations'),
        blocks: [{ kind: 'table', table: organisations }],
      });
    sections.push({
      heading: context.t('section.coverage'),
      blocks: reportedFrameworks(scope).flatMap((framework): Block[] => [
        { kind: 'subheading', text: textIn(framework.name, context.language) },
        ...(enteredByOwners(scope, framework)
          ? [
              {
                kind: 'paragraph',
                text: context.t('coverage.enteredByOwners'),
                muted: true,
              } as const,
            ]
          : []),
        ...(framework.source.credit === undefined
          ? []
          : [
              {
                kind: 'paragraph',
                text: textIn(framework.source.credit, context.language),
                muted: true,
              } as const,
            ]),
        { kind: 'table', table: this.coverageTable(framework) },
      ]),
    });
    return sections;
  }

  /** Every progress update the report covers, by objective and action, newest first. */
  private updatesSection(): Section {
    const { context, scope } = this;
    const groups = progressUpdateGroups(scope);
    const heading = context.t('section.updates');
    if (groups.length === 0)
      return {
        heading,
        blocks: [{ kind: 'paragraph', text: context.t('update.none'), muted: true }],
      };
    type Item = { update: ProgressUpdate };
    const columns = this.updateColumns<Item>();
    return {
      heading,
      blocks: [
        {
          kind: 'paragraph',
          text: context.t(scope.changes ? 'update.listedSince' : 'update.listed'),
          muted: true,
        },
        ...groups.flatMap((group): Block[] => [
          { kind: 'subheading', text: group.title },
          {
            kind: 'table',
            table: this.table<Item>(
              columns,
              group.actions.flatMap(({ action, updates }) => [
                { group: `${action.ref} ${this.context.actionTitle(action)}` },
                ...updates.map((update) => ({ update })),
              ]),
              (item): item is GroupRow => 'group' in item,
            ),
          },
        ]),
      ],
    };
  }

  /** The columns of a progress update row (the page's and the workbook's). */
  private updateColumns<Item extends { update: ProgressUpdate }>(): ColumnOf<Item>[] {
    const { context } = this;
    const status = this.statusColumn();
    return [
      { ...this.dateColumn(context.t('update.date')), cell: ({ update }) => this.date(update.at) },
      { ...status, cell: ({ update }) => status.cell(update) },
      {
        header: context.t('column.progress'),
        narrowHeader: '%',
        type: 'percent',
        cell: ({ update }) => this.percent(update.progress),
      },
      {
        header: context.t('update.author'),
        type: 'text',
        in: 'workbook',
        cell: ({ update }) => text(update.authorName),
      },
      {
        header: context.t('update.note'),
        type: 'text',
        weight: 1.3,
        cell: ({ update }) => text(update.note),
      },
      {
        header: context.t('update.evidence'),
        type: 'links',
        weight: 1,
        cell: ({ update }) => ({
          text: update.evidence.join(' '),
          value: update.evidence.join('\n'),
          items: update.evidence.map((evidence) => ({
            text: evidence,
            href: evidenceHref(evidence),
          })),
        }),
      },
    ];
  }

  private overdueTable(): Table {
    return this.actionTable(overdue(this.scope.snapshot, this.context.today), {
      daysOverdue: true,
    });
  }

  /** Indicators as a logframe: baseline, values by period, target, progress to target. */
  private indicatorTable(rows: readonly IndicatorRow[]): Table {
    const { context } = this;
    const periods = [
      ...new Set(rows.flatMap((row) => row.indicator.values.map((value) => value.period))),
    ].sort(comparePeriods);
    const columns: ColumnOf<IndicatorRow>[] = [
      {
        header: context.t('column.objective'),
        type: 'text',
        in: 'workbook',
        cell: ({ action }) =>
          text(action.objectiveId === null ? '' : context.objectiveTitle(action.objectiveId)),
      },
      this.refColumn(),
      {
        header: context.t('column.title'),
        type: 'text',
        in: 'workbook',
        cell: ({ action }) => text(context.actionTitle(action)),
      },
      {
        header: context.t('indicator.name'),
        type: 'text',
        weight: 1.5,
        cell: ({ indicator }) => text(indicator.name),
      },
      {
        header: context.t('indicator.unit'),
        type: 'text',
        weight: 0.6,
        cell: ({ indicator }) => text(indicator.unit),
      },
      {
        header: context.t('indicator.frequency'),
        type: 'text',
        in: 'workbook',
        cell: ({ indicator }) => text(context.t(`plan:frequency.${indicator.frequency}`)),
      },
      {
        header: context.t('indicator.baseline'),
        type: 'number',
        cell: ({ indicator }) => this.number(indicator.baseline),
      },
      {
        header: context.t('indicator.values'),
        type: 'text',
        weight: 1.4,
        in: 'page',
        cell: ({ indicator }) =>
          text(
            indicator.values
              .map((value) => `${value.period}: ${context.number(value.value)}`)
              .join(', '),
          ),
      },
      ...periods.map((period): ColumnOf<IndicatorRow> => ({
        header: period,
        type: 'number',
        in: 'workbook',
        cell: ({ indicator }) =>
          this.number(indicator.values.find((value) => value.period === period)?.value ?? null),
      })),
      {
        header: context.t('indicator.target'),
        type: 'number',
        cell: ({ indicator }) => this.number(indicator.target),
      },
      {
        header: context.t('indicator.current'),
        type: 'number',
        in: 'workbook',
        cell: ({ current }) => this.number(current),
      },
      {
        header: context.t('indicator.progressToTarget'),
        type: 'percent',
        in: 'workbook',
        cell: ({ percent }) => this.percent(percent),
      },
      {
        header: context.t('indicator.progressToTarget'),
        type: 'light',
        in: 'page',
        cell: ({ percent, light }) => ({ ...this.percent(percent), light }),
      },
      {
        header: context.t('column.light'),
        type: 'light',
        in: 'workbook',
        cell: ({ light }) => this.light(light),
      },
    ];
    return this.table(columns, rows);
  }

  /** Actions per lead organisation: how many, completed, mean progress, overdue. */
  private organisationTable(): Table {
    const { context } = this;
    type Item = ReturnType<typeof organisationRows>[number];
    const columns: ColumnOf<Item>[] = [
      {
        header: context.t('organisation.name'),
        type: 'text',
        weight: 1.4,
        cell: (row) => text(row.name),
      },
      {
        header: context.t('organisation.kind'),
        type: 'text',
        weight: 1,
        cell: (row) => text(row.kind),
      },
      {
        header: context.t('organisation.actions'),
        type: 'number',
        cell: (row) => this.number(row.total),
      },
      {
        header: context.t('organisation.completed'),
        type: 'number',
        cell: (row) => this.number(row.completed),
      },
      {
        header: context.t('organisation.meanProgress'),
        type: 'percent',
        cell: (row) => this.percent(row.meanProgress),
      },
      {
        header: context.t('organisation.overdue'),
        type: 'number',
        cell: (row) => this.number(row.overdue),
      },
    ];
    return this.table(columns, organisationRows(this.scope));
  }

  /** Each item of a framework with the refs of the actions linked to it. */
  private coverageTable(framework: Framework): Table {
    const { context, scope } = this;
    const refs = new Map(scope.snapshot.actions.map((action) => [action.id, action.ref]));
    type Item = ReturnType<typeof coverage>[number];
    const columns: ColumnOf<Item>[] = [
      { header: context.t('coverage.code'), type: 'code', cell: (row) => text(row.item.code) },
      {
        header: context.t('coverage.item'),
        type: 'text',
        weight: 3,
        whole: true,
        cell: (row) => text(itemTitle(row.item, context.language)),
      },
      {
        header: context.t('coverage.actions'),
        type: 'number',
        in: 'workbook',
        cell: (row) => this.number(row.actionIds.length),
      },
      {
        header:
          this.medium === 'workbook' ? context.t('column.ref') : context.t('coverage.actions'),
        type: 'text',
        weight: 1,
        whole: true,
        cell: (row) =>
          row.actionIds.length === 0
            ? { text: context.t('coverage.notCovered'), value: '', muted: true }
            : text(row.actionIds.map((id) => refs.get(id) ?? id).join(', ')),
      },
      {
        header: context.t('coverage.covered'),
        type: 'text',
        in: 'workbook',
        cell: (row) =>
          text(row.actionIds.length > 0 ? context.t('yes') : context.t('coverage.notCovered')),
      },
    ];
    return this.table(columns, coverage(scope.snapshot, framework));
  }

  // The workbook: one sheet per view donors and ministries work with.

  sheets(): Sheet[] {
    const { context, scope } = this;
    const sheets: Sheet[] = [
      // With "changes since", the first sheet lists only the actions that changed, and says so.
      {
        name: scope.changes ? context.t('sheet.changes') : context.t('sheet.actions'),
        table: this.actionRowTable(),
      },
      { name: context.t('sheet.updates'), table: this.updateRowTable() },
      { name: context.t('sheet.indicators'), table: this.indicatorTable(indicatorRows(scope)) },
    ];
    for (const [id, name] of [
      ['sdg8', context.t('sheet.coverageSdg8')],
      [HRAP_FRAMEWORK_ID, context.t('sheet.coveragePlan')],
    ] as const) {
      const framework = context.frameworks.find((f) => f.id === id);
      if (framework)
        sheets.push({
          name,
          table: this.coverageTable(framework),
          empty: context.t('noCoverageFramework'),
        });
    }
    sheets.push(
      { name: context.t('sheet.organisations'), table: this.organisationTable() },
      { name: context.t('sheet.overdue'), table: this.overdueTable() },
    );
    return sheets;
  }

  /** The action row of the CSV file (the scope's columns), and how each listed action changed. */
  private actionRowTable(): Table {
    const { context, scope } = this;
    const types: Record<CellKind, ColumnType> = {
      text: 'text',
      number: 'number',
      date: 'date',
      timestamp: 'timestamp',
    };
    const columns: ColumnOf<Action>[] = scope.columns.map((column) => ({
      header: context.t(`column.${column.key}`),
      type: column.key === 'light' ? 'light' : types[column.kind],
      cell: (action) => {
        const value = column.value(action, context);
        const cell = { text: value === null ? '' : String(value), value };
        return column.key === 'light' ? { ...cell, light: lightOf(action, scope) } : cell;
      },
    }));
    if (scope.changes)
      columns.push({
        header: context.t('column.change'),
        type: 'text',
        cell: (action) => {
          const change = scope.changeOf(action.id);
          return text(change ? describeChange(change, context) : '');
        },
      });
    return this.table(columns, scope.actions);
  }

  /** Every progress update of the listed actions, in the order they were reported. */
  private updateRowTable(): Table {
    type Item = { action: Action; update: ProgressUpdate };
    const columns: ColumnOf<Item>[] = [
      this.refColumn(),
      this.titleColumn(1, false),
      ...this.updateColumns<Item>(),
    ];
    return this.table(
      columns,
      this.scope.actions.flatMap((action) => action.updates.map((update) => ({ action, update }))),
    );
  }
}
