// Child process of the crash test (planStore.crash.test.ts): appends updates to one plan as fast
// as it can and prints `ack <key>` after each append resolves, until it is killed.
// Arguments: <store root> <plan id> <key prefix> <seed> <compact after log bytes>
import * as Y from 'yjs';
import { openPlanStore } from './planStore';

const [root, planId, prefix, seedText, compactText] = process.argv.slice(2);
if (!root || !planId || !prefix || !seedText || !compactText) {
  throw new Error('usage: crashWriter <root> <planId> <prefix> <seed> <compactAfterLogBytes>');
}

/** mulberry32: a tiny seeded generator, so a failing run can be replayed from its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Values up to this long make records from a few dozen bytes to a few KiB, so they straddle
 * page boundaries, while the whole plan stays small enough to reload fifty times in seconds.
 */
const MAX_TEXT_LENGTH = 1200;

const random = seededRandom(Number(seedText));
const store = await openPlanStore(root, { compactAfterLogBytes: Number(compactText) });
const replica = new Y.Doc();
const existing = await store.load(planId);
if (existing) Y.applyUpdate(replica, existing);
replica.on('update', (update: Uint8Array) => {
  pending = update;
});
let pending: Uint8Array | null = null;

for (let index = 0; ; index += 1) {
  const key = `${prefix}-${index}`;
  // Values of varied size, so records straddle page and block boundaries.
  const text = 'x'.repeat(1 + Math.floor(random() * MAX_TEXT_LENGTH));
  replica.transact(() => {
    replica.getMap('actions').set(key, text.length);
    replica.getMap('notes').set(key, text);
  });
  const update = pending;
  pending = null;
  if (!update) throw new Error('the edit produced no update');
  // Some appends are issued together, to exercise group commit.
  if (random() < 0.2) {
    await Promise.all([store.append(planId, update), store.append(planId, update)]);
  } else {
    await store.append(planId, update);
  }
  process.stdout.write(`ack ${key} ${text.length}\n`);
}
