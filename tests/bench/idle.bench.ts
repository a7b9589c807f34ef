// `npm run bench -- idle`: the resident memory of an idle server with no plan loaded, as
// `npm run serve` runs it (tsx compiling TypeScript at run time), as the production bundle runs
// under plain node (`npm run build:server`), and the reference y-websocket 2.1.0 server, in one run.
// What the bundle saves is the first two's difference. Measures; never fails on memory.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { exited, startNode } from '../support/cluster';
import { freePort } from '../support/engines';
import { referenceInMemory } from './serverProcesses';

/** Samples taken a second apart once a server has listened for SETTLE_MS. */
const SAMPLES = 5;
const SETTLE_MS = 5_000;

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function idleRss(pid: number): Promise<number> {
  await sleep(SETTLE_MS);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    samples.push(rssMb(pid));
    await sleep(1_000);
  }
  return samples.sort((a, b) => a - b)[Math.floor(SAMPLES / 2)] ?? 0;
}

export async function run(): Promise<void> {
  execFileSync('npm', ['run', '-s', 'build:server'], { stdio: 'inherit' });
  const rows: [string, number][] = [];
  for (const built of [false, true]) {
    const child = await startNode({ port: await freePort(), built });
    rows.push([built ? 'accord, bundle under node' : 'accord, tsx', await idleRss(child.pid!)]);
    child.kill('SIGTERM');
    await exited(child);
  }
  const reference = await referenceInMemory.start(0, 0);
  rows.push([reference.name, await idleRss(reference.pid)]);
  await reference.stop();

  const base = rows[0]![1];
  console.log('| idle server | RSS (median of 5) | vs tsx |');
  console.log('| --- | --- | --- |');
  for (const [name, mb] of rows) {
    console.log(`| ${name} | ${mb.toFixed(1)} MB | ${(mb / base).toFixed(2)}x |`);
  }
  console.log(`the bundle saves ${(base - rows[1]![1]).toFixed(1)} MB`);
}
