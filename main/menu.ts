// The native menu: File (new, open, save, import, export, host a workshop), Edit (undo and redo
// of the plan, clipboard), View (zoom, full screen; reload and developer tools only in
// development), Window on macOS, Help (version, logs folder). Plan actions are sent to the
// renderer as menu commands, so the menu and the in-app buttons share one code path.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/contracts/ipc';
import type { MenuLabels } from './menuLabels';

export interface MenuActions {
  readonly command: (command: MenuCommand) => void;
  readonly showAbout: () => void;
  readonly openLogsFolder: () => void;
}

export interface MenuOptions {
  readonly labels: MenuLabels;
  readonly actions: MenuActions;
  readonly platform: string;
  readonly version: string;
  /** Reload and developer tools exist only in development builds. */
  readonly isPackaged: boolean;
  /** Whether File > Host a workshop is offered (main.ts: always, on the desktop). */
  readonly hostingAvailable: boolean;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { labels, actions, platform } = options;
  const mac = platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.command(command);

  const appMenu: MenuItemConstructorOptions = {
    label: 'Accord',
    submenu: [
      { label: labels.about(options.version), click: actions.showAbout },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: labels.quit },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      { label: labels.newPlan, accelerator: 'CmdOrCtrl+N', click: send('newPlan') },
      { label: labels.openPlanFile, accelerator: 'CmdOrCtrl+O', click: send('openPlanFile') },
      { label: labels.savePlanFile, accelerator: 'CmdOrCtrl+S', click: send('savePlanFile') },
      { type: 'separator' },
      { label: labels.importPlan, accelerator: 'CmdOrCtrl+I', click: send('importPlan') },
      { label: labels.exportPlan, accelerator: 'CmdOrCtrl+E', click: send('exportPlan') },
      { type: 'separator' },
      {
        label: labels.hostWorkshop,
        enabled: options.hostingAvailable,
        click: send('hostWorkshop'),
      },
      // macOS keeps Quit in the app menu.
      ...(mac
        ? []
        : [{ type: 'separator' } as const, { role: 'quit', label: labels.quit } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      // The plan's own undo (Yjs UndoManager, this user's edits only), not the browser's.
      { label: labels.undo, accelerator: 'CmdOrCtrl+Z', click: send('undo') },
      {
        label: labels.redo,
        accelerator: mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y',
        click: send('redo'),
      },
      { type: 'separator' },
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      ...(options.isPackaged
        ? []
        : [
            { role: 'reload', label: labels.reload } as const,
            { role: 'toggleDevTools', label: labels.developerTools } as const,
            { type: 'separator' } as const,
          ]),
      { role: 'resetZoom', label: labels.actualSize },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: labels.fullScreen },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: labels.help,
    role: 'help',
    submenu: [
      ...(mac ? [] : [{ label: labels.about(options.version), click: actions.showAbout }]),
      { label: labels.openLogsFolder, click: actions.openLogsFolder },
    ],
  };

  return [
    ...(mac ? [appMenu] : []),
    file,
    edit,
    view,
    ...(mac ? [{ role: 'windowMenu', label: labels.window } as const] : []),
    help,
  ];
}
