// main.ts's wiring against a stand-in for the electron module (the one edge mocked): the order
// Electron requires, and that every hardening and IPC piece is actually connected.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPC_CAPABILITIES, IPC_CHANNELS, IPC_EVENTS } from '../shared/contracts/ipc';

interface FakeWindow {
  readonly options: { webPreferences: Record<string, unknown> };
  readonly loaded: string[];
  readonly sent: [string, unknown][];
}

const fake = vi.hoisted(() => {
  const state = {
    lock: true,
    userData: '',
    argv: [] as string[],
    events: new Map<string, (...args: unknown[]) => void>(),
    calls: [] as string[],
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, unknown>(),
    ipcChannels: [] as string[],
    permissionHandlers: 0,
    menu: null as unknown,
    windows: [] as FakeWindow[],
  };
  class BrowserWindow {
    readonly loaded: string[] = [];
    readonly sent: [string, unknown][] = [];
    readonly webContents = {
      send: (channel: string, payload: unknown) => this.sent.push([channel, payload]),
    };
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      state.windows.push(this);
    }
    static fromWebContents() {
      return null;
    }
    once() {}
    on() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    maximize() {}
    show() {}
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  }
  const electronModule = {
    app: {
      setPath: (_name: string, path: string) => (state.userData = path),
      getPath: () => state.userData,
      requestSingleInstanceLock: () => {
        state.calls.push('requestSingleInstanceLock');
        return state.lock;
      },
      quit: () => state.calls.push('quit'),
      on: (event: string, listener: (...args: unknown[]) => void) =>
        state.events.set(event, listener),
      whenReady: () => Promise.resolve(),
      setAsDefaultProtocolClient: (scheme: string) => state.calls.push(`protocol-client:${scheme}`),
      getName: () => 'Accord',
      getVersion: () => '0.1.0',
      getLocale: () => 'ru-RU',
      isPackaged: true,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.calls.push('registerSchemesAsPrivileged');
        state.schemes.push(...schemes);
      },
      handle: (scheme: string, handler: unknown) => state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => state.permissionHandlers++,
        setPermissionCheckHandler: () => state.permissionHandlers++,
        setDevicePermissionHandler: () => state.permissionHandlers++,
      },
    },
    ipcMain: { handle: (channel: string) => state.ipcChannels.push(channel) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => (state.menu = menu),
    },
    BrowserWindow,
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1440, height: 900 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1440, height: 900 } }),
    },
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    Notification: { isSupported: () => false },
    dialog: {},
    shell: {},
    MessageChannelMain: function MessageChannelMain() {},
  };
  return { state, electronModule };
});
vi.mock('electron', () => fake.electronModule);

let userData: string;
const originalArgv = process.argv;

beforeEach(() => {
  vi.resetModules();
  userData = mkdtempSync(join(tmpdir(), 'accord-main-'));
  Object.assign(fake.state, {
    lock: true,
    userData: '',
    events: new Map(),
    calls: [],
    schemes: [],
    protocolHandlers: new Map(),
    ipcChannels: [],
    permissionHandlers: 0,
    menu: null,
    windows: [],
  });
  vi.stubEnv('ACCORD_USER_DATA_DIR', userData);
});

afterEach(async () => {
  process.argv = originalArgv;
  vi.unstubAllEnvs();
  // Let the app close its store as it would on quit.
  fake.state.events.get('will-quit')?.({ preventDefault: () => undefined });
  await new Promise((resolve) => setImmediate(resolve));
  rmSync(userData, { recursive: true, force: true });
});

async function startMain() {
  await import('./main');
  await vi.waitFor(() => expect(fake.state.windows[0]?.loaded).toHaveLength(1));
  return fake.state.windows[0] as FakeWindow;
}

describe('main process wiring', () => {
  it('registers app:// as a standard, secure scheme before anything else', async () => {
    await startMain();
    expect(fake.state.calls[0]).toBe('registerSchemesAsPrivileged');
    expect(fake.state.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('quits at once, opening nothing, when another Accord holds the single-instance lock', async () => {
    fake.state.lock = false;
    await import('./main');
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.state.calls).toEqual([
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
      'quit',
    ]);
    expect(fake.state.windows).toEqual([]);
  });

  it('opens one hardened window on app://accord with the user-data folder it was given', async () => {
    const window = await startMain();
    expect(fake.state.userData).toBe(userData);
    expect(window.loaded).toEqual(['app://accord/index.html']);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(window.options.webPreferences.preload)).toMatch(
      /out[/\\]preload[/\\]preload\.cjs$/,
    );
  });

  it('serves app://, denies permissions, registers every IPC channel and the menu', async () => {
    await startMain();
    expect([...fake.state.protocolHandlers.keys()]).toEqual(['app']);
    expect(fake.state.permissionHandlers).toBe(3);
    expect(fake.state.ipcChannels.sort()).toEqual(
      IPC_CAPABILITIES.map((capability) => IPC_CHANNELS[capability].channel).sort(),
    );
    expect((fake.state.menu as { label: string }[]).map((menu) => menu.label)).toEqual([
      '&Файл',
      '&Правка',
      '&Вид',
      '&Справка',
    ]);
    expect(fake.state.calls).toContain('protocol-client:accord');
    expect([...fake.state.events.keys()]).toEqual(
      expect.arrayContaining(['open-url', 'open-file', 'second-instance', 'web-contents-created']),
    );
  });

  it('hands a join link from the command line to the window once it has loaded', async () => {
    process.argv = [
      process.execPath,
      'out/main/main.js',
      'accord://join?server=wss%3A%2F%2Faccord.example%2Fsync&plan=plan-1&invite=abc',
    ];
    const window = await startMain();
    expect(window.sent).toEqual([
      [
        IPC_EVENTS.joinLink.channel,
        { serverUrl: 'wss://accord.example/sync', planId: 'plan-1', invite: 'abc' },
      ],
    ]);
  });

  it('passes a join link from a second instance and ignores a malformed one', async () => {
    const window = await startMain();
    const secondInstance = fake.state.events.get('second-instance');
    secondInstance?.({}, ['accord', 'accord://join?server=javascript%3Aalert(1)&plan=p&invite=x']);
    secondInstance?.({}, ['accord', 'accord://join?server=wss%3A%2F%2Fa.example&plan=p&invite=x']);
    expect(window.sent).toEqual([
      [IPC_EVENTS.joinLink.channel, { serverUrl: 'wss://a.example', planId: 'p', invite: 'x' }],
    ]);
  });
});
