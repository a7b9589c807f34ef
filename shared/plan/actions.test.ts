import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import * as objectives from './objectives';
import * as organisations from './organisations';
import { change, PlanError, planParts } from './plan';
import { PlanSnapshot } from './schema';
import { TestPlan } from './testing';
import { isUntitled } from './views';

function errorOf(fn: () => unknown): PlanError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw error;
  }
  throw new Error('expected a PlanError');
}

describe('actions.create', () => {
  it('creates a proposed, planned action with the next ref in its objective', () => {
    const test = TestPlan.withActions(2);
    const objectiveId = test.snapshot().objectives[0]!.id;
    const id = actions.create(test.plan, { title: 'Publish inspection reports', objectiveId });
    const action = test.snapshot().actions.find((a) => a.id === id)!;
    expect(action).toMatchObject({
      ref: '1.3',
      title: 'Publish inspection reports',
      status: 'planned',
      progress: 0,
      stage: 'proposed',
      createdBy: 'member-1',
      deletedAt: null,
    });
  });

  it('creates an untitled action with an empty title, whatever language its creator reads', () => {
    const test = TestPlan.withActions(0);
    const id = actions.create(test.plan, {});
    const action = test.snapshot().actions.find((a) => a.id === id)!;
    expect(action.title).toBe('');
    expect(isUntitled(action)).toBe(true);
  });

  it.each([
    ['', true],
    ['   ', true],
    ['New action', false],
    ['Täze çäre', false],
  ])('a title of %j is untitled: %s', (title, untitled) => {
    expect(isUntitled({ title })).toBe(untitled);
  });

  it('clearing a title makes the action untitled again', () => {
    const test = TestPlan.withActions(1);
    const id = test.snapshot().actions[0]!.id;
    actions.edit(test.plan, id, { title: '' });
    expect(isUntitled(test.snapshot().actions[0]!)).toBe(true);
  });

  it('numbers actions of the second objective 2.n and loose actions 0.n', () => {
    const test = TestPlan.withActions(1);
    const second = objectives.create(test.plan, { title: 'Child labour' });
    const inSecond = actions.create(test.plan, { title: 'Survey', objectiveId: second });
    const loose = actions.create(test.plan, { title: 'Loose' });
    const refs = Object.fromEntries(test.snapshot().actions.map((a) => [a.id, a.ref]));
    expect(refs[inSecond]).toBe('2.1');
    expect(refs[loose]).toBe('0.1');
  });

  it("inserts at a position among the objective's actions", () => {
    const test = TestPlan.withActions(3);
    const objectiveId = test.snapshot().objectives[0]!.id;
    actions.create(test.plan, { title: 'First now', objectiveId, index: 0 });
    expect(test.snapshot().actions.map((a) => a.title)).toEqual([
      'First now',
      'Action 1',
      'Action 2',
      'Action 3',
    ]);
  });

  it('stores no plain field at its default, and reads the defaults back', () => {
    const test = TestPlan.withActions(0);
    const id = actions.create(test.plan, { title: 'Publish inspection reports' });
    const stored = [...planParts(test.plan.doc).actions.get(id)!.keys()].sort();
    for (const field of ['contact', 'start', 'deadline', 'status', 'progress', 'priority'])
      expect(stored).not.toContain(field);
    for (const field of ['updatedAt', 'deletedAt', 'deletedBy', 'budget'])
      expect(stored).not.toContain(field);
    // texts and nested maps are created with the action; migration 2 reads `stage`
    expect(stored).toEqual(expect.arrayContaining(['title', 'description', 'comments', 'stage']));
    const action = test.snapshot().actions.find((a) => a.id === id)!;
    expect(action).toMatchObject({ status: 'planned', progress: 0, contact: '', start: null });
    expect(action.updatedAt).toBe(action.createdAt);
  });

  it('an edit back to a default writes it (a concurrent write of another value cannot win)', () => {
    const test = TestPlan.withActions(0);
    const id = actions.create(test.plan, { title: 'Audit', status: 'delayed' });
    actions.edit(test.plan, id, { status: 'planned' });
    expect(planParts(test.plan.doc).actions.get(id)!.get('status')).toBe('planned');
  });

  it('one operation is one transaction (one undo step, one update)', () => {
    const test = TestPlan.withActions(0);
    let updates = 0;
    test.doc.on('update', () => updates++);
    actions.create(test.plan, { title: 'x', description: 'y', deadline: '2025-12-31' });
    expect(updates).toBe(1);
  });

  it.each<[string, Parameters<typeof actions.create>[1], RegExp]>([
    ['a title of 501 characters', { title: 'x'.repeat(501) }, /longer than 500/],
    ['a bad deadline', { title: 'x', deadline: '2025-02-30' }, /deadline must be a date/],
    [
      'a deadline before the start',
      { title: 'x', start: '2025-06-01', deadline: '2025-05-01' },
      /starts .* after it ends/,
    ],
    ['progress over 100', { title: 'x', progress: 101 }, /progress must be a whole number/],
    ['fractional progress', { title: 'x', progress: 50.5 }, /progress must be a whole number/],
    ['an unknown status', { title: 'x', status: 'done' as never }, /status must be one of/],
    [
      'an unknown lead organisation',
      { title: 'x', leadOrgId: 'nope' },
      /organisation nope does not exist/,
    ],
    ['an unknown objective', { title: 'x', objectiveId: 'nope' }, /objective nope does not exist/],
  ])('refuses %s and writes nothing', (_case, input, message) => {
    const test = TestPlan.withActions(1);
    const before = test.snapshot();
    expect(() => actions.create(test.plan, input)).toThrow(message);
    expect(test.snapshot()).toBe(before);
  });

  it.each([
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example","x")',
    'Ýaşlar üçin iş orunlary — Молодёжь',
    'line\nbreak\ttab',
    '😀 \u202e reversed',
  ])('keeps a hostile or unusual title exactly: %j', (title) => {
    const test = TestPlan.withActions(0);
    const id = actions.create(test.plan, { title });
    const snapshot = test.snapshot();
    expect(snapshot.actions.find((a) => a.id === id)!.title).toBe(title);
    expect(() => PlanSnapshot.parse(snapshot)).not.toThrow();
  });
});

describe('actions.edit', () => {
  it('changes every own field and stamps who and when', () => {
    const test = TestPlan.withActions(1);
    const id = test.actionId(0);
    const orgId = organisations.create(test.plan, { name: 'ILO', kind: 'international' });
    test.at('2025-07-01T10:00:00.000Z');
    actions.edit(test.plan, id, {
      ref: 'A-1',
      title: 'Ratify the protocol',
      description: 'Forced labour protocol P029',
      leadOrgId: orgId,
      contact: 'focal.point@example.org',
      start: '2025-01-01',
      deadline: '2025-12-31',
      status: 'in_progress',
      progress: 40,
      priority: 'high',
      budget: { amount: 25000, currency: 'USD', source: 'EU' },
    });
    expect(test.snapshot().actions[0]).toMatchObject({
      ref: 'A-1',
      title: 'Ratify the protocol',
      description: 'Forced labour protocol P029',
      leadOrgId: orgId,
      contact: 'focal.point@example.org',
      start: '2025-01-01',
      deadline: '2025-12-31',
      status: 'in_progress',
      progress: 40,
      priority: 'high',
      budget: { amount: 25000, currency: 'USD', source: 'EU' },
      updatedAt: '2025-07-01T10:00:00.000Z',
      updatedBy: 'member-1',
    });
  });

  it('refuses a ref another action already has', () => {
    const test = TestPlan.withActions(2);
    expect(errorOf(() => actions.edit(test.plan, test.actionId(1), { ref: '1.1' })).code).toBe(
      'conflict',
    );
  });

  it('checks the date range against the stored start', () => {
    const test = TestPlan.withActions(1);
    actions.edit(test.plan, test.actionId(0), { start: '2025-06-01' });
    expect(() => actions.edit(test.plan, test.actionId(0), { deadline: '2025-01-01' })).toThrow(
      /after it ends/,
    );
  });

  it('refuses a negative budget', () => {
    const test = TestPlan.withActions(1);
    expect(() =>
      actions.edit(test.plan, test.actionId(0), {
        budget: { amount: -1, currency: 'USD', source: '' },
      }),
    ).toThrow(/negative/);
  });

  it('says not_found for an action that does not exist', () => {
    const test = TestPlan.withActions(0);
    expect(errorOf(() => actions.edit(test.plan, 'missing', { title: 'x' })).code).toBe(
      'not_found',
    );
  });
});

describe('moving and ordering', () => {
  it('reorders within an objective', () => {
    const test = TestPlan.withActions(3);
    const objectiveId = test.snapshot().objectives[0]!.id;
    actions.move(test.plan, test.actionId(2), { objectiveId, index: 0 });
    expect(test.snapshot().actions.map((a) => a.title)).toEqual([
      'Action 3',
      'Action 1',
      'Action 2',
    ]);
  });

  it('moves to another objective, keeping the ref until renumbered', () => {
    const test = TestPlan.withActions(2);
    const second = objectives.create(test.plan, { title: 'Second' });
    const id = test.actionId(0);
    actions.move(test.plan, id, { objectiveId: second, index: 0 });
    let moved = test.snapshot().actions.find((a) => a.id === id)!;
    expect(moved.objectiveId).toBe(second);
    expect(moved.ref).toBe('1.1');
    actions.renumber(test.plan);
    moved = test.snapshot().actions.find((a) => a.id === id)!;
    expect(moved.ref).toBe('2.1');
    expect(test.snapshot().actions.map((a) => a.ref)).toEqual(['1.1', '2.1']);
  });

  it('renumbers deleted actions after the live ones of their objective', () => {
    const test = TestPlan.withActions(3);
    actions.remove(test.plan, test.actionId(0));
    actions.renumber(test.plan);
    const byTitle = Object.fromEntries(test.snapshot().actions.map((a) => [a.title, a.ref]));
    expect(byTitle).toEqual({ 'Action 2': '1.1', 'Action 3': '1.2', 'Action 1': '1.3' });
  });

  it('refuses to move into a removed objective', () => {
    const test = TestPlan.withActions(0);
    const gone = objectives.create(test.plan, { title: 'Gone' });
    objectives.remove(test.plan, gone);
    const id = actions.create(test.plan, { title: 'x' });
    expect(errorOf(() => actions.move(test.plan, id, { objectiveId: gone, index: 0 })).code).toBe(
      'conflict',
    );
  });
});

describe('stage, endorsements and partners', () => {
  it('agrees and proposes', () => {
    const test = TestPlan.withActions(1);
    actions.agree(test.plan, test.actionId(0));
    expect(test.snapshot().actions[0]!.stage).toBe('agreed');
    actions.propose(test.plan, test.actionId(0));
    expect(test.snapshot().actions[0]!.stage).toBe('proposed');
  });

  it('endorses per organisation and withdraws', () => {
    const test = TestPlan.withActions(1);
    const ngo = organisations.create(test.plan, { name: 'Trade union', kind: 'civil_society' });
    actions.endorse(test.plan, test.actionId(0), ngo);
    expect(test.snapshot().actions[0]!.endorsements).toEqual([
      { orgId: ngo, by: 'member-1', at: '2025-06-15T09:00:00.000Z' },
    ]);
    actions.withdrawEndorsement(test.plan, test.actionId(0), ngo);
    expect(test.snapshot().actions[0]!.endorsements).toEqual([]);
  });

  it('adds and removes partners as a set', () => {
    const test = TestPlan.withActions(1);
    const a = organisations.create(test.plan, { name: 'UNICEF', kind: 'international' });
    actions.addPartner(test.plan, test.actionId(0), a);
    actions.addPartner(test.plan, test.actionId(0), a);
    expect(test.snapshot().actions[0]!.partnerOrgIds).toEqual([a]);
    actions.removePartner(test.plan, test.actionId(0), a);
    expect(test.snapshot().actions[0]!.partnerOrgIds).toEqual([]);
  });
});

describe('delete, restore, purge', () => {
  it('soft-deletes and restores', () => {
    const test = TestPlan.withActions(1);
    const id = test.actionId(0);
    actions.remove(test.plan, id);
    expect(test.snapshot().actions[0]).toMatchObject({
      deletedAt: '2025-06-15T09:00:00.000Z',
      deletedBy: 'member-1',
    });
    actions.restore(test.plan, id);
    expect(test.snapshot().actions[0]).toMatchObject({ deletedAt: null, deletedBy: null });
  });

  it('purges only what is in the trash', () => {
    const test = TestPlan.withActions(1);
    const id = test.actionId(0);
    expect(errorOf(() => actions.purge(test.plan, id)).code).toBe('conflict');
    actions.remove(test.plan, id);
    actions.purge(test.plan, id);
    expect(test.snapshot().actions).toEqual([]);
  });
});

describe('text that cannot travel', () => {
  it('refuses a title with half an emoji (a lone surrogate), which other replicas would read differently', () => {
    const test = TestPlan.withActions(1);
    expect(() => actions.edit(test.plan, test.actionId(0), { title: 'A\ud83d' })).toThrow(
      /broken character/,
    );
    expect(() => actions.edit(test.plan, test.actionId(0), { title: 'A\ude00B' })).toThrow(
      /broken character/,
    );
    expect(() => actions.edit(test.plan, test.actionId(0), { title: 'A😀B' })).not.toThrow();
  });
});

describe('actions.batch', () => {
  /**
   * The same edits through the plain operations and through a batch: 1.10 after a deleted
   * action's 1.9, the highest number falling back when its refs are given up (e and f reuse
   * 1.11 and 1.12), a peer's broken order key (d goes before it), inserts at an index, moves in
   * and between objectives and of a deleted action, a ref already taken refused.
   */
  function edits(ops: Pick<actions.ActionBatch, 'create' | 'edit' | 'move'>, test: TestPlan) {
    const [first, second] = test.snapshot().objectives.map((objective) => objective.id);
    const [one, two, three] = test.snapshot().actions.map((action) => action.id);
    const a = ops.create({ title: 'a', objectiveId: first! });
    const b = ops.create({ title: 'b', objectiveId: second!, ref: ' 2.7 ' });
    const c = ops.create({ title: 'c', objectiveId: second! });
    ops.edit(two!, { ref: '1.12' });
    const d = ops.create({ title: 'd', objectiveId: first! });
    ops.edit(two!, { ref: 'X' });
    ops.edit(d, { ref: 'Y' });
    const e = ops.create({ title: 'e', objectiveId: first! });
    const f = ops.create({ title: 'f', objectiveId: first!, index: 0 });
    ops.move(a, { objectiveId: second!, index: Number.MAX_SAFE_INTEGER });
    ops.move(e, { objectiveId: first!, index: 1 });
    ops.move(three!, { objectiveId: null, index: 0 });
    ops.move(one!, { objectiveId: first!, index: 0 });
    ops.edit(b, { ref: '2.7', title: 'b again' });
    const refused = errorOf(() => ops.edit(c, { ref: 'X' }));
    const g = ops.create({ title: 'g' });
    const h = ops.create({ title: 'h', objectiveId: second!, index: 1 });
    return { ids: [a, b, c, d, e, f, g, h], refused: [refused.code, refused.message] };
  }

  function startingPlan(): TestPlan {
    const test = TestPlan.withActions(4);
    objectives.create(test.plan, { title: 'Child labour' });
    const [, , deleted, broken] = test.snapshot().actions;
    actions.edit(test.plan, deleted!.id, { ref: '1.9' });
    actions.remove(test.plan, deleted!.id);
    change(test.plan, () => planParts(test.doc).actions.get(broken!.id)!.set('order', '~broken'));
    return test;
  }

  const placed = (test: TestPlan) =>
    test
      .snapshot()
      .actions.map((a) => [a.title, a.ref, a.objectiveId, a.order, a.deletedAt !== null]);

  it('gives the results of create, edit and move, in one transaction', () => {
    const plain = startingPlan();
    const plainResult = edits(
      {
        create: (input) => actions.create(plain.plan, input),
        edit: (id, changes) => actions.edit(plain.plan, id, changes),
        move: (id, to) => actions.move(plain.plan, id, to),
      },
      plain,
    );
    const batched = startingPlan();
    let transactions = 0;
    batched.doc.on('afterTransaction', () => transactions++);
    const batchedResult = change(batched.plan, () => edits(actions.batch(batched.plan), batched));
    expect(transactions).toBe(1);
    expect(batchedResult).toEqual(plainResult);
    expect(placed(batched)).toEqual(placed(plain));
    expect(placed(batched).map(([title, ref]) => `${title} ${ref}`)).toEqual([
      'Action 1 1.1',
      'f 1.12',
      'e 1.11',
      'Action 2 X',
      'd Y',
      'Action 4 1.4',
      'b again 2.7',
      'h 2.9',
      'c 2.8',
      'a 1.10',
      'Action 3 1.9',
      'g 0.1',
    ]);
  });
});
