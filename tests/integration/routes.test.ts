// The HTTP routes' refusals and hygiene (server/SPEC.md [H1]-[H5]) against a real server.
import { connect as connectTcp } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../server/cli/cli';
import { createLogger } from '../../server/ops/log';
import { createAccordServer, type AccordServer } from '../../server/server';
import { newDataDir, planWith, startServer, withTimeout, type TestServer } from './harness';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

const owner = (token: string | undefined) => ({
  authorization: `Bearer ${token ?? ''}`,
  'content-type': 'application/json',
});

describe('HTTP routes', () => {
  it('[H2] an invite that would expire in the past is refused, through the API and the CLI', async () => {
    server = await startServer();
    const plan = await planWith(server, ['owner']);
    const invites = `${server.httpUrl}/api/plans/${plan.planId}/invites`;
    const post = (expiresAt: string) =>
      fetch(invites, {
        method: 'POST',
        headers: owner(plan.tokens[0]),
        body: JSON.stringify({ role: 'editor', expiresAt }),
      });
    const past = await post(new Date(Date.now() - 60_000).toISOString());
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ error: 'invalid_body', message: /past/ });
    expect((await post(new Date(Date.now() + 3_600_000).toISOString())).status).toBe(201);
    await server.stop();
    await expect(
      run(
        ['invite', plan.planId, '--role', 'editor', '--expires-in', '0d', '--data', server.dataDir],
        {},
        () => undefined,
      ),
    ).rejects.toThrow(/past|after now|longer/);
  });

  it('[H3] the last owner cannot revoke themselves; with a second owner they can', async () => {
    server = await startServer();
    const plan = await planWith(server, ['owner', 'editor']);
    const [ownerId] = plan.memberIds;
    const revoke = (planId: string, memberId: string | undefined, token: string | undefined) =>
      fetch(`${server!.httpUrl}/api/plans/${planId}/members/${memberId ?? ''}`, {
        method: 'DELETE',
        headers: owner(token),
      });
    const refused = await revoke(plan.planId, ownerId, plan.tokens[0]);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: 'last_owner' });
    const twoOwners = await planWith(server, ['owner', 'owner']);
    const [first] = twoOwners.memberIds;
    expect((await revoke(twoOwners.planId, first, twoOwners.tokens[0])).status).toBe(200);
  });
});

describe('HTTP hygiene', () => {
  let accord: AccordServer | undefined;
  afterEach(async () => {
    await accord?.close();
    accord = undefined;
  });

  it('[H4] a request body the client aborts is logged as the client doing, not as an error', async () => {
    const lines: { level: string; msg: string }[] = [];
    let seen: (line: { level: string; msg: string }) => void = () => undefined;
    const logged = new Promise<{ level: string; msg: string }>((resolve) => (seen = resolve));
    const log = createLogger('debug', (line) => {
      const entry = JSON.parse(line) as { level: string; msg: string };
      lines.push(entry);
      if (/request/.test(entry.msg)) seen(entry);
    });
    const dataDir = newDataDir();
    accord = createAccordServer(
      {
        host: '127.0.0.1',
        port: 0,
        dataDir,
        publicUrl: undefined,
        webRoot: dataDir,
        limits: (await import('../../server/ops/config')).DEFAULT_LIMITS,
        logLevel: 'debug',
        sqliteSynchronous: 'normal',
      },
      log,
    );
    const port = await accord.listen();
    const socket = connectTcp(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /api/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{"code":',
    );
    socket.destroy();
    const entry = await withTimeout(logged, 20_000, 'a log line about the request');
    expect(entry.msg).toMatch(/aborted/);
    expect(entry.level).not.toBe('error');
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
