// What the import dialog decides with the user, between the shared preview (shared/imports) and
// the one transaction that writes it: which new organisations and objectives to create (each has
// its own "create" box), which rows are ready, and, when the user chose "import only the valid
// rows", the table of those rows alone. Pure, except confirmActionImport, which writes the plan.
import { applyActionImport, type ImportResult } from '../../shared/imports/applyActionImport';
import type { ColumnMapping, ImportField } from '../../shared/imports/columnMapping';
import type { ImportTable } from '../../shared/imports/importTable';
import {
  previewActionImport,
  type ImportPreview,
  type ImportProblem,
  type ImportRow,
} from '../../shared/imports/previewActionImport';
import { nameKey } from '../../shared/plan/names';
import type { Plan } from '../../shared/plan/plan';
import { snapshotOf } from '../../shared/plan/snapshot';

/** The names (nameKey) of new organisations and objectives the user chose not to create. */
export interface ImportChoices {
  readonly declinedOrganisations: ReadonlySet<string>;
  readonly declinedObjectives: ReadonlySet<string>;
}

export const NO_DECLINES: ImportChoices = {
  declinedOrganisations: new Set(),
  declinedObjectives: new Set(),
};

/** A row as the dialog shows it. */
export const ROW_VERDICTS = {
  /** imported as it is */
  ok: 'ok',
  /** imported, and creates an organisation or objective the user agreed to */
  creates: 'creates',
  /** has an error, or needs an organisation or objective the user declined: not importable */
  blocked: 'blocked',
} as const;
export type RowVerdict = keyof typeof ROW_VERDICTS;

/** Whether a problem stops its row, given what the user agreed to create. */
export function blocks(problem: ImportProblem, choices: ImportChoices): boolean {
  if (!problem.offer) return true;
  const declined =
    problem.code === 'unknown_organisation'
      ? choices.declinedOrganisations
      : choices.declinedObjectives;
  return declined.has(nameKey(problem.value));
}

export function rowVerdict(row: ImportRow, choices: ImportChoices): RowVerdict {
  if (row.problems.some((problem) => blocks(problem, choices))) return 'blocked';
  return row.problems.length > 0 ? 'creates' : 'ok';
}

export interface ImportPlanOfRows {
  /** the file's table with only the importable rows */
  readonly table: ImportTable;
  readonly importable: number;
  /** rows left out: errors, or a declined organisation or objective */
  readonly skipped: number;
}

/** The rows that can be imported, as a table the shared import can preview and apply again. */
export function importableRows(preview: ImportPreview, choices: ImportChoices): ImportPlanOfRows {
  const lines = new Set(
    preview.rows.filter((row) => rowVerdict(row, choices) !== 'blocked').map((row) => row.line),
  );
  return {
    table: {
      headers: preview.table.headers,
      rows: preview.table.rows.filter((row) => lines.has(row.line)),
    },
    importable: lines.size,
    skipped: preview.rows.length - lines.size,
  };
}

/** The mapping with column `index` set to `field`; a field moved from another column leaves it. */
export function remap(
  mapping: ColumnMapping,
  index: number,
  field: ImportField | null,
): ColumnMapping {
  return mapping.map((current, column) =>
    column === index ? field : field !== null && current === field ? null : current,
  );
}

/** What the dialog reports when the import is done. */
export interface ImportSummary extends ImportResult {
  readonly skipped: number;
}

/**
 * Writes the importable rows in one transaction (one undo step), creating the organisations and
 * objectives the user agreed to. Rows with problems are left out only when `validRowsOnly`;
 * otherwise any such row refuses the whole import. Throws ImportRefused (nothing written) when
 * the plan changed since the preview so that a row no longer fits.
 */
export function confirmActionImport(
  plan: Plan,
  preview: ImportPreview,
  choices: ImportChoices,
  validRowsOnly: boolean,
): ImportSummary {
  const rows = importableRows(preview, choices);
  if (rows.skipped > 0 && !validRowsOnly)
    throw new Error('rows with problems are left out only when the user chose so');
  const current = previewActionImport(snapshotOf(plan.doc), rows.table, preview.mapping);
  const result = applyActionImport(plan, current, {
    createOrganisations: true,
    newOrganisationKind: 'other',
    createObjectives: true,
  });
  return { ...result, skipped: rows.skipped };
}

/** Why a file cannot be an action table, before any parsing: null when it may be one. */
export function tableFileProblem(
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number,
): 'tooLarge' | 'notTable' | 'empty' | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > maxBytes) return 'tooLarge';
  const name = fileName.toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (name.endsWith('.xlsx')) return zip ? null : 'notTable';
  if (/\.(csv|tsv|txt)$/.test(name)) {
    // A text table is no zip and has no NUL bytes (the CSV export writes UTF-8).
    return zip || bytes.subarray(0, 4096).includes(0) ? 'notTable' : null;
  }
  // Any other name: only a workbook, recognised by its zip signature, may still be a table.
  return zip ? null : 'notTable';
}
