// CSV as spreadsheet programs read it: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark
// so Excel opens Cyrillic and Turkmen letters correctly, and cells that a spreadsheet would run
// as a formula neutralised (CSV injection, OWASP): a leading ' makes them plain text.
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

function quoted(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV field. Numbers are written as numbers (a negative number is data, not a formula). */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quoted(neutraliseCell(value));
}

/** A whole CSV text, BOM included, from a header row and data rows. */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CellValue[])[],
): string {
  const lines = [header.map((cell) => csvField(cell)).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
