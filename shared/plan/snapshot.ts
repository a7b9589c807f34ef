// Plain, immutable snapshots of a plan, derived from its Y.Doc. A snapshotter watches the doc
// and rebuilds only what changed: after one edit, the changed action is a new object and every
// other action, objective and organisation is the same object as before, so React skips them.
import * as Y from 'yjs';
import { parseLinkKey } from '../frameworks';
import { LANGUAGES, type Language } from '../frameworks/types';
import {
  ACTION_STAGE_LIST,
  ACTION_STATUS_LIST,
  INDICATOR_FREQUENCY_LIST,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  ORG_KIND_LIST,
  PRIORITY_LIST,
} from './model';
import { compareOrdered } from './order';
import { comparePeriods } from './periods';
import { planParts } from './plan';
import {
  asMap,
  asRecord,
  compareIds,
  readDate,
  readEnum,
  readId,
  readNullableEnum,
  readNumber,
  readPercent,
  readRequiredTimestamp,
  readSet,
  readString,
  readTimestamp,
} from './read';
import { resolveRefs } from './refs';
import type {
  Action,
  Budget,
  Comment,
  CustomFramework,
  Endorsement,
  Indicator,
  IndicatorValue,
  Objective,
  Organisation,
  PlanMeta,
  PlanSnapshot,
  ProgressUpdate,
} from './schema';
import { CUSTOM_ITEM_KINDS, FRAMEWORK_ITEM_SEPARATOR } from './customFrameworkLayout';

/** Refs are cut to this so a duplicate's suffix still fits the schema's 40 characters. */
const MAX_STORED_REF = 36;

export interface StoredAction {
  readonly action: Action;
  /** the ref as stored, before duplicates are resolved */
  readonly storedRef: string;
}

export function readAction(id: string, map: Y.Map<unknown>, ref: string): Action {
  return {
    id,
    ref,
    title: readString(map, 'title', MAX_TITLE_LENGTH),
    description: readString(map, 'description', MAX_TEXT_LENGTH),
    objectiveId: readId(map.get('objectiveId')),
    order: typeof map.get('order') === 'string' ? (map.get('order') as string) : '',
    leadOrgId: readId(map.get('leadOrgId')),
    partnerOrgIds: readSet(map.get('partnerOrgIds')),
    contact: readString(map, 'contact', MAX_TITLE_LENGTH),
    start: readDate(map.get('start')),
    deadline: readDate(map.get('deadline')),
    status: readEnum(map.get('status'), ACTION_STATUS_LIST, 'planned'),
    progress: readPercent(map.get('progress')),
    stage: readEnum(map.get('stage'), ACTION_STAGE_LIST, 'proposed'),
    endorsements: readEndorsements(map.get('endorsements')),
    priority: readNullableEnum(map.get('priority'), PRIORITY_LIST),
    links: readSet(map.get('links')).filter((key) => parseLinkKey(key) !== null),
    indicators: readIndicators(map.get('indicators')),
    budget: readBudget(map.get('budget')),
    comments: readComments(map.get('comments')),
    updates: readUpdates(map.get('updates')),
    createdAt: readRequiredTimestamp(map.get('createdAt')),
    createdBy: readString(map, 'createdBy'),
    updatedAt: readRequiredTimestamp(map.get('updatedAt') ?? map.get('createdAt')),
    updatedBy: readString(map, 'updatedBy'),
    deletedAt: readTimestamp(map.get('deletedAt')),
    deletedBy: readTimestamp(map.get('deletedAt')) ? readString(map, 'deletedBy') : null,
  };
}

export function readStoredRef(id: string, map: Y.Map<unknown>): string {
  const stored = readString(map, 'ref').trim().slice(0, MAX_STORED_REF);
  return stored.length > 0 ? stored : `#${id.slice(0, 8)}`;
}

function readEndorsements(value: unknown): Endorsement[] {
  const map = asMap(value);
  if (!map) return [];
  const out: Endorsement[] = [];
  for (const [orgId, raw] of map.entries()) {
    const record = asRecord(raw);
    if (!record || !readId(orgId)) continue;
    out.push({
      orgId,
      by: typeof record.by === 'string' ? record.by : '',
      at: readRequiredTimestamp(record.at),
    });
  }
  return out.sort((a, b) => compareIds(a.orgId, b.orgId));
}

function readIndicators(value: unknown): Indicator[] {
  const map = asMap(value);
  if (!map) return [];
  const out: Indicator[] = [];
  for (const [id, raw] of map.entries()) {
    const indicator = asMap(raw);
    if (!indicator || !readId(id)) continue;
    out.push({
      id,
      name: readString(indicator, 'name', MAX_TITLE_LENGTH),
      unit: readString(indicator, 'unit', 50),
      baseline: readNumber(indicator, 'baseline'),
      target: readNumber(indicator, 'target'),
      frequency: readEnum(indicator.get('frequency'), INDICATOR_FREQUENCY_LIST, 'annual'),
      values: readIndicatorValues(indicator.get('values')),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || compareIds(a.id, b.id));
}

function readIndicatorValues(value: unknown): IndicatorValue[] {
  const map = asMap(value);
  if (!map) return [];
  const out: IndicatorValue[] = [];
  for (const [period, raw] of map.entries()) {
    const record = asRecord(raw);
    if (!record || typeof record.value !== 'number' || !Number.isFinite(record.value)) continue;
    if (period.length === 0 || period.length > 20) continue;
    out.push({
      period,
      value: record.value,
      note: typeof record.note === 'string' ? record.note.slice(0, MAX_TEXT_LENGTH) : '',
      by: typeof record.by === 'string' ? record.by : '',
      at: readRequiredTimestamp(record.at),
    });
  }
  return out.sort((a, b) => comparePeriods(a.period, b.period));
}

function readBudget(value: unknown): Budget | null {
  const record = asRecord(value);
  if (!record) return null;
  const amount =
    typeof record.amount === 'number' && Number.isFinite(record.amount) && record.amount >= 0
      ? record.amount
      : null;
  return {
    amount,
    currency: typeof record.currency === 'string' ? record.currency.slice(0, 10) : '',
    source: typeof record.source === 'string' ? record.source.slice(0, MAX_TITLE_LENGTH) : '',
  };
}

function readComments(value: unknown): Comment[] {
  const map = asMap(value);
  if (!map) return [];
  const out: Comment[] = [];
  for (const [id, raw] of map.entries()) {
    const comment = asMap(raw);
    if (!comment || !readId(id)) continue;
    out.push({
      id,
      authorId: readString(comment, 'authorId'),
      authorName: readString(comment, 'authorName', MAX_TITLE_LENGTH),
      at: readRequiredTimestamp(comment.get('at')),
      text: readString(comment, 'text', MAX_TEXT_LENGTH),
      editedAt: readTimestamp(comment.get('editedAt')),
      deletedAt: readTimestamp(comment.get('deletedAt')),
    });
  }
  return out.sort((a, b) => compareIds(a.at, b.at) || compareIds(a.id, b.id));
}

function readUpdates(value: unknown): ProgressUpdate[] {
  const map = asMap(value);
  if (!map) return [];
  const out: ProgressUpdate[] = [];
  for (const [id, raw] of map.entries()) {
    const update = asMap(raw);
    const at = update ? readDate(update.get('at')) : null;
    if (!update || !readId(id) || !at) continue;
    const evidence = update.get('evidence');
    out.push({
      id,
      at,
      authorId: readString(update, 'authorId'),
      authorName: readString(update, 'authorName', MAX_TITLE_LENGTH),
      status: readEnum(update.get('status'), ACTION_STATUS_LIST, 'planned'),
      progress: readPercent(update.get('progress')),
      note: readString(update, 'note', MAX_TEXT_LENGTH),
      evidence: Array.isArray(evidence)
        ? evidence.filter((link): link is string => typeof link === 'string' && link.length <= 2000)
        : [],
    });
  }
  return out.sort((a, b) => compareIds(a.at, b.at) || compareIds(a.id, b.id));
}

export function readObjective(id: string, map: Y.Map<unknown>): Objective {
  return {
    id,
    title: readString(map, 'title', MAX_TITLE_LENGTH),
    order: typeof map.get('order') === 'string' ? (map.get('order') as string) : '',
    deletedAt: readTimestamp(map.get('deletedAt')),
  };
}

export function readOrganisation(id: string, map: Y.Map<unknown>): Organisation {
  return {
    id,
    name: readString(map, 'name', MAX_TITLE_LENGTH),
    kind: readEnum(map.get('kind'), ORG_KIND_LIST, 'other'),
    country: readString(map, 'country', 100),
    contact: readString(map, 'contact', MAX_TITLE_LENGTH),
  };
}

export function readMeta(doc: Y.Doc, schemaVersionFallback: number): PlanMeta {
  const meta = planParts(doc).meta;
  const period = asRecord(meta.get('period'));
  const start = period ? readDate(period.start) : null;
  const end = period ? readDate(period.end) : null;
  const languages = meta.get('languages');
  const frameworks = meta.get('frameworks');
  const version = meta.get('schemaVersion');
  return {
    schemaVersion:
      typeof version === 'number' && Number.isInteger(version) && version >= 0
        ? version
        : schemaVersionFallback,
    id: readString(meta, 'id', 100),
    title: readString(meta, 'title', MAX_TITLE_LENGTH),
    summary: readString(meta, 'summary', MAX_TEXT_LENGTH),
    country: readString(meta, 'country', 100),
    period: start && end ? { start, end } : null,
    languages: Array.isArray(languages)
      ? LANGUAGES.filter((language: Language) => languages.includes(language))
      : ['en'],
    frameworks: Array.isArray(frameworks)
      ? [...new Set(frameworks.filter((id): id is string => typeof id === 'string'))].sort()
      : [],
    createdAt: readTimestamp(meta.get('createdAt')),
  };
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
    if (separator === -1) {
      if (!readId(key)) continue;
      const name = readString(map, 'name', MAX_TITLE_LENGTH);
      frameworks.set(key, {
        id: key,
        name: { en: name },
        shortName: { en: readString(map, 'shortName', 100) || name },
        version: readString(map, 'version', 100),
        source: { title: readString(map, 'sourceTitle', MAX_TITLE_LENGTH) },
        languages: [],
        coverageKinds: ['chapter', 'item', 'target'],
        items: [],
        origin: 'plan',
      });
    } else {
      const code = key.slice(separator + 1);
      if (code.length === 0 || code.length > 40) continue;
      const parent = readString(map, 'parent', 40);
      items.push({
        frameworkId: key.slice(0, separator),
        order: typeof map.get('order') === 'string' ? (map.get('order') as string) : '',
        item: {
          code,
          kind: readEnum(map.get('kind'), CUSTOM_ITEM_KINDS, 'item'),
          ...(parent ? { parent } : {}),
          title: { en: readString(map, 'title', MAX_TITLE_LENGTH) },
        },
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
    const meta = this.metaDirty || !previous ? readMeta(this.doc, 0) : previous.meta;
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
