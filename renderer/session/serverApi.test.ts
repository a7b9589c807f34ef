import { describe, expect, it } from 'vitest';
import { parseInvite } from './serverApi';

describe('parseInvite', () => {
  it.each([
    [
      'a join link from the server',
      'https://accord.example.org/#/join?plan=p-1&code=abc_DEF',
      { serverUrl: 'https://accord.example.org', code: 'abc_DEF', planId: 'p-1' },
    ],
    [
      'a bare code uses this page’s server',
      '  abc_DEF  ',
      { serverUrl: 'http://127.0.0.1:8787', code: 'abc_DEF', planId: null },
    ],
    ['a link without a code is refused', 'https://accord.example.org/#/join?plan=p-1', null],
    ['nothing is refused', '   ', null],
  ])('%s', (_name, text, expected) => {
    expect(parseInvite(text, 'http://127.0.0.1:8787')).toEqual(expected);
  });

  it('refuses a bare code when there is no page server (the desktop app)', () => {
    expect(parseInvite('abc', '')).toBeNull();
  });
});
