// Finds the Electron binary the way node_modules/electron/index.js does, but without its side
// effect: requiring that module tries to download the binary when it is missing, which on a
// machine without access to Electron's downloads fails slowly and obscurely.
import { join } from 'node:path';

/** The executable inside an Electron dist folder, as electron's install script names it. */
const EXECUTABLE_BY_PLATFORM: Readonly<Record<string, string>> = {
  linux: 'electron',
  freebsd: 'electron',
  openbsd: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

export interface ElectronEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  /** node_modules/electron */
  readonly electronPackageDir: string;
  readonly exists: (path: string) => boolean;
  readonly readText: (path: string) => string | null;
}

export type ElectronCheck =
  { readonly ok: true; readonly binary: string } | { readonly ok: false; readonly reason: string };

/** Where the Electron binary is, or why Electron cannot run here. */
export function findElectronBinary(environment: ElectronEnvironment): ElectronCheck {
  const { env, platform, electronPackageDir, exists, readText } = environment;
  const recorded = readText(join(electronPackageDir, 'path.txt'))?.trim();
  const executable = recorded || EXECUTABLE_BY_PLATFORM[platform] || 'electron';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? join(override, executable)
    : join(electronPackageDir, 'dist', executable);
  if (!exists(binary)) {
    return {
      ok: false,
      reason: override
        ? `no Electron binary at ELECTRON_OVERRIDE_DIST_PATH (${binary})`
        : 'Electron binary not available (node_modules/electron/dist was never downloaded)',
    };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  }
  return { ok: true, binary };
}
