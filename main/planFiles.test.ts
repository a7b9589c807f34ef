import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { MAX_PLAN_FILE_BYTES } from '../shared/planFile';
import { openPlanStore, type PlanStore } from './store/planStore';
import { readPlanFile, savePlanFile } from './planFiles';

const PLAN = '3f1c2a9e-0b7d-4e38-9a51-6f0d2c4b8e11';
const about = {
  title: 'Decent work plan',
  appVersion: '0.1.0',
  now: new Date('2026-03-01T10:00:00Z'),
};
let dir: string;
let here: PlanStore;
let there: PlanStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-planfiles-'));
  here = await openPlanStore(join(dir, 'here'));
  there = await openPlanStore(join(dir, 'there'));
});

afterEach(async () => {
  await here.close();
  await there.close();
  await rm(dir, { recursive: true, force: true });
});

function update(key: string, value: string, clientID: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getMap('actions').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

async function actionsIn(store: PlanStore): Promise<unknown> {
  const doc = new Y.Doc();
  const state = await store.load(PLAN);
  if (state) Y.applyUpdate(doc, state);
  return doc.getMap('actions').toJSON();
}

describe('plan files on disk', () => {
  it('reads a saved plan on another computer, with its title, and writes nothing there', async () => {
    await here.append(PLAN, update('a', 'train inspectors', 1));
    const path = join(dir, 'plan.accord');
    expect(await savePlanFile(here, PLAN, path, about)).toEqual({ ok: true, path });
    const read = await readPlanFile(path);
    expect(read).toMatchObject({
      ok: true,
      file: { metadata: { planId: PLAN, title: 'Decent work plan' } },
    });
    // The page merges the state (after checking the user's role); main only reads it.
    expect(await there.list()).toEqual([]);
    if (!read.ok) throw new Error('unreachable');
    await there.append(PLAN, read.file.state);
    expect(await actionsIn(there)).toEqual({ a: 'train inspectors' });
  });

  it('gives the state as plain bytes of its own, for the page to merge', async () => {
    await here.append(PLAN, update('a', 'from here', 1));
    await there.append(PLAN, update('b', 'from there', 2));
    const path = join(dir, 'plan.accord');
    await savePlanFile(here, PLAN, path, about);
    const read = await readPlanFile(path);
    if (!read.ok) throw new Error(read.error.message);
    // Not a Buffer, nor a view of a larger buffer: structured clone sends exactly the state.
    expect(Buffer.isBuffer(read.file.state)).toBe(false);
    expect(read.file.state.byteOffset).toBe(0);
    expect(read.file.state.buffer.byteLength).toBe(read.file.state.byteLength);
    await there.append(PLAN, read.file.state);
    expect(await actionsIn(there)).toEqual({ a: 'from here', b: 'from there' });
  });

  it('refuses a damaged file', async () => {
    await here.append(PLAN, update('a', 'from here', 1));
    const path = join(dir, 'plan.accord');
    await savePlanFile(here, PLAN, path, about);
    const bytes = await readFile(path);
    bytes[bytes.byteLength - 20] = (bytes[bytes.byteLength - 20] ?? 0) ^ 0xff;
    await writeFile(path, bytes);
    expect(await readPlanFile(path)).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });

  it.each<[string, (path: string) => Promise<void>, string, string | RegExp]>([
    [
      "another program's file",
      (path) => writeFile(path, 'meeting notes'),
      'foreign',
      /not an Accord plan file/,
    ],
    ['a folder', (path) => mkdir(path), 'foreign', 'This is not a file.'],
    ['a missing file', async () => undefined, 'foreign', 'The file or folder does not exist.'],
    [
      'a file larger than any plan file',
      // sparse: no disk space used
      async (path) => {
        await writeFile(path, '');
        await truncate(path, MAX_PLAN_FILE_BYTES + 1);
      },
      'foreign',
      'This file is far larger than any Accord plan file.',
    ],
  ])('refuses %s with a message for a person', async (_case, make, code, message) => {
    const path = join(dir, 'x.accord');
    await make(path);
    const read = await readPlanFile(path);
    expect(read).toMatchObject({ ok: false, error: { code } });
    if (!read.ok) expect(read.error.message).toMatch(message);
  });

  it('says when there is nothing to save', async () => {
    expect(await savePlanFile(here, PLAN, join(dir, 'x.accord'), about)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
