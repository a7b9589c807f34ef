import { afterEach, expect, it } from 'vitest';
import { DESKTOP_API_GLOBAL } from '../../shared/ipc';
import { DESKTOP_GLOBAL_NAME, desktopCapabilities } from './desktopGlobal';

it('looks for the desktop API under the name the preload exposes it', () => {
  expect(DESKTOP_GLOBAL_NAME).toBe(DESKTOP_API_GLOBAL);
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, DESKTOP_GLOBAL_NAME);
});

it('offers a feature’s desktop functions only when the preload has every one of them', () => {
  type Feature = { a: () => void; b: () => void };
  expect(desktopCapabilities<Feature>(['a', 'b'])).toBeNull();
  const api = { a: () => {}, b: () => {} };
  (globalThis as Record<string, unknown>)[DESKTOP_GLOBAL_NAME] = { a: api.a };
  expect(desktopCapabilities<Feature>(['a', 'b'])).toBeNull();
  (globalThis as Record<string, unknown>)[DESKTOP_GLOBAL_NAME] = api;
  expect(desktopCapabilities<Feature>(['a', 'b'])).toBe(api);
});
