import { expect, it } from 'vitest';
import { DESKTOP_API_GLOBAL } from '../../shared/ipc';
import { DESKTOP_GLOBAL_NAME } from './desktopGlobal';

it('looks for the desktop API under the name the preload exposes it', () => {
  expect(DESKTOP_GLOBAL_NAME).toBe(DESKTOP_API_GLOBAL);
});
