import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFor } from './webApp';

const root = mkdtempSync(join(tmpdir(), 'accord-web-'));
mkdirSync(join(root, 'web/assets'), { recursive: true });
writeFileSync(join(root, 'web/index.html'), '<!doctype html>');
writeFileSync(join(root, 'web/assets/app.js'), '');
writeFileSync(join(root, 'secret.txt'), 'secret');
const web = join(root, 'web');

describe('web app files', () => {
  it.each<[string, string | undefined]>([
    ['/', join(web, 'index.html')],
    ['/assets/app.js', join(web, 'assets/app.js')],
    ['/missing.js', undefined],
    ['/../secret.txt', undefined],
    ['/%2e%2e/secret.txt', undefined],
    ['/..%2fsecret.txt', undefined],
    ['/assets/..%2f..%2fsecret.txt', undefined],
    ['/%00', undefined],
    ['/%E0%A4%A', undefined],
  ])('[S19] %s -> %s', (path, expected) => {
    expect(fileFor(web, path)).toBe(expected);
  });
});
