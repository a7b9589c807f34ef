// The server's worker threads, which it starts as `new URL('./x.mjs', import.meta.url)`: every
// bundle of the server (build.ts, and the desktop's, through embed.ts) puts them beside the bundle
// that starts them, where that URL points.
import { join } from 'node:path';

export const SERVER_WORKERS = [
  join('server', 'storage', 'sqliteWriter.ts'),
  join('server', 'storage', 'replayWorker.ts'),
];
