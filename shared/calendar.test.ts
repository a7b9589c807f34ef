import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  addDays,
  dateFieldFormat,
  dateOfUtcMidnight,
  dayNumber,
  daysBetween,
  daysInMs,
  isIsoDate,
  monthSpan,
  todayIn,
  utcMidnight,
} from './calendar';

describe('todayIn', () => {
  it.each([
    // Ashgabat is UTC+5 all year: from 19:00 UTC it is already the next day there.
    ['2026-03-01T19:30:00Z', 'Asia/Ashgabat', '2026-03-02'],
    ['2026-03-01T18:59:59Z', 'Asia/Ashgabat', '2026-03-01'],
    ['2026-03-01T19:00:00Z', 'Asia/Ashgabat', '2026-03-02'],
    ['2026-12-31T19:30:00Z', 'Asia/Ashgabat', '2027-01-01'],
    ['2026-03-01T19:30:00Z', 'UTC', '2026-03-01'],
    ['2026-03-02T04:30:00Z', 'America/New_York', '2026-03-01'],
    ['2028-02-28T20:00:00Z', 'Asia/Ashgabat', '2028-02-29'],
  ])('at %s in %s is %s', (at, zone, expected) => {
    expect(todayIn(zone, new Date(at))).toBe(expected);
  });

  // The renderer took today in UTC, so from 00:00 to 05:00 in Ashgabat it was yesterday there.
  it('by default is the date where the runtime is, now', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Ashgabat';
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-03-01T19:30:00Z'));
      expect(todayIn()).toBe('2026-03-02');
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2026-03-01', 1, '2026-03-02'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-01-15', 30, '2026-02-14'],
    ['2026-01-15', 0, '2026-01-15'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2026-03-02', 20_514],
  ])('%s is day %i', (date, expected) => {
    expect(dayNumber(date)).toBe(expected);
  });

  it('counts days as Temporal does, for any pair of dates', () => {
    const date = fc
      .integer({ min: -200_000, max: 200_000 })
      .map((days) => Temporal.PlainDate.from('1970-01-01').add({ days }).toString());
    fc.assert(
      fc.property(date, date, (from, to) => {
        const expected = Temporal.PlainDate.from(from).until(to).days;
        expect(daysBetween(from, to)).toBe(expected);
        expect(addDays(from, expected)).toBe(to);
      }),
      { numRuns: 200 },
    );
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2025-06-30', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-6-30', false],
    ['2025-06-30T00:00:00Z', false],
    ['', false],
    [20250630, false],
    [null, false],
  ])('%s: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('monthSpan', () => {
  it.each([
    [2025, 1, 12, '2025-01-01', '2025-12-31'],
    [2025, 7, 3, '2025-07-01', '2025-09-30'],
    [2024, 2, 1, '2024-02-01', '2024-02-29'],
    [2025, 2, 1, '2025-02-01', '2025-02-28'],
    [2025, 7, 6, '2025-07-01', '2025-12-31'],
  ])('%i-%i for %i months is %s..%s', (year, month, months, from, to) => {
    expect(monthSpan(year, month, months)).toEqual({ from, to });
  });
});

it('hands a date to Date-based libraries at 00:00 UTC and reads it back', () => {
  expect(utcMidnight('2025-06-30').toISOString()).toBe('2025-06-30T00:00:00.000Z');
  expect(dateOfUtcMidnight(utcMidnight('2025-06-30'))).toBe('2025-06-30');
  expect(daysInMs(2)).toBe(172_800_000);
});

describe('dates typed in the UI language', () => {
  it.each([
    ['ru-RU', '2027-12-31', '31.12.2027'],
    ['en-GB', '2027-12-31', '31/12/2027'],
    ['en-US', '2027-12-31', '12/31/2027'],
  ])('%s writes %s as %s', (locale, date, text) => {
    expect(dateFieldFormat(locale).format(date)).toBe(text);
  });

  it.each([
    ['ru-RU', '31.12.2027', '2027-12-31'],
    ['ru-RU', '1.2.2027', '2027-02-01'],
    ['ru-RU', '2027-12-31', '2027-12-31'],
    ['ru-RU', '12/31/2027', null],
    ['ru-RU', '31.02.2027', null],
    ['ru-RU', '31.12.27', null],
    ['ru-RU', '31.12', null],
    ['ru-RU', 'завтра', null],
    ['en-GB', '31/12/2027', '2027-12-31'],
    ['en-US', '12/31/2027', '2027-12-31'],
    ['en-US', '31/12/2027', null],
  ])('%s reads %j as %s', (locale, text, date) => {
    expect(dateFieldFormat(locale).parse(text)).toBe(date);
  });
});
