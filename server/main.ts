// `npm run serve`: reads flags and environment, starts the server, and stops it gracefully on
// SIGTERM/SIGINT (everything pending is stored before the process exits). With --database (and
// --redis) it runs as one node of a cluster over PostgreSQL (and Redis).
import { RedisFeed } from './cluster/redisFeed';
import { loadConfig } from './ops/config';
import { createLogger } from './ops/log';
import { createAccordServer } from './server';
import { openStore } from './storage/openStore';
import { PostgresStore } from './storage/postgresStore';

const config = loadConfig(process.argv.slice(2), process.env);
const log = createLogger(config.logLevel);

async function start() {
  const store = await openStore(config);
  const feed =
    config.redisUrl && store instanceof PostgresStore
      ? await RedisFeed.start({ url: config.redisUrl, source: store, log })
      : undefined;
  const server = createAccordServer(config, log, store, feed);
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

start().catch((error: unknown) => {
  log.error('could not start', { error });
  process.exit(1);
});
