// `npm run bench:http`: the HTTP service under load. Every shared list is imported into a temporary store,
// `interdict serve` runs as its own process on loopback, and autocannon drives POST /match/default with one
// and with 20 queries per request at 1, 16 and 64 connections. Queries are the screening evaluation's
// customer-file mix (49 synthetic people to 1 listed person). Updates the "HTTP" section of
// docs/BENCHMARKS.md. Target: p99 ≤ 20 ms at 64 connections for single-query requests.
//
//   --duration <s>   seconds per scenario (default 15)
//   --workers <list> screening threads of the server, one run per value (default 1,2)
//   --soak <s>       instead: single queries at 16 connections for <s> seconds, memory sampled every 30 s
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { parse } from 'csv-parse/sync';
import { sharedDir, sharedListsDir } from '../src/config.js';
import { queryFromRecord, type QueryRecord, type ScreenQuery } from '../src/match/index.js';
import { detectLists } from '../src/sources/detect.js';
import { openDb } from '../src/store/db.js';
import { importList } from '../src/store/import.js';
import { ListStore } from '../src/store/lists.js';
import { machine, replaceSection } from './report.js';

const { values: args } = parseArgs({ options: { duration: { type: 'string', default: '15' }, workers: { type: 'string', default: '1,2' }, soak: { type: 'string' } } });
const DURATION = Number(args.duration);
const WORKER_COUNTS = args.workers!.split(',').map(Number);
const SOAK = args.soak ? Number(args.soak) : undefined;
const SAMPLE_EVERY_S = 30;
const REPORT = process.env.INTERDICT_BENCH_REPORT ?? join(process.cwd(), 'docs', 'BENCHMARKS.md');

function records(file: string): QueryRecord[] {
  return parse(readFileSync(join(sharedDir(), 'eval', 'screening', file)), { columns: true }) as QueryRecord[];
}

/** The customer-file mix of bench/screen.ts: 49 synthetic people (almost all clean) to 1 listed person. */
function workload(): ScreenQuery[] {
  const negatives = records('yente-negatives-global.csv');
  const positives = records('yente-positives-un-untreated.csv');
  const out: ScreenQuery[] = [];
  for (let i = 0; i < negatives.length + positives.length; i++) {
    const r = i % 50 === 49 ? positives[(i / 50) % positives.length | 0] : negatives[i % negatives.length];
    try {
      out.push(queryFromRecord(r));
    } catch {
      // a record the CLI would reject is not a request a client would send
    }
  }
  return out;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function importEverything(): Promise<string[]> {
  const store = new ListStore(openDb());
  const { lists } = await detectLists([sharedListsDir()]);
  for (const list of lists) {
    try {
      await importList(store, list, { allowShrink: true });
    } catch (err) {
      console.error(`skipped ${list.input.files[0]}: ${(err as Error).message}`);
    }
  }
  const active = store.activeVersions().map((v) => `${v.dataset} (${v.targets})`);
  store.db.close();
  return active;
}

async function startServer(port: number, workers: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'src', 'cli', 'main.js'), 'serve', '--port', String(port), '--rate-limit', '0', '--workers', String(workers), '--log-level', 'warn'], {
    env: process.env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 300_000;
  for (;;) {
    const r = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (r?.status === 200) return child;
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    if (Date.now() > deadline) throw new Error('server not ready after 300 s');
    await new Promise((res) => setTimeout(res, 250));
  }
}

/** Resident memory of a process (MB), threads included. */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Scenario {
  workers: number;
  queries: number;
  connections: number;
  rps: number;
  qps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  failed: number;
  total: number;
}

/** Request bodies cycling through the workload: `size` queries each. */
function bodies(queries: ScreenQuery[], size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= queries.length && out.length < 500; i += size) {
    out.push(JSON.stringify({ queries: Object.fromEntries(queries.slice(i, i + size).map((q, k) => [`q${k}`, q])) }));
  }
  return out;
}

async function load(url: string, pool: string[], connections: number, duration: number, path = '/match/default') {
  let next = 0;
  return autocannon({
    url,
    connections,
    duration,
    timeout: 30,
    requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: pool[next++ % pool.length] }) }],
  });
}

async function scenario(url: string, queries: ScreenQuery[], workers: number, size: number, connections: number): Promise<Scenario> {
  const r = await load(url, bodies(queries, size), connections, DURATION);
  const row: Scenario = {
    workers,
    queries: size,
    connections,
    rps: r.requests.average,
    qps: r.requests.average * size,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    failed: r.errors + r.non2xx,
    total: r.requests.total,
  };
  console.log(`${workers} workers, ${size} queries × ${connections} connections: ${row.rps.toFixed(0)} req/s, ${row.qps.toFixed(0)} queries/s, p50 ${row.p50} ms, p99 ${row.p99} ms, failed ${row.failed}`);
  return row;
}

/** Keep the other part of the HTTP section (the soak result when benchmarking, and the reverse). */
function otherPart(kind: 'throughput' | 'soak'): string {
  let text = '';
  try {
    text = readFileSync(REPORT, 'utf8');
  } catch {
    return '';
  }
  const start = text.indexOf('## HTTP\n');
  if (start < 0) return '';
  const end = text.indexOf('\n## ', start + 8);
  const section = text.slice(start, end < 0 ? undefined : end);
  const soakAt = section.indexOf('### Soak');
  if (kind === 'throughput') return soakAt < 0 ? '' : section.slice(soakAt).trim();
  return (soakAt < 0 ? section : section.slice(0, soakAt)).replace('## HTTP\n', '').trim();
}

/** Start the server with some screening threads; stop it when `run` is done. */
async function withServer<T>(workers: number, run: (url: string, pid: number, startSeconds: number) => Promise<T>): Promise<T> {
  const port = await freePort();
  const t = performance.now();
  const server = await startServer(port, workers);
  try {
    return await run(`http://127.0.0.1:${port}`, server.pid!, (performance.now() - t) / 1000);
  } finally {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
  }
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'interdict-bench-http-'));
  process.env.INTERDICT_HOME = home;
  try {
    const load0 = loadavg()[0].toFixed(1);
    console.error('importing every shared list...');
    const active = await importEverything();
    const queries = workload();
    const date = new Date().toISOString().slice(0, 10);
    const context = (workers: string, parties: number) =>
      `Measured ${date} by \`npm run bench:http\` (bench/http.ts; ${machine()}, ${cpus().length} cores shared with other work, load average ${load0} at the start). The server (\`interdict serve --workers ${workers} --rate-limit 0\`, audit trail on) runs as its own process on loopback; autocannon runs in the benchmark process on the same cores. Every shared list loaded: ${active.join(', ')} — ${parties} parties. Requests: \`POST /match/default\` with the screening evaluation's customer-file mix (49 synthetic people to 1 UN-listed person), yente defaults (limit 5, threshold 0.7).`;

    if (SOAK) {
      const workers = WORKER_COUNTS[0];
      await withServer(workers, async (url, pid) => {
        const parties = ((await (await fetch(`${url}/readyz`)).json()) as { index: { entities: number } }).index.entities;
        const samples: Array<{ t: number; rss: number }> = [{ t: 0, rss: rssMb(pid) }];
        const started = Date.now();
        const timer = setInterval(() => samples.push({ t: Math.round((Date.now() - started) / 1000), rss: rssMb(pid) }), SAMPLE_EVERY_S * 1000);
        const r = await load(url, bodies(queries, 1), 16, SOAK);
        clearInterval(timer);
        if (samples[samples.length - 1].t < SOAK) samples.push({ t: SOAK, rss: rssMb(pid) });
        const failed = r.errors + r.non2xx;
        const rss = samples.map((s) => s.rss);
        const afterWarmup = samples.filter((s) => s.t >= 60).map((s) => s.rss);
        const drift = afterWarmup.length > 1 ? afterWarmup[afterWarmup.length - 1] - afterWarmup[0] : NaN;
        console.log(`soak ${SOAK} s: ${r.requests.total} requests, ${failed} failed, p99 ${r.latency.p99} ms, RSS ${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} MB`);
        const soak = [
          `### Soak`,
          '',
          `Measured ${date} (\`npm run bench:http -- --soak ${SOAK} --workers ${workers}\`: ${SOAK} s of single-query requests at 16 connections, ${parties} parties, load average ${load0} at the start): **${r.requests.total} requests, ${failed} failed** (${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts); ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms.`,
          `Server RSS (threads included) every ${SAMPLE_EVERY_S} s: min ${Math.min(...rss).toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB; change from 60 s to the end ${drift >= 0 ? '+' : ''}${drift.toFixed(0)} MB.`,
          '',
          '| t (s) | RSS (MB) |',
          '|---:|---:|',
          ...samples.map((s) => `| ${s.t} | ${s.rss.toFixed(0)} |`),
        ].join('\n');
        replaceSection(REPORT, 'HTTP', `${otherPart('soak') || context(String(workers), parties)}\n\n${soak}`);
      });
      return;
    }

    const rows: Scenario[] = [];
    const starts: string[] = [];
    let parties = 0;
    let httpOnly = '';
    for (const workers of WORKER_COUNTS) {
      await withServer(workers, async (url, _pid, startSeconds) => {
        parties = ((await (await fetch(`${url}/readyz`)).json()) as { index: { entities: number } }).index.entities;
        starts.push(`${startSeconds.toFixed(1)} s with ${workers} worker${workers > 1 ? 's' : ''}`);
        console.error(`server with ${workers} workers ready in ${startSeconds.toFixed(1)} s: ${parties} parties`);
        await load(url, bodies(queries, 1), 16, 3); // warm-up
        for (const size of [1, 20]) for (const connections of [1, 16, 64]) rows.push(await scenario(url, queries, workers, size, connections));
        if (workers === WORKER_COUNTS[0]) {
          // the same requests with an empty scope: everything but the screening itself (parse, validate, clean, audit, serialise)
          const r = await load(url, bodies(queries, 1), 64, DURATION, '/match/default?exclude_dataset=default');
          httpOnly = `HTTP layer alone (same single-query requests with \`exclude_dataset=default\`, so nothing is screened; 64 connections): ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.errors + r.non2xx} failed.`;
          console.log(httpOnly);
        }
      });
    }
    const best = rows.filter((r) => r.queries === 1 && r.connections === 64).sort((a, b) => a.p99 - b.p99)[0];
    const body = [
      context(WORKER_COUNTS.join(' and '), parties),
      '',
      `**Single-query requests at 64 connections: p99 ${best.p99} ms with ${best.workers} worker${best.workers > 1 ? 's' : ''} (target ≤ 20 ms), ${best.rps.toFixed(0)} req/s. ${rows.reduce((n, r) => n + r.failed, 0)} failed requests in ${rows.reduce((n, r) => n + r.total, 0)}.** Server start (index of every list built): ${starts.join(', ')}.`,
      '',
      '| workers | queries/request | connections | requests/s | queries/s | p50 ms | p90 ms | p99 ms | max ms | failed |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.workers} | ${r.queries} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.qps.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.failed} |`),
      '',
      httpOnly,
      '',
      'Latency at N connections is about N ÷ throughput (each connection waits for its answer before sending the next), so p99 at 64 connections is set by throughput. Screening costs about 0.5 ms of CPU per query on average (see "Screening"; a few multi-script queries cost 5–15 ms), which caps one screening thread near 2,000 queries/s; the load generator, the HTTP thread, the audit writer and the screening threads share the same 2 cores, so a second worker helps only when the machine has a core to spare. p99 ≤ 20 ms at 64 connections needs over 3,200 req/s: not reached on this machine with screening; the HTTP layer alone (line above) shows the ceiling without it.',
    ].join('\n');
    const soak = otherPart('throughput');
    replaceSection(REPORT, 'HTTP', soak ? `${body}\n\n${soak}` : body);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
