// The preload against a stand-in for electron's renderer modules (the one edge mocked): what it
// exposes, and that every call and event goes through the shared channel map.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_GLOBAL, IPC_CAPABILITIES, IPC_CHANNELS, IPC_EVENTS } from '../shared/ipc';

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
