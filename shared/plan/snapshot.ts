// Plain, immutable snapshots of a plan, derived from its Y.Doc. A snapshotter watches the doc
// and rebuilds only what changed: after one edit, the changed action is a new object and every
// other action, objective and organisation is the same object as before, so React skips them.
import * as Y from 'yjs';
import { FRAMEWORK_ITEM_SEPARATOR } from './customFrameworkLayout';
import {
  mapEntry,
  readEntry,
  readFields,
  type Collection,
  type Entry,
  type Fields,
} from './fields';
import {
  ACTION,
  CUSTOM_FRAMEWORK,
  CUSTOM_FRAMEWORK_ITEM,
  META,
  OBJECTIVE,
  ORGANISATION,
} from './layout';
import { compareOrdered } from './order';
import { planParts } from './plan';
import { asMap, compareIds, readId } from './read';
import { resolveRefs } from './refs';
import type {
  Action,
  CustomFramework,
  Objective,
  Organisation,
  PlanMeta,
  PlanSnapshot,
} from './schema';

export interface StoredAction {
  readonly action: Action;
  /** the ref as stored, before duplicates are resolved */
  readonly storedRef: string;
}

/** An entry of a top-level collection (action, objective, organisation) read by its table. */
function readTopLevel<F extends Fields>(
  collection: Collection<'id', F>,
  id: string,
  map: Y.Map<unknown>,
): Entry<'id', F> {
  // Their tables have no required fields, so every valid id reads as an entry.
  return readEntry(collection, mapEntry(id, map))!;
}

export function readAction(id: string, map: Y.Map<unknown>, ref: string): Action {
  return { ...readTopLevel(ACTION, id, map), ref };
}

export function readStoredRef(id: string, map: Y.Map<unknown>): string {
  return ACTION.fields.ref.read(map.get('ref'), mapEntry(id, map)) as string;
}

export function readObjective(id: string, map: Y.Map<unknown>): Objective {
  return readTopLevel(OBJECTIVE, id, map);
}

export function readOrganisation(id: string, map: Y.Map<unknown>): Organisation {
  return readTopLevel(ORGANISATION, id, map);
}

export function readMeta(doc: Y.Doc): PlanMeta {
  return readFields(META, mapEntry('', planParts(doc).meta))!;
}

/** Plan-defined frameworks: a header entry per framework and one entry per item (see layout). */
export function readCustomFrameworks(doc: Y.Doc): CustomFramework[] {
  const entries = planParts(doc).frameworks;
  const frameworks = new Map<string, CustomFramework & { items: CustomFramework['items'] }>();
  const items: { frameworkId: string; order: string; item: CustomFramework['items'][number] }[] =
    [];
  for (const [key, raw] of entries.entries()) {
    const map = asMap(raw);
    if (!map) continue;
    const separator = key.indexOf(FRAMEWORK_ITEM_SEPARATOR);
    const entry = mapEntry(key, map);
    if (separator === -1) {
      if (!readId(key)) continue;
      const header = readFields(CUSTOM_FRAMEWORK, entry)!;
      frameworks.set(key, {
        id: key,
        name: { en: header.name },
        shortName: { en: header.shortName || header.name },
        version: header.version,
        source: { title: header.sourceTitle },
        languages: [],
        coverageKinds: ['chapter', 'item', 'target'],
        items: [],
        origin: 'plan',
      });
    } else {
      const code = key.slice(separator + 1);
      if (code.length === 0 || code.length > 40) continue;
      const { title, kind, parent, order } = readFields(CUSTOM_FRAMEWORK_ITEM, entry)!;
      items.push({
        frameworkId: key.slice(0, separator),
        order,
        item: { code, kind, ...(parent ? { parent } : {}), title: { en: title } },
      });
    }
  }
  items.sort((a, b) =>
    compareOrdered({ id: a.item.code, order: a.order }, { id: b.item.code, order: b.order }),
  );
  for (const { frameworkId, item } of items) frameworks.get(frameworkId)?.items.push(item);
  return [...frameworks.values()].sort((a, b) => compareIds(a.id, b.id));
}

/**
 * Keeps the current snapshot of one doc, rebuilding only the entries that transactions touched.
 * Call `snapshot()` whenever a render needs it; it is cheap when nothing changed.
 */
export class PlanSnapshotter {
  private readonly doc: Y.Doc;
  private readonly dirtyActions = new Set<string>();
  private readonly dirtyObjectives = new Set<string>();
  private readonly dirtyOrgs = new Set<string>();
  private metaDirty = true;
  private frameworksDirty = true;
  private everything = true;
  private current: PlanSnapshot | null = null;
  private readonly stored = new Map<string, StoredAction>();
  private readonly objectives = new Map<string, Objective>();
  private readonly orgs = new Map<string, Organisation>();
  private readonly unobserve: (() => void)[] = [];

  constructor(doc: Y.Doc) {
    this.doc = doc;
    const parts = planParts(doc);
    const watch = (
      part: keyof ReturnType<typeof planParts>,
      onEvents: (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void,
    ) => {
      const type = parts[part] as Y.AbstractType<unknown>;
      const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => onEvents(events);
      type.observeDeep(handler);
      this.unobserve.push(() => type.unobserveDeep(handler));
    };
    watch('meta', () => (this.metaDirty = true));
    watch('frameworks', () => (this.frameworksDirty = true));
    watch('actions', (events) => markDirty(events, parts.actions, this.dirtyActions));
    watch('objectives', (events) => markDirty(events, parts.objectives, this.dirtyObjectives));
    watch('orgs', (events) => markDirty(events, parts.orgs, this.dirtyOrgs));
  }

  destroy(): void {
    for (const stop of this.unobserve) stop();
    this.unobserve.length = 0;
  }

  snapshot(): PlanSnapshot {
    const previous = this.current;
    if (
      previous &&
      !this.everything &&
      !this.metaDirty &&
      !this.frameworksDirty &&
      this.dirtyActions.size === 0 &&
      this.dirtyObjectives.size === 0 &&
      this.dirtyOrgs.size === 0
    ) {
      return previous;
    }
    const parts = planParts(this.doc);
    const meta = this.metaDirty || !previous ? readMeta(this.doc) : previous.meta;
    const customFrameworks =
      this.frameworksDirty || !previous
        ? readCustomFrameworks(this.doc)
        : previous.customFrameworks;

    const objectivesChanged = this.refresh(
      parts.objectives,
      this.dirtyObjectives,
      this.objectives,
      readObjective,
    );
    const objectives =
      objectivesChanged || !previous
        ? [...this.objectives.values()].sort(compareOrdered)
        : previous.objectives;

    const orgsChanged = this.refresh(parts.orgs, this.dirtyOrgs, this.orgs, readOrganisation);
    const orgs =
      orgsChanged || !previous
        ? [...this.orgs.values()].sort(
            (a, b) => a.name.localeCompare(b.name) || compareIds(a.id, b.id),
          )
        : previous.orgs;

    const actions = this.refreshActions(parts.actions, objectives, objectivesChanged, previous);
    this.everything = false;
    this.metaDirty = false;
    this.frameworksDirty = false;
    this.current = { meta, objectives, actions, orgs, customFrameworks };
    return this.current;
  }

  /** Re-reads dirty entries of a simple collection; says whether anything changed. */
  private refresh<T>(
    collection: Y.Map<Y.Map<unknown>>,
    dirty: Set<string>,
    cache: Map<string, T>,
    read: (id: string, map: Y.Map<unknown>) => T,
  ): boolean {
    const ids = this.everything ? [...collection.keys(), ...cache.keys()] : [...dirty];
    dirty.clear();
    let changed = this.everything;
    for (const id of ids) {
      const map = asMap(collection.get(id));
      if (map && readId(id)) cache.set(id, read(id, map));
      else cache.delete(id);
      changed = true;
    }
    return changed;
  }

  /** Gives every stored action its resolved ref, marking the ones whose ref changed as rebuilt. */
  private resolveAllRefs(rebuilt: Set<string>): void {
    const resolved = resolveRefs(
      [...this.stored.values()].map(({ action, storedRef }) => ({
        id: action.id,
        ref: storedRef,
        createdAt: action.createdAt,
      })),
    );
    for (const [id, entry] of this.stored) {
      const ref = resolved.get(id)!;
      if (entry.action.ref !== ref) {
        this.stored.set(id, { ...entry, action: { ...entry.action, ref } });
        rebuilt.add(id);
      }
    }
  }

  private refreshActions(
    collection: Y.Map<Y.Map<unknown>>,
    objectives: readonly Objective[],
    objectivesChanged: boolean,
    previous: PlanSnapshot | null,
  ): Action[] {
    const ids = this.everything
      ? [...collection.keys(), ...this.stored.keys()]
      : [...this.dirtyActions];
    this.dirtyActions.clear();
    if (ids.length === 0 && !objectivesChanged && previous) return previous.actions;

    let layoutChanged = this.everything || objectivesChanged;
    // Resolving refs sorts the whole plan; it is needed only when an input to it changed (an
    // action added or removed, a stored ref or creation time edited), not after a title edit.
    let refsChanged = this.everything;
    const rebuilt = new Set<string>();
    for (const id of ids) {
      const map = asMap(collection.get(id));
      const before = this.stored.get(id);
      if (!map || !readId(id)) {
        if (before) layoutChanged = refsChanged = true;
        this.stored.delete(id);
        continue;
      }
      const storedRef = readStoredRef(id, map);
      const action = readAction(id, map, before?.action.ref ?? storedRef);
      if (
        !before ||
        before.storedRef !== storedRef ||
        before.action.createdAt !== action.createdAt
      ) {
        refsChanged = true;
      }
      if (
        !before ||
        before.storedRef !== storedRef ||
        before.action.order !== action.order ||
        before.action.objectiveId !== action.objectiveId
      ) {
        layoutChanged = true;
      }
      this.stored.set(id, { action, storedRef });
      rebuilt.add(id);
    }

    // Refs depend on every action's stored ref, so resolve them across the plan; an action whose
    // resolved ref changed is a new object even if nothing else in it did.
    if (refsChanged) this.resolveAllRefs(rebuilt);

    if (!layoutChanged && previous) {
      return previous.actions.map((action) =>
        rebuilt.has(action.id) ? this.stored.get(action.id)!.action : action,
      );
    }
    const position = new Map(objectives.map((objective, index) => [objective.id, index]));
    const positionOf = (action: Action) =>
      action.objectiveId !== null
        ? (position.get(action.objectiveId) ?? objectives.length)
        : objectives.length;
    return [...this.stored.values()]
      .map((entry) => entry.action)
      .sort((a, b) => positionOf(a) - positionOf(b) || compareOrdered(a, b));
  }
}

function markDirty(
  events: Y.YEvent<Y.AbstractType<unknown>>[],
  collection: Y.Map<Y.Map<unknown>>,
  dirty: Set<string>,
): void {
  for (const event of events) {
    if (event instanceof Y.YMapEvent && event.target === collection) {
      for (const key of event.keysChanged) dirty.add(key);
    } else {
      const id = event.path[0];
      if (typeof id === 'string') dirty.add(id);
    }
  }
}

/** A snapshot of a doc read once, without keeping a snapshotter. */
export function snapshotOf(doc: Y.Doc): PlanSnapshot {
  const snapshotter = new PlanSnapshotter(doc);
  try {
    return snapshotter.snapshot();
  } finally {
    snapshotter.destroy();
  }
}
