// `npm run bench`: screening speed with every shared list loaded, on one core (one Node thread), against a
// brute-force baseline (every indexed name scored with Jaro-Winkler) in the same run; the index build from
// scratch and, in fresh processes, with the prepared-name file (first build, then a start-up). Updates the
// "Screening" section of docs/BENCHMARKS.md.
// the V8 setting the CLI runs with (src/match/gc-tuning.ts), before anything else
import '../src/match/gc-tuning.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { sharedDir } from '../src/config.js';
import { prepareEntity, queryFromRecord, Screener, type QueryRecord, type ScreenQuery } from '../src/match/index.js';
import { jaroWinkler } from '../src/match/distance.js';
import { sharedListStore } from '../eval/shared-lists.js';
import { machine, replaceSection } from './report.js';

const BATCH = Number(process.env.BENCH_QUERIES ?? 20000);
const SINGLE = Math.min(BATCH, 5000);
const BASELINE = Number(process.env.BENCH_BASELINE_QUERIES ?? 200);

function records(file: string): QueryRecord[] {
  return parse(readFileSync(join(sharedDir(), 'eval', 'screening', file)), { columns: true }) as QueryRecord[];
}

/** A customer-file-like mix: synthetic people (almost all clean) with 1 listed person in 50, from record `from` on. */
function workload(n: number, from = 0): ScreenQuery[] {
  const negatives = records('yente-negatives-global.csv');
  const positives = records('yente-positives-un-untreated.csv');
  const out: ScreenQuery[] = [];
  for (let i = from; out.length < n; i++) {
    const r = i % 50 === 49 ? positives[(i / 50) % positives.length | 0] : negatives[i % negatives.length];
    out.push(queryFromRecord(r));
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface BuildRun {
  seconds: number;
  cpu: number;
  prepared: number;
}

/**
 * `--build <file>`: build the index of every shared list with the prepared-name file, in a fresh process
 * (module caches cold, as at a server or CLI start-up), and print the timing as JSON.
 */
async function buildChild(file: string): Promise<void> {
  const store = await sharedListStore('');
  const entities = [...store.activeEntities()];
  const start = performance.now();
  const cpu = process.cpuUsage();
  const screener = Screener.fromEntities(entities, { nameCacheFile: file });
  const used = process.cpuUsage(cpu);
  const run: BuildRun = { seconds: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6, prepared: screener.namesPrepared };
  console.log(JSON.stringify(run));
}

/** The first build (names prepared, file written), then a start-up from the file, each in its own process. */
function buildsWithFile(): { first: BuildRun; fromFile: BuildRun } {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-bench-names-'));
  try {
    const run = (): BuildRun => {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--build', join(dir, 'prepared-names.json')], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`build process failed: ${child.stderr}`);
      return JSON.parse(child.stdout) as BuildRun;
    };
    const first = run();
    return { first, fromFile: run() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const store = await sharedListStore('', (l) => console.error(l));
  const entities = [...store.activeEntities()];
  const datasets = store.activeVersions().map((v) => `${v.dataset} (${v.targets})`);

  // the machine is shared: CPU time (process.cpuUsage) beside wall-clock time, and the load average
  const loadBefore = loadavg();
  const cpuSeconds = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1e6;
  };
  const withFile = buildsWithFile();
  const buildStart = performance.now();
  const buildCpuStart = process.cpuUsage();
  const screener = Screener.fromEntities(entities);
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const buildCpu = cpuSeconds(buildCpuStart);
  const rssAfterBuild = process.memoryUsage().rss / 1e6;
  const names = [...screener.preparedNames()];
  console.error(`index: ${screener.size} parties, ${names.length} name renderings, ${screener.vocabulary} tokens, built in ${buildSeconds.toFixed(2)} s`);

  // batch, one-by-one and warm-up records do not overlap: the engine keeps per-token caches, and a record
  // screened twice would be measured warm
  const queries = workload(BATCH);
  const singles = workload(SINGLE, BATCH);
  // warm up the JIT on queries outside the measured set
  for (const q of workload(500, BATCH + SINGLE)) screener.screen(q);

  // batch: the whole customer file, as `interdict screen --file` does (query → results → JSON line)
  let t = performance.now();
  const batchCpuStart = process.cpuUsage();
  let bytes = 0;
  let flagged = 0;
  for (const q of queries) {
    const results = screener.screen(q);
    if (results.some((r) => r.match)) flagged++;
    bytes += JSON.stringify(results.map((r) => ({ id: r.entity.id, score: r.score, match: r.match, explanations: r.explanations }))).length;
  }
  const batchSeconds = (performance.now() - t) / 1000;
  const batchRate = queries.length / batchSeconds;
  const batchCpuRate = queries.length / cpuSeconds(batchCpuStart);

  // one by one: latency of each screening
  const latencies: number[] = [];
  for (const q of singles) {
    const s = performance.now();
    screener.screen(q);
    latencies.push(performance.now() - s);
  }
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;

  // brute force: every listed name rendering scored with Jaro-Winkler against the query's names
  const sample = queries.filter((_, i) => i % Math.max(1, Math.floor(queries.length / BASELINE)) === 0).slice(0, BASELINE);
  t = performance.now();
  for (const q of sample) {
    const qnames = prepareEntity(q).names.map((n) => n.latin);
    const best = new Float64Array(screener.size);
    for (const { entity, latin } of names) {
      let s = 0;
      for (const qn of qnames) s = Math.max(s, jaroWinkler(qn, latin));
      if (s > best[entity]) best[entity] = s;
    }
    // the top 10, as a screening would return them
    const top: number[] = [];
    best.forEach((s, e) => {
      if (top.length < 10 || s > best[top[top.length - 1]]) {
        top.push(e);
        top.sort((a, b) => best[b] - best[a]);
        if (top.length > 10) top.pop();
      }
    });
  }
  const baselinePerQuery = (performance.now() - t) / sample.length;
  const ourPerQuery = 1000 / batchRate;
  const ratio = baselinePerQuery / ourPerQuery;
  const peakRss = process.resourceUsage().maxRSS / 1024;
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');
  const loadAfter = loadavg();

  const body = `
Measured ${date} by \`npm run bench\` (bench/screen.ts; ${machine()}, ${cpus().length} cores, one Node thread). Every shared
list loaded, active versions: ${datasets.join(', ')}. Queries: records from \`../shared/eval/screening\` (49 synthetic
people to 1 UN-listed person), screened with the default algorithm, threshold 0.7, 50 candidates per query.
Load average (1 / 5 / 15 min) ${load(loadBefore)} at the start and ${load(loadAfter)} at the end, on ${cpus().length} cores shared with
other developers: wall-clock figures include time other processes took; CPU-time figures (\`process.cpuUsage\`) do not.

**${batchRate.toFixed(0)} screenings/s on one core; ${ratio.toFixed(0)}× faster than brute force; index built in ${buildSeconds.toFixed(2)} s from scratch, ${withFile.fromFile.seconds.toFixed(2)} s at a start-up with the prepared-name file; peak RSS ${peakRss.toFixed(0)} MB.**

| measure | value | target |
|---|---:|---|
| listed parties / name renderings / distinct tokens | ${screener.size} / ${names.length} / ${screener.vocabulary} | ~60k parties |
| index build (prepare every name + index), wall / CPU | ${buildSeconds.toFixed(2)} s / ${buildCpu.toFixed(2)} s | ≤ 5 s |
| first build with the prepared-name file (own process; file written), wall / CPU | ${withFile.first.seconds.toFixed(2)} s / ${withFile.first.cpu.toFixed(2)} s (${withFile.first.prepared} written names prepared) | |
| start-up build from the prepared-name file (own process), wall / CPU | ${withFile.fromFile.seconds.toFixed(2)} s / ${withFile.fromFile.cpu.toFixed(2)} s (${withFile.fromFile.prepared} prepared) | ≤ 5 s |
| batch: ${queries.length} records, results serialised | ${batchRate.toFixed(0)}/s wall (${batchSeconds.toFixed(1)} s; ${flagged} flagged), ${batchCpuRate.toFixed(0)}/s per CPU second | ≥ 2,000/s |
| one by one: ${latencies.length} screenings, mean | ${mean.toFixed(3)} ms (${(1000 / mean).toFixed(0)}/s) | |
| latency p50 / p99 / max | ${percentile(latencies, 50).toFixed(3)} / ${percentile(latencies, 99).toFixed(3)} / ${latencies[latencies.length - 1].toFixed(2)} ms | |
| brute force (Jaro-Winkler over every name rendering), ${sample.length} queries | ${baselinePerQuery.toFixed(1)} ms per query (${(1000 / baselinePerQuery).toFixed(1)}/s) | |
| speed-up over brute force | ${ratio.toFixed(0)}× | ≥ 200× |
| RSS after the index build (store read, entities, index) | ${rssAfterBuild.toFixed(0)} MB | ≤ 1 GB |
| peak RSS of the whole benchmark (workload, baseline, garbage not yet collected) | ${peakRss.toFixed(0)} MB | |

The machine is shared by several developers: figures vary by ±30 % between runs.
`;
  console.log(body);
  replaceSection(join('docs', 'BENCHMARKS.md'), 'Screening', body);
  console.error('updated docs/BENCHMARKS.md (section Screening)');
}

(process.argv[2] === '--build' ? buildChild(process.argv[3]) : main()).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
