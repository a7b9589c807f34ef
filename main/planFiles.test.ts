import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { openPlanStore, type PlanStore } from './store/planStore';
import { openPlanFile, savePlanFile } from './planFiles';

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
  it('opens a saved plan on another computer, with its title', async () => {
    await here.append(PLAN, update('a', 'train inspectors', 1));
    const path = join(dir, 'plan.accord');
    expect(await savePlanFile(here, PLAN, path, about)).toEqual({ ok: true, path });
    const opened = await openPlanFile(there, path);
    expect(opened).toMatchObject({
      ok: true,
      metadata: { planId: PLAN, title: 'Decent work plan' },
    });
    expect(await actionsIn(there)).toEqual({ a: 'train inspectors' });
    expect((await there.list())[0]?.title).toBe('Decent work plan');
  });

  it('merges a file into a plan already on this computer', async () => {
    await here.append(PLAN, update('a', 'from here', 1));
    await there.append(PLAN, update('b', 'from there', 2));
    const path = join(dir, 'plan.accord');
    await savePlanFile(here, PLAN, path, about);
    await openPlanFile(there, path);
    expect(await actionsIn(there)).toEqual({ a: 'from here', b: 'from there' });
  });

  it('changes nothing when the file is damaged', async () => {
    await here.append(PLAN, update('a', 'from here', 1));
    await there.append(PLAN, update('b', 'from there', 2));
    const path = join(dir, 'plan.accord');
    await savePlanFile(here, PLAN, path, about);
    const bytes = await readFile(path);
    bytes[bytes.byteLength - 20] = (bytes[bytes.byteLength - 20] ?? 0) ^ 0xff;
    await writeFile(path, bytes);
    const opened = await openPlanFile(there, path);
    expect(opened).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(await actionsIn(there)).toEqual({ b: 'from there' });
  });

  it('refuses a foreign file', async () => {
    const path = join(dir, 'notes.accord');
    await writeFile(path, 'meeting notes');
    expect(await openPlanFile(there, path)).toMatchObject({
      ok: false,
      error: { code: 'foreign' },
    });
    expect(await there.list()).toEqual([]);
  });

  it('says when there is nothing to save', async () => {
    expect(await savePlanFile(here, PLAN, join(dir, 'x.accord'), about)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
