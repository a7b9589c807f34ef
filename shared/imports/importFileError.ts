// The one error every import throws for a file it cannot read; in its own module so that the JSON
// import does not bring the XLSX reader (exceljs) with it.

/** Thrown when a file cannot be read as a table at all (nothing is written). */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}
