// Serves the renderer's web build (`npm run build` writes dist/renderer) at `/`, or a short page
// saying it is not built yet. Paths are resolved inside the build folder and never outside it.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Accord</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Accord sync server</h1><p>The server is running, but the web app is not built yet.
Run <code>npm run build</code>, then reload this page. Desktop apps can already connect.</p>
</body></html>`;

/** The file under `root` a URL path names, or undefined if it escapes root or does not exist. */
export function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const target = resolve(join(base, decoded));
  const inside = relative(base, target);
  if (inside.startsWith('..') || inside.startsWith(sep) || resolve(base, inside) !== target) {
    return undefined;
  }
  if (!existsSync(target)) return undefined;
  const stat = statSync(target);
  if (stat.isDirectory()) {
    const index = join(target, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return stat.isFile() ? target : undefined;
}

export function serveWebApp(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const index = join(resolve(root), 'index.html');
  if (!existsSync(index)) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NOT_BUILT);
    return;
  }
  // Unknown paths without an extension are the single-page app's own routes.
  const file = fileFor(root, url.pathname) ?? (extname(url.pathname) === '' ? index : undefined);
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}
