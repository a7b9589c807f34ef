import { afterEach, expect, it } from 'vitest';
import { DESKTOP_API_GLOBAL } from '../../shared/contracts/desktopGlobal';
import { desktopCapabilities } from './desktopGlobal';

afterEach(() => {
  Reflect.deleteProperty(globalThis, DESKTOP_API_GLOBAL);
});

it('offers a feature’s desktop functions only when the preload has every one of them', () => {
  type Feature = { a: () => void; b: () => void };
  expect(desktopCapabilities<Feature>(['a', 'b'])).toBeNull();
  const api = { a: () => {}, b: () => {} };
  (globalThis as Record<string, unknown>)[DESKTOP_API_GLOBAL] = { a: api.a };
  expect(desktopCapabilities<Feature>(['a', 'b'])).toBeNull();
  (globalThis as Record<string, unknown>)[DESKTOP_API_GLOBAL] = api;
  expect(desktopCapabilities<Feature>(['a', 'b'])).toBe(api);
});
