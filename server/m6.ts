import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const file = fileURLToPath(new URL('./w.ts', import.meta.url));
const api = createRequire(import.meta.url).resolve('tsx/cjs/api');
const code = `require(${JSON.stringify(api)}).register(); require(${JSON.stringify(file)});`;
const w = new Worker(code, { eval: true });
w.on('message', (m) => {
  console.log('got', m);
  w.terminate();
});
w.on('error', (e) => console.log('err', e));
