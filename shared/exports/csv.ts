// CSV as spreadsheet programs read it: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark
// so Excel opens Cyrillic and Turkmen letters correctly, and cells that a spreadsheet would run
// as a formula neutralised (CSV injection, OWASP): a leading ' makes them plain text. Papaparse
// writes it; the neutralising stays here because the import must undo it exactly.
import Papa from 'papaparse';
import type { CellValue } from './actionColumns';

/**
 * First characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula, and
 * the quote itself, so that neutralising is reversible: the import drops exactly one leading '.
 */
const NEEDS_QUOTE_PREFIX = /^[=+\-@\t\r']/;

export const UTF8_BOM = '\uFEFF';

/** A text cell a spreadsheet will show as text: prefixed with ' when it could run as a formula. */
export function neutraliseCell(text: string): string {
  return NEEDS_QUOTE_PREFIX.test(text) ? `'${text}` : text;
}

/** The text a neutralised cell stood for (what neutraliseCell was given). */
export function restoreCell(text: string): string {
  return text.startsWith("'") && NEEDS_QUOTE_PREFIX.test(text.slice(1)) ? text.slice(1) : text;
}

const WRITE: Papa.UnparseConfig = {
  newline: '\r\n',
  // Papaparse quotes a leading or trailing space; a tab or line break at either end too.
  quotes: (value: unknown) => typeof value === 'string' && value !== value.trim(),
};

function cellOf(value: CellValue): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  return neutraliseCell(value);
}

/** A whole CSV text, BOM included, from a header row and data rows. Numbers are written as
 * numbers (a negative number is data, not a formula). */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CellValue[])[],
): string {
  const table = [header.map(cellOf), ...rows.map((row) => row.map(cellOf))];
  return `${UTF8_BOM}${Papa.unparse(table, WRITE)}\r\n`;
}
