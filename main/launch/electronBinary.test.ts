import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { findElectronBinary, type ElectronEnvironment } from './electronBinary';

const PKG = '/repo/node_modules/electron';

function environment(
  files: Record<string, string>,
  env: Record<string, string> = { DISPLAY: ':0' },
  platform = 'linux',
): ElectronEnvironment {
  return {
    env,
    platform,
    electronPackageDir: PKG,
    exists: (path) => path in files,
    readText: (path) => files[path] ?? null,
  };
}

describe('finding the Electron binary', () => {
  it.each<[string, ElectronEnvironment, ReturnType<typeof findElectronBinary>]>([
    [
      'a downloaded binary',
      environment({ [join(PKG, 'path.txt')]: 'electron', [join(PKG, 'dist', 'electron')]: '' }),
      { ok: true, binary: join(PKG, 'dist', 'electron') },
    ],
    [
      'a binary from ELECTRON_OVERRIDE_DIST_PATH',
      environment(
        { ['/opt/electron/electron']: '' },
        { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron', DISPLAY: ':0' },
      ),
      { ok: true, binary: '/opt/electron/electron' },
    ],
    [
      'the macOS app bundle',
      environment(
        { [join(PKG, 'dist', 'Electron.app/Contents/MacOS/Electron')]: '' },
        {},
        'darwin',
      ),
      { ok: true, binary: join(PKG, 'dist', 'Electron.app/Contents/MacOS/Electron') },
    ],
    [
      'a Wayland session',
      environment({ [join(PKG, 'dist', 'electron')]: '' }, { WAYLAND_DISPLAY: 'wayland-0' }),
      { ok: true, binary: join(PKG, 'dist', 'electron') },
    ],
    [
      'no binary (install script denied)',
      environment({}),
      {
        ok: false,
        reason: 'Electron binary not available (node_modules/electron/dist was never downloaded)',
      },
    ],
    [
      'an override pointing nowhere',
      environment({}, { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere', DISPLAY: ':0' }),
      {
        ok: false,
        reason: 'no Electron binary at ELECTRON_OVERRIDE_DIST_PATH (/nowhere/electron)',
      },
    ],
    [
      'no display on Linux',
      environment({ [join(PKG, 'dist', 'electron')]: '' }, {}),
      { ok: false, reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' },
    ],
  ])('%s', (_name, env, expected) => {
    expect(findElectronBinary(env)).toEqual(expected);
  });
});
