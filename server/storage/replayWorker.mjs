// The compactor's worker thread (compactor.ts): replays a stored state and its log into a Y.Doc and
// returns the encoded state. Plain JavaScript on purpose: see compactor.ts.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

parentPort?.on('message', ({ id, state, updates }) => {
  try {
    const doc = new Y.Doc();
    doc.transact(() => {
      if (state) Y.applyUpdate(doc, state);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    const result = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    parentPort?.postMessage({ id, state: result }, [result.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: String(error) });
  }
});
