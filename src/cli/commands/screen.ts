// `interdict screen` (one name, or a whole CSV/JSONL customer file) and `interdict compare` (two names,
// or a CSV of pairs) against the active list versions.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'csv-parse';
import { caption } from '../../model/entity.js';
import {
  compare,
  DEFAULT_THRESHOLD,
  QueryError,
  queryFromName,
  Screener,
  normalizeDate,
  normalizeSchema,
  type QueryRecord,
} from '../../match/index.js';
import { countryCode } from '../../model/countries.js';
import { CliError, integer, printJson, printTable, progress } from '../output.js';
import { inThread, resultJson, workerThreads, type BatchOptions, type BatchRow, type ScreenedChunk } from '../batch.js';
import type { ListStore } from '../../store/lists.js';
import { openListStore } from './lists.js';

interface ScreenFlags {
  schema?: string;
  birthDate?: string;
  nationality?: string;
  id?: string;
  dataset?: string[];
  threshold?: string;
  limit?: string;
  algorithm?: string;
  json?: boolean;
  file?: string;
  out?: string;
  workers?: string;
}

function number(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new CliError(`--${name} must be a number between ${min} and ${max}`, 2);
  return n;
}

/** Screening options from the flags, as plain data (a batch hands them to its threads). */
function screenOptions(flags: ScreenFlags): BatchOptions {
  return {
    threshold: number(flags.threshold, 'threshold', 0, 1),
    limit: number(flags.limit, 'limit', 1, 1000),
    algorithm: flags.algorithm,
    datasets: flags.dataset?.length ? flags.dataset : undefined,
  };
}

/** The store must hold lists, and an active version of every dataset asked for. */
function checkDatasets(store: ListStore, flags: ScreenFlags): void {
  const active = store.activeVersionIds();
  if (active.size === 0) throw new CliError('no lists in the store: import some first (interdict import <files>)');
  for (const d of flags.dataset ?? []) if (!active.has(d)) throw new CliError(`no active version of dataset ${d} (see: interdict lists)`);
}

function loadScreener(flags: ScreenFlags): Screener {
  const store = openListStore();
  checkDatasets(store, flags);
  return Screener.fromStore(store, { datasets: flags.dataset?.length ? flags.dataset : undefined });
}

function singleQuery(name: string, flags: ScreenFlags) {
  const extra: Record<string, string[]> = {};
  const schema = normalizeSchema(flags.schema, flags.birthDate ? 'Person' : 'LegalEntity');
  if (flags.birthDate) {
    const d = normalizeDate(flags.birthDate);
    if (!d) throw new CliError(`--birth-date ${flags.birthDate} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`, 2);
    extra.birthDate = [d];
  }
  if (flags.nationality) {
    const c = countryCode(flags.nationality);
    if (!c) throw new CliError(`--nationality ${flags.nationality}: unknown country`, 2);
    extra[schema === 'Person' ? 'nationality' : 'country'] = [c];
  }
  if (flags.id) extra[schema === 'Vessel' ? 'imoNumber' : 'idNumber'] = [flags.id];
  return queryFromName(name, schema, extra);
}

async function screenOne(name: string, flags: ScreenFlags): Promise<void> {
  let query;
  try {
    query = singleQuery(name, flags);
  } catch (err) {
    if (err instanceof QueryError) throw new CliError(err.message, 2);
    throw err;
  }
  const opts = screenOptions(flags);
  const results = loadScreener(flags).screen(query, opts);
  if (flags.json) return printJson({ query, results: results.map(resultJson) });
  if (results.length === 0) {
    console.log(`no listed party scores ${opts.threshold ?? DEFAULT_THRESHOLD} or near it for "${name}"`);
    return;
  }
  printTable(
    results.map((r) => ({ score: r.score.toFixed(3), match: r.match ? 'MATCH' : '', id: r.entity.id, schema: r.entity.schema, name: caption(r.entity), datasets: r.entity.datasets.join(',') })),
    ['score', 'match', 'id', 'schema', 'name', 'datasets'],
  );
  const best = results[0];
  console.log(`\nwhy ${best.entity.id} scored ${best.score.toFixed(3)}:`);
  for (const e of best.explanations) console.log(`  ${e.weight >= 0 ? '+' : '-'} ${e.feature} (${e.score} × ${e.weight}): ${e.detail}`);
}

// ---------------------------------------------------------------------------------------------------------
// Batch files

const NAME_COLUMNS = ['full_name', 'name', 'first_name', 'last_name', 'id_number'];

/** Rows of a CSV (header row required) or JSONL file, numbered from 1; unreadable rows carry an error. */
async function* readBatch(file: string): AsyncGenerator<BatchRow> {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let row = 0;
    for await (const line of lines) {
      if (!line.trim()) continue;
      row++;
      try {
        const v = JSON.parse(line) as unknown;
        if (!v || typeof v !== 'object' || Array.isArray(v)) yield { row, error: 'line is not a JSON object' };
        else yield { row, record: v as QueryRecord };
      } catch {
        yield { row, error: 'line is not valid JSON' };
      }
    }
    return;
  }
  const parser = createReadStream(file).pipe(parse({ bom: true, columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true, info: true }));
  let row = 0;
  try {
    for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { columns: Array<{ name: string }> } }>) {
      if (row === 0) {
        const columns = Object.keys(rec.record);
        if (!columns.some((c) => NAME_COLUMNS.includes(c))) {
          throw new CliError(`${file}: no name column (need one of ${NAME_COLUMNS.join(', ')}; found ${columns.join(', ') || 'none'})`);
        }
      }
      row++;
      yield { row, record: rec.record };
    }
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: malformed CSV after row ${row}: ${(err as Error).message}`);
  }
}

async function write(out: WriteStream, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

/** Rows screened per chunk (what one worker screens at a time; small enough for a smooth progress bar). */
const CHUNK_ROWS = 200;

async function screenFile(flags: ScreenFlags): Promise<void> {
  if (!flags.out) throw new CliError('--file needs --out OUT.jsonl', 2);
  const threads = integer(flags.workers ?? '1', '--workers', 1);
  const opts = screenOptions(flags);
  const start = performance.now();
  const store = openListStore();
  checkDatasets(store, flags);
  const chunks = threads > 1 ? await workerThreads(threads, opts) : inThread(store, opts);
  const buildSeconds = (performance.now() - start) / 1000;
  const out = createWriteStream(flags.out);
  const bar = progress('screening');
  let rows = 0;
  let written = 0;
  let matched = 0;
  let errors = 0;
  // chunks in flight, oldest first: written in this order, so the output keeps the input order
  const inFlight: Array<{ rows: number; done: Promise<ScreenedChunk> }> = [];
  const writeOldest = async () => {
    const { rows: n, done } = inFlight.shift()!;
    const chunk = await done;
    matched += chunk.matched;
    errors += chunk.errors;
    await write(out, chunk.text);
    written += n;
    bar.update(written);
  };
  const screenStart = performance.now();
  try {
    let batch: BatchRow[] = [];
    const submit = async () => {
      const done = chunks.screen(batch);
      // a thread's failure rejects every chunk in flight; the oldest one reports it, the rest must not crash the process
      done.catch(() => {});
      inFlight.push({ rows: batch.length, done });
      batch = [];
      while (inFlight.length > threads * 2) await writeOldest();
    };
    for await (const item of readBatch(flags.file!)) {
      rows++;
      batch.push(item);
      if (batch.length >= CHUNK_ROWS) await submit();
    }
    if (batch.length) await submit();
    while (inFlight.length) await writeOldest();
  } finally {
    // a failed chunk leaves the others unread: settle them before closing
    await Promise.allSettled(inFlight.map((c) => c.done));
    bar.stop();
    out.end();
    await once(out, 'finish');
    await chunks.close();
  }
  const seconds = (performance.now() - screenStart) / 1000;
  console.error(
    `screened ${rows} rows against ${chunks.size} listed parties in ${seconds.toFixed(1)} s (${(rows / Math.max(seconds, 1e-3)).toFixed(0)}/s${threads > 1 ? ` on ${threads} threads` : ''}; lists loaded in ${buildSeconds.toFixed(1)} s): ` +
      `${matched} with a match, ${errors} rejected (see "error" in ${flags.out})`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// compare

function csvCell(v: string | number | boolean): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function compareFile(file: string, outFile: string | undefined, flags: { schema?: string; algorithm?: string; threshold?: string }): Promise<void> {
  if (!outFile) throw new CliError('--file needs --out OUT.csv', 2);
  const threshold = number(flags.threshold, 'threshold', 0, 1);
  const out = createWriteStream(outFile);
  const parser = createReadStream(file).pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true }));
  let header: string[] | undefined;
  let rows = 0;
  let errors = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = cells.map((c) => c.trim().toLowerCase());
        if (!header.includes('name1') || !header.includes('name2')) throw new CliError(`${file}: need columns name1,name2[,schema] (found ${header.join(', ')})`);
        await write(out, [...cells, 'score', 'match'].map(csvCell).join(',') + '\n');
        continue;
      }
      rows++;
      const get = (c: string) => cells[header!.indexOf(c)] ?? '';
      let score: number | string = '';
      let match: boolean | string = '';
      try {
        const schema = normalizeSchema(get('schema') || flags.schema);
        const r = compare(queryFromName(get('name1'), schema), queryFromName(get('name2'), schema), { algorithm: flags.algorithm, threshold });
        score = r.score;
        match = r.match;
      } catch (err) {
        if (!(err instanceof QueryError)) throw err;
        errors++;
        match = `error: ${err.message}`;
      }
      await write(out, [...cells, score, match].map(csvCell).join(',') + '\n');
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
  console.error(`compared ${rows} pairs${errors ? `, ${errors} rejected` : ''}; wrote ${outFile}`);
}

export function registerScreenCommands(program: Command): void {
  program
    .command('screen')
    .description('screen a name (or every row of a CSV/JSONL file) against the active lists')
    .argument('[name]', 'name to screen')
    .option('--schema <schema>', 'Person, Organization, Company, Vessel (default: any)')
    .option('--birth-date <date>', 'birth date (YYYY, YYYY-MM, YYYY-MM-DD)')
    .option('--nationality <country>', 'nationality or country (name or ISO code)')
    .option('--id <number>', 'passport, registration or IMO number')
    .option('--dataset <dataset...>', 'only these datasets')
    .option('--threshold <score>', `match threshold (default ${DEFAULT_THRESHOLD})`)
    .option('--limit <n>', 'results per query (default 10)')
    .option('--algorithm <name>', 'interdict-v1 (alias logic-v2) or name-based')
    .option('--json', 'JSON output')
    .option('--file <file>', 'batch: a CSV (header row) or JSONL file of records')
    .option('--out <file>', 'batch: where to write one JSON line per input row')
    .option('--workers <n>', 'batch: screening threads, each with its own index (~0.5 GB with every list); default 1')
    .action(async (name: string | undefined, flags: ScreenFlags) => {
      if (flags.file) return screenFile(flags);
      if (name === undefined) throw new CliError('give a name to screen, or --file IN.csv --out OUT.jsonl', 2);
      return screenOne(name, flags);
    });

  program
    .command('compare')
    .description('score two names against each other (or every pair of a CSV with name1,name2[,schema])')
    .argument('[a]', 'first name (the query)')
    .argument('[b]', 'second name (the listed party)')
    .option('--schema <schema>', 'Person, Organization, Company, Vessel (default: any)')
    .option('--algorithm <name>', 'interdict-v1 (alias logic-v2) or name-based')
    .option('--threshold <score>', `match threshold (default ${DEFAULT_THRESHOLD})`)
    .option('--json', 'JSON output')
    .option('--file <file>', 'CSV of pairs: name1,name2[,schema]')
    .option('--out <file>', 'CSV to write: the input columns plus score,match')
    .action(async (a: string | undefined, b: string | undefined, flags: { schema?: string; algorithm?: string; threshold?: string; json?: boolean; file?: string; out?: string }) => {
      if (flags.file) return compareFile(flags.file, flags.out, flags);
      if (a === undefined || b === undefined) throw new CliError('give two names, or --file PAIRS.csv --out OUT.csv', 2);
      let r;
      try {
        const schema = normalizeSchema(flags.schema);
        r = compare(queryFromName(a, schema), queryFromName(b, schema), { algorithm: flags.algorithm, threshold: number(flags.threshold, 'threshold', 0, 1) });
      } catch (err) {
        if (err instanceof QueryError) throw new CliError(err.message, 2);
        throw err;
      }
      if (flags.json) return printJson(r);
      console.log(`score ${r.score.toFixed(3)}${r.match ? ' MATCH' : ''}`);
      for (const e of r.explanations) console.log(`  ${e.weight >= 0 ? '+' : '-'} ${e.feature} (${e.score} × ${e.weight}): ${e.detail}`);
    });
}
