import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { migrate, versionOf } from './migrations';
import { SCHEMA_VERSION } from './model';
import { openPlan, planParts } from './plan';
import { PlanSnapshot } from './schema';
import { snapshotOf } from './snapshot';
import { syncDocs } from './testing';

/** A document as Accord wrote it before schema version 2: no version, no stage, some refs missing. */
export function versionOneDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const { meta, actions } = planParts(doc);
    meta.set('id', 'old-plan');
    for (const [id, ref, order] of [
      ['a1', '1.1', 'a0'],
      ['a2', undefined, undefined],
      ['a3', '', 'a1'],
      ['a4', '1.4', undefined],
    ] as const) {
      const action = new Y.Map<unknown>();
      if (ref !== undefined) action.set('ref', ref);
      if (order !== undefined) action.set('order', order);
      action.set('title', new Y.Text(`Action ${id}`));
      action.set('createdAt', '2022-01-01T00:00:00.000Z');
      actions.set(id, action);
    }
  });
  return doc;
}

const actor = { id: 'm', name: 'M' };

describe('migrations', () => {
  it('brings a version-1 document to the current version', () => {
    const doc = versionOneDoc();
    expect(versionOf(doc)).toBe(1);
    expect(migrate(openPlan(doc, { actor }))).toBe('current');
    expect(versionOf(doc)).toBe(SCHEMA_VERSION);
    const snapshot = snapshotOf(doc);
    expect(() => PlanSnapshot.parse(snapshot)).not.toThrow();
    expect(snapshot.actions.every((action) => action.stage === 'agreed')).toBe(true);
    expect(snapshot.actions.map((a) => a.ref).sort()).toEqual(['#a2', '#a3', '1.1', '1.4']);
  });

  it('is idempotent: a second run writes nothing', () => {
    const doc = versionOneDoc();
    migrate(openPlan(doc, { actor }));
    let updates = 0;
    doc.on('update', () => updates++);
    migrate(openPlan(doc, { actor }));
    expect(updates).toBe(0);
  });

  it('converges when two replicas migrate at the same time and then merge', () => {
    const a = versionOneDoc();
    const b = new Y.Doc();
    syncDocs(a, b);
    migrate(openPlan(a, { actor }));
    migrate(openPlan(b, { actor: { id: 'n', name: 'N' } }));
    syncDocs(a, b);
    expect(snapshotOf(b)).toEqual(snapshotOf(a));
    expect(versionOf(a)).toBe(SCHEMA_VERSION);
  });

  it('leaves a document from a newer Accord alone and says so', () => {
    const doc = new Y.Doc();
    planParts(doc).meta.set('schemaVersion', SCHEMA_VERSION + 1);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(migrate(openPlan(doc, { actor }))).toBe('newer');
    expect(updates).toBe(0);
  });
});
