// Which file of the renderer's build a request names, for both places that serve it: the
// desktop's app:// handler (main/security/appProtocol.ts) and the sync server's web app
// (server/http/webApp.ts). One path guard and one MIME lookup; the callers do the file I/O.
import mime from 'mime';

/** The single-page app's entry; also served for client-side routes (paths with no extension). */
export const WEB_APP_INDEX = 'index.html';

export type WebFileRequest =
  /** `segments` are decoded and safe to join under the build folder */
  | { readonly kind: 'file'; readonly segments: readonly string[]; readonly contentType: string }
  | { readonly kind: 'refused'; readonly reason: string };

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/**
 * Maps a URL path (already normalised by the URL parser) to path segments under the build
 * folder, or refuses it. Each segment is decoded on its own and refused if decoding yields a
 * separator, a dot segment, NUL or a drive/stream colon. The root and client-side routes (a last
 * segment with no extension) name the app's entry.
 */
export function webFileOf(pathname: string): WebFileRequest {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', reason: 'malformed percent-encoding' };
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) {
      return { kind: 'refused', reason: 'forbidden path segment' };
    }
    segments.push(segment);
  }
  const last = segments.at(-1);
  if (last === undefined || extensionOf(last) === '')
    segments.splice(0, segments.length, WEB_APP_INDEX);
  return { kind: 'file', segments, contentType: contentTypeOf(segments.at(-1) ?? WEB_APP_INDEX) };
}

/** The Content-Type of a file by its name; text is UTF-8, unknown types are opaque bytes. */
export function contentTypeOf(fileName: string): string {
  const type = mime.getType(extensionOf(fileName));
  if (type === null) return 'application/octet-stream';
  const text = type.startsWith('text/') || /[/+]json$/.test(type);
  return text ? `${type}; charset=utf-8` : type;
}

/**
 * Whether `path` lies strictly inside `root`; both absolute and already resolved (realpath), so
 * no `..` is left in either. Either separator counts, for Windows paths.
 */
export function isInside(root: string, path: string): boolean {
  const base = root.replace(/[/\\]+$/, '');
  return (
    path.length > base.length + 1 && path.startsWith(base) && /[/\\]/.test(path[base.length] ?? '')
  );
}

export type RealFile =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'missing' }
  /** a symlink inside the build folder leads out of it */
  | { readonly kind: 'outside' };

/**
 * Where a candidate path under the build folder really leads: a symlink must not lead out of
 * it. `realpath` is the caller's (node:fs/promises), so this module stays pure.
 */
export async function realFileInside(
  root: string,
  candidate: string,
  realpath: (path: string) => Promise<string>,
): Promise<RealFile> {
  let rootReal: string;
  let real: string;
  try {
    [rootReal, real] = await Promise.all([realpath(root), realpath(candidate)]);
  } catch {
    return { kind: 'missing' };
  }
  return isInside(rootReal, real) ? { kind: 'file', path: real } : { kind: 'outside' };
}
