// Composes the sync server: storage, rooms, compactor, the sync endpoint, the HTTP API and the web
// app (Hono) on one node:http server. Tests start it in-process on port 0; main.ts starts it from flags.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLOSE } from './sync/closeCodes';
import { Compactor } from './storage/compactor';
import { localUrl, publicUrlOf, type ServerConfig } from './ops/config';
import { writeServerUrl } from './ops/serverUrlFile';
import { getRequestListener } from '@hono/node-server';
import { createHttpApp } from './http/httpApi';
import type { Logger } from './ops/log';
import { Metrics } from './ops/metrics';
import { PlanSnapshots } from './http/planSnapshots';
import { Rooms } from './sync/rooms';
import { openSqliteStore } from './storage/sqliteFile';
import type { PlanFeed } from './sync/rooms';
import type { AccessFeed } from './cluster/accessFeed';
import { notReady } from './storage/readiness';
import type { MemberRecord, PlanStore } from './storage/store';
import { SyncEndpoint } from './sync/syncEndpoint';

export interface AccordServer {
  readonly http: Server;
  readonly store: PlanStore;
  readonly rooms: Rooms;
  readonly metrics: Metrics;
  readonly compactor: Compactor;
  /** resolves with the bound port */
  listen(): Promise<number>;
  /** http://host:port once listening */
  readonly url: string;
  /** Graceful: stop admitting, close sockets (clients reconnect), store everything, close storage. */
  close(): Promise<void>;
}

export function createAccordServer(
  config: ServerConfig,
  log: Logger,
  store: PlanStore = openSqliteStore(
    config.dataDir,
    config.sqliteSynchronous,
    config.limits.auditCoalesceMs,
    (damaged) => log.error('plan storage damaged', { ...damaged }),
  ),
  /** a cluster node's fan-out (RedisFeed); stopped with the server */
  feed?: PlanFeed & { readonly healthy: boolean; stop(): Promise<void> },
  /** a cluster node's "member access changed" messages (AccessFeed); stopped with the server */
  access?: AccessFeed,
): AccordServer {
  const { limits } = config;
  const metrics = new Metrics();
  const compactor = new Compactor({
    store,
    metrics,
    log,
    checkpointEveryMs: limits.checkpointEveryMs,
    checkpointRetentionDays: limits.checkpointRetentionDays,
  });
  // The plans' snapshots for first opens (GET /api/plans/:id/snapshot), prepared after changes.
  const snapshots = new PlanSnapshots();
  const rooms = new Rooms({
    store,
    metrics,
    log,
    compactor,
    limits,
    unloadAfterMs: limits.unloadAfterMs,
    compactEveryUpdates: limits.compactEveryUpdates,
    maxConcurrentLoads: limits.maxConcurrentLoads,
    checkpointEveryMs: limits.checkpointEveryMs,
    onChanged: (room, loaded) => snapshots.changed(room, loaded),
    feed,
  });
  access?.onChange(({ planId, memberId }) => {
    rooms
      .remoteAccessChanged(planId, memberId)
      .catch((error: unknown) => log.error('applying an access change failed', { error }));
  });
  /** this node's sockets at once; the others' through `access` (their own sockets, their store read) */
  const accessChanged = (member: MemberRecord) => {
    rooms.memberAccessChanged(member);
    access?.publish({ planId: member.planId, memberId: member.id });
  };
  const endpoint = new SyncEndpoint({ store, rooms, metrics, log, limits });
  let port = config.port;
  let closing = false;
  // the bound port: with port 0 (tests) the system picks it
  const url = () => localUrl(config.host, port);
  const app = createHttpApp({
    store,
    rooms,
    accessChanged,
    snapshots,
    metrics,
    log,
    publicUrl: () => publicUrlOf({ ...config, port }),
    joinsPerMinutePerAddress: limits.joinsPerMinutePerAddress,
    healthy: () => !closing,
    notReady: () =>
      closing
        ? Promise.resolve(['shutting down'])
        : notReady({ store, dataDir: config.dataDir, minFreeDiskBytes: limits.minFreeDiskBytes }),
    webRoot: config.webRoot,
    degraded: () =>
      feed && !feed.healthy
        ? ['redis unreachable: edits reach other nodes by polling PostgreSQL']
        : [],
  });

  /** How often Node checks the header and request timeouts (its default, 30 s, would let a
   * client hold a connection for 30 s whatever authTimeoutMs says). */
  const timeoutCheckMs = Math.min(1_000, limits.authTimeoutMs);
  // The HTTP routes (Hono) and the WebSocket upgrade share one node:http server.
  const http = createServer(
    { connectionsCheckingInterval: timeoutCheckMs },
    // Globals (Request, Response) stay Node's own: the desktop app embeds this server in its main process.
    getRequestListener(app.fetch, { overrideGlobalObjects: false }),
  );
  // Auth timeout: a client has this long to send its upgrade request (with its token).
  http.headersTimeout = limits.authTimeoutMs;
  http.requestTimeout = limits.authTimeoutMs * 3;
  http.on('upgrade', (request, socket, head) => endpoint.handleUpgrade(request, socket, head));

  // Revocations made by the admin CLI (another process) reach live sockets within one poll.
  let revokedSince = Date.now();
  const revocationPoll = setInterval(() => {
    store
      // `- 1`: a second revocation in the same millisecond as the last one seen is not missed;
      // closing an already closed member again is a no-op
      .membersRevokedSince(revokedSince - 1)
      .then((members) => {
        for (const member of members) {
          revokedSince = Math.max(revokedSince, member.revokedAt ?? 0);
          rooms.memberAccessChanged(member);
        }
      })
      .catch((error: unknown) => log.error('revocation check failed', { error }));
  }, limits.revocationPollMs);
  revocationPoll.unref();

  let closed: Promise<void> | null = null;
  return {
    http,
    store,
    rooms,
    metrics,
    compactor,
    get url() {
      return url();
    },
    listen: () =>
      new Promise<number>((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => {
          port = (http.address() as AddressInfo).port;
          log.info('listening', { url: url(), dataDir: config.dataDir });
          try {
            writeServerUrl(config.dataDir, publicUrlOf({ ...config, port }));
          } catch (error) {
            // only a convenience for the admin CLI: never a reason not to serve
            log.warn('could not record the server URL for the admin CLI', { error });
          }
          resolve(port);
        });
      }),
    close: () =>
      (closed ??= (async () => {
        closing = true;
        clearInterval(revocationPoll);
        endpoint.stopAccepting();
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        await rooms.closeAll(CLOSE.goingAway, 'server shutting down');
        endpoint.close();
        http.closeAllConnections();
        await stopped;
        await compactor.close();
        await feed?.stop();
        await access?.stop();
        await store.close();
        log.info('stopped');
      })()),
  };
}
