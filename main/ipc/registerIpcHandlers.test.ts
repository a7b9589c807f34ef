import { describe, expect, it } from 'vitest';
import {
  IPC_CAPABILITIES,
  IPC_CHANNELS,
  IPC_CHANNEL_PREFIX,
  IPC_EVENTS,
} from '../../shared/contracts/ipc';
import {
  IpcRefusal,
  registerIpcHandlers,
  type IpcHandlers,
  type IpcInvokeEventLike,
  type IpcMainLike,
} from './registerIpcHandlers';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike<IpcInvokeEventLike> = {
    handle(channel, listener) {
      listeners.set(channel, listener);
    },
  };
  const invoke = (channel: string, senderUrl: string | null, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(
      listener({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args),
    );
  };
  return { ipcMain, listeners, invoke };
}

/** Handlers that record what reached them. */
function recordingHandlers() {
  const calls: [string, unknown[]][] = [];
  const record =
    <T>(name: string, result: T) =>
    (_event: IpcInvokeEventLike, ...args: unknown[]) => {
      calls.push([name, args]);
      return result;
    };
  const handlers: IpcHandlers<IpcInvokeEventLike> = {
    getAppInfo: record('getAppInfo', { name: 'Accord', version: '0.1.0', platform: 'linux' }),
    openExternalLink: record('openExternalLink', true),
    savePlanFile: record('savePlanFile', { status: 'cancelled' } as const),
    openPlanFile: record('openPlanFile', { status: 'cancelled' } as const),
    getMemberToken: record('getMemberToken', null),
    setMemberToken: record('setMemberToken', { persisted: true }),
    forgetMemberToken: record('forgetMemberToken', undefined),
    connectPlanStore: record('connectPlanStore', undefined),
    startWorkshop: record('startWorkshop', { ok: false, reason: 'failed' } as const),
    workshopStatus: record('workshopStatus', null),
    stopWorkshop: record('stopWorkshop', undefined),
  };
  return { handlers, calls };
}

const APP = 'app://accord/index.html';
const PLAN = '3f1c2a9e-0b7d-4e38-9a51-6f0d2c4b8e11';
const tokenKey = { serverUrl: 'wss://accord.example/sync', planId: PLAN };
const workshop = (changes: Record<string, unknown> = {}) => ({
  planId: PLAN,
  title: 'Decent work',
  hostName: 'Aýna',
  hostOrganisation: 'Ministry of Labour',
  ...changes,
});

describe('IPC registration', () => {
  it('registers one handler per capability, each on its own prefixed channel', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    registerIpcHandlers(ipcMain, recordingHandlers().handlers);
    const channels = IPC_CAPABILITIES.map((capability) => IPC_CHANNELS[capability].channel);
    expect([...listeners.keys()].sort()).toEqual([...channels].sort());
    const all = [...channels, ...Object.values(IPC_EVENTS).map((event) => event.channel)];
    expect(new Set(all).size).toBe(all.length);
    for (const channel of all) expect(channel.startsWith(IPC_CHANNEL_PREFIX)).toBe(true);
  });

  it('refuses to register the channel map twice', () => {
    const { ipcMain } = fakeIpcMain();
    registerIpcHandlers(ipcMain, recordingHandlers().handlers);
    expect(() => registerIpcHandlers(ipcMain, recordingHandlers().handlers)).toThrow(
      /already has a handler/,
    );
  });

  it('passes a valid call from the app to its handler', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(ipcMain, handlers);
    await expect(
      invoke(IPC_CHANNELS.setMemberToken.channel, APP, tokenKey, 'tok-123'),
    ).resolves.toEqual({
      persisted: true,
    });
    expect(calls).toEqual([['setMemberToken', [tokenKey, 'tok-123']]]);
  });

  it('passes a workshop request from the app to its handler', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(ipcMain, handlers);
    await invoke(IPC_CHANNELS.startWorkshop.channel, APP, workshop());
    expect(calls).toEqual([['startWorkshop', [workshop()]]]);
  });

  it.each([
    ['no frame (it was destroyed)', null],
    ['a page on another site', 'https://evil.example/'],
    ['a page naming the app in its query', 'https://evil.example/?next=app://accord'],
    ['a look-alike app host', 'app://accord.evil.example/index.html'],
    ['a local file', 'file:///home/user/Downloads/evil.html'],
    ['a blank page', 'about:blank'],
    ['a data URL', 'data:text/html,<script>1</script>'],
  ])('refuses a call from %s before its handler runs', async (_name, senderUrl) => {
    const refused: string[] = [];
    const { ipcMain, invoke } = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(ipcMain, handlers, { onRefused: (channel) => refused.push(channel) });
    await expect(invoke(IPC_CHANNELS.getMemberToken.channel, senderUrl, tokenKey)).rejects.toThrow(
      IpcRefusal,
    );
    expect(calls).toEqual([]);
    expect(refused).toEqual([IPC_CHANNELS.getMemberToken.channel]);
  });

  it.each<[string, keyof typeof IPC_CHANNELS, unknown[]]>([
    ['a missing argument', 'getMemberToken', []],
    ['an extra argument', 'getAppInfo', ['surprise']],
    ['a number for a URL', 'openExternalLink', [42]],
    ['an over-long URL', 'openExternalLink', ['https://sdgs.un.org/' + 'a'.repeat(5000)]],
    ['a plan id that is a path', 'savePlanFile', [{ planId: '../../etc', title: 'x' }]],
    ['an unknown field', 'savePlanFile', [{ planId: PLAN, title: 'x', path: '/etc/passwd' }]],
    [
      'a javascript: server',
      'getMemberToken',
      [{ serverUrl: 'javascript:alert(1)', planId: PLAN }],
    ],
    ['a file: server', 'forgetMemberToken', [{ serverUrl: 'file:///etc/passwd', planId: PLAN }]],
    ['an empty token', 'setMemberToken', [tokenKey, '']],
    ['a token that is an object', 'setMemberToken', [tokenKey, { toString: 'x' }]],
    ['a workshop plan id that is a path', 'startWorkshop', [workshop({ planId: '../plans' })]],
    ['a workshop with no host name', 'startWorkshop', [workshop({ hostName: '   ' })]],
    ['a workshop host name that is not text', 'startWorkshop', [workshop({ hostName: 7 })]],
    ['a workshop port chosen by the page', 'startWorkshop', [workshop({ port: 22 })]],
    ['an argument to stop', 'stopWorkshop', ['now']],
    ['a path chosen by the page for Open plan file', 'openPlanFile', ['/etc/passwd']],
    [
      'a prototype-polluting key',
      'getMemberToken',
      [JSON.parse('{"__proto__":{"x":1},"serverUrl":"wss://a.example","planId":"p"}')],
    ],
  ])('refuses %s before its handler runs', async (_name, capability, args) => {
    const { ipcMain, invoke } = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(ipcMain, handlers);
    await expect(invoke(IPC_CHANNELS[capability].channel, APP, ...args)).rejects.toThrow(
      /refused invalid arguments/,
    );
    expect(calls).toEqual([]);
  });
});
