// The production build of the server: `npm run build:server` bundles the server and the admin
// CLI into dist/server/, run with plain `node dist/server/main.mjs` (no TypeScript loader at run
// time, which saves its memory and start-up). Packages stay in node_modules.
import { build } from 'esbuild';
import { basename, join } from 'node:path';

/**
 * The server's worker threads, which it starts as `new URL('./x.mjs', import.meta.url)`: bundled
 * beside the bundle that starts them, where that URL points (the desktop build does the same).
 */
export const SERVER_WORKERS = [
  join('server', 'storage', 'sqliteWriter.mjs'),
  join('server', 'storage', 'replayWorker.mjs'),
];

const NODE_TARGET = 'node20';

export async function buildServer(
  root: string,
  outDir = join(root, 'dist', 'server'),
): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: [
        { in: join(root, 'server', 'main.ts'), out: 'main' },
        { in: join(root, 'server', 'cli', 'cli.ts'), out: 'cli' },
        ...SERVER_WORKERS.map((path) => ({ in: join(root, path), out: basename(path, '.mjs') })),
      ],
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
    }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildServer(join(import.meta.dirname, '..'));
  console.log('built dist/server/ (run: node dist/server/main.mjs)');
}
