// `npm run bench`: every benchmark of this folder (each `<name>/run.ts`) in sequence, one process each, so one
// benchmark's load never overlaps another's. `npm run bench -- rollover summary` runs only those.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const wanted = process.argv.slice(2);
const benches = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(here, entry.name, 'run.ts')))
  .map((entry) => entry.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

const failed: string[] = [];
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`);
  const run = spawnSync(process.execPath, [path.join(here, name, 'run.ts')], { stdio: 'inherit', cwd: here });
  if (run.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
