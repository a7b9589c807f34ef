import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDesktop } from './buildDesktop';

const ROOT = join(import.meta.dirname, '..', '..');
let out: string;
let preload: string;
let main: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'accord-build-'));
  await buildDesktop(ROOT, out);
  preload = await readFile(join(out, 'preload', 'preload.cjs'), 'utf8');
  main = await readFile(join(out, 'main', 'main.js'), 'utf8');
}, 60_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Every module a CommonJS bundle loads at run time. */
function requiredModules(code: string): string[] {
  return [
    ...new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((match) => match[1] ?? '')),
  ];
}

describe('desktop bundles', () => {
  it('makes the preload one CommonJS file that loads nothing but electron (a sandbox rule)', () => {
    expect(requiredModules(preload)).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*import\s/m);
  });

  it('keeps electron outside the main bundle and emits an ES module', () => {
    expect(main).toMatch(/from ["']electron["']/);
    expect(main).toMatch(/^import /m);
  });

  it('keeps the native SQLite binding outside main and puts the server workers beside it', async () => {
    expect(main).toMatch(/from ["']better-sqlite3["']|require\(["']better-sqlite3["']\)/);
    expect(main).not.toMatch(/better_sqlite3\.node/);
    for (const worker of ['sqliteWriter.mjs', 'replayWorker.mjs']) {
      expect(main).toContain(worker);
      const code = await readFile(join(out, 'main', worker), 'utf8');
      expect(code).toMatch(/worker_threads/);
    }
  });
});
