// `npm run bench`: runs every `*.bench.ts` file in this folder, one after another (or only those
// whose name contains an argument: `npm run bench -- server`). A benchmark file exports
// `run(): Promise<void>` and prints its own report. Benchmarks measure; they never fail on timing.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const folder = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

for (const file of files) {
  console.log(`\n## ${file}\n`);
  const module = (await import(pathToFileURL(join(folder, file)).href)) as {
    run?: () => Promise<void>;
  };
  if (typeof module.run !== 'function') {
    console.log(`(skipped: ${file} exports no run())`);
    continue;
  }
  await module.run();
}
