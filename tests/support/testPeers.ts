// Test doubles for unit tests of rooms and connections: a socket that records what it is sent, and
// a store whose appends wait for the test to let them through. Not used by the server itself.
import * as Y from 'yjs';
import { SqliteStore } from '../../server/storage/sqliteStore';
import type { UpdateToStore } from '../../server/storage/store';
import type { SyncSocket } from '../../server/sync/syncSocket';

export class RecordingSocket implements SyncSocket {
  readonly sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  bufferedAmount = 0;
  private waiters: (() => void)[] = [];
  send(frame: Uint8Array): void {
    this.sent.push(frame);
    for (const wake of this.waiters.splice(0)) wake();
  }
  /** Resolves once `check` holds, re-checking after each frame sent to this socket. */
  async until(check: () => boolean): Promise<void> {
    while (!check()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
  }
}

/** A SQLite store in memory whose appends wait: `step()` lets the oldest waiting one through,
 * `open()` all of them from now on, `fail()` makes them fail. */
export class GatedStore extends SqliteStore {
  private readonly waiting: (() => void)[] = [];
  private opened = false;
  private failure: Error | null = null;
  appended = 0;

  constructor() {
    super({ file: ':memory:' });
  }

  open(): void {
    this.opened = true;
    for (const release of this.waiting.splice(0)) release();
  }

  step(): void {
    this.waiting.shift()?.();
  }

  fail(error = new Error('disk full')): void {
    this.failure = error;
    this.open();
  }

  override async appendUpdates(updates: readonly UpdateToStore[]): Promise<readonly number[]> {
    if (!this.opened) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure) throw this.failure;
    this.appended += updates.length;
    return super.appendUpdates(updates);
  }
}

/** A Yjs update that adds one action (the plan model's shape). */
export function actionUpdate(id: string, title: string): Uint8Array {
  const doc = new Y.Doc();
  const action = new Y.Map<unknown>();
  action.set('title', new Y.Text(title));
  doc.getMap('actions').set(id, action);
  return Y.encodeStateAsUpdate(doc);
}

/** Resolves on the next turn of the event loop (after callbacks queued with setImmediate). */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
