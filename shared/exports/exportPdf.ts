// The report document as a PDF: a title page (plan, report, period, date), then its sections
// (headings, paragraphs, bar charts, tables whose header row repeats on every page they run onto),
// page numbers on every page. DejaVu Sans is embedded, so Russian and Turkmen letters
// (ň ž ş ý ä ö ü ç) render and copy out as text in any viewer. It draws each column by its type;
// what a table holds is the report document's business (reportDocument.ts).
//
// pdf-lib and fontkit are plain JavaScript over Uint8Array (no Node streams, no file access), so
// this runs the same in the server, the CLI and the renderer. pdf-lib draws, it does not lay
// out: the small layout below (wrapping, page breaks, repeated table headers) is ours, kept
// because it beat pdfmake on the exports benchmark (figures in README.md).
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
import { dejaVuSans, dejaVuSansBold } from './fonts/dejaVuSans';
import type { Block, Cell, Column, ColumnType, ReportDocument, Table } from './reportDocument';
import { LIGHT_COLORS, type Chart } from './reportFigures';
import { markUndrawableIn } from './undrawable';

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
/** A table's cell shows at most this many lines; the rest is cut with an ellipsis. */
const MAX_CELL_LINES = 6;
/** Official texts (framework items) are shown whole. */
const MAX_WHOLE_TEXT_LINES = 40;
const INK = rgb(0.13, 0.13, 0.13);
const MUTED = rgb(0.33, 0.43, 0.48);
const RULE = rgb(0.81, 0.85, 0.86);
const HEADER_FILL = rgb(0.93, 0.94, 0.95);
const BAR_BACKGROUND = rgb(0.93, 0.94, 0.95);
const GROUP_FILL = rgb(0.97, 0.97, 0.98);
const LINK = rgb(0.08, 0.4, 0.75);

/** Columns that wrap and share the width the others leave; the others fit their widest word. */
const WRAPPING: ReadonlySet<ColumnType> = new Set(['text', 'links']);
const RIGHT_ALIGNED: ReadonlySet<ColumnType> = new Set(['percent', 'number']);

/** A column as drawn: its header, its width on the page and how its cells sit. */
interface PdfColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: 'right';
  readonly maxLines: number;
}

export async function exportPdf(full: ReportDocument): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const regular = await document.embedFont(dejaVuSans);
  const bold = await document.embedFont(dejaVuSansBold);
  const inBold = new Set(bold.getCharacterSet());
  const drawable = new Set(regular.getCharacterSet().filter((codePoint) => inBold.has(codePoint)));
  const { value: report, marked } = markUndrawableIn(full, (codePoint) => drawable.has(codePoint));
  document.setTitle(`${report.title} — ${report.subtitle}`);
  document.setLanguage(report.language);
  document.setCreator('Accord');
  document.setProducer('Accord');
  document.setCreationDate(new Date(report.generatedAt));
  document.setModificationDate(new Date(report.generatedAt));

  const layout = new PdfLayout(document, regular, bold);
  titlePage(layout, report, marked);
  layout.newPage();
  for (const section of report.sections) {
    layout.heading(section.heading);
    for (const block of section.blocks) drawBlock(layout, block);
  }
  layout.pageNumbers(report.pageLabel, report.title);
  return document.save({ useObjectStreams: true });
}

function titlePage(layout: PdfLayout, report: ReportDocument, undrawn: number): void {
  layout.newPage();
  layout.space(PAGE_HEIGHT * 0.22);
  layout.wrapped(report.title, { size: 26, bold: true, lineGap: 8 });
  layout.space(10);
  layout.wrapped(report.subtitle, { size: 16, color: MUTED });
  layout.space(30);
  for (const line of report.lines) layout.wrapped(line, { size: 12, lineGap: 4 });
  if (report.summary) {
    layout.space(24);
    layout.wrapped(report.summary, { size: TEXT_SIZE, color: MUTED });
  }
  if (undrawn > 0) {
    layout.space(24);
    layout.wrapped(report.undrawableNote(undrawn), { size: TEXT_SIZE, color: MUTED });
  }
}

function drawBlock(layout: PdfLayout, block: Block): void {
  switch (block.kind) {
    case 'paragraph':
      return layout.paragraph(block.text, block.muted ? MUTED : INK);
    case 'subheading':
      return layout.subheading(block.text);
    case 'figures':
      return layout.paragraph(
        block.figures.map((figure) => `${figure.label}: ${figure.value}`).join('   ·   '),
      );
    case 'charts':
      for (const chart of block.charts) layout.barChart(chart);
      return;
    case 'table':
      return layout.table(narrowed(block.table));
  }
}

/**
 * The table as an A4 page has room for it: without its dispensable columns, and with percent
 * cells as bare figures (the column's header says %), which leaves the room to titles.
 */
function narrowed(table: Table): Table {
  const kept = table.columns.flatMap((column, index) => (column.dispensable ? [] : [index]));
  const figure = (cell: Cell, index: number): Cell =>
    table.columns[index]!.type === 'percent' && typeof cell.value === 'number'
      ? { ...cell, text: String(cell.value) }
      : cell;
  return {
    columns: kept.map((index) => table.columns[index]!),
    rows: table.rows.map((row) =>
      Array.isArray(row)
        ? kept.map((index) => figure((row as readonly Cell[])[index]!, index))
        : row,
    ),
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
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /** The names each page's resources give the fonts. */
  private readonly fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

  /**
   * Texts of one font and size as one text object (a table row, a footer). pdf-lib's drawText
   * wraps every string in its own graphics state and adds the font to the page's resources again
   * under a new name each call; a 5,000-action report draws some 150,000 strings, and that
   * overhead was most of its time.
   */
  private drawTexts(
    font: PDFFont,
    size: number,
    texts: readonly { text: string; x: number; y: number; color: RGB }[],
    page: PDFPage = this.page,
  ): void {
    if (texts.length === 0) return;
    let keys = this.fontKeys.get(page);
    if (!keys) this.fontKeys.set(page, (keys = new Map()));
    let key = keys.get(font);
    if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
    const operators = [beginText(), setFontAndSize(key, size)];
    let color: RGB | null = null;
    for (const { text, x, y, color: next } of texts) {
      if (next !== color) operators.push(setFillingColor((color = next)));
      operators.push(setTextMatrix(1, 0, 0, 1, x, y), showText(this.encoded(font, text)));
    }
    operators.push(endText());
    page.pushOperators(...operators);
  }

  private readonly encodings = new Map<PDFFont, Map<string, PDFHexString>>();

  /**
   * `text` in `font`'s encoding, each distinct text encoded once. pdf-lib lays every string out
   * through fontkit (glyph substitution and positioning), which was most of a large report's
   * time, and a report draws the same words (dates, statuses, percentages) tens of thousands of
   * times.
   */
  private encoded(font: PDFFont, text: string): PDFHexString {
    let encodings = this.encodings.get(font);
    if (!encodings) this.encodings.set(font, (encodings = new Map()));
    let encoded = encodings.get(text);
    if (encoded === undefined) encodings.set(text, (encoded = font.encodeText(text)));
    return encoded;
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
   * The table's columns on the page. A column that does not wrap is as wide as its widest word
   * (its `fits`, every cell, and each word of its header), with the cell's padding and a light's
   * dot, rounded up to a whole point; text columns share what is left by their weights, each
   * widened where a word of its header would not fit (a Russian header such as «Мероприятий»),
   * the room taken from the widest column.
   */
  private columnsOf(table: Table): readonly PdfColumn[] {
    const headers = table.columns.map((column) => column.narrowHeader ?? column.header);
    const fitted = table.columns.map((column, index) => {
      if (WRAPPING.has(column.type)) return null;
      let widest = 0;
      for (const word of column.fits ?? [])
        widest = Math.max(widest, this.widthOf(flat(word), this.regular, TABLE_SIZE));
      for (const row of table.rows)
        if (Array.isArray(row))
          widest = Math.max(
            widest,
            this.widthOf(flat((row as readonly Cell[])[index]!.text), this.regular, TABLE_SIZE),
          );
      if (column.type === 'light') widest += LIGHT_DOT;
      return this.padded(Math.max(widest, this.widestHeaderWord(headers[index]!)));
    });
    const left = CONTENT_WIDTH - fitted.reduce<number>((sum, width) => sum + (width ?? 0), 0);
    const weights = table.columns.reduce(
      (sum, column, index) => sum + (fitted[index] === null ? (column.weight ?? 1) : 0),
      0,
    );
    const columns = table.columns.map((column: Column, index) => ({
      header: headers[index]!,
      width: fitted[index] ?? Math.floor((left * (column.weight ?? 1)) / weights),
      ...(RIGHT_ALIGNED.has(column.type) ? { align: 'right' as const } : {}),
      maxLines: column.whole ? MAX_WHOLE_TEXT_LINES : MAX_CELL_LINES,
    }));
    const needed = columns.map((column) => this.padded(this.widestHeaderWord(column.header)));
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

  private widestHeaderWord(header: string): number {
    return Math.max(
      0,
      ...flat(header)
        .split(' ')
        .map((word) => this.widthOf(word, this.bold, TABLE_SIZE)),
    );
  }

  /** A cell's width for contents `width` wide: with its padding, rounded up to a whole point. */
  private padded(width: number): number {
    return Math.ceil(width + 2 * CELL_PADDING + 0.5);
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
      this.drawTexts(font, size, [
        { text: line, x: MARGIN, y: this.y, color: options.color ?? INK },
      ]);
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
      this.drawTexts(this.regular, 9, [
        { text: shown, x: MARGIN, y: this.y + 3, color: INK },
        { text: bar.text, x: x + barWidth + 6, y: this.y + 3, color: INK },
      ]);
    }
    this.space(6);
  }

  /**
   * A table whose header row repeats at the top of every page it runs onto, and with it the group
   * row (an action) the next rows belong to.
   */
  table(table: Table): void {
    const columns = this.columnsOf(table);
    const lineHeight = TABLE_SIZE * 1.3;
    const drawHeader = () => {
      const lines = columns.map((column) =>
        this.lines(column.header, this.bold, TABLE_SIZE, column.width - 2 * CELL_PADDING),
      );
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * CELL_PADDING;
      this.drawRow(columns, lines, height, this.bold, HEADER_FILL);
    };
    const whole: PdfColumn[] = [{ header: '', width: CONTENT_WIDTH, maxLines: 2 }];
    let group: { lines: string[][]; height: number } | null = null;
    this.ensure(60);
    drawHeader();
    for (const row of table.rows) {
      if (!Array.isArray(row)) {
        const lines = this.lines(
          (row as { group: string }).group,
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
      const cells = row as readonly Cell[];
      const lines = cells.map((cell, index) => {
        const column = columns[index]!;
        const width = column.width - 2 * CELL_PADDING - (cell.light ? LIGHT_DOT : 0);
        const all = this.lines(cell.text, this.regular, TABLE_SIZE, width);
        if (all.length <= column.maxLines) return all;
        const kept = all.slice(0, column.maxLines);
        kept[column.maxLines - 1] = `${kept[column.maxLines - 1]!.slice(0, -1)}…`;
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
    columns: readonly PdfColumn[],
    lines: readonly (readonly string[])[],
    height: number,
    font: PDFFont,
    fill?: RGB,
    cells?: readonly Cell[],
  ): void {
    const top = this.y;
    this.y -= height;
    if (fill)
      this.page.drawRectangle({ x: MARGIN, y: this.y, width: CONTENT_WIDTH, height, color: fill });
    let x = MARGIN;
    const texts: { text: string; x: number; y: number; color: RGB }[] = [];
    columns.forEach((column, index) => {
      const cell = cells?.[index];
      let textX = x + CELL_PADDING;
      if (cell?.light) {
        this.page.drawCircle({
          x: textX + 3.5,
          y: top - CELL_PADDING - TABLE_SIZE * 0.45,
          size: 3.5,
          color: colorOf(LIGHT_COLORS[cell.light]),
        });
        textX += LIGHT_DOT;
      }
      const links = (cell?.items ?? []).flatMap((item) =>
        item.href === null ? [] : [{ text: flat(item.text), href: item.href }],
      );
      const color = cell?.muted ? MUTED : INK;
      (lines[index] ?? []).forEach((line, lineIndex) => {
        const width = this.widthOf(line, font, TABLE_SIZE);
        const lineX = column.align === 'right' ? x + column.width - CELL_PADDING - width : textX;
        const lineY = top - CELL_PADDING - TABLE_SIZE - lineIndex * TABLE_SIZE * 1.3 + 1;
        const link = links.find((l) => l.text.includes(line));
        texts.push({ text: line, x: lineX, y: lineY, color: link ? LINK : color });
        if (link) this.link(link.href, lineX, lineY - 2, width, TABLE_SIZE + 2);
      });
      x += column.width;
    });
    this.drawTexts(font, TABLE_SIZE, texts);
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
      const width = this.widthOf(text, this.regular, 8);
      const texts = [{ text, x: PAGE_WIDTH - MARGIN - width, y: FOOTER_Y, color: MUTED }];
      if (index > 0) texts.push({ text: shortTitle, x: MARGIN, y: FOOTER_Y, color: MUTED });
      this.drawTexts(this.regular, 8, texts, page);
    });
  }
}
