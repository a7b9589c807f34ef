// Exports of a large plan (5,000 actions, 20,000 progress updates), each format in a fresh
// process: time of exportPlan itself, and peak memory (maxRSS) of the process, which includes
// the plan snapshot it builds first (shown as "RSS before").
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The longest each export of the benchmark plan may take, in seconds, on the project's machine. */
const TARGETS = { json: 1, csv: 1, xlsx: 5, html: 5, pdf: 15 } as const;

interface Measure {
  format: keyof typeof TARGETS;
  seconds: number;
  bytes: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

export async function run(): Promise<void> {
  const worker = join(dirname(fileURLToPath(import.meta.url)), 'exportsWorker.ts');
  console.log('Exports: 5,000 actions, 20,000 progress updates, report in Russian\n');
  console.log('| format | time | target | size | RSS before | peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const format of Object.keys(TARGETS) as (keyof typeof TARGETS)[]) {
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', worker, format],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const line = output.trim().split('\n').at(-1)!;
    const m = JSON.parse(line) as Measure;
    const within = m.seconds < TARGETS[format] ? 'within' : 'OVER';
    console.log(
      `| ${format} | ${m.seconds.toFixed(2)} s | < ${TARGETS[format]} s (${within}) | ` +
        `${(m.bytes / 2 ** 20).toFixed(1)} MB | ${m.rssBeforeMb.toFixed(0)} MB | ${m.peakRssMb.toFixed(0)} MB |`,
    );
  }
}
