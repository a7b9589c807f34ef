// Calendar dates as a plan means them: `YYYY-MM-DD` with no time of day, "today" being the date
// where the user is. Temporal.PlainDate does the calendar; loops over every action (traffic lights,
// due dates) use an integer day number instead, which costs a twentieth of a PlainDate.
import { Temporal } from 'temporal-polyfill';

/** `YYYY-MM-DD` */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The date in `timeZone` (an IANA name; by default the runtime's) at the instant `at`. */
export function todayIn(
  timeZone: string = Temporal.Now.timeZoneId(),
  at: Date = new Date(),
): IsoDate {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** Days since 1970-01-01 (NaN for text that is no date): subtract two to count days between. */
export function dayNumber(date: IsoDate): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** Whole days from `from` to `to`, negative when `to` comes first. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** A real calendar day written `YYYY-MM-DD` (not 2025-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  // A snapshot checks every date it reads, so this avoids a PlainDate: a day that does not exist
  // parses as a neighbouring one or none, and does not read back as itself.
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** The first and last day of `months` months from the first of `month` (1-12) in `year`. */
export function monthSpan(
  year: number,
  month: number,
  months: number,
): { readonly from: IsoDate; readonly to: IsoDate } {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  return { from: first.toString(), to: first.add({ months }).subtract({ days: 1 }).toString() };
}

/**
 * The date as a JS Date at 00:00 UTC: what Intl formatters (given `timeZone: 'UTC'`) and
 * spreadsheet libraries take for a day with no time.
 */
export function utcMidnight(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The inverse of utcMidnight: the UTC calendar date of a JS Date (a spreadsheet's date cell). */
export function dateOfUtcMidnight(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Whole 24-hour days as milliseconds, for expiries and retention measured on instants. */
export function daysInMs(days: number): number {
  return days * DAY_MS;
}

/** A date as people type it in one language: the order of day, month and year, and their separator. */
export interface DateFieldFormat {
  /** `YYYY-MM-DD` as the language writes it with digits (31.12.2027, 31/12/2027) */
  format(date: IsoDate): string;
  /** what was typed, in the language's order or as `YYYY-MM-DD`; null when it is no real day */
  parse(text: string): IsoDate | null;
  /** the language's order with its separator, for a hint (`day.month.year`) */
  readonly order: readonly ('day' | 'month' | 'year')[];
  readonly separator: string;
}

/** Dates typed and shown in `locale`'s numeric order (Intl knows it: en-GB 31/12, en-US 12/31). */
export function dateFieldFormat(locale: string): DateFieldFormat {
  const numeric = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const parts = numeric.formatToParts(utcMidnight('2027-12-31'));
  const order = parts.flatMap((part) =>
    part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : [],
  );
  const separator = parts.find((part) => part.type === 'literal')?.value ?? '.';
  return {
    order,
    separator,
    format: (date) => numeric.format(utcMidnight(date)),
    parse(text) {
      const groups = text.trim().match(/\d+/g);
      if (!groups || groups.length !== 3 || /[^\d\s./-]/.test(text)) return null;
      const iso = groups[0]!.length === 4 && order[0] !== 'year';
      const value = (unit: 'day' | 'month' | 'year') =>
        groups[iso ? ['year', 'month', 'day'].indexOf(unit) : order.indexOf(unit)]!;
      const year = value('year');
      if (year.length !== 4) return null;
      const date = `${year}-${value('month').padStart(2, '0')}-${value('day').padStart(2, '0')}`;
      return isIsoDate(date) ? date : null;
    },
  };
}
