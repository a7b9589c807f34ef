// The plan as an Excel workbook: one sheet per view donors and ministries work with. Dates and
// numbers are real cells (they sort, filter and sum), every sheet has a frozen, filtered header
// row and columns as wide as their contents.
//
// exceljs runs in Node and in browsers: its package.json `browser` field points bundlers (Vite)
// at a build that carries its own zip and stream code, and in Node it uses the Node build. We use
// only the in-memory API (`writeBuffer`), never its file or stream helpers, so this module does no
// I/O in either place and shared/ stays pure.
import ExcelJS from 'exceljs';
import { HRAP_FRAMEWORK_ID, itemTitle, type Framework } from '../frameworks';
import { comparePeriods } from '../plan/periods';
import type { Action } from '../plan/schema';
import {
  actionHealth,
  coverage,
  indicatorProgress,
  overdue,
  type TrafficLight,
} from '../plan/views';
import { ACTION_COLUMNS, type CellKind, type CellValue } from './actionColumns';
import { organisationRows } from './reportFigures';
import { describeChange, type ReportScope } from './reportScope';

interface SheetColumn {
  readonly header: string;
  readonly kind: CellKind;
  /** fill the cell with the traffic light's colour */
  readonly light?: boolean;
}

/** Widths are fitted to contents but kept readable: long notes wrap instead. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const DATE_FORMAT = 'yyyy-mm-dd';
const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm';
/** Excel limits sheet names to 31 characters. */
const SHEET_NAME_LENGTH = 31;
/** ARGB fills of the traffic lights (light tints, so the text stays readable when printed). */
export const LIGHT_FILLS: Record<TrafficLight, string> = {
  green: 'FFC6EFCE',
  amber: 'FFFFEB9C',
  red: 'FFFFC7CE',
  none: 'FFEDEDED',
};
const DAY_MS = 86_400_000;

export async function exportXlsx(scope: ReportScope): Promise<Uint8Array> {
  const { context } = scope;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Accord';
  workbook.title = scope.snapshot.meta.title;
  workbook.created = new Date(`${context.today}T00:00:00Z`);

  actionsSheet(workbook, scope);
  updatesSheet(workbook, scope);
  logframeSheet(workbook, scope);
  const sdg8 = context.frameworks.find((framework) => framework.id === 'sdg8');
  if (sdg8) coverageSheet(workbook, scope, sdg8, context.t('sheet.coverageSdg8'));
  const nationalPlan = context.frameworks.find((f) => f.id === HRAP_FRAMEWORK_ID);
  if (nationalPlan) coverageSheet(workbook, scope, nationalPlan, context.t('sheet.coveragePlan'));
  organisationsSheet(workbook, scope);
  overdueSheet(workbook, scope);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

function actionsSheet(workbook: ExcelJS.Workbook, scope: ReportScope): void {
  const { context } = scope;
  const columns: SheetColumn[] = ACTION_COLUMNS.map((column) => ({
    header: context.t(`column.${column.key}`),
    kind: column.kind,
    light: column.key === 'light',
  }));
  const withChanges = scope.changes !== null;
  if (withChanges) columns.push({ header: context.t('column.change'), kind: 'text' });
  const rows = scope.actions.map((action) => {
    const row: CellValue[] = ACTION_COLUMNS.map((column) => column.value(action, context));
    if (withChanges) {
      const entry = scope.changeOf(action.id);
      row.push(entry ? describeChange(entry, context) : '');
    }
    return row;
  });
  const lights = scope.actions.map((action) => actionHealth(action, context.today).light);
  // With "changes since", the sheet lists only the actions that changed, and says so in its name.
  const name = withChanges ? context.t('sheet.changes') : context.t('sheet.actions');
  table(workbook, name, columns, rows, lights);
}

function updatesSheet(workbook: ExcelJS.Workbook, scope: ReportScope): void {
  const { context } = scope;
  const columns: SheetColumn[] = [
    { header: context.t('column.ref'), kind: 'text' },
    { header: context.t('column.title'), kind: 'text' },
    { header: context.t('update.date'), kind: 'date' },
    { header: context.t('column.status'), kind: 'text' },
    { header: context.t('column.progress'), kind: 'number' },
    { header: context.t('update.author'), kind: 'text' },
    { header: context.t('update.note'), kind: 'text' },
    { header: context.t('update.evidence'), kind: 'text' },
  ];
  const rows: CellValue[][] = [];
  for (const action of scope.actions) {
    for (const update of action.updates) {
      rows.push([
        action.ref,
        action.title,
        update.at,
        context.t(`plan:status.${update.status}`),
        update.progress,
        update.authorName,
        update.note,
        update.evidence.join('\n'),
      ]);
    }
  }
  table(workbook, context.t('sheet.updates'), columns, rows);
}

/** One row per indicator: baseline, a column per period measured, latest value, progress. */
function logframeSheet(workbook: ExcelJS.Workbook, scope: ReportScope): void {
  const { context } = scope;
  const periods = [
    ...new Set(
      scope.actions.flatMap((action) =>
        action.indicators.flatMap((indicator) => indicator.values.map((value) => value.period)),
      ),
    ),
  ].sort(comparePeriods);
  const columns: SheetColumn[] = [
    { header: context.t('column.objective'), kind: 'text' },
    { header: context.t('column.ref'), kind: 'text' },
    { header: context.t('column.title'), kind: 'text' },
    { header: context.t('indicator.name'), kind: 'text' },
    { header: context.t('indicator.unit'), kind: 'text' },
    { header: context.t('indicator.frequency'), kind: 'text' },
    { header: context.t('indicator.baseline'), kind: 'number' },
    ...periods.map((period) => ({ header: period, kind: 'number' as const })),
    { header: context.t('indicator.target'), kind: 'number' },
    { header: context.t('indicator.current'), kind: 'number' },
    { header: context.t('indicator.progressToTarget'), kind: 'number' },
    { header: context.t('column.light'), kind: 'text', light: true },
  ];
  const rows: CellValue[][] = [];
  const lights: TrafficLight[] = [];
  for (const action of scope.actions) {
    for (const indicator of action.indicators) {
      const progress = indicatorProgress(indicator);
      const byPeriod = new Map(indicator.values.map((value) => [value.period, value.value]));
      rows.push([
        action.objectiveId === null ? '' : context.objectiveTitle(action.objectiveId),
        action.ref,
        action.title,
        indicator.name,
        indicator.unit,
        context.t(`plan:frequency.${indicator.frequency}`),
        indicator.baseline,
        ...periods.map((period) => byPeriod.get(period) ?? null),
        indicator.target,
        progress.current,
        progress.ratio === null ? null : Math.round(progress.ratio * 1000) / 10,
        context.t(`plan:light.${progress.light}`),
      ]);
      lights.push(progress.light);
    }
  }
  table(workbook, context.t('sheet.indicators'), columns, rows, lights);
}

function coverageSheet(
  workbook: ExcelJS.Workbook,
  scope: ReportScope,
  framework: Framework,
  name: string,
): void {
  const { context } = scope;
  const refs = new Map(scope.snapshot.actions.map((action) => [action.id, action.ref]));
  const columns: SheetColumn[] = [
    { header: context.t('coverage.code'), kind: 'text' },
    { header: context.t('coverage.item'), kind: 'text' },
    { header: context.t('coverage.actions'), kind: 'number' },
    { header: context.t('column.ref'), kind: 'text' },
    { header: context.t('coverage.covered'), kind: 'text' },
  ];
  const rows: CellValue[][] = coverage(scope.snapshot, framework).map((row) => [
    row.item.code,
    itemTitle(row.item, context.language),
    row.actionIds.length,
    row.actionIds.map((id) => refs.get(id) ?? id).join(', '),
    row.actionIds.length > 0 ? context.t('yes') : context.t('coverage.notCovered'),
  ]);
  const sheet = table(workbook, name, columns, rows);
  if (rows.length === 0) sheet.addRow([context.t('noCoverageFramework')]);
}

function organisationsSheet(workbook: ExcelJS.Workbook, scope: ReportScope): void {
  const { context } = scope;
  const columns: SheetColumn[] = [
    { header: context.t('organisation.name'), kind: 'text' },
    { header: context.t('organisation.kind'), kind: 'text' },
    { header: context.t('organisation.actions'), kind: 'number' },
    { header: context.t('organisation.completed'), kind: 'number' },
    { header: context.t('organisation.meanProgress'), kind: 'number' },
    { header: context.t('organisation.overdue'), kind: 'number' },
  ];
  const rows: CellValue[][] = organisationRows(scope).map((row) => [
    row.name,
    row.kind,
    row.total,
    row.completed,
    row.meanProgress,
    row.overdue,
  ]);
  table(workbook, context.t('sheet.organisations'), columns, rows);
}

function overdueSheet(workbook: ExcelJS.Workbook, scope: ReportScope): void {
  const { context } = scope;
  const columns: SheetColumn[] = [
    { header: context.t('column.ref'), kind: 'text' },
    { header: context.t('column.title'), kind: 'text' },
    { header: context.t('column.lead'), kind: 'text' },
    { header: context.t('column.deadline'), kind: 'date' },
    { header: context.t('overdue.daysOverdue'), kind: 'number' },
    { header: context.t('column.status'), kind: 'text' },
    { header: context.t('column.progress'), kind: 'number' },
  ];
  const rows: CellValue[][] = overdue(scope.snapshot, context.today).map((action: Action) => [
    action.ref,
    action.title,
    action.leadOrgId === null ? '' : context.orgName(action.leadOrgId),
    action.deadline,
    daysBetween(action.deadline!, context.today),
    context.t(`plan:status.${action.status}`),
    action.progress,
  ]);
  table(workbook, context.t('sheet.overdue'), columns, rows);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Excel's view of a cell: dates as Date (midnight UTC, which exceljs writes as that day). */
function cellOf(value: CellValue, kind: CellKind): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if ((kind === 'date' || kind === 'timestamp') && typeof value === 'string') {
    const time = Date.parse(kind === 'date' ? `${value}T00:00:00Z` : value);
    return Number.isNaN(time) ? value : new Date(time);
  }
  return value;
}

/** A sheet with a bold, frozen, filtered header row, typed cells and fitted column widths. */
function table(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly CellValue[])[],
  lights?: readonly TrafficLight[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths = columns.map((column) => column.header.length);
  sheet.addRow(columns.map((column) => column.header));
  rows.forEach((row) => {
    sheet.addRow(row.map((value, index) => cellOf(value, columns[index]!.kind)));
    row.forEach((value, index) => {
      const kind = columns[index]!.kind;
      const length =
        kind === 'date' ? 10 : kind === 'timestamp' ? 16 : value === null ? 0 : longestLine(value);
      if (length > widths[index]!) widths[index] = length;
    });
  });
  columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[index]! + 2));
    if (column.kind === 'date') sheetColumn.numFmt = DATE_FORMAT;
    if (column.kind === 'timestamp') sheetColumn.numFmt = TIMESTAMP_FORMAT;
    if (column.kind === 'text' && widths[index]! > MAX_WIDTH)
      sheetColumn.alignment = { wrapText: true, vertical: 'top' };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
  if (columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const lightColumn = columns.findIndex((column) => column.light);
  if (lights && lightColumn >= 0) {
    lights.forEach((light, index) => {
      sheet.getCell(index + 2, lightColumn + 1).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: LIGHT_FILLS[light] },
      };
    });
  }
  return sheet;
}

function longestLine(value: string | number): number {
  if (typeof value === 'number') return String(value).length;
  let longest = 0;
  for (const line of value.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

/** A sheet name Excel accepts: no []:*?/\ and at most 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, SHEET_NAME_LENGTH);
}
