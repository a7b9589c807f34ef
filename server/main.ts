// `npm run serve`: reads flags and environment, starts the server, and stops it gracefully on
// SIGTERM/SIGINT (everything pending is stored before the process exits). With --database (and
// --redis) it runs as one node of a cluster over PostgreSQL (and Redis).
import { AccessFeed } from './cluster/accessFeed';
import { RedisFeed } from './cluster/redisFeed';
import { loadConfig } from './ops/config';
import { createLogger } from './ops/log';
import { createAccordServer } from './server';
import { openStore } from './storage/openStore';
import { PostgresStore } from './storage/postgresStore';

const config = loadConfig(process.argv.slice(2), process.env);
const log = createLogger(config.logLevel);

/** A start that fails (a full disk, a malformed database, a port in use) ends with one line. */
function couldNotStart(error: unknown): never {
  log.error('could not start', { dataDir: config.dataDir, error });
  process.exit(1);
}

async function start(): Promise<void> {
  const store = await openStore(config, (damaged) =>
    log.error('plan storage damaged', { ...damaged }),
  );
  const feed =
    config.redisUrl && store instanceof PostgresStore
      ? await RedisFeed.start({ url: config.redisUrl, source: store, log })
      : undefined;
  const access =
    config.redisUrl && store instanceof PostgresStore
      ? await AccessFeed.start({ url: config.redisUrl, log })
      : undefined;
  const server = createAccordServer(config, log, store, feed, access);
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info('shutting down', { signal });
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown failed', { error });
          process.exit(1);
        },
      );
    });
  }
  await server.listen();
}

start().catch(couldNotStart);
