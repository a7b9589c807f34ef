// Exports through the server's HTTP API and the admin CLI, where people reach them:
// a real server, a plan written by a real provider through the plan operations, real files.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../server/cli/cli';
import * as actions from '../../shared/plan/actions';
import * as meta from '../../shared/plan/meta';
import * as objectives from '../../shared/plan/objectives';
import { openPlan } from '../../shared/plan/plan';
import {
  connect,
  planWith,
  startServer,
  stored,
  synced,
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

const HOSTILE = '=HYPERLINK("http://evil.example")';

async function planWithActions() {
  server = await startServer();
  const plan = await planWith(server, ['owner', 'viewer']);
  const owner = connect(server, plan.planId, plan.tokens[0] ?? '', { acks: true });
  clients.push(owner);
  await synced(owner);
  const editor = openPlan(owner.doc, { actor: { id: 'owner', name: 'Owner' } });
  meta.initialise(editor, {
    id: plan.planId,
    title: 'Decent work plan',
    languages: ['en', 'ru', 'tk'],
  });
  const objectiveId = objectives.create(editor, { title: 'Forced labour' });
  actions.create(editor, {
    title: 'Обучить инспекторов труда',
    objectiveId,
    deadline: '2025-12-31',
  });
  actions.create(editor, { title: HOSTILE, objectiveId });
  await stored(owner);
  return plan;
}

describe('exports', () => {
  it('a viewer downloads the plan as CSV and PDF through the API', async () => {
    const plan = await planWithActions();
    const base = `${server!.httpUrl}/api/plans/${plan.planId}/exports`;
    const viewer = { authorization: `Bearer ${plan.tokens[1]}` };

    const csv = await fetch(`${base}?format=csv&lang=ru`, { headers: viewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="?[^"]*\.csv"?/);
    expect(csv.headers.get('content-disposition')).toContain('-ru-');
    const text = await csv.text();
    expect(text).toContain('Обучить инспекторов труда');
    expect(text).toContain(`'${HOSTILE.replaceAll('"', '""')}`);
    // internal ids only when asked for
    const withIds = await fetch(`${base}?format=csv&lang=en&ids=true`, { headers: viewer });
    const [plainHeader, idsHeader] = [text, await withIds.text()].map(
      (file) => file.split(/\r?\n/, 1)[0]!,
    );
    expect(plainHeader).not.toMatch(/(^|,)Id$/);
    expect(idsHeader).toMatch(/,Id$/);

    const pdf = await fetch(`${base}?format=pdf&lang=tk&from=2025-01-01&to=2025-06-30`, {
      headers: viewer,
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('a viewer downloads the results as an IATI file through the API and the CLI', async () => {
    const plan = await planWithActions();
    const viewer = { authorization: `Bearer ${plan.tokens[1]}` };
    const iati = await fetch(`${server!.httpUrl}/api/plans/${plan.planId}/exports?format=iati`, {
      headers: viewer,
    });
    expect(iati.status).toBe(200);
    expect(iati.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(iati.headers.get('content-disposition')).toMatch(/\.iati\.xml"?$/);
    expect(await iati.text()).toContain('<iati-activities version="2.03"');

    const out = join(mkdtempSync(join(tmpdir(), 'accord-export-')), 'results.xml');
    const code = await run(
      ['export', plan.planId, '--format', 'iati', '--out', out, '--data', server!.dataDir],
      {},
      () => undefined,
    );
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<iati-activity xml:lang="en"');
  });

  it.each([
    ['format=docx', /format/],
    ['format=csv&from=2025-01-01', /both from and to/],
    ['format=csv&from=2025-06-01&to=2025-01-01', /ends before it starts/],
    ['format=csv&since=checkpoint:999', /no checkpoint 999/],
  ])('refuses %s with a clear 400', async (query, message) => {
    const plan = await planWithActions();
    const response = await fetch(`${server!.httpUrl}/api/plans/${plan.planId}/exports?${query}`, {
      headers: { authorization: `Bearer ${plan.tokens[1]}` },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
  });

  it('refuses a request without a member token', async () => {
    const plan = await planWithActions();
    const response = await fetch(`${server!.httpUrl}/api/plans/${plan.planId}/exports?format=json`);
    expect(response.status).toBe(401);
  });

  it('the admin CLI writes a monthly report from the database', async () => {
    const plan = await planWithActions();
    const out = join(mkdtempSync(join(tmpdir(), 'accord-export-')), 'report.json');
    const lines: string[] = [];
    const code = await run(
      [
        'export',
        plan.planId,
        '--format',
        'json',
        '--out',
        out,
        '--data',
        server!.dataDir,
        '--json',
      ],
      {},
      (line) => lines.push(line),
    );
    expect(code).toBe(0);
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ file: out, mimeType: 'application/json' });
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { actions: { title: string }[] };
    expect(exported.actions.map((action) => action.title)).toEqual([
      'Обучить инспекторов труда',
      HOSTILE,
    ]);
  });
});
