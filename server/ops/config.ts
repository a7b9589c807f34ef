// Server settings: defaults, then environment variables, then command-line flags. Every limit is
// here with the reason for its default. The one loader for `serve` (main.ts) and the admin CLI
// (cli.ts), so both agree on the data folder and on the address join links point to.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';

export interface ServerConfig {
  readonly host: string;
  /** 0 picks a free port (tests) */
  readonly port: number;
  /** folder holding accord.db; the web build is served from `webRoot` */
  readonly dataDir: string;
  /** the address members reach this server at, for join links; undefined: `localUrl(host, port)`
   * (see `publicUrlOf`) */
  readonly publicUrl: string | undefined;
  /** the renderer's web build; a short "not built yet" page is served when it is missing */
  readonly webRoot: string;
  readonly limits: Limits;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** SQLite's synchronous mode (storage/sqliteStore.ts): 'full' survives power loss, 'normal' a
   * killed process; see the Performance section of README.md for what each costs. */
  readonly sqliteSynchronous: 'full' | 'normal';
  /** postgres://… : store everything in PostgreSQL (a cluster node) instead of SQLite */
  readonly databaseUrl?: string | undefined;
  /** redis://… : fan-out between the nodes of a cluster (needs `databaseUrl`) */
  readonly redisUrl?: string | undefined;
}

export interface Limits {
  /** Largest frame accepted. A 10,000-action plan is ~3.6 MB as one update, and an offline client's
   * first sync step 2 carries all its edits at once; 16 MiB leaves room for that. */
  readonly maxMessageBytes: number;
  /** Sustained frames a second per connection. Typing and presence stay far below; a flood does not. */
  readonly messagesPerSecond: number;
  /** Frames a connection may send at once (a reconnecting client's catch-up burst). */
  readonly messageBurst: number;
  /** Sustained bytes a second per connection, with a burst of two maximum frames. */
  readonly bytesPerSecond: number;
  /** Time a client has to finish its HTTP upgrade (headers and token) before it is dropped. */
  readonly authTimeoutMs: number;
  /** Connections to one plan (a 300-person workshop with several devices each). */
  readonly maxConnectionsPerPlan: number;
  /** Connections from one address: a whole workshop can sit behind one NAT address. */
  readonly maxConnectionsPerAddress: number;
  /** A client whose unsent data exceeds this is too slow to follow the plan; it is closed and
   * catches up from the server's state when it reconnects (nothing is lost). */
  readonly maxBufferedBytes: number;
  /** New connections admitted a second; beyond the burst, a reconnect storm is told to retry. */
  readonly admissionsPerSecond: number;
  readonly admissionBurst: number;
  /** Plans being loaded from storage at once; more wait their turn. */
  readonly maxConcurrentLoads: number;
  /** Join (invite redemption) attempts a minute per address: invite codes are not guessable, but
   * nobody should get to try. */
  readonly joinsPerMinutePerAddress: number;
  /** How long a plan with no connections stays in memory (a brief network drop should not
   * reload it). */
  readonly unloadAfterMs: number;
  /** Log entries since the last compaction that trigger a background compaction. */
  readonly compactEveryUpdates: number;
  /** Presence is broadcast at most this often per plan, everything changed since in one frame
   * (awareness storms); a change in a quiet plan goes out at once. */
  readonly awarenessFlushMs: number;
  /** Minimum time between two dated checkpoints of a plan. */
  readonly checkpointEveryMs: number;
  /** Checkpoints older than this are deleted (each plan keeps its newest). 0 keeps all. */
  readonly checkpointRetentionDays: number;
  /** How often the server checks for revocations made by the admin CLI (another process). */
  readonly revocationPollMs: number;
  /** A member's updates that touch the same actions and fields with gaps of at most this long
   * share one audit entry (first and last time, number of updates): typing a title is one entry,
   * not one per keystroke, while a return to the same field after a pause is a new one. 0: one
   * entry per update. */
  readonly auditCoalesceMs: number;
}

export const DEFAULT_PORT = 8787;

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 16 * 1024 * 1024,
  messagesPerSecond: 500,
  messageBurst: 5_000,
  bytesPerSecond: 8 * 1024 * 1024,
  authTimeoutMs: 10_000,
  maxConnectionsPerPlan: 1_000,
  maxConnectionsPerAddress: 1_000,
  maxBufferedBytes: 32 * 1024 * 1024,
  admissionsPerSecond: 200,
  admissionBurst: 400,
  maxConcurrentLoads: 4,
  joinsPerMinutePerAddress: 60,
  unloadAfterMs: 5_000,
  compactEveryUpdates: 1_000,
  awarenessFlushMs: 20,
  checkpointEveryMs: 60 * 60 * 1000,
  checkpointRetentionDays: 365,
  revocationPollMs: 1_000,
  auditCoalesceMs: 60_000,
};

const positive = z.coerce.number().int().nonnegative();

/** Flag name -> environment variable; every limit also has both (e.g. --max-message-bytes,
 * ACCORD_MAX_MESSAGE_BYTES). */
const LIMIT_FLAGS = Object.keys(DEFAULT_LIMITS).map((key) => ({
  key: key as keyof Limits,
  flag: key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
  env: `ACCORD_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
}));

type Environment = Readonly<Record<string, string | undefined>>;

/** The server's flags, for `parseArgs`; the admin CLI accepts them too, beside its own. */
export const SERVER_FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  data: { type: 'string' },
  'public-url': { type: 'string' },
  'web-root': { type: 'string' },
  'log-level': { type: 'string' },
  'sqlite-synchronous': { type: 'string' },
  database: { type: 'string' },
  redis: { type: 'string' },
  ...Object.fromEntries(LIMIT_FLAGS.map(({ flag }) => [flag, { type: 'string' as const }])),
} satisfies NonNullable<ParseArgsConfig['options']>;

/** Settings from command-line flags and the environment (flags win). */
export function loadConfig(argv: readonly string[], env: Environment): ServerConfig {
  const { values } = parseArgs({ args: [...argv], options: SERVER_FLAGS, strict: true });
  return configFrom(values, env);
}

/** Settings from flags already parsed with `SERVER_FLAGS` (and maybe others) and the environment. */
export function configFrom(
  values: Readonly<Record<string, string | boolean | undefined>>,
  env: Environment,
): ServerConfig {
  const pick = (flag: string, name: string): string | undefined => {
    const value = values[flag];
    return typeof value === 'string' ? value : env[name];
  };
  const limits = { ...DEFAULT_LIMITS } as Record<keyof Limits, number>;
  for (const { key, flag, env: name } of LIMIT_FLAGS) {
    const raw = pick(flag, name);
    if (raw !== undefined) limits[key] = positive.parse(raw);
  }
  const dataDir = pick('data', 'ACCORD_DATA_DIR') ?? '.accord-data';
  return {
    host: pick('host', 'ACCORD_HOST') ?? '127.0.0.1',
    port: positive.max(65535).parse(pick('port', 'ACCORD_PORT') ?? DEFAULT_PORT),
    dataDir,
    publicUrl: pick('public-url', 'ACCORD_PUBLIC_URL'),
    webRoot: pick('web-root', 'ACCORD_WEB_ROOT') ?? 'dist/renderer',
    limits,
    logLevel: z
      .enum(['debug', 'info', 'warn', 'error'])
      .parse(pick('log-level', 'ACCORD_LOG_LEVEL') ?? 'info'),
    sqliteSynchronous: z
      .enum(['full', 'normal'])
      .parse(pick('sqlite-synchronous', 'ACCORD_SQLITE_SYNCHRONOUS') ?? 'full'),
    ...clusterUrls(pick('database', 'ACCORD_DATABASE_URL'), pick('redis', 'ACCORD_REDIS_URL')),
  };
}

/** PostgreSQL and Redis addresses, checked: Redis alone would be a store nobody commits to. */
function clusterUrls(
  databaseUrl: string | undefined,
  redisUrl: string | undefined,
): Pick<ServerConfig, 'databaseUrl' | 'redisUrl'> {
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('--database / ACCORD_DATABASE_URL must be a postgres:// URL');
  }
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new Error('--redis / ACCORD_REDIS_URL must be a redis:// URL');
  }
  if (redisUrl !== undefined && databaseUrl === undefined) {
    throw new Error('--redis needs --database: PostgreSQL stores the plans, Redis only relays');
  }
  return { databaseUrl, redisUrl };
}

/** Hosts that mean "every interface": no one can reach the server at such an address. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/** The URL of a server listening on host:port, as seen from this machine (IPv6 in brackets; a
 * wildcard host as 127.0.0.1). */
export function localUrl(host: string, port: number): string {
  if (WILDCARD_HOSTS.has(host)) return `http://127.0.0.1:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * The base of join links: the configured public URL, or else the configured host and port, so the
 * admin CLI prints links to the same server `serve` runs with the same flags and environment.
 * Behind a proxy or on a LAN (a wildcard host), set --public-url / ACCORD_PUBLIC_URL.
 */
export function publicUrlOf(config: Pick<ServerConfig, 'publicUrl' | 'host' | 'port'>): string {
  return config.publicUrl ?? localUrl(config.host, config.port);
}
