// The sync server benchmark: Accord's server against the reference y-websocket 2.1.0
// server, in memory and with LevelDB, in the same run on 127.0.0.1 with the same clients.
// Scenarios: 50 and 200 clients in one plan, (a) all real providers, (b) 10 real editing providers
// plus bare-socket receivers; sequential, paced (200/s) and burst edits; and an awareness storm of
// 200 clients whose presence renewals line up. Reports latency from an edit to the last receiver,
// deliveries per second at saturation, server CPU per edit and server RSS, with ratios to the
// reference's in-memory figures. `npm run bench -- server` (BENCH_QUICK=1 for a short run).
import {
  Arrivals,
  awarenessFrame,
  connectBare,
  connectEditor,
  now,
  type BareSocket,
  type Editor,
} from './benchClients';
import {
  accordServer,
  accordServerNormal,
  referenceInMemory,
  referencePersisted,
  type RunningServer,
  type ServerKind,
} from './serverProcesses';

const QUICK = process.env.BENCH_QUICK === '1';
/** A scenario that has not delivered everything by then is reported as incomplete. */
const SCENARIO_TIMEOUT_MS = 60_000;
const EDITORS = 10;

interface Measurement {
  readonly latencies: number[];
  /** edits (or presence updates) made */
  readonly edits: number;
  /** how many of them did not reach every receiver in time */
  readonly incomplete: number;
  /** deliveries (an edit reaching one receiver) per second, for saturating scenarios */
  readonly deliveriesPerSecond?: number;
  readonly framesReceived: number;
}

interface Row extends Measurement {
  readonly scenario: string;
  readonly server: string;
  readonly cpuMsPerEdit: number;
  readonly rssMb: number;
}

interface Scenario {
  readonly name: string;
  readonly editors: number;
  readonly viewers: number;
  /** connects its clients, calls `connected()`, then edits (CPU is counted from there) */
  run(server: RunningServer, connected: () => void): Promise<Measurement>;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms))),
  ]).finally(() => clearTimeout(timer));
}

async function settle(
  arrivals: Arrivals,
  markers: readonly number[],
  edits: number,
): Promise<Measurement> {
  await within(Promise.all(markers.map((m) => arrivals.delivered(m))), SCENARIO_TIMEOUT_MS);
  return {
    latencies: arrivals.latencies(),
    edits,
    incomplete: markers.filter((m) => !arrivals.complete(m)).length,
    framesReceived: arrivals.framesReceived,
  };
}

/** (a) every client a real provider; client 0 edits, one edit at a time. */
function realProviders(clients: number, edits: number): Scenario {
  return {
    name: `(a) ${clients} real providers, sequential`,
    editors: clients,
    viewers: 0,
    async run(server, connected) {
      const arrivals = new Arrivals(clients - 1);
      const editors: Editor[] = await Promise.all(
        server.editorTokens.map((token) =>
          connectEditor(server.wsUrl, server.planId, token, (m) => arrivals.arrived(m)),
        ),
      );
      connected();
      try {
        const markers: number[] = [];
        for (let m = 0; m < edits; m++) {
          arrivals.sent(m);
          editors[0]?.edit(m);
          markers.push(m);
          if ((await within(arrivals.delivered(m), SCENARIO_TIMEOUT_MS)) === 'timeout') break;
        }
        return await settle(arrivals, markers, edits);
      } finally {
        for (const editor of editors) editor.destroy();
      }
    },
  };
}

type Mode = 'sequential' | 'paced' | 'burst';

/** (b) 10 real editing providers and bare-socket receivers that only subscribe. */
function bareReceivers(clients: number, mode: Mode): Scenario {
  const receivers = clients - EDITORS;
  return {
    name: `(b) ${clients} clients (${EDITORS} editors + ${receivers} bare), ${mode === 'paced' ? 'paced 200/s' : mode}`,
    editors: EDITORS,
    viewers: receivers,
    async run(server, connected) {
      const arrivals = new Arrivals(receivers);
      const editors = await Promise.all(
        server.editorTokens.map((token) => connectEditor(server.wsUrl, server.planId, token)),
      );
      const sockets: BareSocket[] = await Promise.all(
        server.viewerTokens.map((token) => {
          const seen = new Set<number>();
          return connectBare(server.wsUrl, server.planId, token, {
            onFrame: () => (arrivals.framesReceived += 1),
            onMarker: (m) => {
              if (seen.has(m)) return;
              seen.add(m);
              arrivals.arrived(m);
            },
          });
        }),
      );
      const editorAt = (m: number) => editors[m % editors.length] as Editor;
      const markers: number[] = [];
      const edit = (m: number) => {
        arrivals.sent(m);
        editorAt(m).edit(m);
        markers.push(m);
      };
      connected();
      try {
        if (mode === 'sequential') {
          const count = QUICK ? 50 : 200;
          for (let m = 0; m < count; m++) {
            edit(m);
            if ((await within(arrivals.delivered(m), SCENARIO_TIMEOUT_MS)) === 'timeout') break;
          }
          return await settle(arrivals, markers, count);
        }
        if (mode === 'paced') {
          const count = QUICK ? 400 : 1000;
          const intervalMs = 1000 / 200;
          await new Promise<void>((resolve) => {
            let m = 0;
            const start = now();
            const tick = () => {
              // catch up if the timer fired late, so the rate stays 200/s
              while (m < count && now() - start >= m * intervalMs) edit(m++);
              if (m >= count) resolve();
              else setTimeout(tick, Math.max(0, start + m * intervalMs - now()));
            };
            tick();
          });
          return await settle(arrivals, markers, count);
        }
        const perEditor = QUICK ? 100 : 300;
        const count = perEditor * editors.length;
        const start = now();
        for (let m = 0; m < count; m++) edit(m);
        const measured = await settle(arrivals, markers, count);
        const seconds = (arrivals.lastArrival() - start) / 1000;
        return { ...measured, deliveriesPerSecond: arrivals.deliveredCount() / seconds };
      } finally {
        for (const editor of editors) editor.destroy();
        for (const socket of sockets) socket.close();
      }
    },
  };
}

/**
 * 200 clients whose presence renewals line up, several rounds: all at the same instant
 * (`spreadMs` 0, the worst case), or spread over `spreadMs` as jittered reconnects produce.
 */
function awarenessStorm(clients: number, rounds: number, spreadMs = 0): Scenario {
  return {
    name: `awareness storm, ${clients} clients x ${rounds} rounds${spreadMs ? `, spread over ${spreadMs} ms` : ', all at once'}`,
    editors: 0,
    viewers: clients,
    async run(server, connected) {
      const arrivals = new Arrivals(clients - 1);
      const key = (clientID: number, clock: number) => clientID * 1000 + clock;
      const ids = server.viewerTokens.map((_, i) => 1000 + i);
      const sockets = await Promise.all(
        server.viewerTokens.map((token, i) => {
          const seen = new Set<number>();
          return connectBare(server.wsUrl, server.planId, token, {
            onFrame: () => (arrivals.framesReceived += 1),
            onAwareness: (clientID, clock) => {
              const marker = key(clientID, clock);
              if (clientID === ids[i] || seen.has(marker)) return;
              seen.add(marker);
              arrivals.arrived(marker);
            },
          });
        }),
      );
      const markers: number[] = [];
      try {
        connected();
        for (let clock = 1; clock <= rounds; clock++) {
          const round: number[] = [];
          sockets.forEach((socket, i) => {
            const clientID = ids[i] ?? 0;
            const marker = key(clientID, clock);
            const state = {
              user: {
                id: `member-${i}`,
                name: `Participant ${i}`,
                org: 'Ministry of Labour',
                color: '#3366cc',
              },
              focus: { actionId: `action-${i % 40}`, field: 'title' },
            };
            const send = () => {
              arrivals.sent(marker);
              socket.ws.send(awarenessFrame(clientID, clock, state));
            };
            if (spreadMs === 0) send();
            else setTimeout(send, (i * spreadMs) / sockets.length);
            round.push(marker);
          });
          markers.push(...round);
          await within(Promise.all(round.map((m) => arrivals.delivered(m))), SCENARIO_TIMEOUT_MS);
        }
        return await settle(arrivals, markers, markers.length);
      } finally {
        for (const socket of sockets) socket.close();
      }
    },
  };
}

async function measure(kind: ServerKind, scenario: Scenario): Promise<Row> {
  const server = await kind.start(scenario.editors, scenario.viewers);
  try {
    let cpuBefore = server.cpuSeconds();
    const measured = await scenario.run(server, () => (cpuBefore = server.cpuSeconds()));
    const cpu = server.cpuSeconds() - cpuBefore;
    return {
      ...measured,
      scenario: scenario.name,
      server: kind.name,
      cpuMsPerEdit: (cpu * 1000) / Math.max(1, measured.edits),
      rssMb: server.rssBytes() / 1024 / 1024,
    };
  } finally {
    await server.stop();
  }
}

const fixed = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
const ratio = (ours: number | undefined, theirs: number | undefined) =>
  ours === undefined ||
  theirs === undefined ||
  !theirs ||
  Number.isNaN(ours) ||
  Number.isNaN(theirs)
    ? '-'
    : `${(ours / theirs).toFixed(2)}x`;

export async function run(): Promise<void> {
  const kinds = [accordServer, accordServerNormal, referenceInMemory, referencePersisted];
  const only = process.env.BENCH_ONLY;
  const all: Scenario[] = [
    realProviders(50, QUICK ? 50 : 100),
    realProviders(200, QUICK ? 20 : 50),
    bareReceivers(50, 'sequential'),
    bareReceivers(200, 'sequential'),
    bareReceivers(50, 'paced'),
    bareReceivers(200, 'paced'),
    bareReceivers(50, 'burst'),
    bareReceivers(200, 'burst'),
    awarenessStorm(200, QUICK ? 3 : 5),
    awarenessStorm(200, QUICK ? 3 : 5, 1000),
  ];
  // BENCH_ONLY=awareness runs only the scenarios whose name contains it
  const scenarios = only ? all.filter((s) => s.name.includes(only)) : all;
  const rows: Row[] = [];
  const loadAtStart = (await import('node:os')).loadavg();
  for (const scenario of scenarios) {
    for (const kind of kinds) {
      process.stderr.write(`running ${scenario.name} on ${kind.name}...\n`);
      const row = await measure(kind, scenario);
      rows.push(row);
      const sorted = [...row.latencies].sort((a, b) => a - b);
      process.stderr.write(
        `  p50 ${fixed(percentile(sorted, 50))} p99 ${fixed(percentile(sorted, 99))} ms, ` +
          `${fixed(row.deliveriesPerSecond, 0)} deliveries/s, incomplete ${row.incomplete}\n`,
      );
    }
  }

  const os = await import('node:os');
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, ${new Date().toISOString()}${QUICK ? ' (BENCH_QUICK)' : ''}; ` +
      `load average ${loadAtStart.map((l) => l.toFixed(1)).join(' ')} at start, ` +
      `${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at end (other work on the machine skews the figures)`,
  );
  console.log('');
  console.log(
    '| scenario | server | p50 ms | p95 ms | p99 ms | deliveries/s | server CPU ms/edit | server RSS MB | frames received | incomplete |',
  );
  console.log('| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const row of rows) {
    const sorted = [...row.latencies].sort((a, b) => a - b);
    console.log(
      `| ${row.scenario} | ${row.server} | ${fixed(percentile(sorted, 50))} | ${fixed(percentile(sorted, 95))} | ${fixed(percentile(sorted, 99))} | ${fixed(row.deliveriesPerSecond, 0)} | ${fixed(row.cpuMsPerEdit, 3)} | ${fixed(row.rssMb, 0)} | ${row.framesReceived} | ${row.incomplete} |`,
    );
  }
  console.log('');
  console.log(
    'Ratios to the reference in memory, FULL / NORMAL (lower is better except throughput):',
  );
  console.log('');
  console.log('| scenario | p50 | p99 | deliveries/s | CPU/edit | RSS |');
  console.log('| --- | --: | --: | --: | --: | --: |');
  const pick = (scenario: Scenario, kind: ServerKind) =>
    rows.find((r) => r.scenario === scenario.name && r.server === kind.name);
  const sortedOf = (row: Row) => [...row.latencies].sort((a, b) => a - b);
  for (const scenario of scenarios) {
    const ref = pick(scenario, referenceInMemory);
    if (!ref) continue;
    const r = sortedOf(ref);
    const cells = [accordServer, accordServerNormal].map((kind) => {
      const ours = pick(scenario, kind);
      if (!ours) return ['-', '-', '-', '-', '-'];
      const o = sortedOf(ours);
      return [
        ratio(percentile(o, 50), percentile(r, 50)),
        ratio(percentile(o, 99), percentile(r, 99)),
        ratio(ours.deliveriesPerSecond, ref.deliveriesPerSecond),
        ratio(ours.cpuMsPerEdit, ref.cpuMsPerEdit),
        ratio(ours.rssMb, ref.rssMb),
      ];
    });
    const joined = [0, 1, 2, 3, 4].map((i) => `${cells[0]?.[i]} / ${cells[1]?.[i]}`);
    console.log(`| ${scenario.name} | ${joined.join(' | ')} |`);
  }
}
