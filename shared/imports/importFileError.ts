// The one error every import throws for a file it cannot read; in its own module so that the JSON
// import does not bring the XLSX reader (exceljs) with it.

/** Why a file was refused; callers word it from the code (the message is English, for logs). */
export const IMPORT_FILE_PROBLEMS = {
  /** larger than MAX_IMPORT_BYTES (details.limit: the limit in bytes) */
  too_large: 'too_large',
  /** a table file with not even a header row */
  no_rows: 'no_rows',
  /** CSV text that cannot be split into cells (details.reason: what the CSV reader said) */
  unreadable_csv: 'unreadable_csv',
  /** not a workbook exceljs can open (damaged, or another kind of file) */
  unreadable_xlsx: 'unreadable_xlsx',
  /** a plan file that is not JSON at all */
  not_json: 'not_json',
  /** JSON, but not an Accord plan export */
  not_plan_export: 'not_plan_export',
  /** an export in a format version newer than this Accord reads (details.version) */
  newer_format: 'newer_format',
  /** a plan of a schema version newer than this Accord knows (details.version) */
  newer_schema: 'newer_schema',
  /** an export whose plan breaks the schema (details.reason: which fields, in English) */
  damaged_plan: 'damaged_plan',
  /** the document to import into already holds a plan */
  not_empty: 'not_empty',
} as const;
export type ImportFileProblem = keyof typeof IMPORT_FILE_PROBLEMS;

/** What a refusal is about, beyond its code. */
export interface ImportFileErrorDetails {
  /** the limit broken (too_large: bytes) */
  readonly limit?: number;
  /** the version found in the file (newer_format, newer_schema) */
  readonly version?: number;
  /** the reader's own words (unreadable_csv, damaged_plan), English */
  readonly reason?: string;
}

/** Thrown when a file cannot be imported at all (nothing is written). */
export class ImportFileError extends Error {
  readonly code: ImportFileProblem;
  readonly details: ImportFileErrorDetails;
  constructor(code: ImportFileProblem, message: string, details: ImportFileErrorDetails = {}) {
    super(message);
    this.name = 'ImportFileError';
    this.code = code;
    this.details = details;
  }
}
