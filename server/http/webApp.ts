// Serves the renderer's web build (`npm run build` writes dist/renderer) at `/`, or a short page
// saying it is not built yet. The path guard and MIME lookup are the desktop's too
// (shared/webApp/webFiles.ts): paths stay inside the build folder, symlinks included. Every page
// carries the app's Content Security Policy, which also forbids framing it.
import { createReadStream, existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { CONTENT_SECURITY_POLICY } from '../../shared/webApp/contentSecurityPolicy';
import { isInside, realFileInside, WEB_APP_INDEX, webFileOf } from '../../shared/webApp/webFiles';

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Accord</title>
<body><h1>Accord sync server</h1><p>The server is running, but the web app is not built yet.
Run <code>npm run build</code>, then reload this page. Desktop apps can already connect.</p>
</body></html>`;

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
} as const;

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
  });

/** The file under `root` a URL path names, or undefined if it escapes root or does not exist. */
export async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const file = webFileOf(urlPath);
  if (file.kind === 'refused') return undefined;
  const base = resolve(root);
  const candidate = resolve(base, ...file.segments);
  if (!isInside(base, candidate)) return undefined;
  const real = await realFileInside(base, candidate, realpath);
  return real.kind === 'file' ? candidate : undefined;
}

/** The answer to a GET or HEAD of a web app path. */
export async function serveWebApp(
  root: string,
  method: string,
  urlPath: string,
): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  if (!existsSync(join(resolve(root), WEB_APP_INDEX))) {
    return new Response(NOT_BUILT, {
      headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS },
    });
  }
  const request = webFileOf(urlPath);
  const file = request.kind === 'file' ? await fileFor(root, urlPath) : undefined;
  if (request.kind === 'refused' || !file) return notFound();
  const body =
    method === 'HEAD' ? null : (Readable.toWeb(createReadStream(file)) as ReadableStream);
  return new Response(body, {
    headers: { 'content-type': request.contentType, ...SECURITY_HEADERS },
  });
}
