// `npm run bench:http`: the HTTP service under load. Every shared list is imported into a temporary store,
// `interdict serve` runs as its own process on loopback, and a load generator drives POST /match/default with one
// and with 20 queries per request at 1, 16 and 64 connections (with wrk also single queries at 64 connections whose
// clients pause 10 and 20 ms after each answer). Queries are the screening evaluation's
// customer-file mix (49 synthetic people to 1 listed person), each record of the workload sent once before any
// comes back, as in an onboarding flow (the engine's per-token caches are not kept warm by a small pool of names).
// The server's CPU time (/proc/<pid>/stat) and the load generator's are measured per scenario, and the
// throughput and latency ceiling they imply is written under the table, beside two floors measured in the same run:
// the service's HTTP layer with nothing screened, and Fastify alone (bench/bare-server.ts). Each scenario starts once
// the server is idle again. Updates the "HTTP" section of docs/BENCHMARKS.md. Target: p99 ≤ 20 ms at 64 connections
// for single-query requests.
//
//   --duration <s>   seconds per scenario (default 15)
//   --workers <list> screening threads of the server, one run per value (default 1,2)
//   --soak <s>       instead: single queries at 16 connections for <s> seconds, memory sampled every 30 s
//   --client <name>  load generator: wrk (default; Debian package wrk, driven by bench/wrk-bodies.lua) or autocannon.
//                    Both share the 2 cores with the server, so the lighter one leaves more to it: wrk (C, one thread)
//                    spends a third or less of autocannon's CPU per request (each run reports it).
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const { values: args } = parseArgs({ options: { duration: { type: 'string', default: '15' }, workers: { type: 'string', default: '1,2' }, soak: { type: 'string' }, client: { type: 'string', default: 'wrk' } } });
const DURATION = Number(args.duration);
const WORKER_COUNTS = args.workers!.split(',').map(Number);
const SOAK = args.soak ? Number(args.soak) : undefined;
const CLIENT = args.client as 'wrk' | 'autocannon';
if (CLIENT !== 'wrk' && CLIENT !== 'autocannon') throw new Error(`--client must be wrk or autocannon (got ${CLIENT})`);
if (CLIENT === 'wrk') {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (err) {
    // wrk prints its version and exits 1; only a missing binary is an error
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('wrk is not installed (Debian: apt-get install wrk); or run with --client autocannon');
  }
}
const SAMPLE_EVERY_S = 30;
const REPORT = process.env.INTERDICT_BENCH_REPORT ?? join(process.cwd(), 'docs', 'BENCHMARKS.md');
const WARMUP_S = 3;
/**
 * Pauses (ms) of the scenarios whose connections wait after each answer before sending the next request. The other
 * scenarios send at once, so their latency is the number of connections ÷ throughput whatever the server does;
 * clients that do something with each answer leave it room (wrk only).
 */
const PAUSES_MS = [10, 20];
const WARMUP_CONNECTIONS = 16;
/** Records at the end of the workload kept for the warm-up, so the measured scenarios never send its names. */
const WARMUP_RECORDS = 2000;
/** Clock ticks per second of /proc/<pid>/stat times (`getconf CLK_TCK`; 100 on Linux when getconf is missing). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function records(file: string): QueryRecord[] {
  return parse(readFileSync(join(sharedDir(), 'eval', 'screening', file)), { columns: true }) as QueryRecord[];
}

/**
 * The customer-file mix of bench/screen.ts: 49 synthetic people (almost all clean) to 1 listed person. Every
 * synthetic record appears exactly once; the listed persons (1 record in 50) recur once all have been used.
 */
function workload(): { queries: ScreenQuery[]; listed: number } {
  const negatives = records('yente-negatives-global.csv');
  const positives = records('yente-positives-un-untreated.csv');
  const out: ScreenQuery[] = [];
  for (let i = 0, n = 0, p = 0; n < negatives.length; i++) {
    const r = i % 50 === 49 ? positives[p++ % positives.length] : negatives[n++];
    try {
      out.push(queryFromRecord(r));
    } catch {
      // a record the CLI would reject is not a request a client would send
    }
  }
  return { queries: out, listed: positives.length };
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

/** `interdict serve` with some screening threads, or (workers 0) the bare Fastify floor of bench/bare-server.ts. */
function serverArgs(port: number, workers: number): string[] {
  if (workers === 0) return [join(process.cwd(), 'dist', 'bench', 'bare-server.js'), String(port)];
  return [join(process.cwd(), 'dist', 'src', 'cli', 'main.js'), 'serve', '--port', String(port), '--rate-limit', '0', '--workers', String(workers), '--log-level', 'warn'];
}

async function startServer(port: number, workers: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, serverArgs(port, workers), {
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

/** CPU time (user + system, ms) of a process, threads included: fields 14 and 15 of /proc/<pid>/stat. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 on: the name may hold spaces
  return ((Number(fields[14 - 3]) + Number(fields[15 - 3])) * 1000) / CLK_TCK;
}

/**
 * Wait until the server is idle (under 5 % of a core for 500 ms, at most 20 s), so a scenario is not charged with
 * the previous one's aftermath: the audit writer catching up on thousands of events, a full garbage collection.
 */
async function quiet(pid: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, 500));
    if (cpuMs(pid) - before < 25) return;
  }
}

/** CPU time (user + system, ms) of this process, threads included: autocannon, the load generator. */
function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Resident memory of a process (MB), threads included. */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** One measured scenario: what the load generator measured, with where it sits in the table. */
type Scenario = LoadRun & {
  workers: number;
  queries: number;
  connections: number;
  /** How long each connection waited after an answer before its next request (0: at once). */
  pauseMs: number;
  qps: number;
  /** Errors and non-2xx answers. */
  failed: number;
  /** Mean time per screening job (ms, from the server's /metrics): waiting for a screening thread (and crossing to it and back), and on one. */
  jobWait: number;
  jobRun: number;
};

/** Request bodies, `size` consecutive queries each: as many as `queries` holds. */
function bodies(queries: ScreenQuery[], size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= queries.length; i += size) {
    out.push(JSON.stringify({ queries: Object.fromEntries(queries.slice(i, i + size).map((q, k) => [`q${k}`, q])) }));
  }
  return out;
}

/** What one run of the load generator measured (latencies in ms). */
interface LoadRun {
  rps: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** Bodies handed out (completed requests plus those still in flight at the end). */
  sent: number;
  /** CPU per completed request (ms): the server process, and the load generator. */
  serverCpu: number;
  loadCpu: number;
}

/**
 * Drive `path` with the bodies of `pool` in order from body `from` on (wrapping at the end), measuring the CPU time
 * of the server (`pid`) and of the load generator over the run.
 */
async function load(url: string, pid: number, pool: string[], connections: number, duration: number, from = 0, path = '/match/default', pauseMs = 0): Promise<LoadRun> {
  await quiet(pid);
  if (pauseMs > 0 && CLIENT !== 'wrk') throw new Error('pauses between requests need wrk');
  return CLIENT === 'wrk' ? wrkLoad(url + path, pid, pool, connections, duration, from, pauseMs) : autocannonLoad(url, pid, pool, connections, duration, from, path);
}

async function autocannonLoad(url: string, pid: number, pool: string[], connections: number, duration: number, from: number, path: string): Promise<LoadRun> {
  let next = from;
  const server0 = cpuMs(pid);
  const own0 = ownCpuMs();
  const r = await autocannon({
    url,
    connections,
    duration,
    timeout: 30,
    requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: pool[next++ % pool.length] }) }],
  });
  const done = Math.max(1, r.requests.total);
  const { p50, p90, p99, max, average } = r.latency;
  return { rps: r.requests.average, total: r.requests.total, p50, p90, p99, max, mean: average, errors: r.errors, non2xx: r.non2xx, timeouts: r.timeouts, sent: next - from, serverCpu: (cpuMs(pid) - server0) / done, loadCpu: (ownCpuMs() - own0) / done };
}

/** Each pool of bodies written once, one per line, for wrk's script to read. */
const bodyFiles = new Map<string[], string>();
function bodyFile(pool: string[]): string {
  let file = bodyFiles.get(pool);
  if (!file) {
    file = join(process.env.INTERDICT_HOME!, `bodies-${bodyFiles.size}.jsonl`);
    writeFileSync(file, pool.join('\n') + '\n');
    bodyFiles.set(pool, file);
  }
  return file;
}

/** wrk (one thread, its own process) with bench/wrk-bodies.lua, which prints a JSON summary with its own CPU time. */
async function wrkLoad(url: string, pid: number, pool: string[], connections: number, duration: number, from: number, pauseMs: number): Promise<LoadRun> {
  const script = join(process.cwd(), 'bench', 'wrk-bodies.lua');
  const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--timeout', '30s', '-s', script, url, '--', bodyFile(pool), String(from), String(pauseMs)];
  const server0 = cpuMs(pid);
  const out = await new Promise<string>((resolve, reject) => {
    execFile('wrk', args, { maxBuffer: 1 << 20 }, (err, stdout, stderr) => (err ? reject(new Error(`wrk failed: ${err.message} ${stderr}`)) : resolve(stdout)));
  });
  const serverCpu = cpuMs(pid) - server0;
  const line = out.split('\n').find((l) => l.startsWith('WRK-SUMMARY '));
  if (!line) throw new Error(`wrk printed no summary:\n${out}`);
  const w = JSON.parse(line.slice('WRK-SUMMARY '.length)) as Record<string, number>;
  const done = Math.max(1, w.requests);
  const us = (v: number) => Math.round(v / 100) / 10; // microseconds → ms, one decimal
  return {
    rps: w.requests / (w.durationUs / 1e6),
    total: w.requests,
    p50: us(w.p50),
    p90: us(w.p90),
    p99: us(w.p99),
    max: us(w.max),
    mean: w.mean / 1000,
    // a non-2xx answer is counted apart (status); socket errors and timeouts are errors
    errors: w.connect + w.read + w.write + w.timeout,
    non2xx: w.status,
    timeouts: w.timeout,
    sent: w.requests + connections,
    serverCpu: serverCpu / done,
    loadCpu: ((w.cpuTicks * 1000) / CLK_TCK) / done,
  };
}

/**
 * The measured requests of one server: single-query bodies are the pool's records one by one, 20-query bodies 20
 * consecutive records. Each scenario starts at the record where the previous one stopped, so a record is sent
 * again only after the whole pool has been.
 */
class Cursor {
  /** Next record of the pool. */
  at = 0;
  /** Queries sent so far. */
  queries = 0;
  readonly single: string[];
  readonly batch: string[];
  constructor(records: ScreenQuery[], batchSize: number) {
    this.single = bodies(records, 1);
    this.batch = bodies(records, batchSize);
  }
  /** Pool and first body for requests of `size` queries. */
  take(size: number): { pool: string[]; from: number } {
    return size === 1 ? { pool: this.single, from: this.at } : { pool: this.batch, from: Math.ceil(this.at / size) % this.batch.length };
  }
  /** `sent` bodies of `size` queries went out from body `from`. */
  advance(size: number, from: number, sent: number): void {
    this.queries += sent * size;
    this.at = size === 1 ? (from + sent) % this.single.length : (((from + sent) % this.batch.length) * size) % this.single.length;
  }
}

async function scenario(url: string, pid: number, cursor: Cursor, workers: number, size: number, connections: number, pauseMs = 0): Promise<Scenario> {
  const { pool, from } = cursor.take(size);
  const before = await jobTimes(url);
  const r = await load(url, pid, pool, connections, DURATION, from, undefined, pauseMs);
  const after = await jobTimes(url);
  cursor.advance(size, from, r.sent);
  const jobs = after.count - before.count;
  const row: Scenario = {
    ...r,
    workers,
    queries: size,
    connections,
    pauseMs,
    qps: r.rps * size,
    failed: r.errors + r.non2xx,
    jobWait: jobs > 0 ? ((after.wait - before.wait) * 1000) / jobs : NaN,
    jobRun: jobs > 0 ? ((after.run - before.run) * 1000) / jobs : NaN,
  };
  console.log(
    `${workers} workers, ${size} queries × ${connections} connections${pauseMs ? ` pausing ${pauseMs} ms` : ''}: ${row.rps.toFixed(0)} req/s, ${row.qps.toFixed(0)} queries/s, p50 ${row.p50} ms, p99 ${row.p99} ms, failed ${row.failed}; CPU per request: server ${ms(row.serverCpu)} ms, load generator ${ms(row.loadCpu)} ms; per screening job: waiting ${ms(row.jobWait)} ms, screening ${ms(row.jobRun)} ms`,
  );
  return row;
}

/**
 * The server's own account of its screening jobs so far (its /metrics): how many, and their summed time waiting
 * for a screening thread and on one (s). The difference over a scenario says where its latency went.
 */
async function jobTimes(url: string): Promise<{ count: number; wait: number; run: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { count: value('interdict_screening_job_run_seconds_count'), wait: value('interdict_screening_job_wait_seconds_sum'), run: value('interdict_screening_job_run_seconds_sum') };
}

/** A CPU time in ms: three decimals below 1 ms, two above. */
function ms(v: number): string {
  return v.toFixed(v < 1 ? 3 : 2);
}

const thousands = (v: number) => Math.round(v).toLocaleString('en-US');

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

/** Start the server with some screening threads (0: the bare Fastify floor); stop it when `run` is done. */
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
    const { queries, listed } = workload();
    const date = new Date().toISOString().slice(0, 10);
    // the measured scenarios walk `measured`; the warm-up uses the records after it, which they never send
    const measuredCount = Math.floor((queries.length - WARMUP_RECORDS) / 20) * 20;
    const measured = queries.slice(0, measuredCount);
    const warmup = bodies(queries.slice(measuredCount), 1);
    const cores = cpus().length;
    const context = (workers: string, parties: number, requests = '') =>
      `Measured ${date} by \`npm run bench:http\` (bench/http.ts; ${machine()}, ${cores} cores shared with other work, load average ${load0} at the start). The server (\`interdict serve --workers ${workers} --rate-limit 0\`, audit trail on) runs as its own process on loopback; the load generator, ${CLIENT === 'wrk' ? 'wrk (one thread, its own process)' : 'autocannon (in the benchmark process)'}, runs on the same cores. Every shared list loaded: ${active.join(', ')} — ${parties} parties. Requests: \`POST /match/default\` with the screening evaluation's customer-file mix (49 synthetic people to 1 UN-listed person), yente defaults (limit 5, threshold 0.7)${requests}.`;

    if (SOAK) {
      const workers = WORKER_COUNTS[0];
      await withServer(workers, async (url, pid) => {
        const parties = ((await (await fetch(`${url}/readyz`)).json()) as { index: { entities: number } }).index.entities;
        const samples: Array<{ t: number; rss: number }> = [{ t: 0, rss: rssMb(pid) }];
        const started = Date.now();
        const timer = setInterval(() => samples.push({ t: Math.round((Date.now() - started) / 1000), rss: rssMb(pid) }), SAMPLE_EVERY_S * 1000);
        const r = await load(url, pid, bodies(queries, 1), 16, SOAK);
        clearInterval(timer);
        if (samples[samples.length - 1].t < SOAK) samples.push({ t: SOAK, rss: rssMb(pid) });
        const failed = r.errors + r.non2xx;
        const rss = samples.map((s) => s.rss);
        const afterWarmup = samples.filter((s) => s.t >= 60).map((s) => s.rss);
        const drift = afterWarmup.length > 1 ? afterWarmup[afterWarmup.length - 1] - afterWarmup[0] : NaN;
        console.log(`soak ${SOAK} s: ${r.total} requests, ${failed} failed, p99 ${r.p99} ms, RSS ${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} MB`);
        const soak = [
          `### Soak`,
          '',
          `Measured ${date} (\`npm run bench:http -- --soak ${SOAK} --workers ${workers}\`: ${SOAK} s of single-query requests at 16 connections, ${parties} parties, load average ${load0} at the start): **${r.total} requests, ${failed} failed** (${r.errors} errors, ${r.non2xx} non-2xx, ${r.timeouts} timeouts; load generator ${CLIENT}); ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms.`,
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
    const paused: Scenario[] = [];
    const starts: string[] = [];
    let parties = 0;
    let httpOnly = '';
    let queriesPerServer = 0;
    for (const workers of WORKER_COUNTS) {
      await withServer(workers, async (url, pid, startSeconds) => {
        parties = ((await (await fetch(`${url}/readyz`)).json()) as { index: { entities: number } }).index.entities;
        starts.push(`${startSeconds.toFixed(1)} s with ${workers} worker${workers > 1 ? 's' : ''}`);
        console.error(`server with ${workers} workers ready in ${startSeconds.toFixed(1)} s: ${parties} parties`);
        await load(url, pid, warmup, WARMUP_CONNECTIONS, WARMUP_S);
        // a fresh server has cold caches: each one walks the pool from its first record
        const cursor = new Cursor(measured, 20);
        for (const size of [1, 20]) for (const connections of [1, 16, 64]) rows.push(await scenario(url, pid, cursor, workers, size, connections));
        if (CLIENT === 'wrk') for (const pauseMs of PAUSES_MS) paused.push(await scenario(url, pid, cursor, workers, 1, 64, pauseMs));
        if (workers === WORKER_COUNTS[0]) {
          // the same requests with an empty scope: everything but the screening itself (parse, validate, clean, audit, serialise)
          const { pool, from } = cursor.take(1);
          const r = await load(url, pid, pool, 64, DURATION, from, '/match/default?exclude_dataset=default');
          cursor.advance(1, from, r.sent);
          httpOnly = `HTTP layer alone (same single-query requests with \`exclude_dataset=default\`, so nothing is screened; 64 connections): ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors + r.non2xx} failed; CPU per request: server ${ms(r.serverCpu)} ms, load generator ${ms(r.loadCpu)} ms.`;
          console.log(httpOnly);
        }
        queriesPerServer = Math.max(queriesPerServer, cursor.queries);
      });
    }
    // the floor: the same single-query requests at 64 connections to Fastify alone (bench/bare-server.ts)
    const floor = await withServer(0, async (url, pid) => {
      await load(url, pid, warmup, WARMUP_CONNECTIONS, WARMUP_S);
      const r = await load(url, pid, bodies(measured, 1), 64, DURATION);
      const line = `Floor, Fastify alone (bench/bare-server.ts: the same requests at 64 connections answered with an empty yente response; no schemas, hooks, audit trail, metrics or screening): ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors + r.non2xx} failed; CPU per request: server ${ms(r.serverCpu)} ms, load generator ${ms(r.loadCpu)} ms.`;
      console.log(line);
      return line;
    });
    const single64 = rows.filter((r) => r.queries === 1 && r.connections === 64);
    const best = [...single64].sort((a, b) => a.p99 - b.p99)[0];
    const requests = `. Each single-query request is a different record of the workload: ${thousands(measured.length)} records sent in order, each scenario starting where the previous one stopped, 20-query requests taking 20 consecutive records, so a record comes back only after all ${thousands(measured.length)} have been sent (the scenarios sent up to ${thousands(queriesPerServer)} queries per server; the ${thousands(listed)} listed persons, 1 record in 50, recur every ${thousands(50 * listed)} records). Each server first gets a ${WARMUP_S} s warm-up at ${WARMUP_CONNECTIONS} connections on ${thousands(queries.length - measured.length)} other records of the workload, never sent by the scenarios; every scenario starts once the server is idle again (under 5 % of a core for half a second). CPU per request: the server process's user + system time (/proc, all its threads) and the load generator's (${CLIENT}), over each scenario, divided by its completed requests`;
    // every request costs C ms of CPU (server + load generator) on `cores` cores: throughput ≤ cores × 1000 ÷ C,
    // and with N closed-loop connections latency ≈ N ÷ throughput ≥ N × C ÷ cores
    const ceiling = single64.map((r) => {
      const c = r.serverCpu + r.loadCpu;
      return `with ${r.workers} worker${r.workers > 1 ? 's' : ''}, C = ${ms(r.serverCpu)} ms in the server + ${ms(r.loadCpu)} ms in ${CLIENT} = ${ms(c)} ms, so a throughput ceiling of about ${cores} × 1000 ÷ C ≈ ${thousands((cores * 1000) / c)} req/s (measured ${thousands(r.rps)}, which kept ${((r.rps * c) / 1000).toFixed(2)} of the ${cores} cores busy) and a lowest reachable mean latency of 64 × C ÷ ${cores} ≈ ${((64 * c) / cores).toFixed(1)} ms (measured ${r.mean.toFixed(1)} ms)`;
    });
    const body = [
      context(WORKER_COUNTS.join(' and '), parties, requests),
      '',
      `**Single-query requests at 64 connections: p99 ${best.p99} ms with ${best.workers} worker${best.workers > 1 ? 's' : ''} (target ≤ 20 ms), ${best.rps.toFixed(0)} req/s. ${[...rows, ...paused].reduce((n, r) => n + r.failed, 0)} failed requests in ${[...rows, ...paused].reduce((n, r) => n + r.total, 0)}.** Server start (index of every list built): ${starts.join(', ')}.`,
      '',
      '| workers | queries/request | connections | requests/s | queries/s | p50 ms | p90 ms | p99 ms | max ms | failed | server CPU ms per request | load generator CPU ms per request | job waiting ms | job screening ms |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.workers} | ${r.queries} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.qps.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.failed} | ${ms(r.serverCpu)} | ${ms(r.loadCpu)} | ${ms(r.jobWait)} | ${ms(r.jobRun)} |`),
      '',
      'Job columns: the mean time of a screening job (from the server\'s /metrics, `interdict_screening_job_wait_seconds` and `interdict_screening_job_run_seconds`) waiting for a screening thread, crossing to it and back, and on the thread. A 20-query request is one job, or one per idle thread.',
      '',
      ...(paused.length
        ? [
            `Clients that pause: the same single-query requests at 64 connections, each connection waiting a while after every answer before its next request, as an onboarding or payment system that acts on each answer would (wrk's latencies leave the pause out; with no pause, latency at 64 connections is 64 ÷ throughput by construction).`,
            '',
            '| workers | pause ms | requests/s | p50 ms | p90 ms | p99 ms | max ms | failed | server CPU ms per request | job waiting ms | job screening ms |',
            '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
            ...paused.map((r) => `| ${r.workers} | ${r.pauseMs} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.failed} | ${ms(r.serverCpu)} | ${ms(r.jobWait)} | ${ms(r.jobRun)} |`),
            '',
          ]
        : []),
      httpOnly,
      '',
      floor,
      '',
      `Ceiling: server and load generator share the ${cores} cores, and each connection waits for its answer before sending the next, so latency at N connections ≈ N ÷ throughput. With C = server + load-generator CPU per single-query request at 64 connections: ${ceiling.join('; ')}.`,
    ].join('\n');
    const soak = otherPart('throughput');
    replaceSection(REPORT, 'HTTP', soak ? `${body}\n\n${soak}` : body);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
