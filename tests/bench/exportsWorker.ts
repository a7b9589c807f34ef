// One export of the benchmark plan in a process of its own, so that its peak memory (maxRSS) is
// its own: `node --import tsx tests/bench/exportsWorker.ts <format>`. Prints one JSON line.
import { exportPlan, type ExportFormat } from '../../shared/exports/exportPlan';
import { largeSnapshot } from '../../shared/exports/reportTestPlan';

export const BENCH_ACTIONS = 5_000;
export const BENCH_UPDATES = 20_000;

const format = process.argv[2] as ExportFormat;
const snapshot = largeSnapshot(BENCH_ACTIONS, BENCH_UPDATES);
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const file = await exportPlan(snapshot, {
  format,
  language: 'ru',
  today: '2025-06-15',
  period: format === 'json' ? undefined : { from: '2025-01-01', to: '2025-12-31' },
});
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    format,
    seconds,
    bytes: file.bytes.length,
    rssBeforeMb: rssBefore / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
