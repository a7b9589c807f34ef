import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
const x: number = 41;
const d = new Y.Doc();
d.getText('t').insert(0, 'hi');
parentPort?.postMessage([x + 1, d.getText('t').toString(), import.meta.url]);
