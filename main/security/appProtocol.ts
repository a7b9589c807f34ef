// Serves the renderer's build from app://accord/… with a path-traversal guard: a request can
// only ever read a file inside the renderer's build folder. The guard and the MIME lookup are the
// ones the sync server's web app uses (shared/webApp/webFiles.ts).
import { readFile, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isInside, realFileInside, webFileOf } from '../../shared/webApp/webFiles';
import { isAppUrl } from './appOrigin';

export type AppRequestResolution =
  | { readonly kind: 'file'; readonly path: string; readonly contentType: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403; readonly reason: string };

/** Maps a request URL to a file under `rootDir`, or refuses it (webFileOf says how). */
export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequestResolution {
  if (!isAppUrl(requestUrl)) {
    return { kind: 'refused', status: 403, reason: 'not an app://accord URL' };
  }
  const file = webFileOf(new URL(requestUrl).pathname);
  if (file.kind === 'refused') return { kind: 'refused', status: 400, reason: file.reason };
  const root = resolve(rootDir);
  const path = resolve(root, ...file.segments);
  if (!isInside(root, path)) {
    return { kind: 'refused', status: 403, reason: 'outside the app folder' };
  }
  return { kind: 'file', path, contentType: file.contentType };
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
    // A symlink inside the build folder must not lead out of it either. Resolved per request
    // (cheap, cached by the OS): the folder may not exist yet at start.
    const real = await realFileInside(options.rootDir, resolution.path, realpath);
    if (real.kind !== 'file')
      return new Response(null, { status: real.kind === 'missing' ? 404 : 403 });
    try {
      const body = await readFile(real.path);
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
