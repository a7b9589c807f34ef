// CSV as spreadsheets write it (RFC 4180): quoted fields with "" for a quote and line breaks
// inside, CRLF or LF line ends, a UTF-8 byte-order mark. The delimiter is detected: Excel in a
// Russian or Turkmen locale saves with ';', other programs with ',' or a tab. Papaparse reads it;
// this module adds the line numbers people are told and refuses broken quoting.
import Papa from 'papaparse';

export class CsvError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
    this.line = line;
  }
}

export interface CsvRow {
  /** the line the row starts on, 1-based, as a spreadsheet user counts (header = 1) */
  readonly line: number;
  readonly cells: readonly string[];
}

const DELIMITERS = [',', ';', '\t'];
/** Rows papaparse looks at to choose the delimiter that splits them most consistently. */
const DETECT_ROWS = 10;
const LINE_BREAK = /\r\n|\r|\n/g;

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed',
  InvalidQuotes: 'a quote inside a quoted field must be doubled ("")',
};

/** The delimiter that splits the first rows most consistently (',' when none does). */
export function detectDelimiter(text: string): string {
  return Papa.parse<string[]>(text, { preview: DETECT_ROWS, delimitersToGuess: DELIMITERS }).meta
    .delimiter;
}

function lineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** Every row of a CSV text, blank lines left out. Throws CsvError on broken quoting. */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): CsvRow[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const parsed = Papa.parse<string[]>(text, { delimiter });
  const problem = parsed.errors.find((error) => error.code in QUOTE_PROBLEMS);
  if (problem) {
    throw new CsvError(
      1 + lineBreaks(text.slice(0, problem.index ?? 0)),
      QUOTE_PROBLEMS[problem.code]!,
    );
  }
  const rows: CsvRow[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    if (cells.length > 1 || cells[0] !== '') rows.push({ line, cells });
    // A row takes its own line plus those its quoted cells break onto.
    line += 1;
    for (const cell of cells) line += lineBreaks(cell);
  }
  return rows;
}

/**
 * Text from a file's bytes: UTF-8 (with or without BOM), or Windows-1251 when the bytes are not
 * valid UTF-8 (older Russian-locale Excel saves CSV that way).
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}
