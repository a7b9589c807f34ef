import { describe, expect, it } from 'vitest';
import { joinLinkFromArgv, parseJoinLink } from './deepLink';

const link = { serverUrl: 'wss://accord.example/sync', planId: 'plan-1', invite: 'Xy7_k-2' };
const good = 'accord://join?server=wss%3A%2F%2Faccord.example%2Fsync&plan=plan-1&invite=Xy7_k-2';

describe('join links', () => {
  it('reads the server, plan and invite of a link', () => {
    expect(parseJoinLink(good)).toEqual(link);
  });

  it.each([
    [
      'a LAN workshop host over ws',
      'accord://join?server=ws%3A%2F%2F192.168.1.20%3A8787&plan=p1&invite=abc',
    ],
    ['a trailing slash', 'accord://join/?server=https%3A%2F%2Faccord.example&plan=p1&invite=abc'],
    ['upper-case scheme', 'ACCORD://join?server=https%3A%2F%2Faccord.example&plan=p1&invite=abc'],
  ])('accepts %s', (_name, raw) => {
    expect(parseJoinLink(raw)).not.toBeNull();
  });

  it.each([
    ['another scheme', good.replace('accord:', 'https:')],
    ['another action', good.replace('//join', '//delete')],
    ['a path after join', good.replace('//join?', '//join/../x?')],
    ['a javascript: server', 'accord://join?server=javascript%3Aalert(1)&plan=p1&invite=abc'],
    ['a file: server', 'accord://join?server=file%3A%2F%2F%2Fetc%2Fpasswd&plan=p1&invite=abc'],
    ['a missing invite', 'accord://join?server=wss%3A%2F%2Fa.example&plan=p1'],
    ['a repeated server', `${good}&server=wss%3A%2F%2Fevil.example`],
    [
      'a plan id that is a path',
      'accord://join?server=wss%3A%2F%2Fa.example&plan=..%2F..&invite=abc',
    ],
    ['an invite with spaces', 'accord://join?server=wss%3A%2F%2Fa.example&plan=p1&invite=a%20b'],
    ['userinfo', good.replace('//join', '//user@join')],
    ['not a URL', 'join me'],
  ])('refuses %s', (_name, raw) => {
    expect(parseJoinLink(raw)).toBeNull();
  });

  it('finds the link in a second instance argv and ignores everything else', () => {
    expect(
      joinLinkFromArgv(['/opt/Accord/accord', '--no-sandbox', '/home/a/plan.accord', good]),
    ).toEqual(link);
    expect(joinLinkFromArgv(['/opt/Accord/accord', '--flag=accord://join?x'])).toBeNull();
  });
});
