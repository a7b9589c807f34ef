// The two rules inside a plan's document that carry authority (DESIGN.md, Identity; SPEC.md
// [S25]): only owners adopt an action (its stage to or from `agreed`), and a member endorses, or
// withdraws an endorsement, only for their own organisation. Checked on a client update before
// Yjs sees it, which it must be: once applied, a change cannot be taken back from the other
// replicas. It reads the update's structs without applying them: each new map entry's place
// (parent and key, from the update or through its neighbour in the document) and each deleted
// entry, and keeps those under an action's `stage` or `endorsements`. Pure: a document, bytes
// and the member in, a verdict out. Hand-written because Yjs has no hook before integration.
import * as Y from 'yjs';
import { mapEntry } from '../../shared/plan/fields';
import { ACTION, ORGANISATION } from '../../shared/plan/layout';
import { ACTION_STAGES, PLAN_PARTS } from '../../shared/plan/model';
import { nameKey } from '../../shared/plan/names';

/** Field names of the layout tables, so a renamed field fails to compile here. */
const STAGE = 'stage' satisfies keyof typeof ACTION.fields;
const ENDORSEMENTS = 'endorsements' satisfies keyof typeof ACTION.fields;
const ORG_NAME = 'name' satisfies keyof typeof ORGANISATION.fields;
/** schema 3 keeps endorsements as flat keys of the action, `endorsement:<orgId>` */
const ENDORSEMENT_PREFIX = ACTION.fields.endorsements.prefix ?? `${ENDORSEMENTS}:`;
/** the organisation a flat endorsement key names, or null for any other key */
const endorsedOrg = (key: string | null): string | null =>
  key?.startsWith(ENDORSEMENT_PREFIX) ? key.slice(ENDORSEMENT_PREFIX.length) : null;

/** Who sends the update: their role's authority and their organisation (as they joined). */
export interface Sender {
  readonly isOwner: boolean;
  readonly organisation: string;
}

export type AuthorityVerdict =
  { readonly ok: true } | { readonly ok: false; readonly detail: string };

// Y.AbstractType is generic over its event type; any type will do here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyType = Y.AbstractType<any>;

/** Where a new item goes: its parent (a type in the document, a new type of this update, or a
 * top-level type by name) and its key there (null inside a sequence). */
interface Place {
  readonly parent: AnyType | Y.Item | string | null;
  readonly key: string | null;
}

/** Checks a client update that passed the update gate (so every dependency is available). */
export function checkAuthority(doc: Y.Doc, update: Uint8Array, sender: Sender): AuthorityVerdict {
  const { structs, ds } = Y.decodeUpdate(update);
  const known = (client: number) => Y.getState(doc.store, client);
  const fresh = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.id.clock + struct.length <= known(struct.id.client)) continue;
    let list = fresh.get(struct.id.client);
    if (!list) fresh.set(struct.id.client, (list = []));
    list.push(struct);
  }
  for (const list of fresh.values()) list.sort((a, b) => a.id.clock - b.id.clock);

  /** The item holding `id`: in the document, else in this update. */
  const itemAt = (id: Y.ID): Y.Item | undefined => {
    if (id.clock < known(id.client)) {
      const found = Y.getItem(doc.store, id);
      return found instanceof Y.Item ? found : undefined;
    }
    const list = fresh.get(id.client) ?? [];
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const item = list[middle] as Y.Item;
      if (id.clock < item.id.clock) high = middle - 1;
      else if (id.clock >= item.id.clock + item.length) low = middle + 1;
      else return item;
    }
    return undefined;
  };
  const inDocument = (item: Y.Item) => item.id.clock < known(item.id.client);

  // An item placed by a neighbour shares its neighbour's parent and key; chains are followed
  // iteratively (a hostile update must not overflow the stack) and remembered.
  const places = new Map<Y.Item, Place>();
  const placeOf = (start: Y.Item): Place => {
    const chain: Y.Item[] = [];
    let item: Y.Item | undefined = start;
    let place: Place = { parent: null, key: null };
    while (item) {
      const seen = places.get(item);
      if (seen) {
        place = seen;
        break;
      }
      if (inDocument(item)) {
        place = { parent: item.parent as AnyType | null, key: item.parentSub };
        break;
      }
      if (typeof item.parent === 'string' || item.parent instanceof Y.ID) {
        const parent: Y.Item | string | undefined =
          typeof item.parent === 'string' ? item.parent : itemAt(item.parent);
        const type =
          parent instanceof Y.Item && inDocument(parent) && parent.content instanceof Y.ContentType
            ? parent.content.type
            : parent;
        place = { parent: type ?? null, key: item.parentSub };
        places.set(item, place);
        break;
      }
      chain.push(item);
      const neighbour: Y.ID | null = item.origin ?? item.rightOrigin;
      item = neighbour ? itemAt(neighbour) : undefined;
    }
    for (const link of chain) places.set(link, place);
    return place;
  };

  /** The keys from the top-level type down to `parent` (as deep as the gate allowed). */
  const pathTo = (parent: Place['parent']): (string | null)[] => {
    const path: (string | null)[] = [];
    let current: Place['parent'] = parent;
    while (current !== null) {
      if (typeof current === 'string') {
        path.unshift(current);
        break;
      }
      if (current instanceof Y.Item) {
        const place = placeOf(current);
        path.unshift(place.key);
        current = place.parent;
        continue;
      }
      const holder: Y.Item | null = current._item;
      if (!holder) {
        path.unshift(rootName(doc, current));
        break;
      }
      path.unshift(holder.parentSub);
      current = holder.parent as AnyType | null;
    }
    return path;
  };

  const actions = doc.getMap<unknown>(PLAN_PARTS.actions);
  const stageNow = (actionId: string): string => {
    const action = actions.get(actionId);
    if (!(action instanceof Y.Map)) return ACTION.fields.stage.initial;
    const entry = mapEntry(actionId, action as Y.Map<unknown>);
    const stage = ACTION.fields.stage.read(entry.get(STAGE), entry);
    return typeof stage === 'string' ? stage : ACTION.fields.stage.initial;
  };
  /** action id -> the stage this update leaves (a deleted stage reads as the default) */
  const stages = new Map<string, string>();
  const endorsed = new Set<string>();

  const note = (path: readonly (string | null)[], key: string | null, item: Y.Item | null) => {
    if (path[0] !== PLAN_PARTS.actions || key === null) return;
    const actionId = path[1];
    if (path.length === 2 && typeof actionId === 'string' && key === STAGE) {
      const value = item && !item.deleted ? item.content.getContent()[0] : undefined;
      if (item) stages.set(actionId, readStage(actionId, value));
      else if (!stages.has(actionId)) stages.set(actionId, ACTION.fields.stage.initial);
    } else if (path.length === 2 && endorsedOrg(key) !== null) {
      endorsed.add(endorsedOrg(key)!);
    } else if (path.length === 3 && path[2] === ENDORSEMENTS) {
      endorsed.add(key);
    }
  };

  for (const list of fresh.values()) {
    for (const item of list) {
      const place = placeOf(item);
      note(pathTo(place.parent), place.key, item);
    }
  }
  // Deletions of what the document holds: a stage or an endorsement taken away, or the map that
  // held endorsements (or a whole action) replaced or removed with everything in it.
  for (const [client, deletions] of ds.clients) {
    const stored = doc.store.clients.get(client);
    if (!stored) continue;
    for (const deletion of deletions) {
      const end = Math.min(deletion.clock + deletion.len, known(client));
      if (deletion.clock >= end) continue;
      for (let i = Y.findIndexSS(stored, deletion.clock); i < stored.length; i++) {
        const struct = stored[i] as Y.Item | Y.GC;
        if (struct.id.clock >= end) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const path = pathTo(struct.parent as AnyType | null);
        if (path[0] !== PLAN_PARTS.actions) continue;
        const key = struct.parentSub;
        if (path.length === 2 || path.length === 3) note(path, key, null);
        const held = struct.content instanceof Y.ContentType ? struct.content.type : null;
        if (!(held instanceof Y.Map)) continue;
        if (path.length === 2 && key === ENDORSEMENTS) {
          for (const orgId of held.keys()) endorsed.add(orgId);
        } else if (path.length === 1 && key !== null) {
          if (stageNow(key) === ACTION_STAGES.agreed) stages.set(key, ACTION.fields.stage.initial);
          const endorsements = held.get(ENDORSEMENTS);
          if (endorsements instanceof Y.Map)
            for (const orgId of endorsements.keys()) endorsed.add(orgId);
          for (const flatKey of held.keys()) {
            const orgId = endorsedOrg(flatKey);
            if (orgId !== null) endorsed.add(orgId);
          }
        }
      }
    }
  }

  function readStage(actionId: string, value: unknown): string {
    const entry = {
      key: actionId,
      get: (field: string) => (field === STAGE ? value : undefined),
      keys: () => [STAGE],
    };
    const stage = ACTION.fields.stage.read(value, entry);
    return typeof stage === 'string' ? stage : ACTION.fields.stage.initial;
  }

  if (!sender.isOwner) {
    for (const [actionId, next] of stages) {
      const now = stageNow(actionId);
      if (now !== next && (now === ACTION_STAGES.agreed || next === ACTION_STAGES.agreed)) {
        return { ok: false, detail: `only owners adopt an action (${actionId})` };
      }
    }
  }
  const orgs = doc.getMap<unknown>(PLAN_PARTS.orgs);
  for (const orgId of endorsed) {
    const org = orgs.get(orgId);
    const entry = org instanceof Y.Map ? mapEntry(orgId, org as Y.Map<unknown>) : null;
    const name = entry ? ORGANISATION.fields.name.read(entry.get(ORG_NAME), entry) : null;
    if (typeof name !== 'string' || nameKey(name) !== nameKey(sender.organisation)) {
      return { ok: false, detail: `endorsements only for your own organisation (${orgId})` };
    }
  }
  return { ok: true };
}

function rootName(doc: Y.Doc, root: AnyType): string | null {
  for (const [name, type] of doc.share) if (type === root) return name;
  return null;
}
