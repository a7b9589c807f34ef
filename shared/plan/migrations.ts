// Brings a plan document written by an older Accord up to SCHEMA_VERSION. Replicas migrate on
// their own, possibly at the same time while apart, so every step must converge when two
// replicas run it concurrently and then merge:
//  - it is idempotent (running it twice changes nothing the second time);
//  - it writes only values that are a deterministic function of the entry it fixes, so two
//    replicas that fix the same entry write the same value;
//  - it never creates a nested shared type for an existing entry (two replicas would create two,
//    and Yjs keeps one: whatever was written into the other would be lost). Readers treat a
//    missing container as empty instead.
// Refs assigned by a step may still collide across replicas; snapshots resolve that (refs.ts).
import * as Y from 'yjs';
import type { FlatField } from './actionEntries';
import { ACTION } from './layout';
import { SCHEMA_VERSION } from './model';
import { change, planParts, type Plan } from './plan';
import { compareOrdered, keyAt, type Ordered } from './order';
import { asMap } from './read';

export interface Migration {
  /** the version this step produces */
  readonly to: number;
  readonly describe: string;
  readonly run: (plan: Plan) => void;
  /**
   * Whether a replica still on the older version wrote what this step moves (it was offline
   * when the document migrated): the step then runs again, even at its version.
   */
  readonly pending?: (plan: Plan) => boolean;
}

/** The schema-2 nested containers whose entries schema 3 keeps as flat members of the action. */
const FOLDED: readonly FlatField[] = ['partnerOrgIds', 'links', 'endorsements'];

/** The schema-2 containers of every action that still hold entries. */
function* unfolded(plan: Plan): Generator<[Y.Map<unknown>, FlatField, Y.Map<unknown>]> {
  for (const map of planParts(plan.doc).actions.values()) {
    if (!(map instanceof Y.Map)) continue;
    for (const name of FOLDED) {
      const legacy = asMap(map.get(name));
      if (legacy && legacy.size > 0) yield [map, name, legacy];
    }
  }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    describe:
      'workshop stages and refs: actions from before stages existed were adopted plans (agreed); ' +
      'actions without a ref or order get one from their id',
    run: (plan) => {
      const actions = planParts(plan.doc).actions;
      const unordered: string[] = [];
      for (const [id, map] of actions.entries()) {
        if (!(map instanceof Y.Map)) continue;
        if (map.get('stage') === undefined) map.set('stage', 'agreed');
        if (typeof map.get('ref') !== 'string' || (map.get('ref') as string).trim() === '') {
          map.set('ref', `#${id.slice(0, 8)}`);
        }
        if (typeof map.get('order') !== 'string') unordered.push(id);
      }
      // Deterministic keys: the ordered entries plus the unordered ones by id, appended in turn.
      const ordered: Ordered[] = [];
      for (const [id, map] of actions.entries()) {
        const order = map instanceof Y.Map ? map.get('order') : undefined;
        if (typeof order === 'string') ordered.push({ id, order });
      }
      ordered.sort(compareOrdered);
      for (const id of unordered.sort()) {
        const order = keyAt(ordered, ordered.length);
        actions.get(id)!.set('order', order);
        ordered.push({ id, order });
      }
    },
  },
  {
    to: 3,
    describe:
      'no nested containers inside an action: partners, framework links and endorsements move ' +
      'to flat keys of the action (partner:<orgId>, link:<key>, endorsement:<orgId>)',
    run: (plan) => {
      for (const [map, name, legacy] of [...unfolded(plan)]) {
        const prefix = ACTION.fields[name].prefix!;
        for (const [member, value] of [...legacy.entries()]) {
          // A flat member already there is the newer write; the old entry only goes. The
          // container itself stays: a write into a deleted type would be lost.
          if (!map.has(prefix + member)) map.set(prefix + member, value);
          legacy.delete(member);
        }
      }
    },
    pending: (plan) => !unfolded(plan).next().done,
  },
];

export const MIGRATION_RESULTS = {
  /** the document is at the current version (now or already) */
  current: 'current',
  /** the document was written by a newer Accord: open it read-only rather than risk damage */
  newer: 'newer',
} as const;
export type MigrationResult = keyof typeof MIGRATION_RESULTS;

/** The schema version a document says it has; a document with none predates versioning (1). */
export function versionOf(doc: Y.Doc): number {
  const version = planParts(doc).meta.get('schemaVersion');
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
}

/** Runs every step the document lacks, and folds older replicas' late writes, in one transaction. */
export function migrate(
  plan: Plan,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  const from = versionOf(plan.doc);
  const target = Math.max(SCHEMA_VERSION, ...migrations.map((migration) => migration.to));
  if (from > target) return 'newer';
  const steps = migrations.filter(
    (migration) => migration.to > from || (migration.pending?.(plan) ?? false),
  );
  if (steps.length === 0) return 'current';
  change(plan, () => {
    for (const migration of steps) migration.run(plan);
    if (from < target) planParts(plan.doc).meta.set('schemaVersion', target);
  });
  return 'current';
}
