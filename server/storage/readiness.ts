// /readyz (DESIGN.md, Sync server): the server is ready when its storage can write, its data
// folder's file system has room, and no plan is refused as damaged; otherwise the reasons, each
// one line for the operator. /healthz only says the process is alive.
import { statfs } from 'node:fs/promises';
import type { StorageHealth } from './store';

export interface ReadinessOptions {
  readonly store: StorageHealth;
  readonly dataDir: string;
  readonly minFreeDiskBytes: number;
  /** free bytes for unprivileged users in the file system holding `dataDir` */
  readonly freeBytes?: (dataDir: string) => Promise<number>;
}

const freeBytesOf = async (dataDir: string): Promise<number> => {
  const stats = await statfs(dataDir);
  return stats.bavail * stats.bsize;
};

const MIB = 1024 * 1024;

export async function notReady(options: ReadinessOptions): Promise<string[]> {
  const { store, dataDir, minFreeDiskBytes } = options;
  const reasons: string[] = [];
  try {
    await store.probeWrite();
  } catch (error) {
    reasons.push(`storage cannot write: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const free = await (options.freeBytes ?? freeBytesOf)(dataDir);
    if (free < minFreeDiskBytes) {
      reasons.push(
        `free disk ${Math.floor(free / MIB)} MiB is below ${Math.floor(minFreeDiskBytes / MIB)} MiB`,
      );
    }
  } catch (error) {
    reasons.push(`free disk unknown: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const damaged of await store.damagedPlans()) {
    reasons.push(`plan ${damaged.planId} is damaged (${damaged.reason}): run repair`);
  }
  return reasons;
}
