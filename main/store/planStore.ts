// The desktop implementation of PlanPersistence: every plan on this computer as an append-only
// log of Yjs updates plus a compacted state file, in the user-data folder. Pure JS over node:fs,
// so it loads in plain Node (tests) and in Electron without a per-ABI rebuild.
//
// Layout, one folder per plan:
//   <root>/plans/<planId>/updates.log   records (recordFrame.ts), appended and fdatasync'ed
//   <root>/plans/<planId>/state.bin     one record: every update merged; replaced atomically
//   <root>/plans/<planId>/summary.json  what the start screen lists; replaced atomically
//   <root>/trash/                       plans being removed (rename first, then delete)
//
// Invariants:
// - `append` resolves only after its record is flushed to disk (group commit: appends that
//   arrive while a flush is running share the next write and flush).
// - The plan is state.bin merged with every record in updates.log. Compaction writes the merged
//   state atomically and only then empties the log; a crash between the two leaves records that
//   are already in the state, which is harmless because applying a Yjs update twice is a no-op.
// - On opening a plan's log, a torn or corrupt tail is cut off before anything is appended, so
//   later records never sit behind garbage.
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { z } from 'zod';
import type { PlanPersistence, StoredPlanSummary } from '../../shared/contracts/persistence';
import { PLAN_ID_PATTERN } from '../../shared/contracts/planId';
import { decodeRecords, encodeRecord } from './recordFrame';
import { TEMP_SUFFIX, syncDirectory, writeFileAtomic } from './atomicFile';

const LOG_FILE = 'updates.log';
const STATE_FILE = 'state.bin';
const SUMMARY_FILE = 'summary.json';

/**
 * Compact a plan once its log grows past this: large enough that compaction (a full merge and
 * an atomic rewrite) runs rarely during typing, small enough that opening a plan replays little.
 */
export const DEFAULT_COMPACT_AFTER_LOG_BYTES = 1024 * 1024;

/**
 * Plan ids become folder names; PLAN_ID_PATTERN admits UUIDs and similar ids and nothing that
 * could act as a path (`..`, separators, drive letters, reserved device names).
 */
const PLAN_ID = PLAN_ID_PATTERN;

export class PlanStoreError extends Error {
  override readonly name = 'PlanStoreError';
}

export interface PlanStoreOptions {
  readonly compactAfterLogBytes?: number;
  /** Told about failures of background compaction; the log stays intact when one fails. */
  readonly onBackgroundError?: (error: unknown) => void;
}

export interface PlanStore extends PlanPersistence {
  /** Merges a plan's log into its state file now. */
  compact(planId: string): Promise<void>;
  /** Waits for pending writes and closes every open file. */
  close(): Promise<void>;
}

const storedSummary = z.object({
  planId: z.string(),
  title: z.string(),
  serverUrl: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export async function openPlanStore(
  root: string,
  options: PlanStoreOptions = {},
): Promise<PlanStore> {
  const plansDir = join(root, 'plans');
  const trashDir = join(root, 'trash');
  await mkdir(plansDir, { recursive: true });
  // A removal interrupted by a crash left its folder here; it was already invisible.
  await rm(trashDir, { recursive: true, force: true });
  await mkdir(trashDir, { recursive: true });
  const compactAfter = options.compactAfterLogBytes ?? DEFAULT_COMPACT_AFTER_LOG_BYTES;
  const reportBackground = options.onBackgroundError ?? (() => undefined);
  const logs = new Map<string, PlanLog>();
  let closed = false;

  function checkedPlanId(planId: string): string {
    if (closed) throw new PlanStoreError('the plan store is closed');
    if (!PLAN_ID.test(planId))
      throw new PlanStoreError(`invalid plan id: ${JSON.stringify(planId)}`);
    return planId;
  }

  function logFor(planId: string): PlanLog {
    let log = logs.get(planId);
    if (!log) {
      log = new PlanLog(join(plansDir, planId), plansDir, compactAfter, reportBackground);
      logs.set(planId, log);
    }
    return log;
  }

  async function summaryOf(planId: string): Promise<StoredPlanSummary> {
    const dir = join(plansDir, planId);
    let described: StoredPlanSummary | null = null;
    try {
      const parsed = storedSummary.safeParse(
        JSON.parse(await readFile(join(dir, SUMMARY_FILE), 'utf8')),
      );
      if (parsed.success && parsed.data.planId === planId) described = parsed.data;
    } catch {
      // No summary yet (appended but never described) or unreadable: list the plan anyway.
    }
    // updatedAt is the later of what was described and the last write to the plan's files, so
    // appends need not rewrite the summary.
    const written = await latestModification([join(dir, LOG_FILE), join(dir, STATE_FILE)]);
    const updatedAt = [described?.updatedAt, written?.toISOString()]
      .filter((value): value is string => value !== undefined)
      .sort()
      .at(-1);
    return {
      planId,
      title: described?.title ?? '',
      serverUrl: described?.serverUrl ?? null,
      lastSyncedAt: described?.lastSyncedAt ?? null,
      updatedAt: updatedAt ?? new Date(0).toISOString(),
    };
  }

  return {
    async list() {
      if (closed) throw new PlanStoreError('the plan store is closed');
      const entries = await readdir(plansDir, { withFileTypes: true });
      const ids = entries.filter((entry) => entry.isDirectory() && PLAN_ID.test(entry.name));
      return Promise.all(ids.map((entry) => summaryOf(entry.name)));
    },

    async load(planId) {
      return logFor(checkedPlanId(planId)).load();
    },

    async append(planId, update) {
      checkedPlanId(planId);
      assertYjsUpdate(update);
      return logFor(planId).append(update);
    },

    async describe(summary) {
      const planId = checkedPlanId(summary.planId);
      const parsed = storedSummary.parse(summary);
      await logFor(planId).writeSummary(new TextEncoder().encode(JSON.stringify(parsed)));
    },

    async remove(planId) {
      // The same PlanLog stays in the map, so a later append to this id queues behind the removal.
      await logFor(checkedPlanId(planId)).removeInto(join(trashDir, `${planId}.${randomUUID()}`));
    },

    async compact(planId) {
      return logFor(checkedPlanId(planId)).compact();
    },

    async close() {
      closed = true;
      await Promise.all([...logs.values()].map((log) => log.close()));
      logs.clear();
    },
  };
}

/** Rejects bytes that are not a Yjs update, so the log never holds what `load` could not merge. */
function assertYjsUpdate(update: Uint8Array): void {
  if (!(update instanceof Uint8Array) || update.byteLength === 0) {
    throw new PlanStoreError('an update must be a non-empty Uint8Array');
  }
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new PlanStoreError('the bytes are not a Yjs update');
  }
}

async function latestModification(paths: readonly string[]): Promise<Date | undefined> {
  const times = await Promise.all(
    paths.map((path) =>
      stat(path).then(
        (info) => (info.size > 0 ? info.mtime : undefined),
        () => undefined,
      ),
    ),
  );
  return times
    .filter((time): time is Date => time !== undefined)
    .sort((a, b) => +a - +b)
    .at(-1);
}

interface PendingAppend {
  readonly frame: Buffer;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** One plan's files. Every file operation runs through `exclusive`, one at a time. */
class PlanLog {
  private handle: FileHandle | null = null;
  private logBytes = 0;
  private pending: PendingAppend[] = [];
  private flushing = false;
  /** A compaction is queued; more appends past the threshold need not queue another. */
  private compactionQueued = false;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly plansDir: string,
    private readonly compactAfter: number,
    private readonly reportBackground: (error: unknown) => void,
  ) {}

  append(update: Uint8Array): Promise<void> {
    const frame = encodeRecord(update);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ frame, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  load(): Promise<Uint8Array | null> {
    return this.exclusive(async () => {
      const updates = await this.readAll();
      return updates.length === 0 ? null : Y.mergeUpdates(updates);
    });
  }

  compact(): Promise<void> {
    return this.exclusive(() => this.compactNow());
  }

  writeSummary(bytes: Uint8Array): Promise<void> {
    return this.exclusive(async () => {
      await this.ensureDir();
      await writeFileAtomic(join(this.dir, SUMMARY_FILE), bytes);
    });
  }

  removeInto(trashPath: string): Promise<void> {
    return this.exclusive(async () => {
      await this.closeHandle();
      try {
        // The rename is the commit point: once it is durable the plan is gone from `list`.
        await rename(this.dir, trashPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      await syncDirectory(this.plansDir);
      await rm(trashPath, { recursive: true, force: true });
    });
  }

  close(): Promise<void> {
    return this.exclusive(() => this.closeHandle());
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0);
        try {
          await this.exclusive(async () => {
            const handle = await this.openLog();
            const bytes = Buffer.concat(batch.map((item) => item.frame));
            try {
              await writeAll(handle, bytes);
              // fdatasync: the appended bytes and the new file size are on disk before anyone
              // is told the update is stored. (On macOS this reaches the drive, not its cache;
              // Node offers no F_FULLFSYNC.)
              await handle.datasync();
            } catch (error) {
              // A failed write (a full disk) may have left a partial record. Closing makes the
              // next append reopen the log, which cuts that tail before writing after it.
              await this.closeHandle().catch(() => undefined);
              throw error;
            }
            this.logBytes += bytes.byteLength;
          });
          for (const item of batch) item.resolve();
        } catch (error) {
          for (const item of batch) item.reject(error);
        }
        if (this.logBytes > this.compactAfter && !this.compactionQueued) {
          this.compactionQueued = true;
          this.exclusive(() => {
            this.compactionQueued = false;
            return this.compactNow();
          }).catch(this.reportBackground);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async compactNow(): Promise<void> {
    const updates = await this.readAll();
    if (updates.length === 0) return;
    await writeFileAtomic(join(this.dir, STATE_FILE), encodeRecord(Y.mergeUpdates(updates)));
    const handle = await this.openLog();
    await handle.truncate(0);
    await handle.sync();
    this.logBytes = 0;
  }

  /** The state followed by every logged update; the caller holds `exclusive`. */
  private async readAll(): Promise<Uint8Array[]> {
    const updates: Uint8Array[] = [];
    const state = await readOptional(join(this.dir, STATE_FILE));
    if (state) {
      const { payloads, validLength } = decodeRecords(state);
      const first = payloads[0];
      if (first === undefined || validLength !== state.byteLength) {
        // Written atomically, so this is damage on disk, not a crash: say so rather than
        // silently dropping the plan's history.
        throw new PlanStoreError(`the state file of plan ${this.dir} is corrupt`);
      }
      updates.push(first);
    }
    // A torn tail is skipped here and cut by openLog before the next append.
    const log = await readOptional(join(this.dir, LOG_FILE));
    if (log) updates.push(...decodeRecords(log).payloads);
    return updates;
  }

  private async openLog(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const path = join(this.dir, LOG_FILE);
    await this.ensureDir();
    const existing = await readOptional(path);
    const handle = await open(path, 'a');
    try {
      if (existing) {
        const { validLength } = decodeRecords(existing);
        if (validLength < existing.byteLength) {
          await handle.truncate(validLength);
          await handle.sync();
        }
        this.logBytes = validLength;
      } else {
        // The new file's directory entry must be durable too, or a power cut could lose it.
        await handle.sync();
        await syncDirectory(this.dir);
        this.logBytes = 0;
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    this.handle = handle;
    return handle;
  }

  private async ensureDir(): Promise<void> {
    const created = await mkdir(this.dir, { recursive: true });
    if (created !== undefined) {
      await syncDirectory(this.plansDir);
    } else {
      await removeTempFiles(this.dir);
    }
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  /** Runs `task` after every earlier task on this plan has settled. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** FileHandle.write may write less than asked (a signal, a nearly full disk); finish the job. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
    if (bytesWritten === 0) throw new PlanStoreError('the disk accepted no more bytes');
    offset += bytesWritten;
  }
}

async function readOptional(path: string): Promise<Buffer | null> {
  try {
    const bytes = await readFile(path);
    return bytes.byteLength === 0 ? null : bytes;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function removeTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir);
  await Promise.all(
    names
      .filter((name) => name.endsWith(TEMP_SUFFIX))
      .map((name) => rm(join(dir, name), { force: true })),
  );
}
