// The flood benchmark (issue 10): while 3,000 hostile sockets with editor tokens each send one edit
// to one plan (and, turned away, try again at once), an honest editor in another plan edits one
// change at a time and a probe asks /healthz one request at a time. Reports the honest edit's
// time to its "stored durably" acknowledgement and /healthz latency (p50, p99, max; targets: edit
// p99 < 50 ms, health < 100 ms), the same without a flood, the flood's outcomes and the server's
// CPU. Two floods: every socket with one token, and spread over 300 tokens.
// `npm run bench -- flood` (BENCH_QUICK=1: 1,000 sockets; BENCH_SQLITE=normal: without fsyncs).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createInvite, createPlan, join as joinPlan } from '../../server/identity/members';
import { MESSAGE } from '../../server/sync/protocol';
import { openSqliteStore } from '../../server/storage/sqliteFile';
import { now } from './benchClients';
import { accordServer, accordServerNormal, cpuSeconds } from './serverProcesses';

const QUICK = process.env.BENCH_QUICK === '1';
/** BENCH_SQLITE=normal: SQLite synchronous=NORMAL, so the honest edit waits for no fsync. */
const SERVER = process.env.BENCH_SQLITE === 'normal' ? accordServerNormal : accordServer;
const SOCKETS = QUICK ? 1_000 : 3_000;
/** Honest edits measured in each phase. */
const EDITS = QUICK ? 100 : 300;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

interface Honest {
  /** makes one edit; resolves with ms until the server acknowledged storing it */
  edit(): Promise<number>;
  destroy(): void;
}

async function honestEditor(wsUrl: string, planId: string, token: string): Promise<Honest> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, planId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token, ack: '1' },
  });
  let storedClock = 0;
  let waiter: (() => void) | null = null;
  provider.messageHandlers[MESSAGE.stored] = (_encoder, decoder) => {
    storedClock =
      Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(doc.clientID) ?? storedClock;
    waiter?.();
  };
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  let n = 0;
  return {
    edit: () =>
      new Promise<number>((resolve) => {
        const started = now();
        doc.getMap('honest').set(`k${n++ % 50}`, n);
        const target = Y.getState(doc.store, doc.clientID);
        waiter = () => {
          if (storedClock < target) return;
          waiter = null;
          resolve(now() - started);
        };
      }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** ms until /healthz answered; a failed request (no connection within undici's 10 s) counts
 * with the time it took, and in `healthFailures`. */
let healthFailures = 0;
async function healthLatency(httpUrl: string): Promise<number> {
  const started = now();
  try {
    await (await fetch(`${httpUrl}/healthz`)).text();
  } catch {
    healthFailures += 1;
  }
  return now() - started;
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const summary = (values: readonly number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms, ` +
  `max ${Math.max(...values).toFixed(1)} ms (${values.length})`;

/** Honest edits and health probes side by side until `edits` edits are done. */
async function measure(honest: Honest, httpUrl: string, edits: number) {
  healthFailures = 0;
  const editMs: number[] = [];
  const healthMs: number[] = [];
  let done = false;
  const probing = (async () => {
    while (!done) healthMs.push(await healthLatency(httpUrl));
  })();
  for (let i = 0; i < edits; i++) editMs.push(await honest.edit());
  done = true;
  await probing;
  return { editMs, healthMs, healthFailures };
}

async function scenario(name: string, tokensUsed: number): Promise<void> {
  const server = await SERVER.start(tokensUsed, 0);
  const httpUrl = server.wsUrl.replace(/^ws/, 'http').replace(/\/sync$/, '');
  // the honest editor's plan, added beside the running server (as the admin CLI would)
  const store = openSqliteStore(server.dataDir ?? '');
  const { plan } = await createPlan(store, 'Another plan');
  const { code } = await createInvite(store, plan.id, {
    role: 'editor',
    maxUses: 1,
    expiresAt: null,
    label: '',
    createdBy: null,
  });
  const joined = await joinPlan(store, code, { name: 'Honest', organisation: 'Ministry' });
  await store.close();
  if (!joined.ok) throw new Error(joined.refusal);
  const honest = await honestEditor(server.wsUrl, plan.id, joined.token);
  try {
    const quiet = await measure(honest, httpUrl, EDITS);
    const cpuBefore = server.cpuSeconds();
    const flood = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/bench/floodClients.ts',
        server.wsUrl,
        server.planId,
        String(SOCKETS),
        ...server.editorTokens,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: string[] = [];
    let firstRound: () => void = () => {};
    const firstRoundDone = new Promise<void>((resolve) => (firstRound = resolve));
    flood.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(line);
        if (line.includes('"first"')) firstRound();
      }
    });
    const started = now();
    const during = await measure(honest, httpUrl, EDITS);
    await firstRoundDone;
    const floodSeconds = (now() - started) / 1000;
    const cpu = server.cpuSeconds() - cpuBefore;
    const floodCpu = cpuSeconds(flood.pid ?? 0);
    const exited = new Promise<void>((resolve) => flood.once('exit', () => resolve()));
    flood.kill('SIGTERM');
    await exited;
    console.log(
      `### ${server.name}, ${name}: ${SOCKETS} hostile sockets, ${tokensUsed} editor token(s)\n`,
    );
    console.log(`- honest edit to ack, no flood: ${summary(quiet.editMs)}`);
    console.log(`- /healthz, no flood: ${summary(quiet.healthMs)}`);
    console.log(`- honest edit to ack, during the flood: ${summary(during.editMs)}`);
    console.log(
      `- /healthz, during the flood: ${summary(during.healthMs)}, ${during.healthFailures} failed`,
    );
    console.log(
      `- CPU during the flood: server ${cpu.toFixed(1)} s, flood clients ` +
        `${floodCpu.toFixed(1)} s, over ${floodSeconds.toFixed(1)} s; ` +
        `server RSS ${(server.rssBytes() / 2 ** 20).toFixed(0)} MB`,
    );
    for (const line of lines) console.log(`- flood outcomes: ${line}`);
    console.log('');
  } finally {
    honest.destroy();
    await server.stop();
  }
}

export async function run(): Promise<void> {
  await scenario('one token', 1);
  await scenario('300 tokens', 300);
}
