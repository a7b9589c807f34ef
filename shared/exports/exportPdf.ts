// The report as a PDF: a title page (plan, report, period, date), the summary with bar charts,
// "what changed", a table of actions by objective with traffic lights, overdue actions and
// framework coverage; page numbers on every page. DejaVu Sans is embedded, so Russian and
// Turkmen letters (ň ž ş ý ä ö ü ç) render and copy out as text in any viewer.
//
// pdf-lib and fontkit are plain JavaScript over Uint8Array (no Node streams, no file access), so
// this runs the same in the server, the CLI and the renderer. pdf-lib draws, it does not lay
// out: the small layout below (wrapping, page breaks, repeated table headers) is ours.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { itemTitle, textIn } from '../frameworks';
import type { Action } from '../plan/schema';
import { actionsByObjective, coverage, overdue, type TrafficLight } from '../plan/views';
import { dejaVuSans, dejaVuSansBold } from './fonts/dejaVuSans';
import { periodLines } from './exportHtml';
import {
  coverageChart,
  enteredByOwners,
  indicatorRows,
  LIGHT_COLORS,
  lightChart,
  lightOf,
  objectiveChart,
  organisationRows,
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
/** An action table's cell shows at most this many lines; the rest is cut with an ellipsis. */
const MAX_CELL_LINES = 6;
/** Framework texts (official SDG targets) are shown whole. */
const MAX_FRAMEWORK_TEXT_LINES = 40;
const INK = rgb(0.13, 0.13, 0.13);
const MUTED = rgb(0.33, 0.43, 0.48);
const RULE = rgb(0.81, 0.85, 0.86);
const HEADER_FILL = rgb(0.93, 0.94, 0.95);
const BAR_BACKGROUND = rgb(0.93, 0.94, 0.95);

interface TableColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: 'right';
}

interface TableCell {
  readonly text: string;
  /** a coloured dot before the text */
  readonly light?: TrafficLight;
}

export async function exportPdf(scope: ReportScope, generatedAt: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const regular = await document.embedFont(dejaVuSans);
  const bold = await document.embedFont(dejaVuSansBold);
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

function actionTable(
  layout: PdfLayout,
  scope: ReportScope,
  actions: readonly Action[],
  withChange: boolean,
): void {
  const { context } = scope;
  const columns: TableColumn[] = withChange
    ? [
        { header: context.t('column.ref'), width: 38 },
        { header: context.t('column.title'), width: 132 },
        { header: context.t('column.lead'), width: 69 },
        { header: context.t('column.status'), width: 70 },
        { header: context.t('column.light'), width: 96 },
        { header: context.t('column.change'), width: 90 },
      ]
    : [
        { header: context.t('column.ref'), width: 38 },
        { header: context.t('column.title'), width: 137 },
        { header: context.t('column.lead'), width: 76 },
        { header: context.t('column.deadline'), width: 56 },
        { header: context.t('column.status'), width: 70 },
        { header: '%', width: 22, align: 'right' },
        { header: context.t('column.light'), width: 96 },
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
          { text: action.title },
          { text: lead },
          { text: status },
          lightCell,
          { text: change ? describeChange(change, context) : '' },
        ];
      }
      return [
        { text: action.ref },
        { text: action.title },
        { text: lead },
        { text: context.date(action.deadline) },
        { text: status },
        { text: String(action.progress) },
        lightCell,
      ];
    }),
  );
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
    this.y = PAGE_HEIGHT - MARGIN;
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

  /** Lines of `text` no wider than `width`; words longer than a line are broken. */
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

  /** A table whose header row repeats at the top of every page it runs onto. */
  table(
    columns: readonly TableColumn[],
    rows: readonly (readonly TableCell[])[],
    maxLines = MAX_CELL_LINES,
  ): void {
    const lineHeight = TABLE_SIZE * 1.3;
    const drawHeader = () => {
      const lines = columns.map((column) =>
        this.lines(column.header, this.bold, TABLE_SIZE, column.width - 2 * CELL_PADDING),
      );
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * CELL_PADDING;
      this.drawRow(columns, lines, height, this.bold, HEADER_FILL);
    };
    this.ensure(60);
    drawHeader();
    for (const row of rows) {
      const lines = row.map((cell, index) => {
        const column = columns[index]!;
        const width = column.width - 2 * CELL_PADDING - (cell.light ? 9 : 0);
        const all = this.lines(cell.text, this.regular, TABLE_SIZE, width);
        if (all.length <= maxLines) return all;
        const kept = all.slice(0, maxLines);
        kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, -1)}…`;
        return kept;
      });
      const height = Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * CELL_PADDING;
      if (this.ensure(height)) drawHeader();
      this.drawRow(columns, lines, height, this.regular, undefined, row);
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
        textX += 9;
      }
      (lines[index] ?? []).forEach((line, lineIndex) => {
        const width = this.widthOf(line, font, TABLE_SIZE);
        this.page.drawText(line, {
          x: column.align === 'right' ? x + column.width - CELL_PADDING - width : textX,
          y: top - CELL_PADDING - TABLE_SIZE - lineIndex * TABLE_SIZE * 1.3 + 1,
          size: TABLE_SIZE,
          font,
          color: INK,
        });
      });
      x += column.width;
    });
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: MARGIN + CONTENT_WIDTH, y: this.y },
      thickness: 0.5,
      color: RULE,
    });
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
