// The whole plan as JSON: the snapshot itself with a format tag and version in front, so the
// file validates under the snapshot schema (zod drops the extra keys) and imports back whole.
// Reporting period and "changes since" do not apply: this is the plan's data, not a report.
import type { PlanSnapshot } from '../plan/schema';

export const JSON_EXPORT_FORMAT = 'accord.plan';
/** Raise when the file's shape changes; the import refuses versions newer than it knows. */
export const JSON_EXPORT_VERSION = 1;

export interface JsonExportHeader {
  readonly format: typeof JSON_EXPORT_FORMAT;
  readonly formatVersion: number;
  readonly exportedAt: string;
}

export function exportJson(snapshot: PlanSnapshot, exportedAt: string): Uint8Array {
  const file: JsonExportHeader & PlanSnapshot = {
    format: JSON_EXPORT_FORMAT,
    formatVersion: JSON_EXPORT_VERSION,
    exportedAt,
    ...snapshot,
  };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}
