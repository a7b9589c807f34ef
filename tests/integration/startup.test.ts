// [D7] A start that fails ends with one clear log line and a non-zero exit code, never an uncaught
// stack trace: a database SQLite cannot open, a port already in use. (A full disk at start is the
// same path: the store's constructor throws SQLite's SQLITE_FULL; sqliteStore.test.ts [D6] makes
// it with max_page_count, which a spawned server cannot be given without a test-only flag.)
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/storage/sqliteFile';
import { newDataDir, withTimeout } from './harness';

const ROOT = join(import.meta.dirname, '../..');

/** Runs `server/main.ts` until it exits by itself. */
function runServer(
  port: number,
  dataDir: string,
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--data', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return withTimeout(
    new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err }))),
    60_000,
    'the server to give up',
  );
}

function listening(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const taken = createServer();
    taken.once('error', reject);
    taken.listen(0, '127.0.0.1', () => resolve(taken));
  });
}

let dataDir = '';
let taken: Server | undefined;
afterEach(() => {
  taken?.close();
  taken = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('startup failures', () => {
  it.each([
    {
      name: 'a malformed database',
      prepare: async () => {
        writeFileSync(
          join(dataDir, DATABASE_FILE),
          'this is not an SQLite database, it only has its name',
        );
        return 0;
      },
      says: /not a database/,
    },
    {
      name: 'a port in use',
      prepare: async () => {
        taken = await listening();
        const address = taken.address();
        return typeof address === 'object' && address ? address.port : 0;
      },
      says: /EADDRINUSE/,
    },
  ])(
    '[D7] $name: one log line, exit code 1',
    async ({ prepare, says }) => {
      dataDir = newDataDir();
      const port = await prepare();
      const { code, out, err } = await runServer(port, dataDir);
      expect(code).toBe(1);
      const lines = out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const errors = lines.filter((line) => line.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.msg).toBe('could not start');
      expect(JSON.stringify(errors[0])).toMatch(says);
      expect(err).not.toMatch(/\n\s+at /);
    },
    90_000,
  );
});
