// Which external links may be opened in the system browser. Everything else a page tries to open
// is dropped: a compromised or buggy renderer must not be able to launch arbitrary URL schemes
// (file:, smb:, custom handlers of other apps) through shell.openExternal.

/**
 * Hosts the app links to: the frameworks' official sources and the project's help. Exact host
 * names, compared after URL parsing (which lower-cases them and turns IDN into punycode, so a
 * look-alike such as "ѕdgs.un.org" with a Cyrillic "ѕ" is a different host and fails).
 */
export const TRUSTED_EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'sdgs.un.org', // SDG 8 targets and indicators
  'unstats.un.org', // SDG indicator metadata
  'www.ohchr.org', // UN Guiding Principles on Business and Human Rights
  'www.ilo.org', // ILO conventions
  'normlex.ilo.org', // ILO ratifications
  'mneguidelines.oecd.org', // OECD Guidelines for Multinational Enterprises
  'www.oecd.org',
  'www.osce.org',
]);

/**
 * The parsed, normalised URL to open if `raw` is an https link to a trusted host with no
 * credentials and the default port; otherwise null. Callers open the returned href, never `raw`.
 */
export function trustedExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  // user:pass@host tricks make a link read as one host while going to another, and credentials
  // have no business in a link from the app.
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  if (!TRUSTED_EXTERNAL_HOSTS.has(url.hostname)) return null;
  return url.href;
}
