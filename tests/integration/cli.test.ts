import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../server/cli/cli';
import {
  connect,
  newDataDir,
  startServer,
  synced,
  titles,
  until,
  addAction,
  stored,
  type Client,
  type TestServer,
} from './harness';

let server: TestServer | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  server = undefined;
});

async function admin(dataDir: string, ...argv: string[]): Promise<{ code: number; text: string }> {
  return adminWith({}, dataDir, ...argv);
}

async function adminWith(
  env: Record<string, string>,
  dataDir: string,
  ...argv: string[]
): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await run([...argv, '--data', dataDir], env, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
}

const json = <T>(result: { text: string }) => JSON.parse(result.text) as T;

describe('admin CLI', () => {
  it('creates a plan with an owner invite, manages invites and members, and refuses a bad export', async () => {
    const dataDir = newDataDir();
    const created = json<{ plan: { id: string }; ownerInvite: { code: string; link: string } }>(
      await admin(dataDir, 'create-plan', 'Decent', 'work', 'plan', '--json'),
    );
    expect(created.ownerInvite.link).toContain(created.plan.id);
    const human = await admin(dataDir, 'plans');
    expect(human.text).toMatch(/Decent work plan/);
    const invite = json<{ invite: { id: string; maxUses: number }; code: string }>(
      await admin(
        dataDir,
        'invite',
        created.plan.id,
        '--role',
        'viewer',
        '--uses',
        '3',
        '--expires-in',
        '2d',
        '--json',
      ),
    );
    expect(invite.invite.maxUses).toBe(3);
    const invites = json<{ id: string; uses: string }[]>(
      await admin(dataDir, 'invites', created.plan.id, '--json'),
    );
    expect(invites.map((i) => i.uses)).toEqual(['0/1', '0/3']);
    expect((await admin(dataDir, 'revoke-invite', created.plan.id, invite.invite.id)).code).toBe(0);
    await expect(admin(dataDir, 'export', created.plan.id, '--format', 'docx')).rejects.toThrow(
      'unknown format "docx": choose one of json, csv, xlsx, html, pdf',
    );
    // Bad dates and periods are said in plain English, never in zod's words.
    const period = (from: string, to: string) =>
      admin(dataDir, 'export', created.plan.id, '--format', 'csv', '--from', from, '--to', to);
    await expect(period('2025-13-01', '2025-12-31')).rejects.toThrow(
      'the start of the period (from) "2025-13-01" is not a date: write it as YYYY-MM-DD',
    );
    await expect(period('2025-06-30', '2025-01-01')).rejects.toThrow(
      /^the reporting period ends before it starts: "from" must be on or before "to"$/,
    );
    await expect(admin(dataDir, 'export', 'no-such-plan', '--format', 'csv')).rejects.toThrow(
      /no plan/,
    );
    await expect(admin(dataDir, 'invite', created.plan.id, '--role', 'boss')).rejects.toThrow(
      /--role/,
    );
    expect(json<unknown[]>(await admin(dataDir, 'members', created.plan.id, '--json'))).toEqual([]);
  });

  it("invite links follow the server's --port / ACCORD_PORT and --public-url, as the server's own links do", async () => {
    server = await startServer();
    const port = new URL(server.httpUrl).port;
    const { dataDir } = server;
    type Created = { plan: { id: string }; ownerInvite: { code: string; link: string } };
    const created = json<Created>(
      await admin(dataDir, 'create-plan', 'Plan', '--port', port, '--json'),
    );
    const base = `http://127.0.0.1:${port}/#/join?`;
    expect(created.ownerInvite.link.startsWith(base)).toBe(true);

    // the server's API builds its links from the same settings
    const joined = (await (
      await fetch(`${server.httpUrl}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: created.ownerInvite.code, name: 'Owner', organisation: 'M' }),
      })
    ).json()) as { token: string };
    const fromApi = (await (
      await fetch(`${server.httpUrl}/api/plans/${created.plan.id}/invites`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${joined.token}` },
        body: JSON.stringify({ role: 'editor' }),
      })
    ).json()) as { joinUrl: string };
    expect(fromApi.joinUrl.startsWith(base)).toBe(true);

    const link = async (env: Record<string, string>, ...flags: string[]) =>
      json<{ link: string }>(
        await adminWith(
          env,
          dataDir,
          'invite',
          created.plan.id,
          '--role',
          'viewer',
          ...flags,
          '--json',
        ),
      ).link;
    expect(await link({ ACCORD_PORT: '9100' })).toMatch(/^http:\/\/127\.0\.0\.1:9100\/#\/join\?/);
    expect(await link({ ACCORD_PORT: '9100' }, '--port', '9200')).toMatch(
      /^http:\/\/127\.0\.0\.1:9200\//,
    );
    expect(await link({ ACCORD_HOST: '::1', ACCORD_PORT: '9100' })).toMatch(
      /^http:\/\/\[::1\]:9100\//,
    );
    expect(
      await link({ ACCORD_PORT: '9100' }, '--public-url', 'https://plans.example.org/'),
    ).toMatch(/^https:\/\/plans\.example\.org\/#\/join\?/);
    expect(
      await link({ ACCORD_PUBLIC_URL: 'https://plans.example.org' }, '--port', '9200'),
    ).toMatch(/^https:\/\/plans\.example\.org\//);
    await expect(admin(dataDir, 'plans', '--port', 'eighty')).rejects.toThrow(/bad setting/);

    // told nothing, links follow the server running on this data folder (its port was free, not
    // the default), and they reach it
    const { link: untold } = json<{ link: string }>(
      await admin(dataDir, 'invite', created.plan.id, '--role', 'editor', '--json'),
    );
    expect(untold.startsWith(base)).toBe(true);
    const code = new URLSearchParams(untold.split('#/join?')[1]).get('code');
    const joinedByLink = await fetch(`${new URL(untold).origin}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'Participant', organisation: 'ILO' }),
    });
    expect(joinedByLink.status).toBe(201);
  });

  it('[S9] a member revoked from the CLI is disconnected by the running server; backup and restore keep the plan', async () => {
    server = await startServer({ revocationPollMs: 50 });
    const dataDir = server.dataDir;
    const created = json<{ plan: { id: string }; ownerInvite: { code: string } }>(
      await admin(dataDir, 'create-plan', 'Plan', '--json'),
    );
    const joined = (await (
      await fetch(`${server.httpUrl}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code: created.ownerInvite.code,
          name: 'Owner',
          organisation: 'Ministry',
        }),
      })
    ).json()) as { token: string; member: { id: string } };
    const owner = connect(server, created.plan.id, joined.token, { acks: true });
    clients.push(owner);
    await synced(owner);
    addAction(owner.doc, 'a1', 'kept in the backup');
    await stored(owner);

    const backup = join(newDataDir(), 'backup.db');
    expect((await admin(dataDir, 'backup', backup)).code).toBe(0);
    expect(existsSync(backup)).toBe(true);

    const closed = new Promise<number>((resolve) =>
      owner.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
    );
    expect((await admin(dataDir, 'revoke-member', created.plan.id, joined.member.id)).code).toBe(0);
    expect(await closed).toBe(4403);

    // restore into a fresh data folder and serve it
    await server.dispose();
    const restoredDir = newDataDir();
    expect((await admin(restoredDir, 'restore', backup)).code).toBe(0);
    server = await startServer({}, restoredDir);
    const again = connect(server, created.plan.id, joined.token);
    clients.push(again);
    await until([again.doc], () => titles(again.doc).length === 1, 'restored plan');
    expect(titles(again.doc)).toEqual(['kept in the backup']);
  });
});
