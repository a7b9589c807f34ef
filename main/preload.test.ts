// The preload against a stand-in for electron's renderer modules (the one edge mocked): what it
// exposes, and that every call and event goes through the shared channel map.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_GLOBAL } from '../shared/contracts/desktopGlobal';
import { IPC_CAPABILITIES, IPC_CHANNELS, IPC_EVENTS } from '../shared/contracts/ipc';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, data?: unknown) => void>>();
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  return {
    listeners,
    exposed,
    invoked,
    module: {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve('answer');
        },
        on: (channel: string, listener: (event: unknown, data?: unknown) => void) => {
          const set = listeners.get(channel) ?? new Set();
          set.add(listener);
          listeners.set(channel, set);
        },
        removeListener: (channel: string, listener: (event: unknown, data?: unknown) => void) => {
          listeners.get(channel)?.delete(listener);
        },
      },
    },
  };
});
vi.mock('electron', () => electron.module);

type Api = Record<string, (...args: unknown[]) => unknown>;
let api: Api;

beforeAll(async () => {
  await import('./preload');
  api = electron.exposed.get(DESKTOP_API_GLOBAL) as Api;
});

function emit(channel: string, data: unknown) {
  for (const listener of electron.listeners.get(channel) ?? []) {
    listener({ sender: 'the IPC event, which must not reach the page', ports: [] }, data);
  }
}

describe('preload', () => {
  it('exposes exactly one function per capability and event, under one global', () => {
    expect([...electron.exposed.keys()]).toEqual([DESKTOP_API_GLOBAL]);
    expect(Object.keys(api).sort()).toEqual(
      [...IPC_CAPABILITIES, 'onJoinLink', 'onMenuCommand', 'onPlanFileOpened'].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('exposes nothing generic', () => {
    for (const name of ['send', 'invoke', 'on', 'ipcRenderer', 'postMessage']) {
      expect(api).not.toHaveProperty(name);
    }
  });

  it.each(IPC_CAPABILITIES.map((capability) => [capability]))(
    '%s invokes its own channel with its arguments only',
    async (capability) => {
      electron.invoked.length = 0;
      await api[capability]?.('first', 'second');
      expect(electron.invoked[0]?.[0]).toBe(IPC_CHANNELS[capability].channel);
    },
  );

  it('passes menu commands that match the schema, without the IPC event', () => {
    const received: unknown[] = [];
    const stop = api.onMenuCommand?.((command: unknown) => received.push(command)) as () => void;
    emit(IPC_EVENTS.menuCommand.channel, 'undo');
    emit(IPC_EVENTS.menuCommand.channel, 'rm -rf /');
    emit(IPC_EVENTS.menuCommand.channel, { command: 'undo' });
    stop();
    emit(IPC_EVENTS.menuCommand.channel, 'redo');
    expect(received).toEqual(['undo']);
  });

  it('passes only well-formed join links', () => {
    const received: unknown[] = [];
    api.onJoinLink?.((link: unknown) => received.push(link));
    const link = { serverUrl: 'wss://accord.example/sync', planId: 'plan-1', invite: 'abc123' };
    emit(IPC_EVENTS.joinLink.channel, link);
    emit(IPC_EVENTS.joinLink.channel, { ...link, serverUrl: 'javascript:alert(1)' });
    expect(received).toEqual([link]);
  });
});

describe('preload: plan files opened from outside the app', () => {
  const metadata = {
    planId: '3f1c2a9e-0b7d-4e38-9a51-6f0d2c4b8e11',
    title: 'Decent work',
    exportedAt: '2026-03-01T10:00:00.000Z',
    appVersion: '0.1.0',
  };
  const file = (title: string) => ({ metadata: { ...metadata, title }, state: Uint8Array.of(1) });
  const titles = (files: unknown[]) =>
    files.map((received) => (received as ReturnType<typeof file>).metadata.title);

  it('holds a file sent before the page subscribes and hands it to the first subscriber, once', () => {
    // A double-click that starts the app: main sends once the window has loaded, before the page
    // has connected its store and subscribed.
    emit(IPC_EVENTS.planFileOpened.channel, file('at launch'));
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = api.onPlanFileOpened?.((received: unknown) =>
      first.push(received),
    ) as () => void;
    const stopSecond = api.onPlanFileOpened?.((received: unknown) =>
      second.push(received),
    ) as () => void;
    expect(titles(first)).toEqual(['at launch']);
    expect(first[0]).toEqual(file('at launch'));
    expect(second).toEqual([]);

    emit(IPC_EVENTS.planFileOpened.channel, file('later'));
    expect(titles(first)).toEqual(['at launch', 'later']);
    expect(titles(second)).toEqual(['later']);
    stopFirst();
    stopSecond();
  });

  it.each<[string, unknown]>([
    ['a plan id that is a path', { ...file('x'), metadata: { ...metadata, planId: '../plans' } }],
    ['an unknown field', { ...file('x'), path: '/home/user/plan.accord' }],
    ['an unknown metadata field', { ...file('x'), metadata: { ...metadata, server: 'x' } }],
    ['no metadata', { state: Uint8Array.of(1) }],
    ['a state that is not bytes', { ...file('x'), state: [1, 2, 3] }],
    ['a state that is text', { ...file('x'), state: 'AQID' }],
    ['an empty state', { ...file('x'), state: new Uint8Array(0) }],
    ['an over-long title', file('t'.repeat(1001))],
    [
      'an exportedAt that is not a timestamp',
      { ...file('x'), metadata: { ...metadata, exportedAt: 'soon' } },
    ],
    ['the old payload (plan id and title only)', { planId: metadata.planId, title: 'x' }],
  ])('passes no plan file with %s, neither now nor later', (_case, payload) => {
    const received: unknown[] = [];
    const stop = api.onPlanFileOpened?.((file: unknown) => received.push(file)) as () => void;
    emit(IPC_EVENTS.planFileOpened.channel, payload);
    stop();
    // Nor is it held for a later subscriber.
    const later = api.onPlanFileOpened?.((file: unknown) => received.push(file)) as () => void;
    later();
    expect(received).toEqual([]);
  });

  it('passes a well-formed file with its bytes', () => {
    const received: unknown[] = [];
    const stop = api.onPlanFileOpened?.((file: unknown) => received.push(file)) as () => void;
    emit(IPC_EVENTS.planFileOpened.channel, file('ok'));
    stop();
    expect(received).toEqual([file('ok')]);
  });
});
