// The plan as an Excel workbook: one sheet per view donors and ministries work with. Dates and
// numbers are real cells (they sort, filter and sum), every sheet has a frozen, filtered header
// row and columns as wide as their contents.
//
// The report document as an Excel workbook: one sheet per table of its workbook medium. Dates
// and numbers are real cells (they sort, filter and sum), every sheet has a frozen, filtered
// header row and columns as wide as their contents. It writes each column by its type; what a
// sheet holds is the report document's business (reportDocument.ts).
//
// exceljs runs in Node and in browsers: its package.json `browser` field points bundlers (Vite)
// at a build that carries its own zip and stream code, and in Node it uses the Node build. We use
// only the in-memory API (`writeBuffer`), never its file or stream helpers, so this module does no
// I/O in either place and shared/ stays pure.
import ExcelJS from 'exceljs';
import { utcMidnight } from '../calendar';
import type { TrafficLight } from '../plan/views';
import type { Cell, ColumnType, ReportDocument, Sheet } from './reportDocument';

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

export async function exportXlsx(report: ReportDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Accord';
  workbook.title = report.title;
  workbook.created = utcMidnight(report.today);
  for (const sheet of report.sheets) addSheet(workbook, sheet);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** What a sheet stores: the cell's value where it has one, else its text; '' is an empty cell. */
function valueOf(cell: Cell): string | number | null {
  return cell.value === undefined ? cell.text : cell.value;
}

/** Excel's view of a cell: dates as Date (midnight UTC, which exceljs writes as that day). */
function cellOf(value: string | number | null, type: ColumnType): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if ((type === 'date' || type === 'timestamp') && typeof value === 'string') {
    const time = Date.parse(type === 'date' ? `${value}T00:00:00Z` : value);
    return Number.isNaN(time) ? value : new Date(time);
  }
  return value;
}

/** A sheet with a bold, frozen, filtered header row, typed cells and fitted column widths. */
function addSheet(workbook: ExcelJS.Workbook, { name, table, empty }: Sheet): void {
  const { columns } = table;
  const sheet = workbook.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths = columns.map((column) => column.header.length);
  sheet.addRow(columns.map((column) => column.header));
  let rowNumber = 1;
  for (const row of table.rows) {
    // a workbook row stands on its own: group rows are for pages
    if (!Array.isArray(row)) continue;
    const cells = row as readonly Cell[];
    rowNumber++;
    const added = sheet.addRow(
      cells.map((cell, index) => cellOf(valueOf(cell), columns[index]!.type)),
    );
    cells.forEach((cell, index) => {
      const type = columns[index]!.type;
      const value = valueOf(cell);
      const length =
        type === 'date' ? 10 : type === 'timestamp' ? 16 : value === null ? 0 : longestLine(value);
      if (length > widths[index]!) widths[index] = length;
      if (cell.light)
        added.getCell(index + 1).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: LIGHT_FILLS[cell.light] },
        };
    });
  }
  if (rowNumber === 1 && empty) sheet.addRow([empty]);
  columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[index]! + 2));
    if (column.type === 'date') sheetColumn.numFmt = DATE_FORMAT;
    if (column.type === 'timestamp') sheetColumn.numFmt = TIMESTAMP_FORMAT;
    if ((column.type === 'text' || column.type === 'links') && widths[index]! > MAX_WIDTH)
      sheetColumn.alignment = { wrapText: true, vertical: 'top' };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
  if (columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
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
