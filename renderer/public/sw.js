/* global self, caches */
// Keeps the app shell available offline: network first (so a new build is picked up at once),
// the cached copy when the network is gone. Only this origin's GET requests for the app's files;
// never the sync socket or the API.
const CACHE = 'accord-shell-v1';

// Caches the page and the files it names at install, so the very next load works offline.
self.addEventListener('install', (event) =>
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = new URL('./', self.location.href).href;
      const response = await fetch(page);
      if (response.ok) {
        const html = await response.clone().text();
        await cache.put(page, response);
        const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
          .map((match) => new URL(match[1], page).href)
          .filter((url) => url.startsWith(self.location.origin));
        await cache.addAll(assets);
      }
      await self.skipWaiting();
    })(),
  ),
);
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/')) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          // The page itself is cached under one key, whatever its query (the view state).
          const key =
            request.mode === 'navigate' ? new URL('./', self.location.href).href : request;
          void caches.open(CACHE).then((cache) => cache.put(key, copy));
        }
        return response;
      })
      .catch(async () => {
        const cache = await caches.open(CACHE);
        const key = request.mode === 'navigate' ? new URL('./', self.location.href).href : request;
        return (await cache.match(key)) ?? Response.error();
      }),
  );
});
