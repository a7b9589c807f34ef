// The store a configuration names: PostgreSQL when a database URL is given (a cluster node), else
// the SQLite file in the data folder. One opener for `serve` and the admin CLI.
import type { ServerConfig } from '../ops/config';
import { PostgresStore } from './postgresStore';
import { openSqliteStore } from './sqliteFile';
import type { PlanStore } from './store';

export async function openStore(
  config: Pick<ServerConfig, 'databaseUrl' | 'dataDir' | 'sqliteSynchronous' | 'limits'>,
): Promise<PlanStore> {
  if (config.databaseUrl) {
    return PostgresStore.open({
      connectionString: config.databaseUrl,
      auditCoalesceMs: config.limits.auditCoalesceMs,
    });
  }
  return openSqliteStore(config.dataDir, config.sqliteSynchronous, config.limits.auditCoalesceMs);
}
