import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_DIRECTIVES,
} from '../../shared/webApp/contentSecurityPolicy';
import {
  decideNavigation,
  hardenNavigation,
  type HardenableContents,
  type NavigationEvent,
} from './navigation';
import { denyAllPermissions, type PermissionSession } from './permissions';
import { secureWebPreferences } from './webPreferences';

/** A stand-in for WebContents that records the listeners hardening installs. */
function fakeContents() {
  const listeners = new Map<string, (event: NavigationEvent) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: HardenableContents = {
    on(event: string, listener: (event: NavigationEvent) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const fire = (name: string, url: string) => {
    let prevented = false;
    listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('navigation', () => {
  it.each([
    ['app://accord/index.html', 'allow'],
    ['app://accord/plans/1', 'allow'],
    ['https://evil.example/?next=app://accord', 'deny'],
    ['https://sdgs.un.org/goals/goal8', 'deny'], // trusted, but opens outside, never in the window
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['about:blank', 'deny'],
    ['app://accord.evil.example/', 'deny'],
  ])('%s: %s', (url, decision) => {
    expect(decideNavigation(url)).toBe(decision);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'on %s blocks leaving the app and sends only trusted links to the browser',
    (event) => {
      const opened: string[] = [];
      const { contents, fire } = fakeContents();
      hardenNavigation(contents, (url) => opened.push(url));
      expect(fire(event, 'app://accord/plans')).toBe(false);
      expect(fire(event, 'https://evil.example/?next=app://accord')).toBe(true);
      expect(fire(event, 'https://sdgs.un.org/goals/goal8')).toBe(true);
      expect(opened).toEqual(['https://sdgs.un.org/goals/goal8']);
    },
  );

  it('denies every new window and opens only trusted links outside', () => {
    const opened: string[] = [];
    const { contents, open } = fakeContents();
    hardenNavigation(contents, (url) => opened.push(url));
    expect(open('https://www.ilo.org/conventions')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://accord/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.ilo.org/conventions']);
  });

  it('refuses to attach a webview', () => {
    const { contents, fire } = fakeContents();
    hardenNavigation(contents, () => undefined);
    expect(fire('will-attach-webview', 'https://evil.example/')).toBe(true);
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'hid',
    'serial',
    'usb',
    'openExternal',
  ])('denies %s', (permission) => {
    const granted: boolean[] = [];
    const handlers: Partial<{
      request: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
      check: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
      device: Parameters<PermissionSession['setDevicePermissionHandler']>[0];
    }> = {};
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => (handlers.request = handler),
      setPermissionCheckHandler: (handler) => (handlers.check = handler),
      setDevicePermissionHandler: (handler) => (handlers.device = handler),
    });
    handlers.request?.(null, permission, (answer) => granted.push(answer));
    expect(granted).toEqual([false]);
    expect(handlers.check?.(null, permission)).toBe(false);
    expect(handlers.device?.({ deviceType: permission })).toBe(false);
  });
});

describe('window preferences', () => {
  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ] as const)('%s is %s', (key, value) => {
    expect(secureWebPreferences('/app/preload.cjs')[key]).toBe(value);
  });
});

describe('content security policy', () => {
  it.each([
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ])('contains %s', (directive) => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
  });

  it('never allows inline script, eval or remote script', () => {
    const scripts: readonly string[] = CONTENT_SECURITY_POLICY_DIRECTIVES['script-src'];
    expect(scripts).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
