import { describe, expect, it } from 'vitest';
import * as actions from '../../shared/plan/actions';
import { TestPlan } from '../../shared/plan/testing';
import { DEADLINE_TEXTS, deadlineDigest } from './deadlineDigest';

const TODAY = '2026-03-10';

function planWithDeadlines(
  deadlines: (string | null)[],
  status: 'planned' | 'completed' = 'planned',
) {
  const test = TestPlan.empty();
  for (const [index, deadline] of deadlines.entries()) {
    actions.create(test.plan, { title: `Action ${index + 1}`, deadline, status });
  }
  return test;
}

describe('deadline reminders', () => {
  it('reminds of overdue actions and those due within a week, with their refs', () => {
    const test = planWithDeadlines(['2026-03-01', '2026-03-12', '2026-03-17', '2026-04-30', null]);
    const digest = deadlineDigest(
      [{ planId: 'p', snapshot: test.snapshot() }],
      TODAY,
      new Set(),
      DEADLINE_TEXTS.en,
    );
    expect(digest.notifications).toEqual([
      {
        planId: 'p',
        title: 'National action plan on decent work',
        body: '1 action is overdue: 0.1\n2 actions are due within 7 days: 0.2, 0.3',
      },
    ]);
    expect(digest.shownKeys).toHaveLength(3);
  });

  it('does not remind twice of the same deadline, but does when the deadline changes', () => {
    const test = planWithDeadlines(['2026-03-01']);
    const first = deadlineDigest(
      [{ planId: 'p', snapshot: test.snapshot() }],
      TODAY,
      new Set(),
      DEADLINE_TEXTS.en,
    );
    const shown = new Set(first.shownKeys);
    expect(
      deadlineDigest([{ planId: 'p', snapshot: test.snapshot() }], TODAY, shown, DEADLINE_TEXTS.en)
        .notifications,
    ).toEqual([]);
    actions.edit(test.plan, test.actionId(0), { deadline: '2026-03-12' });
    expect(
      deadlineDigest([{ planId: 'p', snapshot: test.snapshot() }], TODAY, shown, DEADLINE_TEXTS.en)
        .notifications,
    ).toHaveLength(1);
  });

  it('says nothing about completed actions or plans with nothing due', () => {
    const done = planWithDeadlines(['2026-03-01', '2026-03-12'], 'completed');
    const later = planWithDeadlines(['2026-06-01']);
    const digest = deadlineDigest(
      [
        { planId: 'done', snapshot: done.snapshot() },
        { planId: 'later', snapshot: later.snapshot() },
      ],
      TODAY,
      new Set(),
      DEADLINE_TEXTS.en,
    );
    expect(digest.notifications).toEqual([]);
  });

  it('counts what it does not list, in Russian too', () => {
    const test = planWithDeadlines([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
    const digest = deadlineDigest(
      [{ planId: 'p', snapshot: test.snapshot() }],
      TODAY,
      new Set(),
      DEADLINE_TEXTS.ru,
    );
    expect(digest.notifications[0]?.body).toBe('Просрочено мероприятий (5): 0.1, 0.2, 0.3 и ещё 2');
  });
});
