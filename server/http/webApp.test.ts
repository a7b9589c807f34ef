import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/webApp/contentSecurityPolicy';
import { fileFor, serveWebApp } from './webApp';

const root = mkdtempSync(join(tmpdir(), 'accord-web-'));
mkdirSync(join(root, 'web/assets'), { recursive: true });
writeFileSync(join(root, 'web/index.html'), '<!doctype html>');
writeFileSync(join(root, 'web/assets/app.js'), '');
writeFileSync(join(root, 'secret.txt'), 'secret');
symlinkSync(join(root, 'secret.txt'), join(root, 'web/assets/leak.txt'));
const web = join(root, 'web');

describe('web app files', () => {
  it.each<[string, string | undefined]>([
    ['/', join(web, 'index.html')],
    ['/assets/app.js', join(web, 'assets/app.js')],
    ['/plans/p1', join(web, 'index.html')],
    ['/missing.js', undefined],
    ['/../secret.txt', undefined],
    ['/%2e%2e/secret.txt', undefined],
    ['/..%2fsecret.txt', undefined],
    ['/assets/..%2f..%2fsecret.txt', undefined],
    ['/assets/leak.txt', undefined],
    ['/%00', undefined],
    ['/%E0%A4%A', undefined],
  ])('[S19] %s -> %s', async (path, expected) => {
    expect(await fileFor(web, path)).toBe(expected);
  });

  it('[H5] a symlink inside the build folder that leads out of it is not served', async () => {
    const response = await serveWebApp(web, 'GET', '/assets/leak.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('[H5] every page carries the app content security policy, which forbids framing it', async () => {
    const response = await serveWebApp(web, 'GET', '/');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});
