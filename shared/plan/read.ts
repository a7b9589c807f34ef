// Readers that turn what a Y.Map holds into plain, valid values: the primitives of the field
// kinds (fields.ts). A document can hold anything a peer wrote (an old version, a bug, a hostile
// client): readers never throw and never pass an invalid value on, so every snapshot satisfies
// the schema by construction.
import * as Y from 'yjs';
import { isIsoDate } from '../calendar';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const EPOCH = '1970-01-01T00:00:00.000Z';

/** An integer percentage 0-100; anything else reads as 0. */
export function readPercent(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

export function readDate(value: unknown): string | null {
  return isIsoDate(value) ? value : null;
}

export function isIsoTimestamp(value: unknown): value is string {
  return typeof value === 'string' && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

export function readTimestamp(value: unknown): string | null {
  return isIsoTimestamp(value) ? value : null;
}

/** A timestamp that must exist; missing or broken ones read as the epoch (sorted first). */
export function readRequiredTimestamp(value: unknown): string {
  return readTimestamp(value) ?? EPOCH;
}

export function readId(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : null;
}

export function asMap(value: unknown): Y.Map<unknown> | null {
  return value instanceof Y.Map ? value : null;
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Y.AbstractType)
    ? (value as Record<string, unknown>)
    : null;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
