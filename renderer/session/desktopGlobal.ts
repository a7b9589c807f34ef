// The name under which the preload exposes the desktop API (shared/ipc.ts DESKTOP_API_GLOBAL),
// repeated here so the web build need not load the IPC contract and its validators to find out
// it is not on the desktop; desktopGlobal.test.ts keeps the two equal.
export const DESKTOP_GLOBAL_NAME = 'accord';

/**
 * The preload's API as far as a feature needs it, or null when any of its functions is missing (a
 * browser, or a shell without the feature): the feature then offers nothing of the desktop's.
 */
export function desktopCapabilities<T extends object>(
  names: readonly (keyof T & string)[],
): T | null {
  const bridge = (globalThis as Record<string, unknown>)[DESKTOP_GLOBAL_NAME] as
    Record<string, unknown> | undefined;
  return bridge && names.every((name) => typeof bridge[name] === 'function') ? (bridge as T) : null;
}
