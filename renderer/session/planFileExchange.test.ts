import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../shared/contracts/api';
import type {
  DesktopApi,
  IpcEventPayload,
  OpenPlanFileOutcome,
  SavePlanFileOutcome,
} from '../../shared/contracts/ipc';
import { decodePlanFile, encodePlanFile } from '../../shared/planFile';
import type { LocalPlanEntry } from './localPlans';
import {
  mergePlanFile,
  openPlanFileBytes,
  openPlanFileOnDesktop,
  planFileOf,
  savePlanToFile,
  type OpenedPlanFile,
  type PlanFileTarget,
} from './planFileExchange';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const PLAN_ID = '6f1c2a9e-1111-4222-8333-444455556666';

function docWith(entries: Record<string, string>): Y.Doc {
  const doc = new Y.Doc();
  for (const [key, value] of Object.entries(entries)) doc.getMap('actions').set(key, value);
  return doc;
}

function fileOf(doc: Y.Doc, planId = PLAN_ID, title = 'Decent work plan'): Uint8Array {
  return encodePlanFile({
    metadata: { planId, title, exportedAt: NOW.toISOString(), appVersion: 'test' },
    state: Y.encodeStateAsUpdate(doc),
  });
}

function entry(changes: Partial<LocalPlanEntry> = {}): LocalPlanEntry {
  return {
    planId: PLAN_ID,
    title: 'My copy',
    server: null,
    lastSyncedAt: null,
    storedState: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...changes,
  };
}

/** This computer: a store that merges whole states (as LocalStore.seed does) and a plan list. */
function computer(plans: LocalPlanEntry[] = [], seeded = new Map<string, Y.Doc>()) {
  const list = [...plans];
  const target: PlanFileTarget & { list: LocalPlanEntry[]; seeded: Map<string, Y.Doc> } = {
    list,
    seeded,
    store: {
      seed: (planId, state) => {
        const doc = seeded.get(planId) ?? new Y.Doc();
        Y.applyUpdate(doc, state);
        seeded.set(planId, doc);
        return Promise.resolve();
      },
    },
    findPlan: (planId) => list.find((plan) => plan.planId === planId),
    savePlan: (saved) => list.push(saved),
    now: () => NOW,
  };
  return target;
}

describe('openPlanFileBytes', () => {
  it('merges a file of a plan this computer has: both copies’ changes are kept', async () => {
    const mine = docWith({ a: 'written here' });
    const here = computer([entry()], new Map([[PLAN_ID, mine]]));
    const theirs = docWith({ b: 'written elsewhere' });

    const opened = await openPlanFileBytes(fileOf(theirs), here);

    expect(opened).toEqual({ ok: true, planId: PLAN_ID, title: 'My copy', merged: true });
    expect(here.seeded.get(PLAN_ID)!.getMap('actions').toJSON()).toEqual({
      a: 'written here',
      b: 'written elsewhere',
    });
    expect(here.list).toHaveLength(1);
  });

  it('adds a plan new to this computer as a plan of this computer, under the file’s title', async () => {
    const here = computer();
    const opened = await openPlanFileBytes(fileOf(docWith({ a: 'x' })), here);
    expect(opened).toEqual({ ok: true, planId: PLAN_ID, title: 'Decent work plan', merged: false });
    expect(here.list).toEqual([entry({ title: 'Decent work plan', updatedAt: NOW.toISOString() })]);
    expect(here.seeded.get(PLAN_ID)!.getMap('actions').get('a')).toBe('x');
  });

  const good = fileOf(docWith({ a: 'x' }));
  const damaged = good.slice();
  damaged[damaged.length - 10]! ^= 0xff;
  const newer = good.slice();
  newer[12] = 99;
  const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
  it.each([
    ['a PNG renamed .accord', png, 'foreign'],
    ['an empty file (an interrupted copy)', new Uint8Array(0), 'truncated'],
    ['a file cut short', good.subarray(0, good.length - 20), 'truncated'],
    ['a damaged byte', damaged, 'corrupt'],
    ['a newer format', newer, 'newer_version'],
  ] as const)('%s is refused (%s) and changes nothing', async (_name, bytes, problem) => {
    const mine = docWith({ a: 'mine' });
    const here = computer([entry()], new Map([[PLAN_ID, mine]]));
    const before = Y.encodeStateAsUpdate(mine);

    expect(await openPlanFileBytes(bytes, here)).toEqual({ ok: false, problem });
    expect(Y.encodeStateAsUpdate(here.seeded.get(PLAN_ID)!)).toEqual(before);
    expect(here.list).toEqual([entry()]);
  });

  it('refuses a file of a server plan this user only views, without writing anything', async () => {
    const viewer = entry({
      server: { url: 'https://accord.example.org', memberId: 'm1', role: 'viewer' },
    });
    const here = computer([viewer]);
    expect(await openPlanFileBytes(fileOf(docWith({ a: 'x' })), here)).toEqual({
      ok: false,
      problem: 'viewOnly',
    });
    expect(here.seeded.size).toBe(0);
    expect(here.list).toEqual([viewer]);
  });

  it('merges into a server plan this user edits (the session then sends it to the server)', async () => {
    const editor = entry({
      server: { url: 'https://accord.example.org', memberId: 'm1', role: 'editor' },
    });
    const here = computer([editor]);
    const opened = await openPlanFileBytes(fileOf(docWith({ a: 'x' })), here);
    expect(opened).toMatchObject({ ok: true, merged: true });
    expect(here.list).toEqual([editor]);
  });

  it('says so when this computer’s store refuses the write, and lists nothing', async () => {
    const here = computer();
    const failing = { ...here, store: { seed: () => Promise.reject(new Error('disk full')) } };
    expect(await openPlanFileBytes(fileOf(docWith({ a: 'x' })), failing)).toEqual({
      ok: false,
      problem: 'storage',
    });
    expect(here.list).toEqual([]);
  });
});

/** A stand-in for the preload's openPlanFile: main read and checked the file, or refused it. */
const desktop = (outcome: OpenPlanFileOutcome): Pick<DesktopApi, 'openPlanFile'> => ({
  openPlanFile: () => Promise.resolve(outcome),
});

/** What main hands the page for a file it read (openPlanFile's result, the planFileOpened event). */
function readByMain(doc: Y.Doc, title = 'From file'): IpcEventPayload<'planFileOpened'> {
  const decoded = decodePlanFile(fileOf(doc, PLAN_ID, title));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.file;
}

const membership = (role: Role) => ({ url: 'https://accord.example.org', memberId: 'm1', role });

describe('openPlanFileOnDesktop (File > Open plan file…: main reads, the page merges)', () => {
  it('merges a file main read into the plan this computer has: both copies’ changes are kept', async () => {
    const here = computer([entry()], new Map([[PLAN_ID, docWith({ a: 'written here' })]]));
    const file = readByMain(docWith({ b: 'written elsewhere' }));
    expect(await openPlanFileOnDesktop(desktop({ status: 'opened', ...file }), here)).toEqual({
      ok: true,
      planId: PLAN_ID,
      title: 'My copy',
      merged: true,
    });
    expect(here.seeded.get(PLAN_ID)!.getMap('actions').toJSON()).toEqual({
      a: 'written here',
      b: 'written elsewhere',
    });
    expect(here.list).toEqual([entry()]);
  });

  it('adds a plan new to this computer under the file’s title', async () => {
    const here = computer();
    const file = readByMain(docWith({ a: 'x' }));
    expect(await openPlanFileOnDesktop(desktop({ status: 'opened', ...file }), here)).toEqual({
      ok: true,
      planId: PLAN_ID,
      title: 'From file',
      merged: false,
    });
    expect(here.list).toEqual([entry({ title: 'From file', updatedAt: NOW.toISOString() })]);
    expect(here.seeded.get(PLAN_ID)!.getMap('actions').get('a')).toBe('x');
  });

  it('refuses a file of a server plan this user only views, as in a browser: nothing written', async () => {
    const viewer = entry({ server: membership('viewer') });
    const here = computer([viewer]);
    const file = readByMain(docWith({ a: 'x' }));
    expect(await openPlanFileOnDesktop(desktop({ status: 'opened', ...file }), here)).toEqual({
      ok: false,
      problem: 'viewOnly',
    });
    expect(here.seeded.size).toBe(0);
    expect(here.list).toEqual([viewer]);
  });

  it.each([
    [{ status: 'cancelled' }, null],
    [
      { status: 'failed', error: { code: 'corrupt', message: 'damaged' } },
      { ok: false, problem: 'corrupt' },
    ],
    [
      { status: 'failed', error: { code: 'newer_version', message: 'newer' } },
      { ok: false, problem: 'newer_version' },
    ],
  ] as const)('%j → %j, and writes and lists nothing', async (outcome, expected) => {
    const here = computer();
    expect(await openPlanFileOnDesktop(desktop(outcome), here)).toEqual(expected);
    expect(here.seeded.size).toBe(0);
    expect(here.list).toEqual([]);
  });

  it('says so when the desktop store refuses the write, and lists nothing', async () => {
    const here = computer();
    const failing = { ...here, store: { seed: () => Promise.reject(new Error('disk full')) } };
    const file = readByMain(docWith({ a: 'x' }));
    expect(await openPlanFileOnDesktop(desktop({ status: 'opened', ...file }), failing)).toEqual({
      ok: false,
      problem: 'storage',
    });
    expect(here.list).toEqual([]);
  });
});

describe('mergePlanFile (a file opened from outside the app: the planFileOpened event)', () => {
  it.each<[string, LocalPlanEntry | null, OpenedPlanFile]>([
    [
      'a viewer’s server plan',
      entry({ server: membership('viewer') }),
      { ok: false, problem: 'viewOnly' },
    ],
    [
      'an editor’s server plan',
      entry({ server: membership('editor') }),
      { ok: true, planId: PLAN_ID, title: 'My copy', merged: true },
    ],
    [
      'an owner’s server plan',
      entry({ server: membership('owner') }),
      { ok: true, planId: PLAN_ID, title: 'My copy', merged: true },
    ],
    [
      'a plan of this computer',
      entry(),
      { ok: true, planId: PLAN_ID, title: 'My copy', merged: true },
    ],
    ['a plan new here', null, { ok: true, planId: PLAN_ID, title: 'From file', merged: false }],
  ])('into %s', async (_case, known, expected) => {
    const here = computer(known ? [known] : []);
    expect(await mergePlanFile(readByMain(docWith({ a: 'x' })), here)).toEqual(expected);
    expect(here.seeded.has(PLAN_ID)).toBe(expected.ok);
    if (!expected.ok && known) expect(here.list).toEqual([known]);
  });
});

describe('savePlanToFile', () => {
  const plan = {
    planId: PLAN_ID,
    title: 'Plan: 2026/27',
    state: () => Y.encodeStateAsUpdate(docWith({ a: 'x' })),
  };

  it('in a browser, downloads the plan as a file that opens again', async () => {
    const downloads: [string, Uint8Array][] = [];
    const outcome = await savePlanToFile(plan, {
      bridge: null,
      store: { seed: () => Promise.reject(new Error('a browser save writes nothing')) },
      download: (name, bytes) => downloads.push([name, bytes]),
      now: () => NOW,
    });
    expect(outcome).toEqual({ status: 'saved' });
    expect(downloads.map(([name]) => name)).toEqual(['Plan_ 2026_27.accord']);
    const decoded = decodePlanFile(downloads[0]![1]);
    expect(decoded.ok && decoded.file.metadata).toEqual({
      planId: PLAN_ID,
      title: 'Plan: 2026/27',
      exportedAt: NOW.toISOString(),
      appVersion: 'accord-web',
    });
  });

  /** A stand-in for the preload's savePlanFile: main writes the file from its store. */
  function desktop(outcome: SavePlanFileOutcome, log: string[]) {
    const bridge: Pick<DesktopApi, 'savePlanFile'> = {
      savePlanFile: (request) => {
        log.push(`savePlanFile ${request.planId} ${request.title}`);
        return Promise.resolve(outcome);
      },
    };
    return bridge;
  }

  it.each([
    [{ status: 'saved', path: '/home/a/plan.accord' }, { status: 'saved' }],
    [{ status: 'cancelled' }, { status: 'cancelled' }],
    [
      { status: 'failed', message: 'The disk is full.' },
      { status: 'failed', message: 'The disk is full.' },
    ],
  ] as const)(
    'on the desktop, stores this copy first, then main saves: %j',
    async (given, expected) => {
      const log: string[] = [];
      const outcome = await savePlanToFile(plan, {
        bridge: desktop(given, log),
        store: {
          seed: (planId, state) => {
            log.push(`seed ${planId} ${Y.decodeUpdate(state).structs.length > 0}`);
            return Promise.resolve();
          },
        },
        download: () => log.push('download'),
        now: () => NOW,
      });
      expect(outcome).toEqual(expected);
      expect(log).toEqual([`seed ${PLAN_ID} true`, `savePlanFile ${PLAN_ID} Plan: 2026/27`]);
    },
  );

  it('on the desktop, a store that cannot take the plan fails the save before any dialog', async () => {
    const log: string[] = [];
    const outcome = await savePlanToFile(plan, {
      bridge: desktop({ status: 'saved', path: '/x.accord' }, log),
      store: { seed: () => Promise.reject(new Error('The disk is full.')) },
      download: () => log.push('download'),
      now: () => NOW,
    });
    expect(outcome).toEqual({ status: 'failed', message: 'The disk is full.' });
    expect(log).toEqual([]);
  });

  it('names the file after the title', () => {
    expect(planFileOf({ ...plan, title: '' }, NOW).fileName).toBe('plan.accord');
  });
});
