// Import every list in ../shared/data/lists into a fresh temporary store; wall time and peak RSS.
// Target (issue "Foundation"): all of them in ≤ 15 s on the 2-core machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedListsDir } from '../src/config.js';
import { detectLists } from '../src/sources/detect.js';
import { openDb } from '../src/store/db.js';
import { ListStore } from '../src/store/lists.js';
import { importList } from '../src/store/import.js';
import { machine, replaceSection } from './report.js';

const home = mkdtempSync(join(tmpdir(), 'interdict-bench-'));
process.env.INTERDICT_HOME = home;
try {
  const store = new ListStore(openDb());
  const { lists } = await detectLists([sharedListsDir()]);
  const rows: string[] = [];
  const t0 = performance.now();
  let entities = 0;
  for (const list of lists) {
    const t = performance.now();
    const r = await importList(store, list, { allowShrink: true });
    const ms = performance.now() - t;
    entities += r.version.entities;
    rows.push(`| ${list.format.format} | ${list.input.files[0].replace(sharedListsDir() + '/', '')} | ${r.version.targets} | ${r.version.entities} | ${(ms / 1000).toFixed(2)} |`);
    console.log(`${list.format.format.padEnd(16)} ${r.version.targets.toString().padStart(6)} parties ${(ms / 1000).toFixed(2)} s`);
  }
  const wall = (performance.now() - t0) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`all ${lists.length} lists: ${wall.toFixed(1)} s, ${entities} entities, peak RSS ${rssMb.toFixed(0)} MB`);
  replaceSection(
    join(process.cwd(), 'docs', 'BENCHMARKS.md'),
    'Import',
    [
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:import\` (${machine()}, ${cpus().length} cores): every file in`,
      '`../shared/data/lists` imported into a new SQLite store, one transaction per list. Target: all in ≤ 15 s.',
      '',
      `**Total: ${wall.toFixed(1)} s wall, ${entities} entities, peak RSS ${rssMb.toFixed(0)} MB.**`,
      '',
      '| format | file | parties | entities | seconds |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
} finally {
  rmSync(home, { recursive: true, force: true });
}
