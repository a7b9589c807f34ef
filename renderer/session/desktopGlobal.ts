// What of the desktop API (the preload's `window.accord`) this page can use, if any.
import { DESKTOP_API_GLOBAL } from '../../shared/contracts/desktopGlobal';

/**
 * The preload's API as far as a feature needs it, or null when any of its functions is missing (a
 * browser, or a shell without the feature): the feature then offers nothing of the desktop's.
 */
export function desktopCapabilities<T extends object>(
  names: readonly (keyof T & string)[],
): T | null {
  const bridge = (globalThis as Record<string, unknown>)[DESKTOP_API_GLOBAL] as
    Record<string, unknown> | undefined;
  return bridge && names.every((name) => typeof bridge[name] === 'function') ? (bridge as T) : null;
}
