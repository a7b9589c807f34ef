// The join link an invitee opens: the web app's join page with the plan and the invite code in
// the fragment (`https://host/#/join?plan=…&code=…`), so the code never reaches a server log.
// Built by the server (invites), the desktop host (workshops) and the page (accord://join links);
// read by the page's join form.

/** What a join link names: the server (its origin), the plan, the invite code. */
export interface JoinLink {
  readonly serverUrl: string;
  readonly planId: string | null;
  readonly code: string;
}

/** The link to `base` (a server's public URL) for an invite to a plan. */
export function joinLink(base: string, planId: string, code: string): string {
  const params = new URLSearchParams({ plan: planId, code });
  return `${base.replace(/\/$/, '')}/#/join?${params}`;
}

/**
 * Reads what a person pasted: a join link, or a bare code (then the server is `fallbackServer`,
 * e.g. this page's origin). Null when it is neither.
 */
export function parseJoinLink(text: string, fallbackServer: string): JoinLink | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return fallbackServer ? { serverUrl: fallbackServer, code: trimmed, planId: null } : null;
  }
  const query = url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?')) : url.search;
  const params = new URLSearchParams(query);
  const code = params.get('code');
  if (!code) return null;
  return { serverUrl: url.origin, code, planId: params.get('plan') };
}
