// `npm run serve`: reads flags and environment, starts the server, and stops it gracefully on
// SIGTERM/SIGINT (everything pending is stored before the process exits).
import { loadConfig } from './ops/config';
import { createLogger } from './ops/log';
import { createAccordServer, type AccordServer } from './server';

const config = loadConfig(process.argv.slice(2), process.env);
const log = createLogger(config.logLevel);

/** A start that fails (a full disk, a malformed database, a port in use) ends with one line. */
function couldNotStart(error: unknown): never {
  log.error('could not start', { dataDir: config.dataDir, error });
  process.exit(1);
}

let server: AccordServer;
try {
  server = createAccordServer(config, log);
} catch (error) {
  couldNotStart(error);
}

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

server.listen().catch(couldNotStart);
