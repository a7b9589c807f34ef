import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { createAppProtocolHandler, resolveAppRequest } from './appProtocol';

const ROOT = resolve('/srv/accord/renderer');

describe('app:// path resolution', () => {
  it.each([
    ['app://accord/', 'index.html', 'text/html; charset=utf-8'],
    ['app://accord/index.html', 'index.html', 'text/html; charset=utf-8'],
    [
      'app://accord/assets/main-abc123.js',
      'assets/main-abc123.js',
      'text/javascript; charset=utf-8',
    ],
    ['app://accord/assets/style.css?v=2#x', 'assets/style.css', 'text/css; charset=utf-8'],
    ['app://accord/plans/3f1c2a9e/actions', 'index.html', 'text/html; charset=utf-8'], // client route
    ['app://accord/fonts/Noto%20Sans.woff2', 'fonts/Noto Sans.woff2', 'font/woff2'],
    ['app://accord/data/blob.bin', 'data/blob.bin', 'application/octet-stream'],
  ])('serves %s from %s', (url, file, contentType) => {
    expect(resolveAppRequest(url, ROOT)).toEqual({
      kind: 'file',
      path: join(ROOT, file),
      contentType,
    });
  });

  it.each([
    [
      'an encoded dot-dot segment with an encoded slash',
      'app://accord/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ],
    ['an encoded slash', 'app://accord/assets%2f..%2f..%2fsecret.txt'],
    ['an encoded backslash', 'app://accord/..%5c..%5cwindows%5cwin.ini'],
    ['a literal backslash', 'app://accord/assets\\..\\..\\secret.txt'],
    ['a NUL byte', 'app://accord/index.html%00.png'],
    ['a Windows drive path', 'app://accord/C:%5cWindows%5cwin.ini'],
    ['an NTFS stream', 'app://accord/index.html::$DATA'],
    ['bad percent-encoding', 'app://accord/%E0%A4%A'],
    ['another host', 'app://evil.example/index.html'],
    ['a look-alike host', 'app://accord.evil.example/index.html'],
    ['userinfo', 'app://evil@accord/index.html'],
    ['file:', 'file:///etc/passwd'],
    ['https with the app in its query', 'https://evil.example/?next=app://accord/index.html'],
  ])('never leaves the folder for %s', (_name, url) => {
    const resolution = resolveAppRequest(url, ROOT);
    if (resolution.kind === 'file') {
      // Whatever the URL parser made of it, the result must lie inside the root.
      const fromRoot = relative(ROOT, resolution.path);
      expect(fromRoot.startsWith('..') || isAbsolute(fromRoot)).toBe(false);
      expect(resolution.path).not.toMatch(/secret|passwd|win\.ini/);
    } else {
      expect(resolution.status).toBeGreaterThanOrEqual(400);
    }
  });

  it.each([
    ['plain dot-dot segments', 'app://accord/../../../etc/hosts.txt', 'etc/hosts.txt'],
    ['encoded dot-dot segments', 'app://accord/%2e%2e/%2E%2E/etc/hosts.txt', 'etc/hosts.txt'],
    ['an absolute path', 'app://accord//etc/hosts.txt', 'etc/hosts.txt'],
    // Decoded once only: the result is a strange but harmless file name inside the folder.
    ['a double-encoded dot-dot', 'app://accord/%252e%252e/secret.txt', '%2e%2e/secret.txt'],
  ])('keeps %s (normalised by the URL parser) inside the folder', (_name, url, inside) => {
    expect(resolveAppRequest(url, ROOT)).toMatchObject({ kind: 'file', path: join(ROOT, inside) });
  });
});

describe('app:// protocol handler', () => {
  let dir: string;
  const csp = "default-src 'self'";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accord-app-'));
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Accord</title>');
    await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'token');
    await symlink(join(dir, 'secret.txt'), join(dir, 'renderer', 'assets', 'leak.js'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the entry page with the content security policy', async () => {
    const handle = createAppProtocolHandler({
      rootDir: join(dir, 'renderer'),
      contentSecurityPolicy: csp,
    });
    const response = await handle({ url: 'app://accord/' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Accord</title>');
  });

  it.each([
    ['a missing file', 'app://accord/assets/missing.js', 404],
    ['a symlink out of the folder', 'app://accord/assets/leak.js', 403],
    ['a traversal attempt', 'app://accord/..%2fsecret.txt', 400],
    ['another origin', 'app://elsewhere/index.html', 403],
  ])('answers %s with %i', async (_name, url, status) => {
    const handle = createAppProtocolHandler({
      rootDir: join(dir, 'renderer'),
      contentSecurityPolicy: csp,
    });
    const response = await handle({ url });
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('token');
  });
});

describe('app:// protocol handler before the renderer is built', () => {
  it('answers 404 instead of failing when the build folder does not exist', async () => {
    const handle = createAppProtocolHandler({
      rootDir: join(tmpdir(), 'accord-no-such-build-folder'),
      contentSecurityPolicy: "default-src 'self'",
    });
    expect((await handle({ url: 'app://accord/' })).status).toBe(404);
  });
});
