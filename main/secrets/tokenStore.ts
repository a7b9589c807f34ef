// Member tokens, kept encrypted with the OS keychain through Electron's safeStorage (Keychain on
// macOS, DPAPI on Windows, libsecret/kwallet on Linux), never in plain files and never in the
// renderer's storage. Where no real keychain exists (Linux without a secret service, where
// safeStorage falls back to a hard-coded key), tokens are kept for this session only.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomicFile';

/** What the token store needs of Electron's safeStorage (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store safeStorage uses. */
  getSelectedStorageBackend?(): string;
}

export interface TokenKey {
  readonly serverUrl: string;
  readonly planId: string;
}

export interface TokenStore {
  get(key: TokenKey): Promise<string | null>;
  /** `persisted` is false when the token is kept for this session only (no keychain). */
  set(key: TokenKey, token: string): Promise<{ readonly persisted: boolean }>;
  forget(key: TokenKey): Promise<void>;
}

/**
 * Linux backends that are not a keychain: 'basic_text' encrypts with a key compiled into
 * Chromium, which protects nothing; 'unknown' means safeStorage has not chosen yet.
 */
const WEAK_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

/** rw------- */
const OWNER_ONLY = 0o600;

const tokenFile = z.object({
  version: z.literal(1),
  /** key → base64 of safeStorage.encryptString(token) */
  tokens: z.record(z.string(), z.string()),
});

export function canPersistSecrets(safeStorage: SafeStorageLike, platform: string): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  return !WEAK_LINUX_BACKENDS.has(backend);
}

export function openTokenStore(
  path: string,
  safeStorage: SafeStorageLike,
  platform: string = process.platform,
): TokenStore {
  const sessionOnly = new Map<string, string>();
  // One write at a time, so two quick `set`s cannot interleave read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  // A Map, not an object, so no key (say "__proto__") can collide with object internals.
  async function readTokens(): Promise<Map<string, string>> {
    try {
      const parsed = tokenFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return new Map(parsed.success ? Object.entries(parsed.data.tokens) : []);
    } catch {
      return new Map();
    }
  }

  async function writeTokens(tokens: Map<string, string>): Promise<void> {
    const body = JSON.stringify({
      version: 1,
      tokens: Object.fromEntries(tokens),
    } satisfies z.input<typeof tokenFile>);
    // Encrypted already; readable by this OS user only as well.
    await writeFileAtomic(path, new TextEncoder().encode(body), OWNER_ONLY);
  }

  return {
    get: (key) =>
      serial(async () => {
        const id = keyOf(key);
        const remembered = sessionOnly.get(id);
        if (remembered !== undefined) return remembered;
        const encrypted = (await readTokens()).get(id);
        if (encrypted === undefined || !safeStorage.isEncryptionAvailable()) return null;
        try {
          return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
        } catch {
          // Encrypted under another OS account or a reset keychain: the member must rejoin.
          return null;
        }
      }),

    set: (key, token) =>
      serial(async () => {
        const id = keyOf(key);
        if (!canPersistSecrets(safeStorage, platform)) {
          sessionOnly.set(id, token);
          return { persisted: false };
        }
        const tokens = await readTokens();
        tokens.set(id, safeStorage.encryptString(token).toString('base64'));
        await writeTokens(tokens);
        sessionOnly.delete(id);
        return { persisted: true };
      }),

    forget: (key) =>
      serial(async () => {
        const id = keyOf(key);
        sessionOnly.delete(id);
        const tokens = await readTokens();
        if (!tokens.delete(id)) return;
        await writeTokens(tokens);
      }),
  };
}

/** One entry per plan per server; the URL is normalised so equivalent spellings match. */
function keyOf(key: TokenKey): string {
  return `${new URL(key.serverUrl).href} ${key.planId}`;
}
