// Real PostgreSQL and Redis for tests: each test file starts its own instance in a temporary
// folder on a free loopback port and stops it afterwards. Debian's postgresql-15 and redis-server
// packages provide the binaries (.ci/run installs them where missing); where they are absent,
// `postgresMissing()` / `redisMissing()` say why so the tests skip with that reason.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** Newest installed PostgreSQL's bin folder (Debian keeps each major version apart). */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

export function postgresMissing(): string | undefined {
  return postgresBin() ? undefined : 'PostgreSQL is not installed (apt-get install postgresql)';
}

export function redisMissing(): string | undefined {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'redis-server is not installed (apt-get install redis-server)';
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const isRoot = userInfo().uid === 0;

/** initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user. */
function asPostgres(bin: string, args: readonly string[]): void {
  const [command, commandArgs] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
    : [bin, [...args]];
  execFileSync(command, commandArgs, { stdio: 'pipe' });
}

export interface PostgresInstance {
  readonly port: number;
  /** a connection string for a database of this instance (`postgres` by default) */
  url(database?: string): string;
  /** SIGKILLs the server (all its processes) */
  kill(): void;
  /** starts it again on the same port and data folder */
  start(): void;
  stop(): void;
}

export async function startPostgres(): Promise<PostgresInstance> {
  const bin = postgresBin();
  if (!bin) throw new Error(postgresMissing());
  const folder = mkdtempSync(join(tmpdir(), 'accord-pg-'));
  const data = join(folder, 'data');
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(folder, uid, gid);
  }
  const port = await freePort();
  // trust on loopback only, no fsync: a test instance, killed and thrown away
  asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'accord', '--no-sync']);
  const pgCtl = join(bin, 'pg_ctl');
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () =>
    asPostgres(pgCtl, ['-D', data, '-o', options, '-l', join(folder, 'log'), '-w', 'start']);
  start();
  const instance: PostgresInstance = {
    port,
    url: (database = 'postgres') => `postgres://accord@127.0.0.1:${port}/${database}`,
    kill: () => {
      try {
        asPostgres(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
    },
    start,
    stop: () => {
      instance.kill();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return instance;
}

export interface RedisInstance {
  readonly port: number;
  readonly url: string;
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisInstance> {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), 'accord-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited ${code}: ${output}`)));
    });
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    start,
    stop: async () => {
      await kill();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
