// The plan as a plain snapshot (shared/plan/snapshot), for a client opening a plan it holds
// nothing of (GET /api/plans/:id/snapshot). The client paints it read-only while the live
// document syncs: a plan of 10,000 actions is 8.4 MB as one Yjs update and takes about a second
// to apply in the page, its snapshot 0.4 MB gzipped and tens of milliseconds to parse. The client
// never writes it anywhere; the live document replaces it.
//
// Built from the loaded room, kept gzipped per room (gone when the room unloads), and shared: a
// workshop of 300 joiners costs one build per state of the plan, and while the plan keeps
// changing, one build every REBUILD_AFTER_MS at most (a build of 10,000 actions holds the event
// loop for ~200-600 ms; the compression runs on libuv's thread pool). So that the first of them
// does not wait for a build, a changed plan is built in the background once it has been quiet
// for QUIET_MS: never while edits stream in, at most once every REBUILD_AFTER_MS.
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import * as Y from 'yjs';
import { snapshotOf } from '../../shared/plan/snapshot';
import type { Room } from '../sync/room';

/** What a snapshot is built from: a loaded room (its document). */
type Source = Pick<Room, 'doc'>;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * A built snapshot younger than this is served even if the plan changed since: it is a picture
 * shown until the live document has synced (a second or two), and rebuilding per change would cost
 * a busy workshop one build per joiner.
 */
export const REBUILD_AFTER_MS = 5_000;
/** A changed plan is built in the background after this long without a change. */
export const QUIET_MS = 1_000;

export interface EncodedSnapshot {
  /** the snapshot as UTF-8 JSON, gzip-compressed */
  readonly gzipped: Buffer;
  /** the room's state vector when it was built */
  readonly state: Uint8Array;
  /** when it was built (the `now` clock) */
  readonly builtAt: number;
}

export class PlanSnapshots {
  private readonly built = new WeakMap<Source, EncodedSnapshot>();
  private readonly building = new WeakMap<Source, Promise<EncodedSnapshot>>();
  private readonly quiet = new WeakMap<Source, NodeJS.Timeout>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The room's snapshot: the last one built if it is current or recent, else a new one (one
   * build at a time per room, shared by every request waiting for it). */
  async of(room: Source): Promise<EncodedSnapshot> {
    const last = this.built.get(room);
    if (last && (this.now() - last.builtAt < REBUILD_AFTER_MS || this.isCurrent(room, last))) {
      return last;
    }
    return this.start(room);
  }

  /**
   * The plan changed: builds its snapshot in the background once it has been quiet for QUIET_MS
   * (and the last build is REBUILD_AFTER_MS old), if the room is still `loaded` then.
   */
  changed(room: Source, loaded: () => boolean): void {
    clearTimeout(this.quiet.get(room));
    const wait = (ms: number) => {
      const timer = setTimeout(() => {
        this.quiet.delete(room);
        if (!loaded() || this.building.has(room)) return;
        const last = this.built.get(room);
        if (last && this.isCurrent(room, last)) return;
        const age = last ? this.now() - last.builtAt : Infinity;
        if (age < REBUILD_AFTER_MS) return wait(REBUILD_AFTER_MS - age);
        this.start(room).catch(() => {}); // a request builds it again, and says why it fails
      }, ms);
      timer.unref();
      this.quiet.set(room, timer);
    };
    wait(QUIET_MS);
  }

  private start(room: Source): Promise<EncodedSnapshot> {
    let pending = this.building.get(room);
    if (!pending) {
      pending = this.build(room).finally(() => this.building.delete(room));
      this.building.set(room, pending);
    }
    return pending;
  }

  private isCurrent(room: Source, snapshot: EncodedSnapshot): boolean {
    const state = Y.encodeStateVector(room.doc);
    return state.length === snapshot.state.length && state.every((b, i) => b === snapshot.state[i]);
  }

  private async build(room: Source): Promise<EncodedSnapshot> {
    const state = Y.encodeStateVector(room.doc);
    const builtAt = this.now();
    const json = JSON.stringify(snapshotOf(room.doc));
    const built: EncodedSnapshot = { gzipped: await gzipAsync(json), state, builtAt };
    this.built.set(room, built);
    return built;
  }
}

/** The JSON of a snapshot, for a client that does not accept gzip. */
export async function plainJson(snapshot: EncodedSnapshot): Promise<Buffer> {
  return gunzipAsync(snapshot.gzipped);
}
