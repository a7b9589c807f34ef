// Imports a plan exported as JSON (exportJson) into a new, empty document: the same plan again,
// with its ids, refs, order, authors and timestamps, so that exporting it again gives the same
// file (shared/plan/restore.ts writes it).
import { z } from 'zod';
import { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION } from '../exports/exportJson';
import { SCHEMA_VERSION } from '../plan/model';
import { planParts, type Plan } from '../plan/plan';
import { restoreSnapshot } from '../plan/restore';
import { PlanSnapshot } from '../plan/schema';
import { snapshotOf } from '../plan/snapshot';
import { decodeText } from './parseCsv';
import { ImportFileError } from './importFileError';

const Header = z.object({
  format: z.literal(JSON_EXPORT_FORMAT),
  formatVersion: z.number().int().positive(),
});

/** Reads and checks an exported plan file; throws ImportFileError (its code says what is wrong). */
export function readPlanJson(bytes: Uint8Array): PlanSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes));
  } catch {
    throw new ImportFileError('not_json', 'the file is not JSON');
  }
  const header = Header.safeParse(data);
  if (!header.success)
    throw new ImportFileError('not_plan_export', 'the file is not an Accord plan export');
  if (header.data.formatVersion > JSON_EXPORT_VERSION)
    throw new ImportFileError(
      'newer_format',
      `the file was written by a newer Accord (format ${header.data.formatVersion}); update Accord to import it`,
      { version: header.data.formatVersion },
    );
  const snapshot = PlanSnapshot.safeParse(data);
  if (!snapshot.success) {
    const reason = z.prettifyError(snapshot.error);
    throw new ImportFileError('damaged_plan', `the plan in the file is damaged: ${reason}`, {
      reason,
    });
  }
  if (snapshot.data.meta.schemaVersion > SCHEMA_VERSION)
    throw new ImportFileError(
      'newer_schema',
      'the plan uses a newer schema than this Accord knows',
      { version: snapshot.data.meta.schemaVersion },
    );
  return snapshot.data;
}

/**
 * Imports an exported plan into `into`, which must be a new, empty document, in one
 * transaction. Returns the imported plan's snapshot.
 */
export function importPlanJson(into: Plan, bytes: Uint8Array): PlanSnapshot {
  const snapshot = readPlanJson(bytes);
  const parts = planParts(into.doc);
  if (parts.meta.size > 0 || parts.actions.size > 0)
    throw new ImportFileError(
      'not_empty',
      'a plan can only be imported into a new, empty document',
    );
  restoreSnapshot(into, snapshot);
  return snapshotOf(into.doc);
}
