// `npm run serve`: reads flags and environment, starts the server, and stops it gracefully on
// SIGTERM/SIGINT (everything pending is stored before the process exits). With --database (and
// --redis) it runs as one node of a cluster over PostgreSQL (and Redis).
import { loadConfig } from './ops/config';
import { createLogger } from './ops/log';
import { createAccordServer } from './server';
import { openStore } from './storage/openStore';
import type { PlanStore } from './storage/store';

const config = loadConfig(process.argv.slice(2), process.env);
const log = createLogger(config.logLevel);

/** A start that fails (a full disk, a malformed database, a port in use) ends with one line. */
function couldNotStart(error: unknown): never {
  log.error('could not start', { dataDir: config.dataDir, error });
  process.exit(1);
}

/** A cluster node's feeds over Redis; their modules (node-redis, pg) load only for one. */
async function clusterFeeds(store: PlanStore) {
  const url = config.redisUrl;
  if (!url || !config.databaseUrl) return {};
  const [{ PostgresStore }, { RedisFeed }, { AccessFeed }] = await Promise.all([
    import('./storage/postgresStore'),
    import('./cluster/redisFeed'),
    import('./cluster/accessFeed'),
  ]);
  if (!(store instanceof PostgresStore)) return {};
  return {
    feed: await RedisFeed.start({ url, source: store, log }),
    access: await AccessFeed.start({ url, log }),
  };
}

async function start(): Promise<void> {
  const store = await openStore(config, (damaged) =>
    log.error('plan storage damaged', { ...damaged }),
  );
  const { feed, access } = await clusterFeeds(store);
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
