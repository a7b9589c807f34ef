// `accord://join?server=…&plan=…&invite=…` links, from a browser, an e-mail or a workshop QR code.
// They arrive from outside the app (macOS open-url, or argv of a second instance on Windows and
// Linux), so they are parsed and checked before anything acts on them.
import { joinLinkSchema, type JoinLink } from '../shared/contracts/ipc';

export const DEEP_LINK_SCHEME = 'accord';

/** The join link in `raw`, or null if it is not a well-formed one. */
export function parseJoinLink(raw: string): JoinLink | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  if (url.hostname !== 'join' || (url.pathname !== '' && url.pathname !== '/')) return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  const params = url.searchParams;
  // Each parameter exactly once: a repeated one means the link was tampered with or mangled.
  for (const name of ['server', 'plan', 'invite']) {
    if (params.getAll(name).length !== 1) return null;
  }
  const parsed = joinLinkSchema.safeParse({
    serverUrl: params.get('server'),
    planId: params.get('plan'),
    invite: params.get('invite'),
  });
  return parsed.success ? parsed.data : null;
}

/**
 * The join link among a second instance's command-line arguments (Windows and Linux pass the
 * URL there). Only arguments that start with the scheme are considered, so a file path or a
 * Chromium switch is never mistaken for a link.
 */
export function joinLinkFromArgv(argv: readonly string[]): JoinLink | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const link = parseJoinLink(arg);
    if (link) return link;
  }
  return null;
}
