import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import * as organisations from './organisations';
import { planParts } from './plan';
import { PlanSnapshot } from './schema';
import { snapshotOf } from './snapshot';
import { TestPlan, syncDocs } from './testing';

describe('snapshots', () => {
  it('returns the same object when nothing changed', () => {
    const test = TestPlan.withActions(3);
    expect(test.snapshot()).toBe(test.snapshot());
  });

  it('after one edit only that action is a new object (structural sharing)', () => {
    const test = TestPlan.withActions(5);
    const before = test.snapshot();
    actions.edit(test.plan, test.actionId(2), { progress: 50 });
    const after = test.snapshot();
    expect(after).not.toBe(before);
    after.actions.forEach((action, index) => {
      if (index === 2) expect(action).not.toBe(before.actions[index]);
      else expect(action).toBe(before.actions[index]);
    });
    expect(after.objectives).toBe(before.objectives);
    expect(after.orgs).toBe(before.orgs);
    expect(after.meta).toBe(before.meta);
  });

  it('a remote edit applied to the doc shows up the same way', () => {
    const a = TestPlan.withActions(3);
    const b = a.replica({ id: 'member-2', name: 'B' }, 'b-');
    const before = a.snapshot();
    actions.edit(b.plan, b.actionId(0), { title: 'Remote title' });
    syncDocs(a.doc, b.doc);
    const after = a.snapshot();
    expect(after.actions[0]!.title).toBe('Remote title');
    expect(after.actions[1]).toBe(before.actions[1]);
  });

  it('an organisation change leaves the actions array alone', () => {
    const test = TestPlan.withActions(2);
    const before = test.snapshot();
    organisations.create(test.plan, { name: 'New org', kind: 'donor' });
    const after = test.snapshot();
    expect(after.actions).toBe(before.actions);
    expect(after.orgs).not.toBe(before.orgs);
  });

  it('equals a snapshot read from scratch after many edits', () => {
    const test = TestPlan.withActions(4);
    test.snapshot();
    actions.move(test.plan, test.actionId(3), {
      objectiveId: test.snapshot().objectives[0]!.id,
      index: 0,
    });
    actions.remove(test.plan, test.actionId(1));
    actions.create(test.plan, { title: 'Late', ref: '9.9' });
    expect(test.snapshot()).toEqual(snapshotOf(test.doc));
  });

  it('reads whatever a broken or hostile peer wrote as a valid snapshot', () => {
    const test = TestPlan.withActions(1);
    const { actions: actionMap, orgs, objectives, meta } = planParts(test.doc);
    test.doc.transact(() => {
      const action = actionMap.get(test.actionId(0))!;
      action.set('status', 'hacked');
      action.set('progress', 1e9);
      action.set('deadline', '2025-02-31');
      action.set('start', 42);
      action.set('title', { not: 'text' });
      action.set('partnerOrgIds', 'not a set');
      action.set('links', new Y.Map());
      (action.get('links') as Y.Map<unknown>).set('no-colon', true);
      action.set('budget', { amount: -5, currency: 12 });
      action.set('createdAt', 'yesterday');
      const weird = new Y.Map<unknown>();
      weird.set('ref', 'x'.repeat(500));
      actionMap.set('weird', weird);
      actionMap.set('not-a-map', 'string' as never);
      orgs.set('o', new Y.Map());
      objectives.set('x'.repeat(200), new Y.Map());
      meta.set('languages', ['en', 'xx']);
      meta.set('period', { start: 'soon' });
    });
    const snapshot = snapshotOf(test.doc);
    expect(() => PlanSnapshot.parse(snapshot)).not.toThrow();
    const action = snapshot.actions.find((a) => a.id === test.actionId(0))!;
    expect(action).toMatchObject({
      status: 'planned',
      progress: 100,
      deadline: null,
      start: null,
      title: '',
      links: [],
    });
    expect(snapshot.actions.map((a) => a.id)).toContain('weird');
    expect(snapshot.actions.map((a) => a.id)).not.toContain('not-a-map');
  });
});
