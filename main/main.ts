// Electron's entry point: wiring only. Every decision lives in a module with its own tests
// (security/, ipc/, store/, secrets/, menu, deepLink, windowState); this file connects them to
// Electron's objects in the order Electron requires.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIn } from '../shared/calendar';
import {
  IPC_EVENTS,
  type IpcEvent,
  type IpcEventPayload,
  type JoinLink,
} from '../shared/contracts/ipc';
import { PLAN_FILE_EXTENSION } from '../shared/planFile';
import { deadlineTexts } from './deadlines/deadlineDigest';
import { REMINDER_INTERVAL_MS, remindOfDeadlines } from './deadlines/deadlineReminders';
import { DEEP_LINK_SCHEME, joinLinkFromArgv, parseJoinLink } from './deepLink';
import { createDesktopHandlers } from './ipc/desktopHandlers';
import { servePlanStore } from './ipc/planStorePort';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { createMainWindow } from './mainWindow';
import { buildMenuTemplate } from './menu';
import { menuLabels } from './menuLabels';
import { readPlanFile } from './planFiles';
import { openTokenStore } from './secrets/tokenStore';
import { APP_SCHEME } from './security/appOrigin';
import { createAppProtocolHandler } from './security/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../shared/webApp/contentSecurityPolicy';
import { hardenNavigation } from './security/navigation';
import { denyAllPermissions } from './security/permissions';
import { openPlanStore, type PlanStore } from './store/planStore';
import { lazyWorkshopController } from './workshop/lazyWorkshopController';
import type { WorkshopController } from './workshop/workshopController';

/** The bundle is out/main/main.js; the app's root (a folder, or app.asar) is two levels up. */
const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PRELOAD_PATH = join(APP_ROOT, 'out', 'preload', 'preload.cjs');
const RENDERER_DIR = join(APP_ROOT, 'dist', 'renderer');

/**
 * Lets tests (and portable installs) keep all data in a folder of their choosing; each
 * Playwright test gets its own. Must be set before anything reads the user-data path.
 */
const userDataOverride = process.env.ACCORD_USER_DATA_DIR;
if (userDataOverride) app.setPath('userData', resolve(userDataOverride));

// Before `ready`: app:// must be a standard, secure scheme so it gets a real origin.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    // corsEnabled: Vite emits `<script type="module" crossorigin>`, fetched in CORS mode.
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  },
]);

if (!app.requestSingleInstanceLock()) {
  // Another Accord is running: it receives our argv (a join link, a file) and takes focus.
  app.quit();
} else {
  run();
}

function run(): void {
  let window: BrowserWindow | null = null;
  let store: PlanStore | null = null;
  let workshop: WorkshopController | null = null;
  const pendingJoinLinks: JoinLink[] = [];
  const pendingFiles: string[] = [];

  const firstLink = joinLinkFromArgv(process.argv);
  if (firstLink) pendingJoinLinks.push(firstLink);
  pendingFiles.push(...planFilesIn(process.argv));

  function send<K extends IpcEvent>(event: K, payload: IpcEventPayload<K>): void {
    window?.webContents.send(IPC_EVENTS[event].channel, payload);
  }

  function deliverJoinLink(link: JoinLink): void {
    if (window) send('joinLink', link);
    else pendingJoinLinks.push(link);
  }

  // Held until the window has loaded; main only reads and checks the file, and the page merges it
  // (the preload holds it until the page subscribes), since only the page knows the user's role.
  async function openFileFromOutside(path: string): Promise<void> {
    if (!window) {
      pendingFiles.push(path);
      return;
    }
    const result = await readPlanFile(path);
    if (result.ok) {
      send('planFileOpened', result.file);
    } else if (window) {
      void dialog.showMessageBox(window, { type: 'error', message: result.error.message });
    }
  }

  // Registered before `ready`, as macOS delivers launch URLs and files early.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseJoinLink(url);
    if (link) deliverJoinLink(link);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFileFromOutside(path);
  });
  app.on('second-instance', (_event, argv) => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    const link = joinLinkFromArgv(argv);
    if (link) deliverJoinLink(link);
    for (const path of planFilesIn(argv)) void openFileFromOutside(path);
  });

  // Every web contents, including any created later, gets the navigation rules.
  app.on('web-contents-created', (_event, contents) => {
    hardenNavigation(contents, (url) => void shell.openExternal(url));
  });

  // In development Electron runs as `electron out/main/main.js`, so the OS must be told how.
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Pending appends are flushed before the process exits.
  let storeClosed = false;
  app.on('will-quit', (event) => {
    if (storeClosed || !store) return;
    const openedStoreToClose = store;
    event.preventDefault();
    // A hosted workshop stores what participants sent before the local store closes.
    const stopWorkshop = workshop?.stop() ?? Promise.resolve();
    void stopWorkshop
      .catch((error: unknown) => console.error('workshop did not stop cleanly', error))
      .then(() => openedStoreToClose.close())
      .finally(() => {
        storeClosed = true;
        app.quit();
      });
  });

  void app.whenReady().then(async () => {
    const userData = app.getPath('userData');
    store = await openPlanStore(join(userData, 'plans'), {
      onBackgroundError: (error) => console.error('plan store compaction failed', error),
    });
    const tokens = openTokenStore(join(userData, 'member-tokens.json'), safeStorage);
    const openedStore = store;
    workshop = lazyWorkshopController(async () => {
      const [{ createWorkshopController }, { createLogger }] = await Promise.all([
        import('./workshop/workshopController'),
        import('../server/embed'),
      ]);
      return createWorkshopController({
        store: openedStore,
        dataDir: join(userData, 'workshop'),
        webRoot: RENDERER_DIR,
        interfaces: () => networkInterfaces(),
        log: createLogger('warn'),
      });
    });

    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        rootDir: RENDERER_DIR,
        contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      }),
    );
    denyAllPermissions(session.defaultSession);

    registerIpcHandlers<IpcMainInvokeEvent>(
      ipcMain,
      createDesktopHandlers<IpcMainInvokeEvent>({
        store: openedStore,
        tokens,
        appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
        now: () => new Date(),
        openExternal: (url) => shell.openExternal(url),
        chooseSavePath: async (event, suggestedName) => {
          const owner = BrowserWindow.fromWebContents(event.sender);
          const options = {
            defaultPath: join(app.getPath('documents'), suggestedName),
            filters: [{ name: 'Accord plan', extensions: [PLAN_FILE_EXTENSION.slice(1)] }],
          };
          const result = owner
            ? await dialog.showSaveDialog(owner, options)
            : await dialog.showSaveDialog(options);
          return result.canceled || !result.filePath ? null : result.filePath;
        },
        chooseOpenPath: async (event) => {
          const owner = BrowserWindow.fromWebContents(event.sender);
          const options = {
            properties: ['openFile' as const],
            filters: [{ name: 'Accord plan', extensions: [PLAN_FILE_EXTENSION.slice(1)] }],
          };
          const result = owner
            ? await dialog.showOpenDialog(owner, options)
            : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        workshop,
        connectPlanStore: (event) => {
          const { port1, port2 } = new MessageChannelMain();
          servePlanStore(
            {
              postMessage: (message) => port1.postMessage(message),
              onMessage: (listener) => port1.on('message', (message) => listener(message.data)),
            },
            openedStore,
          );
          port1.start();
          event.sender.postMessage(IPC_EVENTS.planStorePort.channel, null, [port2]);
        },
      }),
      { onRefused: (channel, reason) => console.warn(`IPC ${channel}: ${reason}`) },
    );

    const rebuildMenu = () =>
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            labels: menuLabels(app.getLocale()),
            actions: {
              command: (command) => send('menuCommand', command),
              showAbout: () =>
                void dialog.showMessageBox({
                  title: 'Accord',
                  message: `Accord ${app.getVersion()}`,
                  detail: `Electron ${process.versions.electron ?? ''} · ${process.platform}`,
                }),
              openLogsFolder: () => void shell.openPath(app.getPath('logs')),
            },
            platform: process.platform,
            version: app.getVersion(),
            isPackaged: app.isPackaged,
            hostingAvailable: true,
          }),
        ),
      );
    rebuildMenu();

    window = await createMainWindow({
      preloadPath: PRELOAD_PATH,
      statePath: join(userData, 'window-state.json'),
    });
    window.on('closed', () => {
      window = null;
    });
    for (const link of pendingJoinLinks.splice(0)) send('joinLink', link);
    for (const path of pendingFiles.splice(0)) void openFileFromOutside(path);

    // Deadline reminders for every plan kept here: now, then a few times a day.
    const remind = () =>
      void remindOfDeadlines({
        store: openedStore,
        statePath: join(userData, 'deadline-reminders.json'),
        notify: ({ title, body }) => {
          if (Notification.isSupported()) new Notification({ title, body }).show();
        },
        today: () => todayIn(),
        texts: deadlineTexts(app.getLocale()),
      }).catch((error: unknown) => console.error('deadline reminders failed', error));
    remind();
    setInterval(remind, REMINDER_INTERVAL_MS).unref();
  });
}

/** `.accord` files named on the command line (double-click on Windows and Linux). */
function planFilesIn(argv: readonly string[]): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(PLAN_FILE_EXTENSION))
    .map((arg) => resolve(arg));
}
