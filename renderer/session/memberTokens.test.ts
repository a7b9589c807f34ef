import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredToken } from '../../shared/contracts/ipc';
import { findPlan, listPlans, savePlan, updatePlan, type LocalPlanEntry } from './localPlans';
import {
  chooseTokenKeeper,
  desktopTokens,
  forgetPlanAndToken,
  pageStorageTokens,
  saveServerPlan,
  tokenOf,
  useMembershipNotice,
  type DesktopTokenApi,
} from './memberTokens';

const PLANS_KEY = 'accord.plans.v1';
const SERVER = 'https://accord.example.org';

/** The page's storage, as a Map (the unit tests run in Node). */
function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/** The preload's token capabilities over a Map, as main's token store would answer them. */
function fakeDesktop(options: { keychain?: boolean; failSet?: boolean } = {}) {
  const keychain = new Map<string, string>();
  const calls: string[] = [];
  const id = (key: { serverUrl: string; planId: string }) => `${key.serverUrl} ${key.planId}`;
  const api: DesktopTokenApi = {
    getMemberToken: (key) => {
      calls.push('get');
      return Promise.resolve(keychain.get(id(key)) ?? null);
    },
    setMemberToken: (key, token) => {
      calls.push('set');
      if (options.failSet) return Promise.reject(new Error('main did not answer'));
      keychain.set(id(key), token);
      return Promise.resolve<StoredToken>({ persisted: options.keychain ?? true });
    },
    forgetMemberToken: (key) => {
      calls.push('forget');
      keychain.delete(id(key));
      return Promise.resolve(undefined);
    },
  };
  return { api, keychain, calls };
}

function entry(planId: string, url = SERVER): LocalPlanEntry & { server: { url: string } } {
  return {
    planId,
    title: `Plan ${planId}`,
    server: { url, memberId: `member-${planId}`, role: 'editor' },
    lastSyncedAt: null,
    storedState: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

/** The plan list exactly as stored in the page's storage. */
const storedText = () => localStorage.getItem(PLANS_KEY) ?? '';

beforeEach(() => {
  vi.stubGlobal('localStorage', fakeStorage());
  useMembershipNotice.setState({ notice: null });
});
afterEach(() => vi.unstubAllGlobals());

describe('in the browser (page storage keeper)', () => {
  it('keeps the token with the plan entry, across later updates of the entry', async () => {
    const keeper = pageStorageTokens();
    await saveServerPlan(entry('p1'), 'secret-1', keeper);
    updatePlan('p1', { title: 'Renamed', storedState: 'AA==' });
    expect(await keeper.get({ serverUrl: SERVER, planId: 'p1' })).toBe('secret-1');
    expect(storedText()).toContain('secret-1');
  });

  it('never hands the token out with the plan list', async () => {
    await saveServerPlan(entry('p1'), 'secret-1', pageStorageTokens());
    expect(JSON.stringify(listPlans())).not.toContain('secret-1');
    expect(JSON.stringify(findPlan('p1'))).not.toContain('secret-1');
  });

  it('drops the token when the plan moves to another server', async () => {
    const keeper = pageStorageTokens();
    await saveServerPlan(entry('p1'), 'secret-1', keeper);
    await saveServerPlan(entry('p1', 'http://127.0.0.1:8787'), 'secret-2', keeper);
    expect(await keeper.get({ serverUrl: 'http://127.0.0.1:8787', planId: 'p1' })).toBe('secret-2');
    expect(await keeper.get({ serverUrl: SERVER, planId: 'p1' })).toBeNull();
    expect(storedText()).not.toContain('secret-1');
  });

  it('removing a plan removes its token', async () => {
    const keeper = pageStorageTokens();
    await saveServerPlan(entry('p1'), 'secret-1', keeper);
    await forgetPlanAndToken('p1', keeper);
    expect(findPlan('p1')).toBeUndefined();
    expect(storedText()).not.toContain('secret-1');
  });
});

describe('on the desktop (keychain keeper)', () => {
  it('keeps the token in the keychain and none in the page storage', async () => {
    const desktop = fakeDesktop();
    await saveServerPlan(entry('p1'), 'secret-1', desktopTokens(desktop.api));
    expect(desktop.keychain.get(`${SERVER} p1`)).toBe('secret-1');
    expect(findPlan('p1')?.server?.memberId).toBe('member-p1');
    expect(storedText()).not.toContain('secret-1');
  });

  it('reads a token from the keychain once a session, then from memory', async () => {
    const desktop = fakeDesktop();
    desktop.keychain.set(`${SERVER} p1`, 'secret-1');
    savePlan(entry('p1'));
    const keeper = desktopTokens(desktop.api);
    expect(await keeper.get({ serverUrl: SERVER, planId: 'p1' })).toBe('secret-1');
    expect(await keeper.get({ serverUrl: SERVER, planId: 'p1' })).toBe('secret-1');
    expect(desktop.calls).toEqual(['get']);
  });

  it('removing a plan forgets its token in the keychain', async () => {
    const desktop = fakeDesktop();
    const keeper = desktopTokens(desktop.api);
    await saveServerPlan(entry('p1'), 'secret-1', keeper);
    await forgetPlanAndToken('p1', keeper);
    expect(desktop.keychain.size).toBe(0);
    expect(findPlan('p1')).toBeUndefined();
    expect(await keeper.get({ serverUrl: SERVER, planId: 'p1' })).toBeNull();
  });

  it('leaves no membership behind when the keychain cannot take the token', async () => {
    const desktop = fakeDesktop({ failSet: true });
    await expect(
      saveServerPlan(entry('p1'), 'secret-1', desktopTokens(desktop.api)),
    ).rejects.toThrow();
    expect(findPlan('p1')).toBeUndefined();
  });

  it('reports a computer with no keychain (session-only tokens)', async () => {
    const onSessionOnly = vi.fn();
    const keeper = desktopTokens(fakeDesktop({ keychain: false }).api, onSessionOnly);
    expect(await saveServerPlan(entry('p1'), 'secret-1', keeper)).toEqual({ persisted: false });
    expect(onSessionOnly).toHaveBeenCalledOnce();
  });

  it('says so once when the keeper was chosen at startup and there is no keychain', async () => {
    const keeper = chooseTokenKeeper({ accord: fakeDesktop({ keychain: false }).api });
    await saveServerPlan(entry('p1'), 'secret-1', keeper);
    expect(useMembershipNotice.getState().notice).toBe('sessionOnly');
    useMembershipNotice.setState({ notice: null });
    await saveServerPlan(entry('p2'), 'secret-2', keeper);
    expect(useMembershipNotice.getState().notice).toBeNull();
  });

  it('asks the user to join again when a plan has no token here', async () => {
    savePlan(entry('p1'));
    const keeper = desktopTokens(fakeDesktop().api);
    expect(await tokenOf('p1', entry('p1').server, keeper)).toBeNull();
    expect(useMembershipNotice.getState().notice).toBe('rejoin');
  });
});

describe('tokens an older desktop version left in the page storage', () => {
  const legacy = (planId: string, token: string) => ({
    ...entry(planId),
    server: { ...entry(planId).server, token },
  });

  it('move to the keychain on the first read and leave the page storage', async () => {
    localStorage.setItem(PLANS_KEY, JSON.stringify([legacy('p1', 'old-1'), legacy('p2', 'old-2')]));
    const desktop = fakeDesktop();
    const keeper = desktopTokens(desktop.api);
    expect(await keeper.get({ serverUrl: SERVER, planId: 'p1' })).toBe('old-1');
    expect(desktop.keychain.get(`${SERVER} p2`)).toBe('old-2');
    expect(storedText()).not.toMatch(/old-[12]/);
    expect(listPlans().map((plan) => plan.planId)).toEqual(['p1', 'p2']);
  });

  it('stay where they are, still used, when the keychain cannot take them', async () => {
    localStorage.setItem(PLANS_KEY, JSON.stringify([legacy('p1', 'old-1')]));
    const keeper = desktopTokens(fakeDesktop({ failSet: true }).api);
    expect(await keeper.get({ serverUrl: SERVER, planId: 'p1' })).toBe('old-1');
    expect(storedText()).toContain('old-1');
  });

  it('stay in the page storage in the browser, where they belong', async () => {
    localStorage.setItem(PLANS_KEY, JSON.stringify([legacy('p1', 'old-1')]));
    const keeper = chooseTokenKeeper({});
    expect(await keeper.get({ serverUrl: SERVER, planId: 'p1' })).toBe('old-1');
    expect(storedText()).toContain('old-1');
  });
});
