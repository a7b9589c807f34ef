// Bundles the main process (ES module) and the preload (CommonJS: sandboxed preloads can load
// neither ES modules nor other files) into out/, where main.ts expects them.
import { build } from 'esbuild';
import { join } from 'node:path';

/** Electron 45 ships Node 22. */
const ELECTRON_NODE_TARGET = 'node22';

export async function buildDesktop(root: string, outDir = join(root, 'out')): Promise<void> {
  await Promise.all([
    build({
      entryPoints: [join(root, 'main', 'main.ts')],
      outfile: join(outDir, 'main', 'main.js'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: ELECTRON_NODE_TARGET,
      external: ['electron'],
      sourcemap: true,
      // Bundled CommonJS dependencies may call require(); give the ES module one.
      banner: {
        js: "import { createRequire as __accordCreateRequire } from 'node:module'; const require = __accordCreateRequire(import.meta.url);",
      },
      logLevel: 'warning',
    }),
    build({
      entryPoints: [join(root, 'main', 'preload.ts')],
      outfile: join(outDir, 'preload', 'preload.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: ELECTRON_NODE_TARGET,
      external: ['electron'],
      sourcemap: 'inline',
      logLevel: 'warning',
    }),
  ]);
}
