import { describe, expect, it } from 'vitest';
import { createLogger, withoutQuery } from './log';

describe('log', () => {
  it('[S14] never writes tokens or invite codes', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (line) => lines.push(line));
    log.info('upgrade', {
      url: '/sync/p1?token=SECRET1',
      path: '/api/join?code=SECRET2',
      token: 'SECRET3',
      inviteCode: 'SECRET4',
      authorization: 'Bearer SECRET5',
      planId: 'p1',
    });
    const text = lines.join('\n');
    expect(text).not.toMatch(/SECRET/);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      msg: 'upgrade',
      url: '/sync/p1',
      planId: 'p1',
    });
  });

  it.each([
    ['/sync/p?token=x', '/sync/p'],
    ['/a', '/a'],
    [undefined, ''],
  ])('[S14] strips the query of %s', (url, expected) => {
    expect(withoutQuery(url)).toBe(expected);
  });

  it('[S14] drops messages below the minimum level', () => {
    const lines: string[] = [];
    createLogger('warn', (line) => lines.push(line)).info('hidden');
    expect(lines).toEqual([]);
  });
});
