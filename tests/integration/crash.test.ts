// [S12] Crash safety with a real server process: SIGKILL in the middle of 20 clients editing.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planWithEditors } from '../support/planEditors';
import { DATABASE_FILE, openSqliteStore } from '../../server/storage/sqliteFile';
import { SqliteStore } from '../../server/storage/sqliteStore';
import { connect, newDataDir, synced, until, withTimeout, type Client } from './harness';

const ROOT = join(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `server/main.ts` in a child process and resolves once it is listening. */
function startChild(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--log-level',
      'info',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return withTimeout(
    new Promise<ChildProcess>((resolve, reject) => {
      let buffered = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        if (buffered.includes('"msg":"listening"')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    }),
    30_000,
    'child server to listen',
  );
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once('exit', () => resolve()),
  );

let child: ChildProcess | undefined;
const clients: Client[] = [];
let dataDir = '';
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited(child);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const ids = (doc: Y.Doc) => new Set(doc.getMap('actions').keys());

/**
 * Every step waits for a count of edits (never a duration) with its own bound; the test's timeout
 * is their sum, so a loaded machine (CI at load average ~10) fails at the step that hangs, not at
 * the project's 60 s.
 */
const CRASH_TEST_TIMEOUT_MS = 240_000;

describe('crash safety', { timeout: CRASH_TEST_TIMEOUT_MS }, () => {
  it('[S12][S18] SIGKILL during 20 clients editing, restart: every edit is on every client and, after SIGTERM, in the database', async () => {
    dataDir = newDataDir();
    const store = openSqliteStore(dataDir);
    const { planId, tokens } = await planWithEditors(store, 'Crash plan', 20);
    await store.close();

    const port = await freePort();
    child = await startChild(port, dataDir);
    const endpoint = { wsUrl: `ws://127.0.0.1:${port}/sync` };
    clients.push(...tokens.map((token) => connect(endpoint, planId, token)));
    await Promise.all(clients.map((c) => synced(c)));

    // every client edits on its own rhythm; `made` is what each one created
    const made = clients.map(() => [] as string[]);
    const editing = clients.map((client, i) =>
      setInterval(() => {
        const id = `c${i}-${made[i]?.length ?? 0}`;
        made[i]?.push(id);
        const action = new Y.Map<unknown>();
        action.set('title', new Y.Text(id));
        client.doc.getMap('actions').set(id, action);
      }, 5 + i),
    );
    const docs = clients.map((c) => c.doc);
    try {
      await until(docs, () => made.every((m) => m.length >= 15), 'edits before the crash');
      child.kill('SIGKILL');
      await exited(child);
      const atCrash = made.map((m) => m.length);
      await until(
        docs,
        () => made.every((m, i) => m.length >= (atCrash[i] ?? 0) + 5),
        'edits while down',
      );
      child = await startChild(port, dataDir);
      await withTimeout(
        new Promise<void>((resolve) => {
          const check = () =>
            clients.every((c) => c.provider.synced && c.provider.wsconnected)
              ? resolve()
              : setImmediate(check);
          check();
        }),
        30_000,
        'clients to reconnect',
      );
      const atReconnect = made.map((m) => m.length);
      await until(
        docs,
        () => made.every((m, i) => m.length >= (atReconnect[i] ?? 0) + 5),
        'edits after restart',
      );
    } finally {
      editing.forEach((timer) => clearInterval(timer));
    }
    const all = made.flat();
    await until(
      docs,
      () => clients.every((c) => ids(c.doc).size === all.length),
      'every edit everywhere',
      60_000,
    );
    for (const client of clients) expect([...ids(client.doc)].sort()).toEqual([...all].sort());

    // and on the server: stop it gracefully, then read the database directly
    const fresh = connect(endpoint, planId, tokens[0] ?? '');
    clients.push(fresh);
    await until([fresh.doc], () => ids(fresh.doc).size === all.length, 'fresh client');
    for (const client of clients.splice(0)) client.destroy();
    // [S18] a graceful stop stores everything and exits 0
    child.kill('SIGTERM');
    await exited(child);
    expect(child.exitCode).toBe(0);
    const readBack = new SqliteStore({ file: join(dataDir, DATABASE_FILE) });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await readBack.loadMergedState(planId)).state);
    await readBack.close();
    expect([...ids(doc)].sort()).toEqual([...all].sort());
  });
});
