// The store a configuration names: PostgreSQL when a database URL is given (a cluster node), else
// the SQLite file in the data folder. One opener for `serve` and the admin CLI.
import type { ServerConfig } from '../ops/config';
import { openSqliteStore } from './sqliteFile';
import type { DamagedPlan, PlanStore } from './store';

export async function openStore(
  config: Pick<ServerConfig, 'databaseUrl' | 'dataDir' | 'sqliteSynchronous' | 'limits'>,
  onDamaged?: (damaged: DamagedPlan) => void,
): Promise<PlanStore> {
  if (config.databaseUrl) {
    // node-postgres loads only for a cluster node: a laptop's start does without it
    const { PostgresStore } = await import('./postgresStore');
    return PostgresStore.open({
      connectionString: config.databaseUrl,
      auditCoalesceMs: config.limits.auditCoalesceMs,
    });
  }
  return openSqliteStore(
    config.dataDir,
    config.sqliteSynchronous,
    config.limits.auditCoalesceMs,
    onDamaged,
  );
}
