// [C1] Every replica converges to the same valid plan, whatever the operations and however the
// network delivers them (reordered, duplicated, delayed). Seeded property test: a failure prints
// the seed and the shrunk counterexample; rerun with ACCORD_FC_SEED=<seed> to replay it.
import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as actions from './actions';
import * as comments from './comments';
import * as customFrameworks from './customFrameworks';
import * as indicators from './indicators';
import * as links from './links';
import { migrate } from './migrations';
import { ACTION_STATUS_LIST } from './model';
import * as objectives from './objectives';
import * as organisations from './organisations';
import { openPlan, planParts, PlanError, type Plan } from './plan';
import * as progressUpdates from './progressUpdates';
import { PlanSnapshot } from './schema';
import { PlanSnapshotter } from './snapshot';
import { TestPlan, toSchemaTwo } from './testing';
import { actionsByObjective } from './views';

const SEED = process.env.ACCORD_FC_SEED ? Number(process.env.ACCORD_FC_SEED) : Date.now() % 2 ** 31;
const RUNS = Number(process.env.ACCORD_FC_RUNS ?? 200);

/** One step of the scenario: an edit on a replica, or the network moving a message. */
type Step =
  | { kind: 'edit'; replica: number; op: Op }
  | { kind: 'deliver'; from: number; to: number; pick: number }
  | { kind: 'duplicate'; from: number; to: number; pick: number };

type Op =
  | { type: 'create'; objective: number; title: string }
  | { type: 'title'; action: number; at: number; text: string }
  | { type: 'field'; action: number; status: number; progress: number; deadlineDay: number }
  | { type: 'remove'; action: number }
  | { type: 'restore'; action: number }
  | { type: 'purge'; action: number }
  | { type: 'move'; action: number; objective: number; index: number }
  | { type: 'reorderObjective'; objective: number; index: number }
  | { type: 'renumber' }
  | { type: 'ref'; action: number; ref: string }
  | { type: 'partner'; action: number; org: number }
  | { type: 'endorse'; action: number; org: number }
  | { type: 'link'; action: number; target: number }
  | { type: 'schemaTwoMember'; action: number; org: number; target: number; container: number }
  | { type: 'comment'; action: number; text: string }
  | { type: 'progress'; action: number; progress: number; day: number }
  | { type: 'indicator'; action: number; value: number }
  | { type: 'mergeOrgs'; keep: number; drop: number }
  | { type: 'frameworkItem'; code: string }
  | { type: 'migrate' };

const hostile = fc.constantFrom('x', 'Ý', 'щ', '<b>', '=1+1', '😀', ' ', '"', '\n');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('create' as const),
      objective: fc.nat(3),
      title: fc.string({ maxLength: 8 }).map((s) => `T${s}`),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('title' as const),
      action: fc.nat(50),
      at: fc.nat(40),
      text: hostile,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('field' as const),
      action: fc.nat(50),
      status: fc.nat(4),
      progress: fc.nat(100),
      deadlineDay: fc.nat(27),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('remove' as const), action: fc.nat(50) }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('restore' as const), action: fc.nat(50) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('purge' as const), action: fc.nat(50) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('move' as const),
      action: fc.nat(50),
      objective: fc.nat(3),
      index: fc.nat(10),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('reorderObjective' as const),
      objective: fc.nat(3),
      index: fc.nat(3),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('renumber' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('ref' as const),
      action: fc.nat(50),
      ref: fc.constantFrom('1.1', '1.2', '2.1', 'A', 'B'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('partner' as const),
      action: fc.nat(50),
      org: fc.nat(3),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('endorse' as const),
      action: fc.nat(50),
      org: fc.nat(3),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('schemaTwoMember' as const),
      action: fc.nat(50),
      org: fc.nat(3),
      target: fc.nat(11),
      container: fc.nat(2),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('link' as const),
      action: fc.nat(50),
      target: fc.nat(11),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('comment' as const),
      action: fc.nat(50),
      text: hostile,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('progress' as const),
      action: fc.nat(50),
      progress: fc.nat(100),
      day: fc.nat(27),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('indicator' as const),
      action: fc.nat(50),
      value: fc.integer({ min: -5, max: 500 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('mergeOrgs' as const),
      keep: fc.nat(3),
      drop: fc.nat(3),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('frameworkItem' as const),
      code: fc.constantFrom('1', '2', '3'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('migrate' as const) }) },
);

function scenario(replicas: number): fc.Arbitrary<Step[]> {
  const replica = fc.nat(replicas - 1);
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica, op: opArb }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('deliver' as const),
        from: replica,
        to: replica,
        pick: fc.nat(20),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('duplicate' as const),
        from: replica,
        to: replica,
        pick: fc.nat(20),
      }),
    },
  );
  return fc.array(step, { minLength: 20, maxLength: 120 });
}

const SDG8_TARGETS = [
  '8.1',
  '8.2',
  '8.3',
  '8.4',
  '8.5',
  '8.6',
  '8.7',
  '8.8',
  '8.9',
  '8.10',
  '8.a',
  '8.b',
];

interface Replica {
  plan: Plan;
  snapshotter: PlanSnapshotter;
  created: Set<string>;
  purged: Set<string>;
}

function pickId(list: readonly { id: string }[], index: number): string | null {
  return list.length === 0 ? null : list[index % list.length]!.id;
}

function apply(replica: Replica, op: Op, day: () => string): void {
  const { plan } = replica;
  const snapshot = replica.snapshotter.snapshot();
  const all = snapshot.actions;
  const live = all.filter((action) => action.deletedAt === null);
  const objectiveIds = snapshot.objectives.filter((o) => o.deletedAt === null);
  const orgIds = snapshot.orgs;
  const actionId =
    'action' in op
      ? pickId(op.type === 'restore' || op.type === 'purge' ? all : live, op.action)
      : null;
  if ('action' in op && actionId === null) return;
  const id = actionId!;
  switch (op.type) {
    case 'create': {
      const objectiveId = pickId(objectiveIds, op.objective);
      replica.created.add(actions.create(plan, { title: op.title, objectiveId }));
      return;
    }
    case 'title': {
      const current = all.find((action) => action.id === id)!.title;
      const at = op.at % (current.length + 1);
      const next = `${current.slice(0, at)}${op.text}${current.slice(at)}`;
      if (next.trim().length > 0 && next.length <= 500) actions.edit(plan, id, { title: next });
      return;
    }
    case 'field':
      return actions.edit(plan, id, {
        status: ACTION_STATUS_LIST[op.status]!,
        progress: op.progress,
        deadline: `2026-02-${String(op.deadlineDay + 1).padStart(2, '0')}`,
        start: null,
      });
    case 'remove':
      return actions.remove(plan, id);
    case 'restore':
      return actions.restore(plan, id);
    case 'purge':
      if (all.find((action) => action.id === id)!.deletedAt === null) actions.remove(plan, id);
      replica.purged.add(id);
      return actions.purge(plan, id);
    case 'move':
      return actions.move(plan, id, {
        objectiveId: pickId(objectiveIds, op.objective),
        index: op.index,
      });
    case 'reorderObjective': {
      const objectiveId = pickId(objectiveIds, op.objective);
      if (objectiveId) objectives.move(plan, objectiveId, op.index);
      return;
    }
    case 'renumber':
      return actions.renumber(plan);
    case 'ref':
      return actions.edit(plan, id, { ref: op.ref });
    case 'partner': {
      const orgId = pickId(orgIds, op.org);
      if (orgId) actions.addPartner(plan, id, orgId);
      return;
    }
    case 'endorse': {
      const orgId = pickId(orgIds, op.org);
      if (orgId) actions.endorse(plan, id, orgId);
      return;
    }
    case 'link':
      return links.link(plan, id, 'sdg8', SDG8_TARGETS[op.target]!);
    case 'schemaTwoMember': {
      // A replica still on schema 2 (offline while the others migrated) writes into an old
      // container of an action; migration 3 folds it whenever it runs.
      const orgId = pickId(orgIds, op.org);
      const map = planParts(plan.doc).actions.get(id);
      const name = (['partnerOrgIds', 'links', 'endorsements'] as const)[op.container]!;
      const container = map?.get(name);
      if (!orgId || !(container instanceof Y.Map)) return;
      plan.doc.transact(() => {
        if (name === 'links') container.set(`sdg8:${SDG8_TARGETS[op.target]!}`, true);
        else if (name === 'partnerOrgIds') container.set(orgId, true);
        else container.set(orgId, { by: plan.actor.id, at: new Date(plan.now()).toISOString() });
      }, plan.origin);
      return;
    }
    case 'comment':
      if (op.text.trim()) comments.add(plan, id, op.text);
      return;
    case 'progress':
      progressUpdates.add(plan, id, { at: day(), status: 'in_progress', progress: op.progress });
      return;
    case 'indicator': {
      const existing = all.find((action) => action.id === id)!.indicators[0];
      const indicatorId =
        existing?.id ?? indicators.add(plan, id, { name: 'Inspections', baseline: 0, target: 100 });
      return indicators.recordValue(plan, id, indicatorId, { period: '2025', value: op.value });
    }
    case 'mergeOrgs': {
      const keep = pickId(orgIds, op.keep);
      const drop = pickId(orgIds, op.drop);
      if (keep && drop && keep !== drop) organisations.merge(plan, keep, drop);
      return;
    }
    case 'frameworkItem':
      if (!planParts(plan.doc).frameworks.has('hrap-tm-2021')) {
        customFrameworks.create(plan, { id: 'hrap-tm-2021', name: 'National plan' });
      }
      customFrameworks.addItem(plan, 'hrap-tm-2021', {
        code: op.code,
        title: `Chapter ${op.code}`,
        kind: 'chapter',
      });
      return;
    case 'migrate':
      migrate(plan);
      return;
  }
}

/** The starting plan every replica has: version 1 (unmigrated) when `legacy`, else current. */
function basePlan(legacy: boolean): Y.Doc {
  const test = TestPlan.empty();
  const first = objectives.create(test.plan, { title: 'Forced labour' });
  const second = objectives.create(test.plan, { title: 'Labour rights' });
  const ministry = organisations.create(test.plan, {
    name: 'Ministry of Labour',
    kind: 'government',
  });
  organisations.create(test.plan, { name: 'Min. of Labour', kind: 'government' });
  organisations.create(test.plan, { name: 'Trade union', kind: 'civil_society' });
  for (const [title, objectiveId] of [
    ['Inspect cotton harvest', first],
    ['Train inspectors', first],
    ['Publish data', second],
  ] as const) {
    actions.create(test.plan, { title, objectiveId, leadOrgId: ministry });
  }
  if (legacy) {
    // Make it look like schema version 1: nested containers in every action (schema 2's
    // layout), no version, no stages, a ref and an order missing.
    actions.addPartner(test.plan, [...planParts(test.doc).actions.keys()][0]!, ministry);
    toSchemaTwo(test.doc);
    test.doc.transact(() => {
      planParts(test.doc).meta.delete('schemaVersion');
      const legacyActions = [...planParts(test.doc).actions.values()];
      for (const action of legacyActions) action.delete('stage');
      legacyActions[0]!.delete('ref');
      legacyActions[1]!.delete('order');
    });
  }
  return test.doc;
}

function runScenario(replicaCount: number, legacy: boolean, steps: Step[]): { operations: number } {
  const base = Y.encodeStateAsUpdate(basePlan(legacy));
  const inboxes: Uint8Array[][][] = [];
  const delivered: Uint8Array[][][] = [];
  const replicas: Replica[] = [];
  let clock = Date.parse('2025-06-01T00:00:00.000Z');
  let operations = 0;
  for (let r = 0; r < replicaCount; r++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base, 'base');
    let counter = 0;
    const plan = openPlan(doc, {
      actor: { id: `member-${r}`, name: `Member ${r}` },
      now: () => new Date((clock += 1000)),
      newId: () => `r${r}-${String(++counter).padStart(4, '0')}`,
    });
    replicas.push({
      plan,
      snapshotter: new PlanSnapshotter(doc),
      created: new Set(),
      purged: new Set(),
    });
    inboxes.push(Array.from({ length: replicaCount }, () => []));
    delivered.push(Array.from({ length: replicaCount }, () => []));
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network' || origin === 'base') return;
      for (let to = 0; to < replicaCount; to++) if (to !== r) inboxes[r]![to]!.push(update);
    });
  }
  const day = () => new Date(clock).toISOString().slice(0, 10);
  const deliver = (from: number, to: number, pick: number) => {
    const queue = inboxes[from]![to]!;
    if (queue.length === 0) return;
    const [update] = queue.splice(pick % queue.length, 1);
    Y.applyUpdate(replicas[to]!.plan.doc, update!, 'network');
    delivered[from]![to]!.push(update!);
  };

  for (const step of steps) {
    if (step.kind === 'edit') {
      try {
        apply(replicas[step.replica]!, step.op, day);
        operations++;
      } catch (error) {
        // A refused operation (ref taken, organisation in use) is fine; anything else is a bug.
        if (!(error instanceof PlanError)) throw error;
      }
    } else if (step.kind === 'deliver' && step.from !== step.to) {
      deliver(step.from, step.to, step.pick);
    } else if (step.kind === 'duplicate' && step.from !== step.to) {
      const seen = delivered[step.from]![step.to]!;
      if (seen.length > 0)
        Y.applyUpdate(replicas[step.to]!.plan.doc, seen[step.pick % seen.length]!, 'network');
    }
  }
  // The network heals: everything still in flight arrives, in reverse order for good measure.
  for (let from = 0; from < replicaCount; from++) {
    for (let to = 0; to < replicaCount; to++) {
      const queue = inboxes[from]![to]!;
      while (queue.length > 0) deliver(from, to, queue.length - 1);
    }
  }

  const snapshots = replicas.map((replica) => replica.snapshotter.snapshot());
  const [first, ...rest] = snapshots;
  for (const other of rest) expect(other).toEqual(first);
  PlanSnapshot.parse(first);
  const refs = first!.actions.map((action) => action.ref);
  expect(new Set(refs).size).toBe(refs.length);
  const ids = first!.actions.map((action) => action.id);
  expect(new Set(ids).size).toBe(ids.length);
  const purged = new Set(replicas.flatMap((replica) => [...replica.purged]));
  for (const replica of replicas) {
    for (const id of replica.created) if (!purged.has(id)) expect(ids).toContain(id);
  }
  // Each live action appears in exactly one objective group.
  const grouped = actionsByObjective(first!).flatMap((group) =>
    group.actions.map((action) => action.id),
  );
  expect(grouped.sort()).toEqual(
    first!.actions
      .filter((a) => a.deletedAt === null)
      .map((a) => a.id)
      .sort(),
  );
  // The incremental snapshots equal a fresh read of the merged document.
  const fresh = new PlanSnapshotter(replicas[0]!.plan.doc);
  expect(fresh.snapshot()).toEqual(first);
  return { operations };
}

describe('[C1] convergence', () => {
  it(`3-5 replicas converge under random operations and delivery (seed ${SEED}, ${RUNS} runs)`, () => {
    let totalOperations = 0;
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 5 })
          .chain((replicas) => fc.tuple(fc.constant(replicas), fc.boolean(), scenario(replicas))),
        ([replicas, legacy, steps]) => {
          totalOperations += runScenario(replicas, legacy, steps).operations;
        },
      ),
      { seed: SEED, numRuns: RUNS, verbose: 1 },
    );
    console.info(`[C1] seed ${SEED}: ${RUNS} runs, ${totalOperations} operations applied`);
    expect(totalOperations).toBeGreaterThan(RUNS * 5);
  }, 600_000);
});
