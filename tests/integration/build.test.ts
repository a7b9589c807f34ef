// The production bundle (`npm run build:server`): it starts under plain node, and what is needed
// only on first use (exports' exceljs and pdf-lib, a cluster node's pg and redis) stays out of
// what a start loads, since it doubled the time until a restarted server listens.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/build';
import { exited, startNode } from '../support/cluster';
import { freePort } from '../support/engines';

const ROOT = join(import.meta.dirname, '..', '..');
// inside the checkout: the bundle's packages resolve from its node_modules
mkdirSync(join(ROOT, 'dist'), { recursive: true });
const outDir = mkdtempSync(join(ROOT, 'dist', 'server-build-test-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Packages a module imports statically, following its static imports of sibling chunks. */
function staticPackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const [, from] of readFileSync(file, 'utf8').matchAll(
    /^import\s[^;]*?from\s*"([^"]+)"/gms,
  )) {
    if (from!.startsWith('./')) {
      for (const name of staticPackages(join(dirname(file), from!), seen)) packages.add(name);
    } else if (!from!.startsWith('node:')) packages.add(from!);
  }
  return packages;
}

describe('the production server bundle', () => {
  it('starts under plain node and answers /healthz', { timeout: 120_000 }, async () => {
    await buildServer(ROOT, outDir);
    const port = await freePort();
    const child = await startNode({ port, entry: join(outDir, 'main.mjs') });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
    const loadedAtStart = staticPackages(join(outDir, 'main.mjs'));
    expect(loadedAtStart).toContain('yjs');
    for (const onFirstUse of ['exceljs', 'pdf-lib', '@pdf-lib/fontkit', 'pg', 'redis']) {
      expect(loadedAtStart).not.toContain(onFirstUse);
    }
  });
});
