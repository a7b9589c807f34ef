/* global self, caches */
// Loaded by the Workbox service worker (vite.config.ts, importScripts): deletes the cache the
// hand-written worker before it kept, which Workbox's own pruning of old precaches does not know.
const RETIRED_CACHES = ['accord-shell-v1'];

self.addEventListener('activate', (event) =>
  event.waitUntil(Promise.all(RETIRED_CACHES.map((name) => caches.delete(name)))),
);
