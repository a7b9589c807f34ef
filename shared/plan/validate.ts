// Input checks for operations: each throws a PlanError('invalid') naming the field, before the
// operation writes anything.
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from './model';
import { PlanError } from './plan';
import { isIsoDate } from './read';

/** Half of a UTF-16 surrogate pair on its own: Yjs stores text as UTF-8, which cannot hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a replica can store and send exactly; anything else would read differently elsewhere. */
function text(value: string, field: string): string {
  if (typeof value !== 'string') throw new PlanError('invalid', `${field} must be text`);
  if (LONE_SURROGATE.test(value))
    throw new PlanError('invalid', `${field} contains a broken character`);
  return value;
}

export function title(value: string, field = 'title'): string {
  text(value, field);
  if (value.length > MAX_TITLE_LENGTH) {
    throw new PlanError('invalid', `${field} is longer than ${MAX_TITLE_LENGTH} characters`);
  }
  return value;
}

export function requiredTitle(value: string, field = 'title'): string {
  title(value, field);
  if (value.trim().length === 0) throw new PlanError('invalid', `${field} must not be empty`);
  return value;
}

export function longText(value: string, field: string): string {
  text(value, field);
  if (value.length > MAX_TEXT_LENGTH) {
    throw new PlanError('invalid', `${field} is longer than ${MAX_TEXT_LENGTH} characters`);
  }
  return value;
}

export function date(value: string | null, field: string): string | null {
  if (value === null) return null;
  if (!isIsoDate(value))
    throw new PlanError(
      'invalid',
      `${field} must be a date YYYY-MM-DD, not ${JSON.stringify(value)}`,
    );
  return value;
}

export function dateRange(start: string | null, end: string | null, what: string): void {
  if (start !== null && end !== null && start > end) {
    throw new PlanError('invalid', `${what} starts (${start}) after it ends (${end})`);
  }
}

export function percent(value: number, field = 'progress'): number {
  if (!Number.isInteger(value) || value < 0 || value > 100) {
    throw new PlanError('invalid', `${field} must be a whole number from 0 to 100`);
  }
  return value;
}

export function finiteNumber(value: number | null, field: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PlanError('invalid', `${field} must be a number`);
  }
  return value;
}

export function oneOf<T extends string>(value: T, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value)) {
    throw new PlanError('invalid', `${field} must be one of ${allowed.join(', ')}`);
  }
  return value;
}

export function shortText(value: string, max: number, field: string): string {
  text(value, field);
  if (value.length > max)
    throw new PlanError('invalid', `${field} is longer than ${max} characters`);
  return value;
}
