// The gate every client update passes before Yjs sees it (DESIGN.md, "Sync server"; SPEC.md
// [G1]-[G5]). It decodes the update without applying it and walks its structs once: the parent
// chain of each item gives its nesting depth, the clocks show whether it depends on structs the
// server does not have. Yjs itself would recurse as deep as a hostile update nests types (a stack
// overflow that fails the whole room) and would keep structs with missing dependencies pending in
// the document for ever; neither can be undone once applied. Pure: a document and bytes in, a
// verdict out. Hand-written because Yjs offers no validation hook before integration.
import * as Y from 'yjs';

export interface GateLimits {
  /** Types nested inside each other, counted from a top-level type (1). */
  readonly maxNestingDepth: number;
  /** Structs (items, deleted runs, skips) in one update. */
  readonly maxStructsPerUpdate: number;
  /** Ranges in one update's delete set. */
  readonly maxDeleteRangesPerUpdate: number;
  /** Client ids in one update that the plan has never seen. */
  readonly maxNewClientIdsPerUpdate: number;
}

/** Why the gate refused an update; also the label on accord_rejected_messages_total. */
export const GATE_REFUSALS = {
  /** not a Yjs v1 update */
  malformed: 'malformed',
  /** types nested deeper than maxNestingDepth */
  tooDeep: 'too_deep',
  tooManyStructs: 'too_many_structs',
  deleteSetTooLarge: 'delete_set_too_large',
  tooManyClientIds: 'too_many_client_ids',
  /** structs or deletions that depend on structs neither the plan nor the update holds */
  missingDependencies: 'missing_dependencies',
  /** a subdocument: not part of the plan format, and Yjs would load it as a separate document */
  subdocument: 'subdocument',
} as const;
export type GateRefusal = (typeof GATE_REFUSALS)[keyof typeof GATE_REFUSALS];

export type GateVerdict =
  | {
      readonly ok: true;
      /** client ids in the update's structs that the plan has none of yet */
      readonly newClientIds: readonly number[];
    }
  | { readonly ok: false; readonly refusal: GateRefusal; readonly detail: string };

const refuse = (refusal: GateRefusal, detail: string): GateVerdict => ({
  ok: false,
  refusal,
  detail,
});

type Struct = Y.Item | Y.GC | Y.Skip;

/** Depth of an item already in the document: how many types hold it, itself in one of them. */
function depthInDocument(struct: Y.Item | Y.GC): number {
  let depth = 0;
  let item: Y.Item | null = struct instanceof Y.Item ? struct : null;
  while (item) {
    depth += 1;
    const parent = item.parent;
    item = parent instanceof Y.AbstractType ? parent._item : null;
  }
  return depth;
}

/** Inspects a client's update against the plan's document, without changing either. */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array, limits: GateLimits): GateVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return refuse(GATE_REFUSALS.malformed, String(error));
  }
  const structs = decoded.structs as Struct[];
  const ds = decoded.ds;
  if (structs.length > limits.maxStructsPerUpdate) {
    return refuse(GATE_REFUSALS.tooManyStructs, `${structs.length} structs`);
  }
  let ranges = 0;
  for (const deletions of ds.clients.values()) ranges += deletions.length;
  if (ranges > limits.maxDeleteRangesPerUpdate) {
    return refuse(GATE_REFUSALS.deleteSetTooLarge, `${ranges} delete ranges`);
  }

  // Structs the document lacks, per client in clock order; `covered` is how far each client's
  // clocks are known without a gap (document, then this update).
  const known = (client: number) => Y.getState(doc.store, client);
  const fresh: Struct[] = [];
  const byClient = new Map<number, number[]>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length <= known(struct.id.client)) continue; // a duplicate
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentDoc) {
      return refuse(GATE_REFUSALS.subdocument, 'subdocuments are not part of a plan');
    }
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(fresh.length);
    fresh.push(struct);
  }
  const covered = new Map<number, number>();
  const newClientIds: number[] = [];
  for (const [client, list] of byClient) {
    list.sort((a, b) => (fresh[a]?.id.clock ?? 0) - (fresh[b]?.id.clock ?? 0));
    let end = known(client);
    if (end === 0) newClientIds.push(client);
    for (const index of list) {
      const struct = fresh[index] as Struct;
      if (struct.id.clock > end) {
        return refuse(
          GATE_REFUSALS.missingDependencies,
          `a gap before ${client}:${struct.id.clock}`,
        );
      }
      end = Math.max(end, struct.id.clock + struct.length);
    }
    covered.set(client, end);
  }
  if (newClientIds.length > limits.maxNewClientIdsPerUpdate) {
    return refuse(GATE_REFUSALS.tooManyClientIds, `${newClientIds.length} new client ids`);
  }
  const available = (id: Y.ID) => id.clock < (covered.get(id.client) ?? known(id.client));
  for (const [client, deletions] of ds.clients) {
    const end = covered.get(client) ?? known(client);
    for (const deletion of deletions) {
      if (deletion.clock + deletion.len > end) {
        return refuse(GATE_REFUSALS.missingDependencies, `a deletion beyond ${client}:${end}`);
      }
    }
  }

  /** The struct of this update holding `id`, by binary search over its client's structs. */
  const inUpdate = (id: Y.ID): number | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const index = list[middle] as number;
      const struct = fresh[index] as Struct;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return index;
    }
    return undefined;
  };

  // Depth of every new item, iteratively (a hostile chain must not overflow our stack either):
  // a child of a top-level type is at depth 1, a child of the type an item holds one deeper, an
  // item placed by its neighbours (origin) at the neighbour's depth.
  const UNKNOWN = -1;
  const VISITING = -2;
  const depth = new Int32Array(fresh.length).fill(UNKNOWN);
  for (let start = 0; start < fresh.length; start++) {
    const stack = [start];
    while (stack.length > 0) {
      const index = stack[stack.length - 1] as number;
      const struct = fresh[index] as Struct;
      if (depth[index] !== UNKNOWN && depth[index] !== VISITING) {
        stack.pop();
        continue;
      }
      if (!(struct instanceof Y.Item) || typeof struct.parent === 'string') {
        depth[index] = struct instanceof Y.Item ? 1 : 0;
        stack.pop();
        continue;
      }
      const byParent = struct.parent instanceof Y.ID;
      const dependency = byParent ? (struct.parent as Y.ID) : (struct.origin ?? struct.rightOrigin);
      if (!dependency) return refuse(GATE_REFUSALS.malformed, 'an item with no position');
      for (const neighbour of [struct.origin, struct.rightOrigin]) {
        if (neighbour && !available(neighbour)) {
          return refuse(GATE_REFUSALS.missingDependencies, `needs ${neighbour.client}`);
        }
      }
      if (!available(dependency)) {
        return refuse(GATE_REFUSALS.missingDependencies, `needs ${dependency.client}`);
      }
      const step = byParent ? 1 : 0;
      let found: number;
      if (dependency.clock < known(dependency.client)) {
        found = depthInDocument(Y.getItem(doc.store, dependency)) + step;
      } else {
        const holder = inUpdate(dependency);
        if (holder === undefined) {
          return refuse(GATE_REFUSALS.missingDependencies, `needs ${dependency.client}`);
        }
        const holderDepth = depth[holder] as number;
        if (holderDepth === VISITING) return refuse(GATE_REFUSALS.malformed, 'a cycle of items');
        if (holderDepth === UNKNOWN) {
          depth[index] = VISITING;
          stack.push(holder);
          continue;
        }
        found = holderDepth + step;
      }
      if (found > limits.maxNestingDepth) {
        return refuse(GATE_REFUSALS.tooDeep, `nested ${found} deep`);
      }
      depth[index] = found;
      stack.pop();
    }
  }
  return { ok: true, newClientIds };
}

/** Entries of a client's state vector for clients the plan has never seen (a giant state vector
 * costs the server a pass over each in its answer); throws on garbage. */
export function unknownClientsIn(doc: Y.Doc, stateVector: Uint8Array): number {
  let unknown = 0;
  for (const client of Y.decodeStateVector(stateVector).keys()) {
    if (Y.getState(doc.store, client) === 0) unknown += 1;
  }
  return unknown;
}
