import { describe, expect, it } from 'vitest';
import { trustedExternalUrl } from './trustedUrl';
import { isAppUrl } from './appOrigin';

describe('trusted external URLs', () => {
  it.each([
    ['https://sdgs.un.org/goals/goal8', 'https://sdgs.un.org/goals/goal8'],
    ['HTTPS://SDGS.UN.ORG/goals', 'https://sdgs.un.org/goals'],
    ['https://www.ohchr.org/en/business', 'https://www.ohchr.org/en/business'],
    ['https://sdgs.un.org:443/goals', 'https://sdgs.un.org/goals'], // the default port, normalised away
  ])('opens %s as %s', (raw, opened) => {
    expect(trustedExternalUrl(raw)).toBe(opened);
  });

  it.each([
    ['an untrusted host whose query names the app', 'https://evil.example/?next=app://accord'],
    [
      'an untrusted host whose query names a trusted one',
      'https://evil.example/?u=https://sdgs.un.org',
    ],
    [
      'an untrusted host whose fragment names a trusted one',
      'https://evil.example/#https://sdgs.un.org',
    ],
    ['a trusted name as a subdomain of an untrusted host', 'https://sdgs.un.org.evil.example/'],
    ['an untrusted host ending in a trusted name', 'https://evilsdgs.un.org/'],
    ['a trusted name as userinfo', 'https://sdgs.un.org@evil.example/'],
    ['a trusted name as user and password', 'https://sdgs.un.org:x@evil.example/'],
    ['credentials on a trusted host', 'https://user:pass@sdgs.un.org/'],
    ['an encoded @ in the userinfo', 'https://sdgs.un.org%40evil.example/'],
    ['a Cyrillic look-alike (IDN)', 'https://ѕdgs.un.org/'],
    ['a punycode look-alike', 'https://xn--dgs-8cd.un.org/'],
    ['a trailing-dot host', 'https://sdgs.un.org./'],
    ['a non-default port', 'https://sdgs.un.org:8443/'],
    ['plain http', 'http://sdgs.un.org/'],
    ['javascript:', 'javascript:alert(1)//https://sdgs.un.org'],
    ['javascript: with whitespace and case', '  JaVaScRiPt:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['a Windows UNC path', '\\\\evil.example\\share'],
    ['smb:', 'smb://evil.example/share'],
    ['the app itself', 'app://accord/index.html'],
    ['a relative URL', '/goals'],
    ['a protocol-relative URL', '//sdgs.un.org/goals'],
    ['an empty string', ''],
    ['not a URL', 'sdgs.un.org'],
  ])('refuses %s: %s', (_name, raw) => {
    expect(trustedExternalUrl(raw)).toBeNull();
  });
});

describe('the app origin', () => {
  it.each([
    ['app://accord/index.html', true],
    ['app://accord/', true],
    // Chromium reports the standard app: scheme's host lower-cased; anything else fails closed.
    ['app://ACCORD/plans', false],
    ['app://accord.evil.example/', false],
    ['app://evil.example/?next=app://accord', false],
    ['https://evil.example/?next=app://accord', false],
    ['app://user@accord/', false],
    ['app://accord:8080/', false],
    ['file:///app/accord/index.html', false],
    ['accord://join?plan=x', false],
    ['', false],
    ['about:blank', false],
  ])('%s is the app: %s', (raw, expected) => {
    expect(isAppUrl(raw)).toBe(expected);
  });
});
