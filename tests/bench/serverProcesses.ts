// The servers the sync benchmark compares, each started as its own child process on 127.0.0.1 so
// its CPU time and memory can be read from /proc: Accord's server (SQLite, every update durable and
// authenticated) and the reference y-websocket 2.1.0 server (bin/server.cjs), in memory and with
// its YPERSISTENCE LevelDB store.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInvite, createPlan, join as joinPlan } from '../../server/identity/members';
import { openSqliteStore } from '../../server/storage/sqliteFile';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** Linux clock ticks per second for /proc/<pid>/stat (CLK_TCK is 100 on every common kernel). */
const CLOCK_TICKS = 100;

export interface RunningServer {
  readonly name: string;
  readonly pid: number;
  readonly wsUrl: string;
  readonly planId: string;
  /** member tokens that may edit (ignored by the reference server) */
  readonly editorTokens: readonly string[];
  /** member tokens that may only read */
  readonly viewerTokens: readonly string[];
  /** CPU seconds (user + system) used so far */
  cpuSeconds(): number;
  /** resident memory in bytes */
  rssBytes(): number;
  stop(): Promise<void>;
}

export interface ServerKind {
  readonly name: string;
  start(editors: number, viewers: number): Promise<RunningServer>;
}

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

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[11] and fields[12] are utime and stime (fields 14 and 15 of stat(5))
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

function waitForOutput(child: ChildProcess, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes(marker)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${seen}`)));
  });
}

function running(
  name: string,
  child: ChildProcess,
  port: number,
  planId: string,
  editorTokens: readonly string[],
  viewerTokens: readonly string[],
  cleanup: () => void,
): RunningServer {
  const pid = child.pid ?? 0;
  return {
    name,
    pid,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    planId,
    editorTokens,
    viewerTokens,
    cpuSeconds: () => cpuSeconds(pid),
    rssBytes: () => rssBytes(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          cleanup();
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

function accord(name: string, synchronous: 'full' | 'normal'): ServerKind {
  return {
    name,
    async start(editors, viewers) {
      const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
      const store = openSqliteStore(dataDir);
      const { plan } = await createPlan(store, 'Benchmark plan');
      const tokensFor = async (role: 'editor' | 'viewer', count: number) => {
        const { code } = await createInvite(store, plan.id, {
          role,
          maxUses: null,
          expiresAt: null,
          label: role,
          createdBy: null,
        });
        const tokens: string[] = [];
        for (let i = 0; i < count; i++) {
          const joined = await joinPlan(store, code, {
            name: `${role} ${i}`,
            organisation: 'bench',
          });
          if (!joined.ok) throw new Error(joined.refusal);
          tokens.push(joined.token);
        }
        return tokens;
      };
      const editorTokens = await tokensFor('editor', editors);
      const viewerTokens = await tokensFor('viewer', viewers);
      await store.close();
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [
          // BENCH_PROFILE=<folder> writes a CPU profile of the server there, to see where time goes
          ...(process.env.BENCH_PROFILE
            ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE]
            : []),
          '--import',
          'tsx',
          'server/main.ts',
          '--port',
          String(port),
          '--data',
          dataDir,
          '--log-level',
          'info',
          '--sqlite-synchronous',
          synchronous,
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      await waitForOutput(child, '"msg":"listening"');
      return running(name, child, port, plan.id, editorTokens, viewerTokens, () =>
        rmSync(dataDir, { recursive: true, force: true }),
      );
    },
  };
}

/** Accord as `npm run serve` runs it: every update fsynced before it is broadcast or acknowledged. */
export const accordServer = accord('accord (SQLite FULL: fsync per commit)', 'full');
/** Accord with SQLite synchronous=NORMAL: durable against a killed process, not a power cut. */
export const accordServerNormal = accord('accord (SQLite NORMAL)', 'normal');

function referenceServer(name: string, persisted: boolean): ServerKind {
  return {
    name,
    async start(editors, viewers) {
      const require = createRequire(import.meta.url);
      const script = join(
        dirname(require.resolve('y-websocket-reference/package.json')),
        'bin/server.cjs',
      );
      const port = await freePort();
      const persistence = persisted
        ? mkdtempSync(join(tmpdir(), 'accord-bench-leveldb-'))
        : undefined;
      const child = spawn(process.execPath, [script], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(port),
          ...(persistence ? { YPERSISTENCE: persistence } : {}),
        },
      });
      await waitForOutput(child, 'running at');
      const tokens = (count: number) => Array.from({ length: count }, (_, i) => `unused-${i}`);
      return running(name, child, port, 'benchmark-plan', tokens(editors), tokens(viewers), () => {
        if (persistence) rmSync(persistence, { recursive: true, force: true });
      });
    },
  };
}

export const referenceInMemory = referenceServer('reference y-websocket 2.1.0 (memory)', false);
export const referencePersisted = referenceServer('reference y-websocket 2.1.0 (LevelDB)', true);
