import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canPersistSecrets, openTokenStore, type SafeStorageLike } from './tokenStore';

/** A stand-in for safeStorage: reversible, and visibly not plain text. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
    decryptString: (encrypted) => {
      const text = encrypted.toString();
      if (!text.startsWith('enc:')) throw new Error('cannot decrypt');
      return Buffer.from(text.slice(4), 'hex').toString();
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

const key = { serverUrl: 'wss://accord.example/sync', planId: 'plan-1' };
const TOKEN = 'secret-member-token-123';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-tokens-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('member token store', () => {
  it('keeps a token encrypted on disk and reads it back after a restart', async () => {
    const path = join(dir, 'tokens.json');
    expect(await openTokenStore(path, fakeSafeStorage(), 'linux').set(key, TOKEN)).toEqual({
      persisted: true,
    });
    expect(await readFile(path, 'utf8')).not.toContain(TOKEN);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await openTokenStore(path, fakeSafeStorage(), 'linux').get(key)).toBe(TOKEN);
  });

  it('treats equivalent server URLs as the same server', async () => {
    const store = openTokenStore(join(dir, 'tokens.json'), fakeSafeStorage(), 'darwin');
    await store.set(key, TOKEN);
    expect(await store.get({ ...key, serverUrl: 'WSS://ACCORD.EXAMPLE/sync' })).toBe(TOKEN);
    expect(await store.get({ ...key, planId: 'plan-2' })).toBeNull();
  });

  it('forgets a token', async () => {
    const path = join(dir, 'tokens.json');
    const store = openTokenStore(path, fakeSafeStorage(), 'win32');
    await store.set(key, TOKEN);
    await store.forget(key);
    expect(await store.get(key)).toBeNull();
    expect(await openTokenStore(path, fakeSafeStorage(), 'win32').get(key)).toBeNull();
  });

  it.each([
    ['no encryption at all', { available: false }, 'darwin'],
    ["Linux's hard-coded-key fallback", { backend: 'basic_text' }, 'linux'],
    ['a Linux backend not chosen yet', { backend: 'unknown' }, 'linux'],
  ])(
    'with %s keeps tokens for this session only, never on disk',
    async (_name, options, platform) => {
      const path = join(dir, 'tokens.json');
      const store = openTokenStore(path, fakeSafeStorage(options), platform);
      expect(await store.set(key, TOKEN)).toEqual({ persisted: false });
      expect(await store.get(key)).toBe(TOKEN);
      await expect(readFile(path)).rejects.toThrow(/ENOENT/);
      expect(await openTokenStore(path, fakeSafeStorage(options), platform).get(key)).toBeNull();
    },
  );

  it('returns null for a token it can no longer decrypt', async () => {
    const path = join(dir, 'tokens.json');
    await openTokenStore(path, fakeSafeStorage(), 'linux').set(key, TOKEN);
    const otherKeychain = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('wrong key');
      },
    };
    expect(await openTokenStore(path, otherKeychain, 'linux').get(key)).toBeNull();
  });

  it.each([
    [{ available: true, backend: 'kwallet5' }, 'linux', true],
    [{ available: true, backend: 'basic_text' }, 'linux', false],
    [{ available: true, backend: 'basic_text' }, 'darwin', true], // the backend is a Linux notion
    [{ available: false }, 'win32', false],
  ])('can persist with %o on %s: %s', (options, platform, expected) => {
    expect(canPersistSecrets(fakeSafeStorage(options), platform)).toBe(expected);
  });
});
