// Serves the renderer's build from app://accord/… with a path-traversal guard: a request can
// only ever read a file inside the renderer's build folder.
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isAppUrl } from './appOrigin';

/** The single-page app's entry; also served for client-side routes (paths with no extension). */
const INDEX = 'index.html';

/** Only what a Vite build emits; anything else is served as opaque bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppRequestResolution =
  | { readonly kind: 'file'; readonly path: string; readonly contentType: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403; readonly reason: string };

/**
 * Maps a request URL to a file under `rootDir`, or refuses it. Each path segment is decoded on
 * its own and refused if decoding yields a separator, a dot segment, NUL or a drive/stream
 * colon; the joined path is then checked to lie inside the root as well.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequestResolution {
  if (!isAppUrl(requestUrl)) {
    return { kind: 'refused', status: 403, reason: 'not an app://accord URL' };
  }
  const { pathname } = new URL(requestUrl);
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', status: 400, reason: 'malformed percent-encoding' };
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) {
      return { kind: 'refused', status: 400, reason: 'forbidden path segment' };
    }
    segments.push(segment);
  }
  const last = segments.at(-1);
  if (last === undefined || extname(last) === '') {
    // The root and client-side routes (app://accord/plans/…) get the app's entry page.
    segments.splice(0, segments.length, INDEX);
  }
  const root = resolve(rootDir);
  const path = resolve(root, ...segments);
  if (!isInside(root, path)) {
    return { kind: 'refused', status: 403, reason: 'outside the app folder' };
  }
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return { kind: 'file', path, contentType };
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return (
    fromRoot !== '' &&
    !fromRoot.startsWith(`..${sep}`) &&
    fromRoot !== '..' &&
    !isAbsolute(fromRoot)
  );
}

export interface AppProtocolOptions {
  /** the renderer's build folder */
  readonly rootDir: string;
  /** sent with every page, so the policy holds even if a page's <meta> is missing */
  readonly contentSecurityPolicy: string;
}

/** The handler for `protocol.handle('app', …)`: Request in, Response out. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: { readonly url: string }) => Promise<Response> {
  return async (request) => {
    const resolution = resolveAppRequest(request.url, options.rootDir);
    if (resolution.kind === 'refused') {
      return new Response(null, { status: resolution.status, statusText: resolution.reason });
    }
    try {
      // A symlink inside the build folder must not lead out of it either.
      // Resolved per request (cheap, cached by the OS): the folder may not exist yet at start,
      // and a rejected promise held from start-up would crash the main process.
      const [rootReal, real] = await Promise.all([
        realpath(options.rootDir),
        realpath(resolution.path),
      ]);
      if (!isInside(rootReal, real)) return new Response(null, { status: 403 });
      const body = await readFile(real);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': resolution.contentType,
          'content-security-policy': options.contentSecurityPolicy,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}
