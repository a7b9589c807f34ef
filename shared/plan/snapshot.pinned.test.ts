// Pins the snapshots (and the encoded documents) of plans built by the test builder and of a
// damaged document, as they read before the field tables of layout.ts: reading, writing and
// restoring derived from the tables must give byte-identical snapshots for the same document.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import * as comments from './comments';
import * as customFrameworks from './customFrameworks';
import * as indicators from './indicators';
import * as links from './links';
import * as meta from './meta';
import * as objectives from './objectives';
import * as organisations from './organisations';
import { openPlan, planParts } from './plan';
import * as progressUpdates from './progressUpdates';
import { restoreSnapshot } from './restore';
import { PlanSnapshot } from './schema';
import { snapshotOf } from './snapshot';
import { migrate, versionOf } from './migrations';
import { TestPlan, toSchemaTwo } from './testing';

/** A plan with a value in every field of every entity, built through the operations. */
function richPlan(): TestPlan {
  const test = TestPlan.withActions(3);
  const { plan } = test;
  meta.setSummary(plan, 'Decent work for all, with a summary\nover two lines');
  meta.setCountry(plan, 'Turkmenistan');
  const second = objectives.create(plan, { title: 'Forced labour' });
  const gone = objectives.create(plan, { title: 'Removed objective' });
  objectives.remove(plan, gone);
  const union = organisations.create(plan, {
    name: 'Trade union',
    kind: 'civil_society',
    country: 'TM',
    contact: 'union@example.org',
  });
  const ilo = organisations.create(plan, { name: 'ILO', kind: 'international' });
  const id = actions.create(plan, {
    title: 'Inspect cotton harvest',
    objectiveId: second,
    description: 'Independent monitoring 😀',
    leadOrgId: ilo,
    partnerOrgIds: [union],
    contact: 'ilo@example.org',
    start: '2024-01-01',
    deadline: '2025-09-30',
    status: 'in_progress',
    progress: 40,
    priority: 'high',
  });
  test.at('2025-06-16T10:00:00.000Z');
  actions.edit(plan, id, {
    budget: { amount: 120000, currency: 'USD', source: 'Donor fund' },
  });
  actions.agree(plan, id);
  actions.endorse(plan, id, union);
  links.link(plan, id, 'sdg8', '8.7');
  const framework = customFrameworks.create(plan, { name: 'National plan', version: '2021' });
  customFrameworks.addItems(plan, framework, [
    { code: '1', title: 'Chapter one', kind: 'chapter' },
    { code: '1.1', title: 'Item one', parent: '1' },
  ]);
  links.link(plan, id, framework, '1.1');
  const indicator = indicators.add(plan, id, {
    name: 'Inspections',
    unit: 'visits',
    baseline: 0,
    target: 12,
    frequency: 'quarterly',
  });
  indicators.recordValue(plan, id, indicator, { period: '2025-Q1', value: 3, note: 'first' });
  indicators.recordValue(plan, id, indicator, { period: '2024-Q4', value: 1 });
  indicators.add(plan, id, { name: 'Reports' });
  test.at('2025-06-17T10:00:00.000Z');
  comments.add(plan, id, 'Agreed in the workshop');
  const edited = comments.add(plan, id, 'Typo hre');
  comments.edit(plan, id, edited, 'Typo here');
  const dropped = comments.add(plan, id, 'Never mind');
  comments.remove(plan, id, dropped);
  progressUpdates.add(plan, id, {
    at: '2025-06-01',
    status: 'in_progress',
    progress: 50,
    note: 'Half way',
    evidence: ['https://example.org/report.pdf'],
  });
  progressUpdates.add(plan, id, { at: '2025-03-01', status: 'planned', progress: 10 });
  actions.remove(plan, test.actionId(1));
  actions.edit(plan, test.actionId(0), { title: 'Action one, renamed', ref: '1.9' });
  return test;
}

/** A document as a buggy or hostile peer might leave it: wrong types, bad values, duplicates. */
function damagedDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const parts = planParts(doc);
    parts.meta.set('schemaVersion', -1);
    parts.meta.set('title', 'x'.repeat(600));
    parts.meta.set('period', { start: '2024-02-30', end: '2025-01-01' });
    parts.meta.set('languages', ['tk', 'xx', 'en']);
    parts.meta.set('frameworks', ['b', 'a', 'b', 3]);
    parts.meta.set('createdAt', 'yesterday');
    const objective = new Y.Map<unknown>();
    objective.set('title', new Y.Text('Objective'));
    objective.set('order', 5);
    parts.objectives.set('o1', objective);
    parts.objectives.set('', new Y.Map());
    const org = new Y.Map<unknown>();
    org.set('name', new Y.Text('Org as text'));
    org.set('kind', 'alien');
    parts.orgs.set('g1', org);
    for (const [id, ref] of [
      ['a1', '  7.1  '],
      ['a2', '7.1'],
      ['a3', 'r'.repeat(50)],
    ] as const) {
      const action = new Y.Map<unknown>();
      action.set('ref', ref);
      action.set('title', 'plain title');
      action.set('description', new Y.Text('d'.repeat(20_010)));
      action.set('objectiveId', 'o1');
      action.set('leadOrgId', '');
      action.set('start', '2024-13-01');
      action.set('deadline', '2025-02-28');
      action.set('status', 'done');
      action.set('progress', 150.6);
      action.set('stage', 'agreed');
      action.set('priority', 'urgent');
      action.set('createdAt', '2024-01-01T00:00:00Z');
      action.set('updatedAt', null);
      action.set('deletedBy', 'someone');
      const partners = new Y.Map<unknown>();
      partners.set('g1', true);
      partners.set('g2', false);
      action.set('partnerOrgIds', partners);
      const linkSet = new Y.Map<unknown>();
      linkSet.set('sdg8:8.7', true);
      linkSet.set('nonsense', true);
      action.set('links', linkSet);
      const endorsements = new Y.Map<unknown>();
      endorsements.set('g1', { by: 5, at: 'later' });
      endorsements.set('g2', 'yes');
      action.set('endorsements', endorsements);
      const indicatorMap = new Y.Map<unknown>();
      const indicator = new Y.Map<unknown>();
      indicator.set('name', new Y.Text('Named'));
      indicator.set('baseline', Number.NaN);
      indicator.set('target', 3);
      indicator.set('frequency', 'hourly');
      const values = new Y.Map<unknown>();
      values.set('2024', { value: 2, note: 7 });
      values.set('2025', { value: 'two' });
      values.set('x'.repeat(21), { value: 1 });
      indicator.set('values', values);
      indicatorMap.set('i1', indicator);
      indicatorMap.set('i2', 'not a map');
      action.set('indicators', indicatorMap);
      action.set('budget', { amount: -5, currency: 'DOLLARS AND CENTS', source: 9 });
      const commentMap = new Y.Map<unknown>();
      const comment = new Y.Map<unknown>();
      comment.set('text', 'hello');
      comment.set('at', '2024-05-05T05:05:05.000Z');
      comment.set('deletedAt', 'not a time');
      commentMap.set('c1', comment);
      action.set('comments', commentMap);
      const updateMap = new Y.Map<unknown>();
      const dated = new Y.Map<unknown>();
      dated.set('at', '2024-06-01');
      dated.set('status', 'delayed');
      dated.set('progress', '50');
      dated.set('evidence', ['https://a.example', 3, 'y'.repeat(2001)]);
      updateMap.set('u1', dated);
      const undated = new Y.Map<unknown>();
      undated.set('status', 'delayed');
      updateMap.set('u2', undated);
      action.set('updates', updateMap);
      parts.actions.set(id, action);
    }
    parts.actions.set('a4', new Y.Map());
    const header = new Y.Map<unknown>();
    header.set('name', 'Custom');
    parts.frameworks.set('cf', header);
    const item = new Y.Map<unknown>();
    item.set('title', 'Item');
    item.set('kind', 'weird');
    item.set('parent', 'p');
    parts.frameworks.set('cf#1', item);
    parts.frameworks.set('cf#', new Y.Map());
  });
  return doc;
}

/** JSON with every object's keys sorted: stored values, whatever order they were written in. */
function storedJson(doc: Y.Doc): string {
  return JSON.stringify(
    doc.toJSON(),
    (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
        : value,
    1,
  );
}

function restored(snapshot: PlanSnapshot): PlanSnapshot {
  const plan = openPlan(new Y.Doc(), { actor: { id: 'importer', name: 'Importer' } });
  restoreSnapshot(plan, snapshot);
  return snapshotOf(plan.doc);
}

describe('pinned snapshots', () => {
  it('a plan built by the operations reads as it always has', () => {
    const snapshot = richPlan().snapshot();
    expect(() => PlanSnapshot.parse(snapshot)).not.toThrow();
    expect(JSON.stringify(snapshot, null, 1)).toMatchSnapshot();
  });

  it('the test builder writes the same document', () => {
    // Operations write through the field tables; the stored values (not the bytes, which follow
    // the order fields are written in) stay what they were.
    expect(storedJson(richPlan().doc)).toMatchSnapshot();
  });

  it('a damaged document reads as it always has', () => {
    const snapshot = snapshotOf(damagedDoc());
    expect(() => PlanSnapshot.parse(snapshot)).not.toThrow();
    expect(JSON.stringify(snapshot, null, 1)).toMatchSnapshot();
  });

  it('restoring a snapshot gives the same snapshot again, byte for byte', () => {
    const snapshot = richPlan().snapshot();
    expect(JSON.stringify(restored(snapshot))).toBe(JSON.stringify(snapshot));
  });

  it('restoring a snapshot writes the same document', () => {
    const plan = openPlan(new Y.Doc(), { actor: { id: 'importer', name: 'Importer' } });
    restoreSnapshot(plan, richPlan().snapshot());
    expect(storedJson(plan.doc)).toMatchSnapshot();
  });

  it('a schema-2 document reads the same, and migrates to schema 3 with the same snapshot', () => {
    const pinned = JSON.stringify(richPlan().snapshot(), null, 1);
    const old = richPlan();
    toSchemaTwo(old.doc);
    const before = snapshotOf(old.doc);
    expect(before.meta.schemaVersion).toBe(2);
    expect(JSON.stringify({ ...before, meta: { ...before.meta, schemaVersion: 3 } }, null, 1)).toBe(
      pinned,
    );
    expect(migrate(old.plan)).toBe('current');
    expect(versionOf(old.doc)).toBe(3);
    expect(JSON.stringify(snapshotOf(old.doc), null, 1)).toBe(pinned);
    // every entry left its old container; the containers stay (an old replica may write there)
    for (const map of planParts(old.doc).actions.values()) {
      for (const name of ['partnerOrgIds', 'links', 'endorsements']) {
        expect((map.get(name) as Y.Map<unknown>).size).toBe(0);
      }
    }
  });

  it('folds what a schema-2 replica wrote after the document migrated, and then writes nothing', () => {
    const old = richPlan();
    toSchemaTwo(old.doc);
    migrate(old.plan);
    const orgId = old.snapshot().orgs[0]!.id;
    const [id, map] = [...planParts(old.doc).actions.entries()].find(
      ([, action]) => !action.has('partner:' + orgId),
    )!;
    (map.get('partnerOrgIds') as Y.Map<unknown>).set(orgId, true);
    expect(old.snapshot().actions.find((a) => a.id === id)!.partnerOrgIds).toContain(orgId);
    migrate(old.plan);
    expect(map.get('partner:' + orgId)).toBe(true);
    expect((map.get('partnerOrgIds') as Y.Map<unknown>).size).toBe(0);
    let updates = 0;
    old.doc.on('update', () => updates++);
    migrate(old.plan);
    expect(updates).toBe(0);
  });
});
