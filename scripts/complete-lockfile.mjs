// Adds the lock entries npm leaves out for optional packages the registry mirror does not serve
// (rollup's native builds for platforms other than Linux glibc): without them `npm ci` refuses
// the lock file ("Missing: @rollup/rollup-… from lock file"; npm/cli#9846, #4828). Each is
// written as an optional entry for its own platform, read from the package name, so npm ci
// skips it everywhere else without fetching it. Run after `npm install` changes dependencies:
// `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

/** os, cpu and libc of a native build named like `@rollup/rollup-linux-arm-musleabihf`. */
function platformOf(name) {
  const match =
    /-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-([a-z0-9]+)(?:-([a-z]+))?$/.exec(
      name,
    );
  if (!match) return null;
  const [, os, cpu, abi = ''] = match;
  const libc = abi.startsWith('musl')
    ? ['musl']
    : abi.startsWith('gnu') && os === 'linux'
      ? ['glibc']
      : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

let added = 0;
const missing = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (packages[`${location}/node_modules/${name}`] || packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform) {
      missing.push(name);
      continue;
    }
    packages[`node_modules/${name}`] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added++;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, 'en')),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
if (missing.length > 0)
  console.log(`complete-lockfile: no platform in the name of ${missing.join(', ')}`);
