import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  joinPlan,
  listHistory,
  listMembers,
  parseInvite,
  ServerUnreachableError,
} from './serverApi';

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

describe('a server that cannot be reached', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    [
      'joining',
      () => joinPlan('http://10.0.0.9:8787/', { code: 'c', name: 'N', organisation: 'O' }),
    ],
    ['listing members', () => listMembers('http://10.0.0.9:8787', 'plan-1', 'token')],
  ])(
    '%s fails with a typed error naming the server, not "Failed to fetch"',
    async (_name, call) => {
      vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
      const failure: unknown = await call().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ServerUnreachableError);
      expect((failure as ServerUnreachableError).host).toBe('10.0.0.9:8787');
    },
  );

  it('a server that answers with an error is not "unreachable": its words are kept', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(JSON.stringify({ error: 'invite_expired', message: 'This invite expired' }), {
          status: 410,
        }),
      ),
    );
    const failure: unknown = await joinPlan('http://10.0.0.9:8787', {
      code: 'c',
      name: 'N',
      organisation: 'O',
    }).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(ServerUnreachableError);
    expect(failure).toBeInstanceOf(Error);
  });
});

describe('cancelling a server call', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['listing members', (signal: AbortSignal) => listMembers('http://h', 'plan-1', 't', signal)],
    ['listing history', (signal: AbortSignal) => listHistory('http://h', 'plan-1', 't', signal)],
  ])('%s passes the signal to fetch and rejects as aborted, not unreachable', async (_n, call) => {
    const seen: (AbortSignal | null | undefined)[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      seen.push(init.signal);
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    });
    const controller = new AbortController();
    const pending = call(controller.signal).catch((error: unknown) => error);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    controller.abort();
    const failure = await pending;
    expect(seen[0]).toBe(controller.signal);
    expect(failure).not.toBeInstanceOf(ServerUnreachableError);
    expect((failure as Error).name).toBe('AbortError');
  });
});
