// Test harness for the sync server: an in-process server on 127.0.0.1 and a free port with its own
// data folder, plans with members, and real y-websocket providers (disableBc: true, or Node 20's
// BroadcastChannel would sync them without the server). Waits are on events, never sleeps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEFAULT_LIMITS, type Limits, type ServerConfig } from '../../server/ops/config';
import { silentLogger } from '../../server/ops/log';
import { createPlan, join } from '../../server/identity/members';
import { MESSAGE } from '../../server/sync/protocol';
import { createAccordServer, type AccordServer } from '../../server/server';
import type { Role } from '../../server/storage/store';

export interface TestServer {
  readonly server: AccordServer;
  readonly config: ServerConfig;
  readonly wsUrl: string;
  readonly httpUrl: string;
  readonly dataDir: string;
  /** stops the server (idempotent); the data folder stays until `dispose` */
  stop(): Promise<void>;
  /** a new server on the same data folder (after stop) */
  restart(): Promise<TestServer>;
  dispose(): Promise<void>;
}

export function newDataDir(): string {
  return mkdtempSync(joinPath(tmpdir(), 'accord-it-'));
}

export async function startServer(
  limits: Partial<Limits> = {},
  dataDir = newDataDir(),
  port = 0,
): Promise<TestServer> {
  const config: ServerConfig = {
    host: '127.0.0.1',
    port,
    dataDir,
    publicUrl: undefined,
    webRoot: joinPath(dataDir, 'no-web-build'),
    limits: { ...DEFAULT_LIMITS, unloadAfterMs: 0, ...limits },
    logLevel: 'error',
    sqliteSynchronous: 'full',
  };
  const server = createAccordServer(config, silentLogger);
  const bound = await server.listen();
  const stop = () => server.close();
  return {
    server,
    config,
    wsUrl: `ws://127.0.0.1:${bound}/sync`,
    httpUrl: `http://127.0.0.1:${bound}`,
    dataDir,
    stop,
    restart: async () => {
      await stop();
      return startServer(limits, dataDir, bound);
    },
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestPlan {
  readonly planId: string;
  /** a member token per requested role, in order */
  readonly tokens: string[];
  readonly memberIds: string[];
}

/** A plan with one member per role given (the first is usually the owner). */
export async function planWith(server: TestServer, roles: readonly Role[]): Promise<TestPlan> {
  const store = server.server.store;
  const { plan } = await createPlan(store, 'Joint action plan');
  const tokens: string[] = [];
  const memberIds: string[] = [];
  for (const [i, role] of roles.entries()) {
    const { createInvite } = await import('../../server/identity/members');
    const { code } = await createInvite(store, plan.id, {
      role,
      maxUses: 1,
      expiresAt: null,
      label: '',
      createdBy: null,
    });
    const joined = await join(store, code, { name: `Member ${i}`, organisation: `Org ${i}` });
    if (!joined.ok) throw new Error(joined.refusal);
    tokens.push(joined.token);
    memberIds.push(joined.member.id);
  }
  return { planId: plan.id, tokens, memberIds };
}

export interface Client {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** the newest "stored durably" state vector the server acknowledged (with `acks: true`) */
  readonly stored: { stateVector: Map<number, number> };
  destroy(): void;
}

export function connect(
  server: { wsUrl: string },
  planId: string,
  token: string,
  options: {
    doc?: Y.Doc;
    params?: Record<string, string>;
    connect?: boolean;
    acks?: boolean;
    /** the largest frame the client accepts (a larger one closes the socket with 1009) */
    maxPayload?: number;
  } = {},
): Client {
  const doc = options.doc ?? new Y.Doc();
  const { maxPayload } = options;
  const Socket =
    maxPayload === undefined
      ? WebSocket
      : class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { maxPayload });
          }
        };
  const provider = new WebsocketProvider(server.wsUrl, planId, doc, {
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: false,
    params: { token, ...(options.acks ? { ack: '1' } : {}), ...options.params },
    maxBackoffTime: 500,
  });
  const stored = { stateVector: new Map<number, number>() };
  if (options.acks) {
    const advance = (stateVector: Map<number, number>) => {
      for (const [client, clock] of stateVector) {
        if (clock > (stored.stateVector.get(client) ?? 0)) stored.stateVector.set(client, clock);
      }
      provider.emit('stored' as never, [] as never);
    };
    provider.messageHandlers[MESSAGE.stored] = (_encoder, decoder) => {
      advance(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    };
    // The server relays only what it has stored, so what it relays counts as stored too (as the
    // app's sync badge counts it): another member's edit arriving after our last acknowledgement
    // would otherwise leave us waiting for an acknowledgement that never comes.
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== provider) return;
      const { to } = Y.parseUpdateMeta(update);
      advance(to);
    });
  }
  if (options.connect ?? true) provider.connect();
  return {
    doc,
    provider,
    stored,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** True once the server acknowledged storing everything in the client's doc. */
export function allStored(client: Client): boolean {
  for (const [id, clock] of Y.decodeStateVector(Y.encodeStateVector(client.doc))) {
    if ((client.stored.stateVector.get(id) ?? 0) < clock) return false;
  }
  return true;
}

/** Resolves once the server has acknowledged storing everything the client has (`acks: true`). */
export function stored(client: Client, timeoutMs = 30_000): Promise<void> {
  if (allStored(client)) return Promise.resolve();
  let cleanup = () => {};
  const done = new Promise<void>((resolve) => {
    const onStored = () => {
      if (!allStored(client)) return;
      cleanup();
      resolve();
    };
    client.provider.on('stored' as never, onStored as never);
    cleanup = () => client.provider.off('stored' as never, onStored as never);
  });
  return withTimeout(done, timeoutMs, 'stored acknowledgement').finally(() => cleanup());
}

/** Resolves once the provider has synced with the server. */
export function synced(client: Client, timeoutMs = 20_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return withTimeout(
    new Promise<void>((resolve) => {
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return;
        client.provider.off('sync', onSync);
        resolve();
      };
      client.provider.on('sync', onSync);
    }),
    timeoutMs,
    'sync',
  );
}

/** Resolves once `check` holds, re-checking on every update of the given docs. */
export function until(
  docs: readonly Y.Doc[],
  check: () => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  if (check()) return Promise.resolve();
  let cleanup = () => {};
  const done = new Promise<void>((resolve) => {
    const onUpdate = () => {
      if (!check()) return;
      cleanup();
      resolve();
    };
    for (const doc of docs) doc.on('update', onUpdate);
    cleanup = () => {
      for (const doc of docs) doc.off('update', onUpdate);
    };
  });
  return withTimeout(done, timeoutMs, what).finally(() => cleanup());
}

/** Resolves with the close event the provider gets from the server. */
export function closedByServer(
  client: Client,
  timeoutMs = 20_000,
): Promise<{ code: number; reason: string }> {
  return withTimeout(
    new Promise((resolve) => {
      client.provider.on('connection-close', (event) => {
        if (event) resolve({ code: event.code, reason: String(event.reason) });
      });
    }),
    timeoutMs,
    'connection close',
  );
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Every action title in a doc, sorted: a simple fingerprint of the plan's content. */
export function titles(doc: Y.Doc): string[] {
  const actions = doc.getMap<Y.Map<unknown>>('actions');
  return [...actions.values()].map((a) => String(a.get('title'))).sort();
}

/** Adds an action the way the plan model does (one transaction, a Y.Map with a Y.Text title). */
export function addAction(doc: Y.Doc, id: string, title: string): void {
  doc.transact(() => {
    const action = new Y.Map<unknown>();
    action.set('title', new Y.Text(title));
    action.set('status', 'planned');
    doc.getMap('actions').set(id, action);
  }, 'test');
}

export async function metricsText(server: TestServer): Promise<string> {
  const response = await fetch(`${server.httpUrl}/metrics`);
  return response.text();
}

/** The value of one series in /metrics text, or 0. */
export function metricValue(text: string, series: string): number {
  for (const line of text.split('\n')) {
    if (line.startsWith(series + ' ')) return Number(line.slice(series.length + 1));
  }
  return 0;
}
