// The report as a PDF: a title page (plan, report, period, date), the summary with bar charts,
// "what changed", a table of actions by objective with traffic lights, their progress updates,
// overdue actions and framework coverage; page numbers on every page. DejaVu Sans is embedded,
// so Russian and Turkmen letters (ň ž ş ý ä ö ü ç) render and copy out as text in any viewer.
//
// pdf-lib and fontkit are plain JavaScript over Uint8Array (no Node streams, no file access), so
// this runs the same in the server, the CLI and the renderer. pdf-lib draws, it does not lay
// out: the small layout below (wrapping, page breaks, repeated table headers) is ours.
import fontkit from '@pdf-lib/fontkit';
import {
  beginText,
  endText,
  PDFDocument,
  PDFString,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFName,
  type PDFHexString,
  rgb,
  type PDFFont,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import { itemTitle, textIn } from '../frameworks';
import { ACTION_STATUS_LIST } from '../plan/model';
import type { Action } from '../plan/schema';
import { actionsByObjective, coverage, overdue, type TrafficLight } from '../plan/views';
import { dejaVuSans, dejaVuSansBold } from './fonts/dejaVuSans';
import { periodLines } from './exportHtml';
import {
  coverageChart,
  enteredByOwners,
  evidenceHref,
  indicatorRows,
  LIGHT_COLORS,
  lightChart,
  lightOf,
  objectiveChart,
  organisationRows,
  progressUpdateGroups,
  reportedFrameworks,
  statusChart,
  summaryFigures,
  type Chart,
} from './reportFigures';
import { describeChange, type ReportScope } from './reportScope';

/** A4 portrait, in points. */
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 50;
const FOOTER_Y = 28;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TEXT_SIZE = 10;
const TABLE_SIZE = 8;
const CELL_PADDING = 3;
/** The traffic light's dot and its gap before a cell's text. */
const LIGHT_DOT = 9;
/** An action table's cell shows at most this many lines; the rest is cut with an ellipsis. */
const MAX_CELL_LINES = 6;
/** Framework texts (official SDG targets) are shown whole. */
const MAX_FRAMEWORK_TEXT_LINES = 40;
const INK = rgb(0.13, 0.13, 0.13);
const MUTED = rgb(0.33, 0.43, 0.48);
const RULE = rgb(0.81, 0.85, 0.86);
const HEADER_FILL = rgb(0.93, 0.94, 0.95);
const BAR_BACKGROUND = rgb(0.93, 0.94, 0.95);
const GROUP_FILL = rgb(0.97, 0.97, 0.98);
const LINK = rgb(0.08, 0.4, 0.75);

interface TableColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: 'right';
}

interface TableCell {
  readonly text: string;
  /** a coloured dot before the text */
  readonly light?: TrafficLight;
  /** web addresses in the text: each line of one of them links to it */
  readonly links?: readonly { readonly text: string; readonly href: string }[];
}

/** A row across the whole table naming what the rows below it belong to (an action). */
interface TableGroup {
  readonly group: string;
}

type TableRow = readonly TableCell[] | TableGroup;

export async function exportPdf(scope: ReportScope, generatedAt: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const regular = await document.embedFont(dejaVuSans);
  const bold = await document.embedFont(dejaVuSansBold);
  rememberEncodings(regular);
  rememberEncodings(bold);
  const { context, snapshot } = scope;
  document.setTitle(`${snapshot.meta.title} — ${context.t('title')}`);
  document.setLanguage(context.language);
  document.setCreator('Accord');
  document.setProducer('Accord');
  document.setCreationDate(new Date(generatedAt));
  document.setModificationDate(new Date(generatedAt));

  const layout = new PdfLayout(document, regular, bold);
  titlePage(layout, scope, generatedAt);

  layout.newPage();
  layout.heading(context.t('section.summary'));
  layout.paragraph(
    summaryFigures(scope)
      .map((figure) => `${figure.label}: ${figure.value}`)
      .join('   ·   '),
  );
  for (const chart of [
    statusChart(scope),
    lightChart(scope),
    objectiveChart(scope),
    coverageChart(scope),
  ])
    layout.barChart(chart);

  if (scope.changes) {
    layout.heading(context.t('section.changes'));
    if (scope.actions.length === 0) layout.paragraph(context.t('change.none'), MUTED);
    else actionTable(layout, scope, scope.actions, true);
  }

  layout.heading(context.t('section.actionsByObjective'));
  const groups = actionsByObjective(snapshot).filter((group) => group.actions.length > 0);
  if (groups.length === 0) layout.paragraph(context.t('noActions'), MUTED);
  for (const group of groups) {
    layout.subheading(group.objective ? group.objective.title : context.t('noObjective'));
    actionTable(layout, scope, group.actions, false);
  }

  updatesSection(layout, scope);

  layout.heading(context.t('section.overdue'));
  const late = overdue(snapshot, context.today);
  if (late.length === 0) layout.paragraph(context.t('noOverdue'), MUTED);
  else actionTable(layout, scope, late, false);

  const indicators = indicatorRows(scope);
  if (indicators.length > 0) {
    layout.heading(context.t('section.indicators'));
    const show = (value: number | null) =>
      value === null ? context.t('none') : context.number(value);
    layout.table(
      [
        { header: context.t('column.ref'), width: 38 },
        { header: context.t('indicator.name'), width: 122 },
        { header: context.t('indicator.baseline'), width: 55, align: 'right' },
        { header: context.t('indicator.values'), width: 110 },
        { header: context.t('indicator.target'), width: 55, align: 'right' },
        { header: context.t('indicator.progressToTarget'), width: 115 },
      ],
      indicators.map((row) => {
        return [
          { text: row.action.ref },
          {
            text: row.indicator.unit
              ? `${row.indicator.name} (${row.indicator.unit})`
              : row.indicator.name,
          },
          { text: show(row.indicator.baseline) },
          {
            text: row.indicator.values
              .map((value) => `${value.period}: ${context.number(value.value)}`)
              .join(', '),
          },
          { text: show(row.indicator.target) },
          {
            text: row.percent === null ? context.t('none') : `${context.number(row.percent)} %`,
            light: row.light,
          },
        ];
      }),
    );
  }

  layout.heading(context.t('section.organisations'));
  layout.table(
    [
      { header: context.t('organisation.name'), width: 150 },
      { header: context.t('organisation.kind'), width: 105 },
      { header: context.t('organisation.actions'), width: 65, align: 'right' },
      { header: context.t('organisation.completed'), width: 55, align: 'right' },
      { header: context.t('organisation.meanProgress'), width: 65, align: 'right' },
      { header: context.t('organisation.overdue'), width: 55, align: 'right' },
    ],
    organisationRows(scope).map((row) => [
      { text: row.name },
      { text: row.kind },
      { text: String(row.total) },
      { text: String(row.completed) },
      { text: `${row.meanProgress} %` },
      { text: String(row.overdue) },
    ]),
  );

  layout.heading(context.t('section.coverage'));
  const refs = new Map(snapshot.actions.map((action) => [action.id, action.ref]));
  for (const framework of reportedFrameworks(scope)) {
    layout.subheading(textIn(framework.name, context.language));
    if (enteredByOwners(scope, framework))
      layout.paragraph(context.t('coverage.enteredByOwners'), MUTED);
    layout.table(
      [
        { header: context.t('coverage.code'), width: 50 },
        { header: context.t('coverage.item'), width: 335 },
        { header: context.t('coverage.actions'), width: 110 },
      ],
      coverage(snapshot, framework).map((row) => [
        { text: row.item.code },
        { text: itemTitle(row.item, context.language) },
        {
          text:
            row.actionIds.length === 0
              ? context.t('coverage.notCovered')
              : row.actionIds.map((id) => refs.get(id) ?? id).join(', '),
        },
      ]),
      MAX_FRAMEWORK_TEXT_LINES,
    );
  }

  layout.pageNumbers((page, pages) => context.t('page', { page, pages }), snapshot.meta.title);
  return document.save({ useObjectStreams: true });
}

function titlePage(layout: PdfLayout, scope: ReportScope, generatedAt: string): void {
  const { context, snapshot } = scope;
  layout.newPage();
  layout.space(PAGE_HEIGHT * 0.22);
  layout.wrapped(snapshot.meta.title, { size: 26, bold: true, lineGap: 8 });
  layout.space(10);
  layout.wrapped(context.t('title'), { size: 16, color: MUTED });
  layout.space(30);
  for (const line of periodLines(scope, generatedAt))
    layout.wrapped(line, { size: 12, lineGap: 4 });
  if (snapshot.meta.summary) {
    layout.space(24);
    layout.wrapped(snapshot.meta.summary, { size: TEXT_SIZE, color: MUTED });
  }
}

/** Every progress update the report covers, by objective and action, newest first. */
function updatesSection(layout: PdfLayout, scope: ReportScope): void {
  const { context } = scope;
  layout.heading(context.t('section.updates'));
  const groups = progressUpdateGroups(scope);
  if (groups.length === 0) {
    layout.paragraph(context.t('update.none'), MUTED);
    return;
  }
  layout.paragraph(context.t(scope.changes ? 'update.listedSince' : 'update.listed'), MUTED);
  const date = layout.fitWidth(datesOfYear(scope));
  const status = layout.fitWidth(statusLabels(scope));
  const progress = 26;
  const evidence = 140;
  const columns: TableColumn[] = [
    { header: context.t('update.date'), width: date },
    { header: context.t('column.status'), width: status },
    { header: '%', width: progress, align: 'right' },
    {
      header: context.t('update.note'),
      width: CONTENT_WIDTH - date - status - progress - evidence,
    },
    { header: context.t('update.evidence'), width: evidence },
  ];
  for (const group of groups) {
    layout.subheading(group.title);
    const rows: TableRow[] = [];
    for (const { action, updates } of group.actions) {
      rows.push({ group: `${action.ref}  ${context.actionTitle(action)}` });
      for (const update of updates)
        rows.push([
          { text: context.date(update.at) },
          { text: context.t(`plan:status.${update.status}`) },
          { text: String(update.progress) },
          { text: update.note },
          {
            text: update.evidence.join(' '),
            links: update.evidence.flatMap((text) => {
              const href = evidenceHref(text);
              return href === null ? [] : [{ text: flat(text), href }];
            }),
          },
        ]);
    }
    layout.table(columns, rows);
  }
}

/** The report's status words, to size a column that shows each on one line. */
function statusLabels(scope: ReportScope): string[] {
  return ACTION_STATUS_LIST.map((status) => scope.context.t(`plan:status.${status}`));
}

/** A date in each month as the reader writes it, to size a date column. */
function datesOfYear(scope: ReportScope): string[] {
  return Array.from({ length: 12 }, (_, month) =>
    scope.context.date(`2025-${String(month + 1).padStart(2, '0')}-28`),
  );
}

function actionTable(
  layout: PdfLayout,
  scope: ReportScope,
  actions: readonly Action[],
  withChange: boolean,
): void {
  const { context } = scope;
  // Status and traffic-light words are measured so that each stays on one line; the action's
  // title gives or takes the difference.
  const status = layout.fitWidth(statusLabels(scope));
  const light = layout.fitWidth(
    (['green', 'amber', 'red', 'none'] as const).map((l) => context.t(`plan:light.${l}`)),
    LIGHT_DOT,
  );
  const deadline = layout.fitWidth(datesOfYear(scope));
  const columns: TableColumn[] = withChange
    ? [
        { header: context.t('column.ref'), width: 38 },
        { header: context.t('column.title'), width: 298 - status - light },
        { header: context.t('column.lead'), width: 69 },
        { header: context.t('column.status'), width: status },
        { header: context.t('column.light'), width: light },
        { header: context.t('column.change'), width: 90 },
      ]
    : [
        { header: context.t('column.ref'), width: 38 },
        { header: context.t('column.title'), width: 359 - deadline - status - light },
        { header: context.t('column.lead'), width: 76 },
        { header: context.t('column.deadline'), width: deadline },
        { header: context.t('column.status'), width: status },
        { header: '%', width: 22, align: 'right' },
        { header: context.t('column.light'), width: light },
      ];
  layout.table(
    columns,
    actions.map((action) => {
      const light = lightOf(action, scope);
      const lead =
        action.leadOrgId === null ? context.t('none') : context.orgName(action.leadOrgId);
      const status = context.t(`plan:status.${action.status}`);
      const lightCell = { text: context.t(`plan:light.${light}`), light };
      if (withChange) {
        const change = scope.changeOf(action.id);
        return [
          { text: action.ref },
          { text: context.actionTitle(action) },
          { text: lead },
          { text: status },
          lightCell,
          { text: change ? describeChange(change, context) : '' },
        ];
      }
      return [
        { text: action.ref },
        { text: context.actionTitle(action) },
        { text: lead },
        { text: context.date(action.deadline) },
        { text: status },
        { text: String(action.progress) },
        lightCell,
      ];
    }),
  );
}

/**
 * Make `font` encode each distinct text once. pdf-lib lays every drawn string out through fontkit
 * (glyph substitution and positioning), which was most of a large report's time, and a report
 * draws the same words (dates, statuses, percentages, repeated notes) tens of thousands of times.
 */
function rememberEncodings(font: PDFFont): void {
  const encode = font.encodeText.bind(font);
  const encodings = new Map<string, PDFHexString>();
  font.encodeText = (text: string) => {
    let encoded = encodings.get(text);
    if (encoded === undefined) encodings.set(text, (encoded = encode(text)));
    return encoded;
  };
}

function colorOf(hex: string): RGB {
  const value = Number.parseInt(hex.slice(1), 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

/**
 * Text as one flow (tabs and line breaks as single spaces), composed (NFC): the UN's Russian SDG
 * texts write й as и + a combining breve, which pdf-lib would draw as two glyphs side by side.
 */
function flat(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A cursor over pages: writes top to bottom and starts a new page when the next block won't fit. */
class PdfLayout {
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly document: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {}

  newPage(): void {
    this.page = this.document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.fontKeys.clear();
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /** The names the current page's resources give the fonts. */
  private readonly fontKeys = new Map<PDFFont, PDFName>();

  /**
   * Table text, one text object per row. pdf-lib's drawText wraps every string in its own
   * graphics state and adds the font to the page's resources again under a new name each call;
   * a 5,000-action report draws some 150,000 strings, and that overhead was most of its time.
   */
  private drawTexts(
    font: PDFFont,
    texts: readonly { text: string; x: number; y: number; color: RGB }[],
  ): void {
    if (texts.length === 0) return;
    let key = this.fontKeys.get(font);
    if (!key)
      this.fontKeys.set(font, (key = this.page.node.newFontDictionary(font.name, font.ref)));
    const operators = [beginText(), setFontAndSize(key, TABLE_SIZE)];
    let color: RGB | null = null;
    for (const { text, x, y, color: next } of texts) {
      if (next !== color) operators.push(setFillingColor((color = next)));
      operators.push(setTextMatrix(1, 0, 0, 1, x, y), showText(font.encodeText(text)));
    }
    operators.push(endText());
    this.page.pushOperators(...operators);
  }

  space(height: number): void {
    this.y -= height;
  }

  private ensure(height: number): boolean {
    if (this.y - height >= MARGIN) return false;
    this.newPage();
    return true;
  }

  private readonly advances = new Map<PDFFont, Map<string, number>>();

  /**
   * The width of `text`, from cached per-character advances. Laying text out through fontkit
   * for every candidate line made wrapping a 5,000-action table take most of the export's time;
   * summing advances ignores kerning, which the wrapping margin absorbs.
   */
  widthOf(text: string, font: PDFFont, size: number): number {
    let advances = this.advances.get(font);
    if (!advances) this.advances.set(font, (advances = new Map()));
    let total = 0;
    for (const char of text) {
      let advance = advances.get(char);
      if (advance === undefined) {
        advance = font.widthOfTextAtSize(char, 1);
        advances.set(char, advance);
      }
      total += advance;
    }
    return total * size;
  }

  /**
   * The width of a table column that shows each of `labels` on one line (in the table's font, with
   * the cell's padding and `extra` room), rounded up to a whole point.
   */
  fitWidth(labels: readonly string[], extra = 0): number {
    const widest = Math.max(
      0,
      ...labels.map((l) => this.widthOf(flat(l), this.regular, TABLE_SIZE)),
    );
    return Math.ceil(widest + 2 * CELL_PADDING + extra + 0.5);
  }

  /**
   * The columns widened where a word of the header would not fit (a Russian header such as
   * «Мероприятий» in a narrow figure column), the room taken from the widest column.
   */
  private headersFitted(columns: readonly TableColumn[]): readonly TableColumn[] {
    const needed = columns.map((column) =>
      Math.ceil(
        Math.max(
          0,
          ...flat(column.header)
            .split(' ')
            .map((word) => this.widthOf(word, this.bold, TABLE_SIZE)),
        ) +
          2 * CELL_PADDING +
          0.5,
      ),
    );
    const deficit = columns.reduce(
      (sum, column, index) => sum + Math.max(0, needed[index]! - column.width),
      0,
    );
    if (deficit === 0) return columns;
    const widest = columns.reduce(
      (best, column, index) => (column.width > columns[best]!.width ? index : best),
      0,
    );
    if (columns[widest]!.width - deficit < needed[widest]!) return columns;
    return columns.map((column, index) => ({
      ...column,
      width: index === widest ? column.width - deficit : Math.max(column.width, needed[index]!),
    }));
  }

  /**
   * Lines of `text` no wider than `width`, broken at spaces; only a word wider than the whole
   * line is broken inside.
   */
  lines(text: string, font: PDFFont, size: number, width: number): string[] {
    const out: string[] = [];
    let line = '';
    for (const word of flat(text).split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.widthOf(candidate, font, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = word;
      while (this.widthOf(line, font, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && this.widthOf(line.slice(0, cut), font, size) > width) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    if (line) out.push(line);
    return out;
  }

  wrapped(
    text: string,
    options: { size?: number; bold?: boolean; color?: RGB; lineGap?: number } = {},
  ): void {
    const size = options.size ?? TEXT_SIZE;
    const font = options.bold ? this.bold : this.regular;
    const lineHeight = size * 1.25 + (options.lineGap ?? 0);
    for (const line of this.lines(text, font, size, CONTENT_WIDTH)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color: options.color ?? INK });
    }
  }

  /** A section heading, kept on the page with what follows it (a subheading and a table row). */
  heading(text: string): void {
    this.ensure(130);
    this.space(14);
    this.wrapped(text, { size: 15, bold: true });
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - 4 },
      end: { x: PAGE_WIDTH - MARGIN, y: this.y - 4 },
      thickness: 1,
      color: RULE,
    });
    this.space(10);
  }

  subheading(text: string): void {
    this.ensure(50);
    this.space(6);
    this.wrapped(text, { size: 11.5, bold: true });
    this.space(4);
  }

  paragraph(text: string, color: RGB = INK): void {
    this.wrapped(text, { color });
    this.space(6);
  }

  barChart(chart: Chart): void {
    const rowHeight = 16;
    const labelWidth = 170;
    const textWidth = 120;
    const barWidth = CONTENT_WIDTH - labelWidth - textWidth;
    this.ensure(rowHeight * (chart.bars.length + 1) + 16);
    this.space(8);
    this.wrapped(chart.title, { size: 11, bold: true });
    this.space(4);
    for (const bar of chart.bars) {
      this.ensure(rowHeight);
      this.y -= rowHeight;
      const label = this.lines(bar.label, this.regular, 9, labelWidth - 6);
      const shown = label.length > 1 ? `${label[0]!.slice(0, -1)}…` : (label[0] ?? '');
      this.page.drawText(shown, {
        x: MARGIN,
        y: this.y + 3,
        size: 9,
        font: this.regular,
        color: INK,
      });
      const x = MARGIN + labelWidth;
      this.page.drawRectangle({
        x,
        y: this.y + 1,
        width: barWidth,
        height: 11,
        color: BAR_BACKGROUND,
      });
      const filled = bar.max > 0 ? (bar.value / bar.max) * barWidth : 0;
      if (filled > 0)
        this.page.drawRectangle({
          x,
          y: this.y + 1,
          width: filled,
          height: 11,
          color: colorOf(bar.color),
        });
      this.page.drawText(bar.text, {
        x: x + barWidth + 6,
        y: this.y + 3,
        size: 9,
        font: this.regular,
        color: INK,
      });
    }
    this.space(6);
  }

  /**
   * A table whose header row repeats at the top of every page it runs onto, and with it the group
   * row (an action) the next rows belong to.
   */
  table(given: readonly TableColumn[], rows: readonly TableRow[], maxLines = MAX_CELL_LINES): void {
    const columns = this.headersFitted(given);
    const lineHeight = TABLE_SIZE * 1.3;
    const drawHeader = () => {
      const lines = columns.map((column) =>
        this.lines(column.header, this.bold, TABLE_SIZE, column.width - 2 * CELL_PADDING),
      );
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * CELL_PADDING;
      this.drawRow(columns, lines, height, this.bold, HEADER_FILL);
    };
    const whole: TableColumn[] = [{ header: '', width: CONTENT_WIDTH }];
    let group: { lines: string[][]; height: number } | null = null;
    this.ensure(60);
    drawHeader();
    for (const row of rows) {
      if (!Array.isArray(row)) {
        const lines = this.lines(
          (row as TableGroup).group,
          this.bold,
          TABLE_SIZE,
          CONTENT_WIDTH - 2 * CELL_PADDING,
        ).slice(0, 2);
        group = { lines: [lines], height: lines.length * lineHeight + 2 * CELL_PADDING };
        // keep the group row with its first row
        if (this.ensure(group.height + lineHeight + 2 * CELL_PADDING)) drawHeader();
        this.drawRow(whole, group.lines, group.height, this.bold, GROUP_FILL);
        continue;
      }
      const cells = row as readonly TableCell[];
      const lines = cells.map((cell, index) => {
        const column = columns[index]!;
        const width = column.width - 2 * CELL_PADDING - (cell.light ? LIGHT_DOT : 0);
        const all = this.lines(cell.text, this.regular, TABLE_SIZE, width);
        if (all.length <= maxLines) return all;
        const kept = all.slice(0, maxLines);
        kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, -1)}…`;
        return kept;
      });
      const height = Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * CELL_PADDING;
      if (this.ensure(height)) {
        drawHeader();
        if (group) this.drawRow(whole, group.lines, group.height, this.bold, GROUP_FILL);
      }
      this.drawRow(columns, lines, height, this.regular, undefined, cells);
    }
    this.space(8);
  }

  private drawRow(
    columns: readonly TableColumn[],
    lines: readonly (readonly string[])[],
    height: number,
    font: PDFFont,
    fill?: RGB,
    cells?: readonly TableCell[],
  ): void {
    const top = this.y;
    this.y -= height;
    if (fill)
      this.page.drawRectangle({ x: MARGIN, y: this.y, width: CONTENT_WIDTH, height, color: fill });
    let x = MARGIN;
    const texts: { text: string; x: number; y: number; color: RGB }[] = [];
    columns.forEach((column, index) => {
      const light = cells?.[index]?.light;
      let textX = x + CELL_PADDING;
      if (light) {
        this.page.drawCircle({
          x: textX + 3.5,
          y: top - CELL_PADDING - TABLE_SIZE * 0.45,
          size: 3.5,
          color: colorOf(LIGHT_COLORS[light]),
        });
        textX += LIGHT_DOT;
      }
      const links = cells?.[index]?.links ?? [];
      (lines[index] ?? []).forEach((line, lineIndex) => {
        const width = this.widthOf(line, font, TABLE_SIZE);
        const lineX = column.align === 'right' ? x + column.width - CELL_PADDING - width : textX;
        const lineY = top - CELL_PADDING - TABLE_SIZE - lineIndex * TABLE_SIZE * 1.3 + 1;
        const link = links.find((l) => l.text.includes(line));
        texts.push({ text: line, x: lineX, y: lineY, color: link ? LINK : INK });
        if (link) this.link(link.href, lineX, lineY - 2, width, TABLE_SIZE + 2);
      });
      x += column.width;
    });
    this.drawTexts(font, texts);
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: MARGIN + CONTENT_WIDTH, y: this.y },
      thickness: 0.5,
      color: RULE,
    });
  }

  /** A link annotation: a click on the rectangle opens `href` (an http(s) address). */
  private link(href: string, x: number, y: number, width: number, height: number): void {
    const context = this.document.context;
    const annotation = context.register(
      context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [x, y, x + width, y + height],
        Border: [0, 0, 0],
        // pdf-lib writes a literal string as is: escape its delimiters
        A: { Type: 'Action', S: 'URI', URI: PDFString.of(href.replace(/[\\()]/g, '\\$&')) },
      }),
    );
    this.page.node.addAnnot(annotation);
  }

  /** "Page n of N" and the plan's title at the foot of every page. */
  pageNumbers(label: (page: number, pages: number) => string, title: string): void {
    const pages = this.document.getPages();
    const shortTitle = this.lines(title, this.regular, 8, CONTENT_WIDTH * 0.6)[0] ?? '';
    pages.forEach((page, index) => {
      const text = label(index + 1, pages.length);
      const width = this.regular.widthOfTextAtSize(text, 8);
      page.drawText(text, {
        x: PAGE_WIDTH - MARGIN - width,
        y: FOOTER_Y,
        size: 8,
        font: this.regular,
        color: MUTED,
      });
      if (index > 0)
        page.drawText(shortTitle, {
          x: MARGIN,
          y: FOOTER_Y,
          size: 8,
          font: this.regular,
          color: MUTED,
        });
    });
  }
}
