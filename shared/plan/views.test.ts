import { describe, expect, it } from 'vitest';
import { sdg8 } from '../frameworks/sdg8';
import { builtInFrameworks } from '../frameworks';
import * as actions from './actions';
import * as customFrameworks from './customFrameworks';
import * as links from './links';
import * as objectives from './objectives';
import * as organisations from './organisations';
import type { Action, Indicator } from './schema';
import { TestPlan } from './testing';
import {
  actionHealth,
  actionsByObjective,
  countByLight,
  countByStage,
  countByStatus,
  coverage,
  dueSoon,
  frameworksOf,
  indicatorProgress,
  overdue,
  removedObjectives,
  summaryByLeadOrganisation,
  summaryByObjective,
  trash,
} from './views';

const base = TestPlan.withActions(1).snapshot().actions[0]!;
const action = (fields: Partial<Action>): Action => ({ ...base, ...fields });

describe('actionHealth (traffic light)', () => {
  // start 2025-01-01, deadline 2025-12-31 (364 days); 2025-07-02 is day 182, half way.
  it.each<[string, Partial<Action>, string, string, boolean]>([
    ['on track at half time with 50 %', { progress: 50 }, '2025-07-02', 'green', false],
    ['exactly 90 % of expected is green', { progress: 45 }, '2025-07-02', 'green', false],
    ['80 % of expected is amber', { progress: 40 }, '2025-07-02', 'amber', false],
    ['exactly 70 % of expected is amber', { progress: 35 }, '2025-07-02', 'amber', false],
    ['under 70 % of expected is red', { progress: 30 }, '2025-07-02', 'red', false],
    ['before the start nothing is expected', { progress: 0 }, '2024-12-01', 'green', false],
    [
      'past the deadline and unfinished is red and overdue',
      { progress: 99 },
      '2026-01-01',
      'red',
      true,
    ],
    [
      'the deadline day itself is not overdue',
      { progress: 100, status: 'in_progress' },
      '2025-12-31',
      'green',
      false,
    ],
    [
      'completed is green even late',
      { progress: 100, status: 'completed' },
      '2026-06-01',
      'green',
      false,
    ],
    ['cancelled is not rated', { status: 'cancelled' }, '2026-06-01', 'none', false],
    ['no dates: not rated', { start: null, deadline: null }, '2025-07-02', 'none', false],
    ['only a deadline, past: overdue', { start: null }, '2026-01-01', 'red', true],
  ])('%s', (_name, fields, today, light, isOverdue) => {
    const health = actionHealth(
      action({ start: '2025-01-01', deadline: '2025-12-31', status: 'in_progress', ...fields }),
      today,
    );
    expect(health.light).toBe(light);
    expect(health.overdue).toBe(isOverdue);
  });
});

describe('indicatorProgress', () => {
  const indicator = (fields: Partial<Indicator>): Indicator => ({
    id: 'i',
    name: 'x',
    unit: '',
    baseline: 0,
    target: 100,
    frequency: 'annual',
    values: [],
    ...fields,
  });
  const value = (period: string, v: number) => ({
    period,
    value: v,
    note: '',
    by: '',
    at: '2025-01-01T00:00:00.000Z',
  });

  it.each<[string, Partial<Indicator>, number | null, string]>([
    ['no values', {}, null, 'none'],
    ['the latest value counts', { values: [value('2024', 10), value('2025', 95)] }, 0.95, 'green'],
    [
      'the latest period by date, not as text: 2025-H2 after 2025-Q1',
      { target: 120, values: [value('2024', 30), value('2025-H2', 90), value('2025-Q1', 50)] },
      0.75,
      'amber',
    ],
    ['amber band', { values: [value('2025', 75)] }, 0.75, 'amber'],
    ['red band', { values: [value('2025', 20)] }, 0.2, 'red'],
    [
      'a falling target (reduce child labour 40 → 10)',
      { baseline: 40, target: 10, values: [value('2025', 16)] },
      0.8,
      'amber',
    ],
    [
      'target equals baseline',
      { baseline: 5, target: 5, values: [value('2025', 5)] },
      null,
      'none',
    ],
    ['no baseline', { baseline: null, values: [value('2025', 5)] }, null, 'none'],
  ])('%s', (_name, fields, ratio, light) => {
    const progress = indicatorProgress(indicator(fields));
    if (ratio === null) expect(progress.ratio).toBeNull();
    else expect(progress.ratio).toBeCloseTo(ratio);
    expect(progress.light).toBe(light);
  });
});

function samplePlan() {
  const test = TestPlan.empty();
  const o1 = objectives.create(test.plan, { title: 'Forced labour' });
  const o2 = objectives.create(test.plan, { title: 'Labour rights' });
  const ministry = organisations.create(test.plan, {
    name: 'Ministry of Labour',
    kind: 'government',
  });
  const ombud = organisations.create(test.plan, { name: 'Ombudsperson', kind: 'nhri' });
  const a = actions.create(test.plan, {
    title: 'A',
    objectiveId: o1,
    leadOrgId: ministry,
    start: '2025-01-01',
    deadline: '2025-06-01',
  });
  const b = actions.create(test.plan, {
    title: 'B',
    objectiveId: o1,
    leadOrgId: ombud,
    deadline: '2025-07-01',
    status: 'in_progress',
    progress: 40,
  });
  const c = actions.create(test.plan, {
    title: 'C',
    objectiveId: o2,
    deadline: '2025-06-10',
    status: 'completed',
    progress: 100,
  });
  const d = actions.create(test.plan, {
    title: 'D',
    objectiveId: o2,
    deadline: '2026-01-01',
    stage: 'agreed',
  });
  const gone = actions.create(test.plan, {
    title: 'Gone',
    objectiveId: o2,
    deadline: '2025-06-20',
  });
  actions.remove(test.plan, gone);
  links.link(test.plan, a, 'sdg8', '8.7.1');
  links.link(test.plan, b, 'sdg8', '8.8');
  links.link(test.plan, gone, 'sdg8', '8.5');
  return { test, o1, o2, ministry, ombud, a, b, c, d, gone };
}

describe('plan views', () => {
  const today = '2025-06-15';

  it('groups live actions by objective in order', () => {
    const { test, o1, o2 } = samplePlan();
    const groups = actionsByObjective(test.snapshot());
    expect(groups.map((g) => [g.objective?.id, g.actions.map((x) => x.title)])).toEqual([
      [o1, ['A', 'B']],
      [o2, ['C', 'D']],
    ]);
  });

  it('counts by status, stage and traffic light (live actions only)', () => {
    const { test } = samplePlan();
    const live = test.snapshot().actions.filter((x) => x.deletedAt === null);
    expect(countByStatus(live)).toEqual({
      planned: 2,
      in_progress: 1,
      completed: 1,
      delayed: 0,
      cancelled: 0,
    });
    expect(countByStage(live)).toEqual({ proposed: 3, agreed: 1 });
    expect(countByLight(live, today)).toEqual({ green: 1, amber: 0, red: 1, none: 2 });
  });

  it('lists overdue and due-soon actions', () => {
    const { test } = samplePlan();
    expect(overdue(test.snapshot(), today).map((x) => x.title)).toEqual(['A']);
    expect(dueSoon(test.snapshot(), today, 30).map((x) => x.title)).toEqual(['B']);
    expect(trash(test.snapshot()).map((x) => x.title)).toEqual(['Gone']);
  });

  it('lists removed objectives, most recently removed first, and not restored ones', () => {
    const test = TestPlan.empty();
    const [a, b, c] = ['Labour rights', 'Child labour', 'Forced labour'].map((title) =>
      objectives.create(test.plan, { title }),
    );
    test.at('2025-06-16T09:00:00.000Z');
    objectives.remove(test.plan, a!);
    test.at('2025-06-17T09:00:00.000Z');
    objectives.remove(test.plan, b!);
    objectives.remove(test.plan, c!);
    objectives.restore(test.plan, c!);
    expect(removedObjectives(test.snapshot()).map((o) => o.title)).toEqual([
      'Child labour',
      'Labour rights',
    ]);
  });

  it('summarises by objective and by lead organisation', () => {
    const { test, o1, o2, ministry, ombud } = samplePlan();
    expect(
      summaryByObjective(test.snapshot(), today).map((s) => [
        s.id,
        s.total,
        s.meanProgress,
        s.overdue,
      ]),
    ).toEqual([
      [o1, 2, 20, 1],
      [o2, 2, 50, 0],
    ]);
    expect(summaryByLeadOrganisation(test.snapshot(), today).map((s) => [s.id, s.total])).toEqual([
      [ministry, 1],
      [ombud, 1],
      [null, 2],
    ]);
  });

  it('computes SDG 8 coverage: an indicator link covers its target; deleted actions do not count', () => {
    const { test, a, b } = samplePlan();
    const rows = coverage(test.snapshot(), sdg8);
    expect(rows).toHaveLength(12);
    const byCode = Object.fromEntries(rows.map((row) => [row.item.code, row.actionIds]));
    expect(byCode['8.7']).toEqual([a]);
    expect(byCode['8.8']).toEqual([b]);
    expect(byCode['8.5']).toEqual([]);
    expect(rows.filter((row) => row.actionIds.length === 0)).toHaveLength(10);
  });

  it('covers national plan chapters entered by the owners', () => {
    const { test, a } = samplePlan();
    customFrameworks.create(test.plan, { id: 'hrap-tm-2021', name: 'National plan' });
    customFrameworks.addItems(test.plan, 'hrap-tm-2021', [
      { code: '1', title: 'Chapter 1', kind: 'chapter' },
      { code: '1.1', title: 'Task 1.1', kind: 'item', parent: '1' },
      { code: '2', title: 'Chapter 2', kind: 'chapter' },
    ]);
    links.link(test.plan, a, 'hrap-tm-2021', '1.1');
    const hrap = frameworksOf(test.snapshot(), builtInFrameworks).find(
      (f) => f.id === 'hrap-tm-2021',
    )!;
    const rows = coverage(test.snapshot(), hrap);
    expect(rows.map((row) => [row.item.code, row.actionIds.length])).toEqual([
      ['1', 1],
      ['1.1', 1],
      ['2', 0],
    ]);
  });
});
