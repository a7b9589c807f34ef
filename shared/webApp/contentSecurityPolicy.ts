// The renderer's Content Security Policy, sent as a header wherever the app is served: the
// desktop's app:// handler and the sync server's web app. Only the app's
// own files run; no inline script, no eval, no plugins, no frames, no <base> or form tricks.

export const CONTENT_SECURITY_POLICY_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React's style props go through the CSSOM, which CSP does not restrict; no inline <style>.
  'style-src': ["'self'"],
  // data: and blob: for the workshop QR code and for evidence images the user pastes.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  // The sync server is whichever one a plan belongs to: an https/wss host, or a workshop host
  // on the local network over plain http/ws (no certificates on a LAN). Scripts cannot load
  // from these; only fetch and WebSocket can reach them.
  'connect-src': ["'self'", 'https:', 'wss:', 'http:', 'ws:'],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
