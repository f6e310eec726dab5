// Batch screening of a customer file, in chunks of rows: in this thread, or spread over worker threads that
// each hold their own index (`interdict screen --file --workers N`). Either way a chunk becomes its output
// lines, so the caller writes chunks in input order whoever screened them.
import { Worker } from 'node:worker_threads';
import { caption } from '../model/entity.js';
import { QueryError, queryFromRecord, Screener, type QueryRecord, type ScreenOptions, type ScreenResult } from '../match/index.js';
import { ThreadJobs } from '../match/thread-jobs.js';
import type { ListStore } from '../store/lists.js';

/** One input row, numbered from 1; an unreadable row carries an error instead of a record. */
export interface BatchRow {
  row: number;
  record?: QueryRecord;
  error?: string;
}

/** A screened chunk: its output lines (JSON, newline-terminated) and what the summary counts. */
export interface ScreenedChunk {
  text: string;
  matched: number;
  errors: number;
}

/** Options a worker can be given (plain data: an algorithm by name). */
export type BatchOptions = Pick<ScreenOptions, 'threshold' | 'limit' | 'datasets'> & { algorithm?: string };

/** The JSON shape of one result in CLI and batch output. */
export function resultJson(r: ScreenResult) {
  return {
    id: r.entity.id,
    caption: caption(r.entity),
    schema: r.entity.schema,
    datasets: r.entity.datasets,
    score: r.score,
    match: r.match,
    explanations: r.explanations,
  };
}

/** Screen rows: one output line each; a row the matcher rejects gets its error and the batch goes on. */
export function screenRows(screener: Screener, rows: BatchRow[], opts: BatchOptions): ScreenedChunk {
  let text = '';
  let matched = 0;
  let errors = 0;
  for (const item of rows) {
    const id = item.record?.id ?? null;
    let line: Record<string, unknown>;
    try {
      if (item.error) throw new QueryError(item.error);
      const results = screener.screen(queryFromRecord(item.record!), opts);
      if (results.some((r) => r.match)) matched++;
      line = { row: item.row, id, results: results.map(resultJson) };
    } catch (err) {
      if (!(err instanceof QueryError)) throw err;
      errors++;
      line = { row: item.row, id, error: err.message, results: [] };
    }
    text += JSON.stringify(line) + '\n';
  }
  return { text, matched, errors };
}

/** Screens chunks of rows; `close` frees what it holds. */
export interface ChunkScreener {
  readonly size: number;
  screen(rows: BatchRow[]): Promise<ScreenedChunk>;
  close(): Promise<void>;
}

/** Chunks screened here, one after the other. */
export function inThread(store: ListStore, opts: BatchOptions): ChunkScreener {
  const screener = Screener.fromStore(store, { datasets: opts.datasets });
  return { size: screener.size, screen: async (rows) => screenRows(screener, rows, opts), close: async () => {} };
}

/** What a batch worker is started with. */
export interface BatchWorkerInit {
  opts: BatchOptions;
}

export type FromBatchWorker = { kind: 'ready'; size: number } | { kind: 'chunk'; id: number; chunk: ScreenedChunk } | { kind: 'failed'; id?: number; message: string };

const WORKER_URL = new URL('./batch-worker.js', import.meta.url);

/**
 * Chunks spread over `n` worker threads, each with its own index of the store's active lists (about half a
 * gigabyte each with every list loaded), chunk by chunk to the least busy. Resolves once every index is built;
 * a thread that fails fails every chunk in flight and every later one.
 */
export async function workerThreads(n: number, opts: BatchOptions): Promise<ChunkScreener> {
  const workers: Worker[] = [];
  const jobs = new ThreadJobs<Worker>();
  let failure: Error | undefined;
  const fail = (err: Error) => {
    failure ??= err;
    jobs.failAll(failure);
  };
  const ready = Array.from({ length: n }, () => {
    const worker = new Worker(WORKER_URL, { workerData: { opts } satisfies BatchWorkerInit });
    workers.push(worker);
    return new Promise<number>((resolve, reject) => {
      worker.on('message', (m: FromBatchWorker) => {
        if (m.kind === 'ready') return resolve(m.size);
        if (m.kind === 'failed' && m.id === undefined) return reject(new Error(m.message));
        if (m.kind === 'chunk') jobs.settle(m.id, { ok: true, value: m.chunk });
        else fail(new Error(m.message));
      });
      worker.on('error', (err) => {
        reject(err);
        fail(err);
      });
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a screening thread stopped (exit code ${code})`));
      });
    });
  });
  let sizes: number[];
  try {
    sizes = await Promise.all(ready);
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  return {
    size: sizes[0],
    screen(rows) {
      if (failure) return Promise.reject(failure);
      return jobs.run<ScreenedChunk>(workers, (worker, id) => worker.postMessage({ id, rows }));
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
