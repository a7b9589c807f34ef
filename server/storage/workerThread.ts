// Starts one of storage's worker threads, which are written in TypeScript. From source (tsx,
// vitest) the `.ts` file runs through tsx's require hook: Node 20 hands no loader hooks to worker
// threads, so `execArgv: ['--import', 'tsx']` alone fails on the `.ts` extension. Bundled (the
// desktop, main/launch/buildDesktop.ts) the worker is the `.mjs` esbuild wrote beside the bundle,
// which `bundled` names.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const FROM_SOURCE = import.meta.url.endsWith('.ts');

export function startWorker(bundled: URL, workerData: unknown): Worker {
  if (!FROM_SOURCE) return new Worker(bundled, { workerData });
  const source = fileURLToPath(bundled).replace(/\.mjs$/, '.ts');
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const boot = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`;
  return new Worker(boot, { eval: true, workerData });
}
