// The address a running server was last reached at, kept in its data folder, so the admin CLI
// prints join links to that server without being told its port or public URL again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'server-url';

/** Records the base URL of join links for the server using `dataDir`. */
export function writeServerUrl(dataDir: string, url: string): void {
  writeFileSync(join(dataDir, FILE), `${url}\n`);
}

/** The base URL the last server on `dataDir` announced, or undefined if none did. */
export function readServerUrl(dataDir: string): string | undefined {
  try {
    const url = new URL(readFileSync(join(dataDir, FILE), 'utf8').trim());
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.href.replace(/\/$/, '')
      : undefined;
  } catch {
    return undefined;
  }
}
