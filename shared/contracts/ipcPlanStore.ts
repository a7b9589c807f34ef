// The durable store over a MessagePort: the renderer's PlanPersistence on the desktop. Requests
// carry an id and a method; main validates each with `planStoreRequest` before touching disk and
// answers with the same id. A port instead of ipcRenderer.invoke per append: appends are the
// hottest path (every keystroke), and a port is a direct, ordered pipe to the store.
import { z } from 'zod';
import type { PlanPersistence, StoredPlanSummary } from './persistence';
import { PLAN_ID_PATTERN } from './planId';

/** Either end of a message pipe, whatever its API (DOM MessagePort, Electron MessagePortMain). */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage(listener: (data: unknown) => void): void;
}

/**
 * The window message the preload posts, with the store's MessagePort in its transfer list, after
 * `connectPlanStore` (a port cannot cross contextBridge; Electron documents this hand-over).
 */
export const PLAN_STORE_PORT_MESSAGE = 'accord:plan-store-port';

/** Adapts a DOM MessagePort (what the renderer receives) to PortLike. */
export function fromDomMessagePort(port: DomPortLike): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.addEventListener('message', (event) => listener(event.data));
      // A port's messages queue until it is started (addEventListener does not start it).
      port.start();
    },
  };
}

const planId = z.string().regex(PLAN_ID_PATTERN);
const isoTimestamp = z.iso.datetime({ offset: true });
/** A Yjs update of a whole large plan is a few MiB; the store's own record cap is 64 MiB. */
const MAX_UPDATE_BYTES = 64 * 1024 * 1024;

export const storedPlanSummarySchema = z.strictObject({
  planId,
  title: z.string().max(1000),
  serverUrl: z
    .url({ protocol: /^(https?|wss?)$/ })
    .max(2048)
    .nullable(),
  lastSyncedAt: isoTimestamp.nullable(),
  updatedAt: isoTimestamp,
});

const requestId = z.number().int().nonnegative();
/** Any Uint8Array (z.instanceof would narrow it to an ArrayBuffer-backed one). */
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');

export const planStoreRequest = z.discriminatedUnion('method', [
  z.strictObject({ id: requestId, method: z.literal('list') }),
  z.strictObject({ id: requestId, method: z.literal('load'), planId }),
  z.strictObject({
    id: requestId,
    method: z.literal('append'),
    planId,
    update: bytes.refine(
      (update) => update.byteLength > 0 && update.byteLength <= MAX_UPDATE_BYTES,
      {
        message: 'an update must hold 1 byte to 64 MiB',
      },
    ),
  }),
  z.strictObject({
    id: requestId,
    method: z.literal('describe'),
    summary: storedPlanSummarySchema,
  }),
  z.strictObject({ id: requestId, method: z.literal('remove'), planId }),
]);
export type PlanStoreRequest = z.output<typeof planStoreRequest>;

export const planStoreResponse = z.union([
  z.strictObject({ id: requestId, ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ id: requestId, ok: z.literal(false), error: z.string() }),
]);
export type PlanStoreResponse = z.output<typeof planStoreResponse>;

/** Distributes a request over Omit<…, 'id'> so each method keeps its own fields. */
type RequestBody = PlanStoreRequest extends infer R
  ? R extends PlanStoreRequest
    ? Omit<R, 'id'>
    : never
  : never;

/** The renderer's PlanPersistence, talking to main's store over `port`. */
export function createPortPlanPersistence(port: PortLike): PlanPersistence {
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (result: unknown) => void; reject: (error: Error) => void }
  >();
  port.onMessage((data) => {
    const response = planStoreResponse.safeParse(data);
    if (!response.success) return;
    const waiter = pending.get(response.data.id);
    if (!waiter) return;
    pending.delete(response.data.id);
    if (response.data.ok) waiter.resolve(response.data.result);
    else waiter.reject(new Error(response.data.error));
  });
  function call(body: RequestBody): Promise<unknown> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      port.postMessage({ ...body, id });
    });
  }
  return {
    async list() {
      return z.array(storedPlanSummarySchema).parse(await call({ method: 'list' }));
    },
    async load(planId) {
      return bytes.nullable().parse(await call({ method: 'load', planId }));
    },
    async append(planId, update) {
      await call({ method: 'append', planId, update });
    },
    async describe(summary: StoredPlanSummary) {
      await call({ method: 'describe', summary });
    },
    async remove(planId) {
      await call({ method: 'remove', planId });
    },
  };
}

/** A DOM MessagePort, as far as the store client needs it. */
export interface DomPortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  start(): void;
}

/** The window message that carries the port. */
export interface PortMessageEvent {
  readonly data: unknown;
  readonly source: unknown;
  readonly ports: readonly DomPortLike[];
}
type PortMessageListener = (event: PortMessageEvent) => void;

/** The page's window, as far as receiving the port needs it. */
export interface PortReceiver {
  addEventListener(type: 'message', listener: PortMessageListener): void;
  removeEventListener(type: 'message', listener: PortMessageListener): void;
}

/**
 * The renderer's side of the hand-over: asks main for a store port (the preload's
 * `connectPlanStore`) and resolves with a PlanPersistence over it once the port arrives.
 */
export function connectDesktopPlanStore(
  connectPlanStore: () => Promise<unknown>,
  page: PortReceiver,
): Promise<PlanPersistence> {
  return new Promise((resolve, reject) => {
    const receive: PortMessageListener = (event) => {
      // Only the preload's message to this very window carries the port.
      if (event.source !== page || event.data !== PLAN_STORE_PORT_MESSAGE) return;
      const [port] = event.ports;
      if (!port) return;
      page.removeEventListener('message', receive);
      resolve(createPortPlanPersistence(fromDomMessagePort(port)));
    };
    page.addEventListener('message', receive);
    connectPlanStore().catch((error: unknown) => {
      page.removeEventListener('message', receive);
      reject(error instanceof Error ? error : new Error('could not connect to the plan store'));
    });
  });
}
