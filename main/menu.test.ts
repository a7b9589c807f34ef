import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/contracts/ipc';
import { buildMenuTemplate, type MenuOptions } from './menu';
import { menuLabels } from './menuLabels';

function build(overrides: Partial<MenuOptions> = {}) {
  const commands: MenuCommand[] = [];
  const template = buildMenuTemplate({
    labels: menuLabels('en-GB'),
    actions: {
      command: (command) => commands.push(command),
      showAbout: () => undefined,
      openLogsFolder: () => undefined,
    },
    platform: 'linux',
    version: '0.1.0',
    isPackaged: true,
    hostingAvailable: false,
    ...overrides,
  });
  return { template, commands };
}

function items(menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(menu?.submenu) ? menu.submenu : [];
}

function find(template: MenuItemConstructorOptions[], label: string) {
  return template.flatMap(items).find((item) => item.label === label);
}

describe('native menu', () => {
  it.each([
    ['linux', ['&File', '&Edit', '&View', '&Help']],
    ['win32', ['&File', '&Edit', '&View', '&Help']],
    ['darwin', ['Accord', '&File', '&Edit', '&View', '&Window', '&Help']],
  ])('on %s has the menus %j', (platform, menus) => {
    expect(build({ platform }).template.map((menu) => menu.label)).toEqual(menus);
  });

  it.each<[string, MenuCommand, string]>([
    ['New Plan', 'newPlan', 'CmdOrCtrl+N'],
    ['Open Plan File…', 'openPlanFile', 'CmdOrCtrl+O'],
    ['Save Plan File…', 'savePlanFile', 'CmdOrCtrl+S'],
    ['Import…', 'importPlan', 'CmdOrCtrl+I'],
    ['Export…', 'exportPlan', 'CmdOrCtrl+E'],
    ['Undo', 'undo', 'CmdOrCtrl+Z'],
    ['Redo', 'redo', 'CmdOrCtrl+Y'],
  ])('%s sends %s to the renderer (%s)', (label, command, accelerator) => {
    const { template, commands } = build();
    const item = find(template, label);
    expect(item?.accelerator).toBe(accelerator);
    (item?.click as () => void)();
    expect(commands).toEqual([command]);
  });

  it('uses the macOS redo shortcut on macOS', () => {
    expect(find(build({ platform: 'darwin' }).template, 'Redo')?.accelerator).toBe(
      'Shift+CmdOrCtrl+Z',
    );
  });

  it('shows hosting a workshop disabled until it is available', () => {
    expect(find(build().template, 'Host a Workshop…')?.enabled).toBe(false);
    expect(find(build({ hostingAvailable: true }).template, 'Host a Workshop…')?.enabled).toBe(
      true,
    );
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isPackaged: boolean) =>
      items(build({ isPackaged }).template[2]).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('shows the version and the logs folder under Help', () => {
    const help = items(build().template.at(-1)).map((item) => item.label);
    expect(help).toEqual(['About Accord 0.1.0', 'Open Logs Folder']);
  });

  it.each([
    ['ru-RU', '&Файл'],
    ['ru', '&Файл'],
    ['en-US', '&File'],
    ['tk-TM', '&File'], // Turkmen falls back to English until translated
    ['', '&File'],
  ])('labels the menu for %s', (locale, fileLabel) => {
    expect(build({ labels: menuLabels(locale) }).template[0]?.label).toBe(fileLabel);
  });
});
