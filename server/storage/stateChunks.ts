// A plan's merged state cut into bounded updates that apply in order without Yjs ever waiting
// for a missing struct, so a room loads one chunk per turn of the event loop instead of in one
// Y.applyUpdate that holds every plan for as long as the whole state takes ([D9]).
// Hand-written over the update format v1 (Yjs's readClientsStructRefs): Y.decodeUpdate builds
// every struct and its content, which costs about as much as applying the state; this reads only
// each struct's header and origins, skips its content, and copies each run of structs' bytes.
import { BIT6, BIT7, BIT8, BITS5 } from 'lib0/binary';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Yjs's type refs of the nested types that carry a name (YXmlElementRefID, YXmlHookRefID) */
const NAMED_TYPES = new Set([3, 5]);

/**
 * Structs per chunk of a room's load. A turn of the loop is one chunk plus any scavenge that falls
 * into it (7-30 ms for a plan's structs); at 250 the loop's p99 during loads was 24-35 ms against
 * 44-54 ms at 1,000, for about the same load time (npm run bench -- storage, [D9]).
 */
export const LOAD_CHUNK_STRUCTS = 250;

/** A struct's place in the state: its bytes, its clock span and the ids it needs first. */
interface Struct {
  readonly start: number;
  readonly end: number;
  readonly clock: number;
  readonly length: number;
  /** client, clock pairs of the origins and parent this struct integrates against */
  readonly needs: readonly number[];
}

function skipString(decoder: decoding.Decoder): void {
  const bytes = decoding.readVarUint(decoder); // read first: `pos +=` would add to the old pos
  decoder.pos += bytes;
}

/** A string's length in UTF-16 code units (Yjs counts text by them), read from its UTF-8. */
function stringUnits(decoder: decoding.Decoder): number {
  const bytes = decoding.readVarUint(decoder);
  let units = 0;
  for (let end = decoder.pos + bytes; decoder.pos < end; decoder.pos++) {
    const byte = decoder.arr[decoder.pos] as number;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** lib0's readAny without building the value. */
function skipAny(decoder: decoding.Decoder): void {
  const tag = decoding.readUint8(decoder);
  if (tag === 125) decoding.readVarInt(decoder);
  else if (tag === 124) decoder.pos += 4;
  else if (tag === 123 || tag === 122) decoder.pos += 8;
  else if (tag === 119 || tag === 116) skipString(decoder);
  else if (tag === 118) {
    for (let i = decoding.readVarUint(decoder); i > 0; i--) {
      skipString(decoder);
      skipAny(decoder);
    }
  } else if (tag === 117) {
    for (let i = decoding.readVarUint(decoder); i > 0; i--) skipAny(decoder);
  }
}

/** Skips an item's content (contentRefs in Yjs's Item.js); returns its clock length. */
function skipContent(decoder: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(decoder);
    case 2: {
      // JSON
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) skipString(decoder);
      return length;
    }
    case 3: // binary
    case 5: // embed
      skipString(decoder);
      return 1;
    case 4: // string
      return stringUnits(decoder);
    case 6: // format: key and value
      skipString(decoder);
      skipString(decoder);
      return 1;
    case 7: {
      // a nested type; XML elements and hooks carry a name
      const type = decoding.readVarUint(decoder);
      if (NAMED_TYPES.has(type)) skipString(decoder);
      return 1;
    }
    case 8: {
      // any
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) skipAny(decoder);
      return length;
    }
    case 9: // subdocument: guid and options
      skipString(decoder);
      skipAny(decoder);
      return 1;
    default:
      throw new Error(`unknown content type ${ref} in a stored state`);
  }
}

function readStruct(decoder: decoding.Decoder, clock: number): Struct {
  const start = decoder.pos;
  const info = decoding.readUint8(decoder);
  const ref = info & BITS5;
  if (ref === 0 || ref === 10) {
    // GC or Skip: only a length
    const length = decoding.readVarUint(decoder);
    return { start, end: decoder.pos, clock, length, needs: [] };
  }
  const needs: number[] = [];
  if (info & BIT8) needs.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  if (info & BIT7) needs.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(decoder) === 1) skipString(decoder);
    else needs.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
    if (info & BIT6) skipString(decoder);
  }
  const length = skipContent(decoder, ref);
  return { start, end: decoder.pos, clock, length, needs };
}

/** A run of one client's structs, contiguous in the state and in clock order. */
interface Run {
  client: number;
  clock: number;
  count: number;
  start: number;
  end: number;
}

/**
 * `state` (update format v1, as Y.encodeStateAsUpdate and Y.mergeUpdates write it) as updates of
 * at most `maxStructs` structs each, in an order in which every struct's origins and parent
 * arrive before it; the last update carries the delete set. Structs that need what the state
 * lacks come last, where Yjs keeps them pending as it would have anyway.
 */
export function chunkState(state: Uint8Array, maxStructs: number): Uint8Array[] {
  const decoder = decoding.createDecoder(state);
  const clients: { client: number; structs: Struct[]; next: number }[] = [];
  /** per client, the clock up to which its structs are in a chunk already */
  const reached = new Map<number, number>();
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const count = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    const structs: Struct[] = [];
    for (let i = 0; i < count; i++) {
      const struct = readStruct(decoder, clock);
      structs.push(struct);
      clock += struct.length;
    }
    if (structs.length > 0) clients.push({ client, structs, next: 0 });
    reached.set(client, structs[0]?.clock ?? clock);
  }
  const deleteSet = state.subarray(decoder.pos);

  const chunks: Uint8Array[] = [];
  let runs = new Map<number, Run>();
  let count = 0;
  const flush = () => {
    const chunk = encoding.createEncoder();
    encoding.writeVarUint(chunk, runs.size);
    for (const run of runs.values()) {
      encoding.writeVarUint(chunk, run.count);
      encoding.writeVarUint(chunk, run.client);
      encoding.writeVarUint(chunk, run.clock);
      encoding.writeUint8Array(chunk, state.subarray(run.start, run.end));
    }
    encoding.writeVarUint(chunk, 0); // no delete set: it goes last
    chunks.push(encoding.toUint8Array(chunk));
    runs = new Map();
    count = 0;
  };
  const take = (client: number, struct: Struct) => {
    const run = runs.get(client);
    if (run) {
      run.count++;
      run.end = struct.end;
    } else {
      runs.set(client, {
        client,
        clock: struct.clock,
        count: 1,
        start: struct.start,
        end: struct.end,
      });
    }
    reached.set(client, struct.clock + struct.length);
    if (++count >= maxStructs) flush();
  };
  const ready = (struct: Struct) => {
    for (let i = 0; i < struct.needs.length; i += 2) {
      const reachedClock = reached.get(struct.needs[i] as number);
      // an id of a client the state lacks: Yjs keeps the struct pending whatever the order
      if (reachedClock !== undefined && (struct.needs[i + 1] as number) >= reachedClock) {
        return false;
      }
    }
    return true;
  };

  for (let progress = true; progress;) {
    progress = false;
    for (const entry of clients) {
      while (entry.next < entry.structs.length && ready(entry.structs[entry.next] as Struct)) {
        take(entry.client, entry.structs[entry.next++] as Struct);
        progress = true;
      }
    }
  }
  for (const entry of clients) {
    while (entry.next < entry.structs.length)
      take(entry.client, entry.structs[entry.next++] as Struct);
  }
  if (count > 0) flush();
  const last = encoding.createEncoder();
  encoding.writeVarUint(last, 0);
  encoding.writeUint8Array(last, deleteSet);
  chunks.push(encoding.toUint8Array(last));
  return chunks;
}
