// [L1] Nothing acknowledged is lost and the store always opens, however the writer dies.
// A child process appends and reports each acknowledged update; it is killed with SIGKILL at a
// seeded random point (before its first append, or after a random number of acknowledgements,
// so the kill lands anywhere in write, fdatasync, compaction or the store's opening). After each
// kill the store is reopened here and must hold every acknowledged update.
//
// SIGKILL tests the process-crash guarantees (torn tails, interrupted compaction); power loss,
// where unflushed page cache disappears, is what the fdatasync calls are for and cannot be
// simulated from a test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import * as Y from 'yjs';
import { openPlanStore } from './planStore';
import { decodeRecords, encodeRecord } from './recordFrame';
import { TEMP_SUFFIX } from './atomicFile';

const KILLS = 50;
/** Most kills land after some acknowledgements; up to this many. */
const MAX_ACKS_BEFORE_KILL = 40;
/** After that acknowledgement, the kill waits a seeded 0 to this many milliseconds. */
const MAX_KILL_DELAY_MS = 25;
/**
 * Each run's compaction threshold, picked by the seed: 4 KiB and 16 KiB compact every few
 * appends, so kills land inside compaction; 64 MiB never compacts, so the log grows long.
 * (Compacting after every append made the test three times slower for no more coverage.)
 */
const COMPACTION_THRESHOLDS = [4 * 1024, 16 * 1024, 64 * 1024 * 1024] as const;
const PLAN = 'crash-test-plan';
/**
 * On Linux a SIGKILL never splits a write() to a regular file, so kills alone leave no torn
 * record; a power cut can. This share of runs appends a prefix of a frame after the kill, as a
 * torn write would leave, so the next writer and reader must cut it.
 */
const TORN_WRITE_SHARE = 0.3;

const seed = Number(process.env.ACCORD_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
let workDir: string;
let writerScript: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'accord-crash-'));
  writerScript = join(workDir, 'crashWriter.mjs');
  // Bundled once, so each of the 50 child processes starts in plain Node in tens of milliseconds.
  await build({
    entryPoints: [join(import.meta.dirname, 'crashWriter.ts')],
    outfile: writerScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function seededRandom(value: number): () => number {
  let state = value >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs the writer until `killAfterAcks` acknowledgements (0: at once) and a short delay, then SIGKILLs it. */
function runWriterUntilKilled(
  root: string,
  prefix: string,
  childSeed: number,
  killAfterAcks: number,
  killDelayMs: number,
  compactAfterLogBytes: number,
): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const acked = new Map<string, number>();
    const child = spawn(
      process.execPath,
      [writerScript, root, PLAN, prefix, String(childSeed), String(compactAfterLogBytes)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (killAfterAcks === 0) child.once('spawn', () => child.kill('SIGKILL'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, key, length] = line.split(' ');
      if (word !== 'ack' || !key || !length) return;
      acked.set(key, Number(length));
      // The delay moves the kill off the moment of the acknowledgement, into whatever the
      // writer is doing next (its next write, an fdatasync, a compaction's rename).
      if (acked.size === killAfterAcks) setTimeout(() => child.kill('SIGKILL'), killDelayMs);
    });
    child.once('error', reject);
    child.once('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`the writer exited by itself (${signal ?? _code}): ${stderr}`));
    });
  });
}

describe('plan store crash safety', () => {
  it(`[L1] keeps every acknowledged update through ${KILLS} kills at random points`, async () => {
    console.log(`plan store crash test: seed ${seed} (rerun with ACCORD_CRASH_SEED=${seed})`);
    const random = seededRandom(seed);
    const root = join(workDir, 'store');
    const everAcked = new Map<string, number>();
    let killedBeforeAnyAck = 0;
    let tornTails = 0;
    let interruptedCompactions = 0;
    let simulatedTornWrites = 0;

    for (let run = 0; run < KILLS; run += 1) {
      const killAfterAcks = random() < 0.1 ? 0 : 1 + Math.floor(random() * MAX_ACKS_BEFORE_KILL);
      const threshold =
        COMPACTION_THRESHOLDS[Math.floor(random() * COMPACTION_THRESHOLDS.length)] ?? 1;
      const acked = await runWriterUntilKilled(
        root,
        `r${run}`,
        Math.floor(random() * 2 ** 31),
        killAfterAcks,
        Math.floor(random() * MAX_KILL_DELAY_MS),
        threshold,
      );
      if (acked.size === 0) killedBeforeAnyAck += 1;
      for (const [key, length] of acked) everAcked.set(key, length);
      // What the kill left behind, counted so the figures show which crash paths were hit.
      const planDir = join(root, 'plans', PLAN);
      const files = await readdir(planDir).catch(() => []);
      if (files.some((name) => name.endsWith(TEMP_SUFFIX))) interruptedCompactions += 1;
      const log = await readFile(join(planDir, 'updates.log')).catch(() => Buffer.alloc(0));
      if (decodeRecords(log).validLength < log.byteLength) tornTails += 1;
      if (log.byteLength > 0 && random() < TORN_WRITE_SHARE) {
        // Only a strict prefix is written, so the payload's content never matters.
        const frame = encodeRecord(new Uint8Array(64 + Math.floor(random() * 2000)).fill(0x2a));
        await appendFile(
          join(planDir, 'updates.log'),
          frame.subarray(0, 1 + Math.floor(random() * (frame.byteLength - 1))),
        );
        simulatedTornWrites += 1;
      }

      const store = await openPlanStore(root); // must always open
      const replica = new Y.Doc();
      const stored = await store.load(PLAN);
      if (stored) Y.applyUpdate(replica, stored);
      await store.close();
      const actions = replica.getMap('actions');
      const lost = [...everAcked].filter(([key, length]) => actions.get(key) !== length);
      expect(lost, `run ${run}, seed ${seed}`).toEqual([]);
    }
    console.log(
      `plan store crash test: ${KILLS} kills, ${everAcked.size} acknowledged updates kept, ` +
        `${killedBeforeAnyAck} kills before the first acknowledgement, ${tornTails} torn tails ` +
        `left by kills, ${simulatedTornWrites} simulated torn writes, ` +
        `${interruptedCompactions} kills during compaction`,
    );
  }, 60_000);
});
