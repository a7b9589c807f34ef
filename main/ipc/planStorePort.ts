// Main's end of the store's MessagePort: every request is validated before the store is
// touched, and every answer carries the request's id. A malformed message gets an error answer
// (or none, if it has no usable id) and changes nothing.
import type { PlanPersistence } from '../../shared/contracts/persistence';
import {
  planStoreRequest,
  type PlanStoreResponse,
  type PortLike,
} from '../../shared/contracts/ipcPlanStore';

export function servePlanStore(port: PortLike, store: PlanPersistence): void {
  port.onMessage((data) => {
    void answer(data).then((response) => {
      if (response) port.postMessage(response);
    });
  });

  async function answer(data: unknown): Promise<PlanStoreResponse | null> {
    const request = planStoreRequest.safeParse(data);
    if (!request.success) {
      const id = idOf(data);
      return id === null ? null : { id, ok: false, error: 'invalid request' };
    }
    const { id } = request.data;
    try {
      return { id, ok: true, result: await run(request.data) };
    } catch (error) {
      // Only the message crosses: stack traces and paths stay in main.
      return { id, ok: false, error: error instanceof Error ? error.message : 'store error' };
    }
  }

  async function run(request: ReturnType<typeof planStoreRequest.parse>): Promise<unknown> {
    switch (request.method) {
      case 'list':
        return store.list();
      case 'load':
        return store.load(request.planId);
      case 'append':
        return store.append(request.planId, request.update);
      case 'describe':
        return store.describe(request.summary);
      case 'remove':
        return store.remove(request.planId);
    }
  }
}

function idOf(data: unknown): number | null {
  if (typeof data !== 'object' || data === null || !('id' in data)) return null;
  const { id } = data;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
