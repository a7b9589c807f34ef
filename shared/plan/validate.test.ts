import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import { MAX_LENGTH, MAX_TITLE_LENGTH } from './model';
import { PlanError, type PlanErrorDetail } from './plan';
import * as progressUpdates from './progressUpdates';
import { TestPlan } from './testing';
import * as validate from './validate';

/** The detail of the PlanError `fn` throws (fails the test when it throws none). */
function refusal(fn: () => unknown): PlanErrorDetail | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof PlanError) return error.detail;
    throw error;
  }
  throw new Error('expected a PlanError');
}

describe('validate: a refusal names the field, the reason and the limit', () => {
  it.each([
    [
      'a 501-character title',
      () => validate.requiredTitle('x'.repeat(501)),
      { field: 'title', reason: 'too_long', limit: MAX_TITLE_LENGTH },
    ],
    [
      'a blank name',
      () => validate.requiredTitle('  ', 'name'),
      { field: 'name', reason: 'empty' },
    ],
    [
      'a long currency',
      () => validate.bounded('x'.repeat(11), 'currency'),
      { field: 'currency', reason: 'too_long', limit: MAX_LENGTH.currency },
    ],
    [
      'a bad deadline',
      () => validate.date('31.12.2025', 'deadline'),
      { field: 'deadline', reason: 'not_date' },
    ],
    [
      'a deadline before the start',
      () => validate.dateRange('2025-02-01', '2025-01-01', 'the action', 'deadline'),
      { field: 'deadline', reason: 'date_order' },
    ],
    [
      'progress 101',
      () => validate.percent(101),
      { field: 'progress', reason: 'out_of_range', limit: 100 },
    ],
    [
      'a broken character',
      () => validate.requiredTitle('\uD800'),
      { field: 'title', reason: 'broken_character' },
    ],
  ] as const)('%s', (_name, fn, expected) => {
    expect(refusal(fn)).toEqual(expected);
  });

  it('a value exactly at the limit is accepted', () => {
    expect(validate.requiredTitle('x'.repeat(MAX_TITLE_LENGTH))).toHaveLength(MAX_TITLE_LENGTH);
  });

  it('an action title of 600 characters is refused as too long and the title is unchanged', () => {
    const test = TestPlan.withActions(1);
    const id = test.actionId(0);
    const before = test.snapshot().actions[0]!.title;
    expect(refusal(() => actions.edit(test.plan, id, { title: 'x'.repeat(600) }))).toEqual({
      field: 'title',
      reason: 'too_long',
      limit: MAX_TITLE_LENGTH,
    });
    expect(test.snapshot().actions[0]!.title).toBe(before);
  });

  it('an evidence link that is not http(s) is refused as not a link', () => {
    const test = TestPlan.withActions(1);
    const report = { at: '2025-03-01', status: 'in_progress', progress: 10 } as const;
    expect(
      refusal(() =>
        progressUpdates.add(test.plan, test.actionId(0), { ...report, evidence: ['ftp://x/y'] }),
      ),
    ).toEqual({ field: 'evidence', reason: 'not_link' });
    expect(() =>
      progressUpdates.add(test.plan, test.actionId(0), {
        ...report,
        evidence: ['https://example.org/report.pdf'],
      }),
    ).not.toThrow();
  });
});
