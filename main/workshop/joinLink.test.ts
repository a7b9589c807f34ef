import { describe, expect, it } from 'vitest';
import { workshopJoinLink, workshopServerUrl } from './joinLink';

describe('workshop join link', () => {
  it.each([
    ['192.168.1.23', 8787, 'http://192.168.1.23:8787'],
    ['10.0.0.5', 40123, 'http://10.0.0.5:40123'],
    ['fd00::12', 8787, 'http://[fd00::12]:8787'],
  ])('the server at %s port %d is %s', (address, port, url) => {
    expect(workshopServerUrl(address, port)).toBe(url);
  });

  it("opens the hosted web app's join page with the plan and the invite code", () => {
    const link = workshopJoinLink('192.168.1.23', 8787, 'plan-1', 'abc_DEF-123');
    expect(link).toBe('http://192.168.1.23:8787/#/join?plan=plan-1&code=abc_DEF-123');
  });

  it('is read back by the URL parser the app uses: same origin, plan and code', () => {
    const link = new URL(workshopJoinLink('10.0.0.5', 9000, 'p 1', 'c&d=e'));
    const params = new URLSearchParams(link.hash.slice(link.hash.indexOf('?')));
    expect([link.origin, params.get('plan'), params.get('code')]).toEqual([
      'http://10.0.0.5:9000',
      'p 1',
      'c&d=e',
    ]);
  });
});
