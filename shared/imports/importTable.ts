// A file of actions as a table of text cells, whatever it came as: CSV (any delimiter, UTF-8 or
// Windows-1251) or XLSX (the sheet whose header looks most like an action list). Cells are text
// here; the preview parses and checks them.
import ExcelJS from 'exceljs';
import { dateOfUtcMidnight } from '../calendar';
import { restoreCell } from '../exports/csv';
import { recogniseHeader } from './columnMapping';
import { ImportFileError } from './importFileError';
import { decodeText, parseCsv, type CsvRow } from './parseCsv';

export const TABLE_KINDS = { csv: 'csv', xlsx: 'xlsx' } as const;
export type TableKind = keyof typeof TABLE_KINDS;

export interface ImportTable {
  readonly headers: readonly string[];
  /** data rows, each with the line (row number) it has in the file */
  readonly rows: readonly CsvRow[];
}

export { ImportFileError };

/** Files larger than this are refused before parsing: no action plan is this big. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The kind of a file from its name or first bytes (XLSX is a zip: `PK`). */
export function tableKindOf(bytes: Uint8Array, fileName?: string): TableKind {
  if (fileName?.toLowerCase().endsWith('.xlsx')) return 'xlsx';
  if (fileName?.toLowerCase().endsWith('.csv')) return 'csv';
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'csv';
}

export async function readImportTable(bytes: Uint8Array, kind: TableKind): Promise<ImportTable> {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportFileError(
      'too_large',
      `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
      { limit: MAX_IMPORT_BYTES },
    );
  const rows = kind === 'csv' ? csvRows(bytes) : await xlsxRows(bytes);
  const [header, ...data] = rows;
  if (!header) throw new ImportFileError('no_rows', 'the file has no rows');
  return { headers: header.cells.map((cell) => cell.trim()), rows: data };
}

function csvRows(bytes: Uint8Array): CsvRow[] {
  try {
    return parseCsv(decodeText(bytes)).map((row) => ({
      line: row.line,
      cells: row.cells.map(restoreCell),
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError('unreadable_csv', reason, { reason });
  }
}

// exceljs declares Node's Buffer for `load`; at run time it takes any ArrayBuffer or Uint8Array
// (its zip reader does), in Node and in browsers alike.
type LoadInput = Parameters<ExcelJS.Xlsx['load']>[0];

async function xlsxRows(bytes: Uint8Array): Promise<CsvRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as LoadInput);
  } catch {
    throw new ImportFileError('unreadable_xlsx', 'the file is not a readable XLSX workbook');
  }
  let best: CsvRow[] = [];
  let bestScore = -1;
  for (const sheet of workbook.worksheets) {
    const rows: CsvRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column++)
        cells.push(cellText(row.getCell(column).value));
      if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: rowNumber, cells });
    });
    const score = rows[0] ? recogniseHeader(rows[0].cells).filter((f) => f !== null).length : 0;
    if (score > bestScore) {
      best = rows;
      bestScore = score;
    }
  }
  return best;
}

/** A cell as text: dates as `YYYY-MM-DD`, numbers as written, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateOfUtcMidnight(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}
