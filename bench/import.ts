// Import every list in ../shared/data/lists into a fresh temporary store; wall time, CPU time and peak RSS.
// Target (issue "Foundation"): all of them in ≤ 15 s on the 2-core machine.
// `--threads N`: list-reading worker threads (0 = read on the importing thread); `--dry`: leave the docs alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedListsDir } from '../src/config.js';
import { detectLists } from '../src/sources/detect.js';
import { openDb } from '../src/store/db.js';
import { ListStore } from '../src/store/lists.js';
import { importList, prefetchLists } from '../src/store/import.js';
import { ReadPool } from '../src/store/read-pool.js';
import { machine, replaceSection } from './report.js';

const args = process.argv.slice(2);
const threadsArg = args.indexOf('--threads');
const threads = threadsArg >= 0 ? Number(args[threadsArg + 1]) : undefined;
const dry = args.includes('--dry');

const home = mkdtempSync(join(tmpdir(), 'interdict-bench-'));
process.env.INTERDICT_HOME = home;
try {
  const load = loadavg();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const store = new ListStore(openDb());
  const { lists } = await detectLists([sharedListsDir()]);
  const pool = threads === 0 ? undefined : new ReadPool({ threads });
  if (pool) await prefetchLists(store, pool, lists);
  const rows: string[] = [];
  let entities = 0;
  for (const list of lists) {
    const t = performance.now();
    const r = await importList(store, list, { allowShrink: true, pool });
    const ms = performance.now() - t;
    entities += r.version.entities;
    rows.push(`| ${list.format.format} | ${list.input.files[0].replace(sharedListsDir() + '/', '')} | ${r.version.targets} | ${r.version.entities} | ${(ms / 1000).toFixed(2)} |`);
    console.log(`${list.format.format.padEnd(16)} ${r.version.targets.toString().padStart(6)} parties ${(ms / 1000).toFixed(2)} s`);
  }
  await pool?.close();
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0); // every thread of the process
  const cpuS = (used.user + used.system) / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const loadText = `load average ${load.map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) when it started`;
  console.log(`all ${lists.length} lists: ${wall.toFixed(1)} s wall, CPU ${cpuS.toFixed(1)} s (user ${(used.user / 1e6).toFixed(1)}, system ${(used.system / 1e6).toFixed(1)}), ${entities} entities, peak RSS ${rssMb.toFixed(0)} MB; ${loadText}`);
  if (!dry) {
    replaceSection(
      join(process.cwd(), 'docs', 'BENCHMARKS.md'),
      'Import',
      [
        `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:import\` (${machine()}, ${cpus().length} cores, ${loadText}): every file in`,
        '`../shared/data/lists` imported into a new SQLite store, one transaction per list. Target: all in ≤ 15 s.',
        pool
          ? `The main thread imports the lists in order, one transaction each, and parses every list that ${pool.size} worker thread${pool.size === 1 ? '' : 's'} (reading ahead from the far end of a ${pool.ahead}-list window) did not start; a list's seconds are the time the main thread spent on it (parsing or waiting for a worker's rows, then writing them).`
          : 'Lists are read on the importing thread.',
        'The machine is shared with other developers: wall time grows with their load, CPU time (all threads of the process) is the steadier figure.',
        '',
        `**Total: ${wall.toFixed(1)} s wall, ${cpuS.toFixed(1)} s CPU (all threads: user ${(used.user / 1e6).toFixed(1)} s, system ${(used.system / 1e6).toFixed(1)} s), ${entities} entities, peak RSS ${rssMb.toFixed(0)} MB.**`,
        '',
        '| format | file | parties | entities | seconds |',
        '|---|---|---|---|---|',
        ...rows,
      ].join('\n'),
    );
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
