// Bundles the main process (ES module) and the preload (CommonJS: sandboxed preloads can load
// neither ES modules nor other files) into out/, where main.ts expects them.
import { build } from 'esbuild';
import { basename, join } from 'node:path';
import { SERVER_WORKERS } from '../../server/build';

/** Electron 45 ships Node 22. */
const ELECTRON_NODE_TARGET = 'node22';

/**
 * The embedded workshop server's SQLite binding: a native module, which a bundle cannot hold
 * (it finds its `.node` file relative to its own package). Loaded from node_modules, built for
 * Electron's ABI (`npx @electron/rebuild -o better-sqlite3`), and only when a workshop starts.
 * Installers ship exactly these packages and their run-time dependencies (electron-builder.yml,
 * `files`; keep the two lists in step).
 */
export const NATIVE_MODULES = ['better-sqlite3'];

export async function buildDesktop(root: string, outDir = join(root, 'out')): Promise<void> {
  await Promise.all([
    build({
      entryPoints: [join(root, 'main', 'main.ts')],
      outfile: join(outDir, 'main', 'main.js'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: ELECTRON_NODE_TARGET,
      external: ['electron', ...NATIVE_MODULES],
      sourcemap: true,
      // Bundled CommonJS dependencies may call require(); give the ES module one.
      banner: {
        js: "import { createRequire as __accordCreateRequire } from 'node:module'; const require = __accordCreateRequire(import.meta.url);",
      },
      logLevel: 'warning',
    }),
    build({
      // The server's workers, flat by file name beside main.js, where the bundled server looks.
      entryPoints: SERVER_WORKERS.map((path) => ({
        in: join(root, path),
        out: basename(path, '.mjs'),
      })),
      outdir: join(outDir, 'main'),
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: ELECTRON_NODE_TARGET,
      external: NATIVE_MODULES,
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
