// The origin the UI is served from. A custom protocol rather than file:// so the renderer has a
// real origin (CSP 'self', no access to the whole file system through file:// URLs) and so the
// sender of every IPC message can be checked against one exact origin.

export const APP_SCHEME = 'app';
export const APP_HOST = 'accord';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for URLs on exactly app://accord, judged on the parsed URL: never by substring, so
 * `https://evil.example/?next=app://accord` or `app://accord.evil.example` do not pass.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
