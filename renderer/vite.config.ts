// The renderer's build: one bundle served by the sync server at `/` and loaded by Electron.
// esbuild compiles TSX (tsconfig.web.json: jsx react-jsx), so no React plugin is needed.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The largest file precached: the PDF writer with its embedded fonts is about 1.3 MB. */
const MAX_PRECACHED_BYTES = 8 * 1024 * 1024;

export default defineConfig({
  root,
  base: './',
  publicDir: 'public',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    minify: process.env.ACCORD_NO_MINIFY ? false : 'esbuild',
    chunkSizeWarningLimit: 2000,
  },
  plugins: [
    // The offline app shell: Workbox precaches every file the build emits, the lazily loaded
    // chunks (XLSX and PDF writers, the import dialog) too, and drops the precaches of older
    // builds. main.tsx registers it, only when the app is served over http(s): in Electron the
    // app:// protocol serves the files from disk and no service worker runs.
    VitePWA({
      strategies: 'generateSW',
      filename: 'sw.js',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,png,ico,woff2,ttf,wasm,json}'],
        globIgnores: ['sw-retire.js'],
        maximumFileSizeToCacheInBytes: MAX_PRECACHED_BYTES,
        cleanupOutdatedCaches: true,
        // A page load with any view state in its query (?plan=…&view=…) gets the app's page.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//],
        importScripts: ['sw-retire.js'],
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
  ],
  server: { host: '127.0.0.1', port: 5173 },
});
