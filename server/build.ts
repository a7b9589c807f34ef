// The production build of the server: `npm run build:server` bundles the server and the admin
// CLI into dist/server/, run with plain `node dist/server/main.mjs` (no TypeScript loader at run
// time, which saves its memory and start-up). Packages stay in node_modules.
import { build } from 'esbuild';
import { basename, join } from 'node:path';
import { SERVER_WORKERS } from './workers';

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
      // what is loaded on first use (exports' exceljs and pdf-lib, a cluster node's pg and
      // redis) goes into chunks of its own, so a start does not load it: about 2 s less here.
      // Chunks sit beside the entry points, where the workers' URLs expect their siblings.
      splitting: true,
      chunkNames: '[name]-[hash]',
      entryPoints: [
        { in: join(root, 'server', 'main.ts'), out: 'main' },
        { in: join(root, 'server', 'cli', 'cli.ts'), out: 'cli' },
        ...SERVER_WORKERS.map((path) => ({ in: join(root, path), out: basename(path, '.ts') })),
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
