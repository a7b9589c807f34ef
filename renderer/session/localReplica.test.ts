import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PlanPersistence, StoredPlanSummary } from '../../shared/contracts/persistence';
import { persistenceStore } from './localReplica';

/** An in-memory PlanPersistence: the desktop store's contract, without the main process. */
function memoryPersistence(): PlanPersistence & { readonly logs: Map<string, Uint8Array[]> } {
  const logs = new Map<string, Uint8Array[]>();
  return {
    logs,
    list: () => Promise.resolve([] as StoredPlanSummary[]),
    load: (planId) => {
      const log = logs.get(planId);
      return Promise.resolve(log ? Y.mergeUpdates(log) : null);
    },
    append: (planId, update) => {
      logs.set(planId, [...(logs.get(planId) ?? []), update]);
      return Promise.resolve();
    },
    describe: () => Promise.resolve(),
    remove: (planId) => {
      logs.delete(planId);
      return Promise.resolve();
    },
  };
}

function docWithTitle(title: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', title);
  return doc;
}

describe('persistenceStore (the desktop store as this computer’s store)', () => {
  it('a seeded plan is what the next session loads, and its edits are appended', async () => {
    const persistence = memoryPersistence();
    const store = persistenceStore(persistence, (error) => {
      throw error;
    });
    await store.seed('plan-1', Y.encodeStateAsUpdate(docWithTitle('Published plan')));

    const doc = new Y.Doc();
    const replica = store.open('plan-1', doc);
    await replica.whenLoaded;
    expect(doc.getMap('meta').get('title')).toBe('Published plan');
    doc.getMap('meta').set('country', 'TM');
    replica.destroy();
    doc.getMap('meta').set('summary', 'after close: not this replica’s to store');

    const reopened = new Y.Doc();
    await store.open('plan-1', reopened).whenLoaded;
    expect(reopened.getMap('meta').toJSON()).toEqual({ title: 'Published plan', country: 'TM' });
  });

  it('seeding a plan it already has merges, and remove forgets it', async () => {
    const persistence = memoryPersistence();
    const store = persistenceStore(persistence, () => {});
    const first = docWithTitle('Plan');
    await store.seed('plan-2', Y.encodeStateAsUpdate(first));
    const other = new Y.Doc();
    other.getMap('meta').set('country', 'TM');
    await store.seed('plan-2', Y.encodeStateAsUpdate(other));

    const doc = new Y.Doc();
    await store.open('plan-2', doc).whenLoaded;
    expect(doc.getMap('meta').toJSON()).toEqual({ title: 'Plan', country: 'TM' });

    await store.remove('plan-2');
    expect(await persistence.load('plan-2')).toBeNull();
  });
});
