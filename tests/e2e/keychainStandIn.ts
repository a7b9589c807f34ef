// The desktop's member-token capabilities for a page, standing in for the preload: main's real
// token store (main/secrets/tokenStore.ts) runs in the test process over a stand-in safeStorage
// and a temporary file, and the page reaches it through Playwright's exposeFunction, as the
// preload's getMemberToken / setMemberToken / forgetMemberToken would, added to whatever
// `window.accord` the test's own init scripts (added before this) define.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openTokenStore, type SafeStorageLike, type TokenKey } from '../../main/secrets/tokenStore';

export interface KeychainStandIn {
  /** what the page asked the desktop to keep, as main's store answers */
  get(key: TokenKey): Promise<string | null>;
  dispose(): void;
}

/**
 * `keychain: false` is a Linux desktop with no secret service: tokens are kept for the session
 * only and the app must say so.
 */
export async function standInKeychain(
  page: Page,
  options: { keychain: boolean },
): Promise<KeychainStandIn> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-e2e-keychain-'));
  // Not encryption: a reversible stand-in, so what lands on disk is at least not the token.
  const safeStorage: SafeStorageLike = {
    isEncryptionAvailable: () => options.keychain,
    encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
    decryptString: (encrypted) => Buffer.from(encrypted).reverse().toString('utf8'),
    getSelectedStorageBackend: () => (options.keychain ? 'gnome_libsecret' : 'basic_text'),
  };
  const tokens = openTokenStore(join(dir, 'tokens.json'), safeStorage, 'linux');
  await page.exposeFunction('__getMemberToken', (key: TokenKey) => tokens.get(key));
  await page.exposeFunction('__setMemberToken', (key: TokenKey, token: string) =>
    tokens.set(key, token),
  );
  await page.exposeFunction('__forgetMemberToken', (key: TokenKey) =>
    tokens.forget(key).then(() => null),
  );
  await page.addInitScript(() => {
    const exposed = window as unknown as Record<string, (...args: unknown[]) => unknown>;
    const desktop = window as unknown as { accord?: Record<string, unknown> };
    desktop.accord = {
      ...desktop.accord,
      getMemberToken: (key: unknown) => exposed.__getMemberToken!(key),
      setMemberToken: (key: unknown, token: unknown) => exposed.__setMemberToken!(key, token),
      forgetMemberToken: (key: unknown) => exposed.__forgetMemberToken!(key),
    };
  });
  return {
    get: (key) => tokens.get(key),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Everything the page keeps in localStorage, as one text, to look for a token in. */
export function pageStorageText(page: Page): Promise<string> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .map((key) => `${key}=${localStorage.getItem(key)}`)
      .join('\n'),
  );
}
