import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { IPC_EVENTS } from '../../shared/contracts/ipc';
import { openPlanStore, type PlanStore } from '../store/planStore';
import type { TokenStore } from '../secrets/tokenStore';
import type { WorkshopController } from '../workshop/workshopController';
import {
  createDesktopHandlers,
  suggestedFileName,
  type DesktopHandlerDeps,
} from './desktopHandlers';

const PLAN = '3f1c2a9e-0b7d-4e38-9a51-6f0d2c4b8e11';
type Event = { readonly id: number };
const event: Event = { id: 1 };

let dir: string;
let store: PlanStore;
let opened: string[];
let connected: Event[];

const noTokens: TokenStore = {
  get: () => Promise.resolve(null),
  set: () => Promise.resolve({ persisted: true }),
  forget: () => Promise.resolve(),
};

function handlers(overrides: Partial<DesktopHandlerDeps<Event>> = {}) {
  return createDesktopHandlers<Event>({
    store,
    tokens: noTokens,
    appInfo: { name: 'Accord', version: '0.1.0', platform: 'linux' },
    now: () => new Date('2026-03-01T10:00:00Z'),
    openExternal: async (url) => {
      opened.push(url);
    },
    chooseSavePath: async () => join(dir, 'saved'),
    chooseOpenPath: async () => null,
    connectPlanStore: (from) => connected.push(from),
    workshop: noWorkshop,
    ...overrides,
  });
}

const noWorkshop: WorkshopController = {
  start: () => Promise.reject(new Error('not in these tests')),
  status: () => Promise.resolve(null),
  stop: () => Promise.resolve(),
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-handlers-'));
  store = await openPlanStore(join(dir, 'store'));
  opened = [];
  connected = [];
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('desktop handlers', () => {
  it('opens trusted links in the browser and refuses the rest', async () => {
    const { openExternalLink } = handlers();
    expect(await openExternalLink(event, 'https://sdgs.un.org/goals/goal8')).toBe(true);
    expect(await openExternalLink(event, 'https://evil.example/?next=app://accord')).toBe(false);
    expect(await openExternalLink(event, 'file:///etc/passwd')).toBe(false);
    expect(opened).toEqual(['https://sdgs.un.org/goals/goal8']);
  });

  it('saves a plan file where the user chose, adding the extension; opening it elsewhere returns its contents and writes nothing', async () => {
    const doc = new Y.Doc();
    doc.getMap('actions').set('a', 'Train labour inspectors');
    await store.append(PLAN, Y.encodeStateAsUpdate(doc));
    const saved = await handlers().savePlanFile(event, { planId: PLAN, title: 'Decent work' });
    expect(saved).toEqual({ status: 'saved', path: join(dir, 'saved.accord') });

    const other = await openPlanStore(join(dir, 'other'));
    const result = await createDesktopHandlers<Event>({
      ...depsFor(other),
      chooseOpenPath: async () => join(dir, 'saved.accord'),
    }).openPlanFile(event);
    expect(result).toMatchObject({
      status: 'opened',
      metadata: { planId: PLAN, title: 'Decent work' },
    });
    // The page decides whether the file may be merged (roles) and merges it; main wrote nothing.
    expect(await other.list()).toEqual([]);
    if (result.status !== 'opened') throw new Error('unreachable');
    const opened = new Y.Doc();
    Y.applyUpdate(opened, result.state);
    expect(opened.getMap('actions').toJSON()).toEqual({ a: 'Train labour inspectors' });
    // What the page receives is exactly what the IPC event schema lets through.
    expect(
      IPC_EVENTS.planFileOpened.payload.safeParse({
        metadata: result.metadata,
        state: result.state,
      }).success,
    ).toBe(true);
    await other.close();
  });

  it('reports cancelled dialogs as cancelled', async () => {
    const h = handlers({ chooseSavePath: async () => null, chooseOpenPath: async () => null });
    expect(await h.savePlanFile(event, { planId: PLAN, title: 'x' })).toEqual({
      status: 'cancelled',
    });
    expect(await h.openPlanFile(event)).toEqual({ status: 'cancelled' });
  });

  it('explains a damaged file and a missing one without details of the machine', async () => {
    await writeFile(join(dir, 'bad.accord'), 'not a plan');
    const bad = await handlers({
      chooseOpenPath: async () => join(dir, 'bad.accord'),
    }).openPlanFile(event);
    expect(bad).toMatchObject({ status: 'failed', error: { code: 'foreign' } });
    expect(await store.list()).toEqual([]);
    const missing = await handlers({
      chooseOpenPath: async () => join(dir, 'gone.accord'),
    }).openPlanFile(event);
    expect(missing).toEqual({
      status: 'failed',
      error: { code: 'foreign', message: 'The file or folder does not exist.' },
    });
  });

  it.each([
    ['EADDRINUSE', 'portInUse'],
    ['EACCES', 'notAllowed'],
    ['EADDRNOTAVAIL', 'noNetwork'],
    [undefined, 'failed'],
  ])('reports a workshop that fails to start with %s as %s', async (code, reason) => {
    const failing: WorkshopController = {
      ...noWorkshop,
      start: () => Promise.reject(Object.assign(new Error('listen /secret/path'), { code })),
    };
    const outcome = await handlers({ workshop: failing }).startWorkshop(event, {
      planId: PLAN,
      title: 'Decent work',
      hostName: 'Host',
      hostOrganisation: '',
    });
    expect(outcome).toEqual({ ok: false, reason });
  });

  it('hands the store port to the calling window', async () => {
    await handlers().connectPlanStore(event);
    expect(connected).toEqual([event]);
  });

  it.each([
    ['National Action Plan 2021-2025', 'National Action Plan 2021-2025.accord'],
    ['План действий: права человека', 'План действий_ права человека.accord'],
    ['../../etc/passwd', '_.._etc_passwd.accord'],
    ['..hidden', 'hidden.accord'],
    ['a\u0000b\nc', 'a_b_c.accord'],
    ['CON<>|?*', 'CON_____.accord'],
    ['', 'plan.accord'],
    ['x'.repeat(300), `${'x'.repeat(100)}.accord`],
  ])('suggests a safe file name for %j', (title, name) => {
    expect(suggestedFileName(title)).toBe(name);
  });
});

function depsFor(other: PlanStore): DesktopHandlerDeps<Event> {
  return {
    store: other,
    tokens: noTokens,
    appInfo: { name: 'Accord', version: '0.1.0', platform: 'linux' },
    now: () => new Date(),
    openExternal: async () => undefined,
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    connectPlanStore: () => undefined,
    workshop: noWorkshop,
  };
}
