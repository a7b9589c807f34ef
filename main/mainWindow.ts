// The one application window: hardened preferences, the app:// entry page, and its size and
// place remembered between runs.
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './security/appOrigin';
import { secureWebPreferences } from './security/webPreferences';
import { fitToDisplays, loadWindowState, saveWindowState, type WindowState } from './windowState';

export async function createMainWindow(options: {
  readonly preloadPath: string;
  readonly statePath: string;
}): Promise<BrowserWindow> {
  const state = fitToDisplays(
    await loadWindowState(options.statePath),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: 480,
    minHeight: 360,
    title: 'Accord',
    // Shown once the page has painted, so the window never flashes white and empty.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  window.on('close', () => {
    const current: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    // Best effort: failing to remember the window's place must never block closing it.
    void saveWindowState(options.statePath, current).catch(() => undefined);
  });

  await window.loadURL(APP_ENTRY_URL);
  return window;
}
