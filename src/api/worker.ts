// A screening worker thread: builds one Snapshot from the list versions it is given, then answers jobs.
// Building and screening are CPU-bound and blocking; here they never stall the HTTP thread, and a hot
// swap builds a new worker beside the serving ones.
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../store/db.js';
import { ListStore } from '../store/lists.js';
import { QueryError } from '../match/index.js';
import { ApiError } from './errors.js';
import { listDiff } from './lists.js';
import type { FromWorker, Job, ToWorker } from './protocol.js';
import { ClaimTable } from './shared-jobs.js';
import { Snapshot } from './snapshot.js';

export interface WorkerInit {
  dbPath: string;
  versionIds: number[];
  /** The claim table shared by the pool's workers (src/api/shared-jobs.ts), and this worker's number in it. */
  claims: SharedArrayBuffer;
  no: number;
}

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

function run(snapshot: Snapshot, store: ListStore, job: Job): unknown {
  switch (job.op) {
    case 'match':
      return snapshot.match(job.queries, job.options);
    case 'search':
      return snapshot.search(job.params);
    case 'entity':
      return snapshot.entity(job.id, job.nested);
    case 'adjacent':
      return snapshot.adjacent(job.id, job.prop, job.limit, job.offset);
    case 'diff':
      return listDiff(store, job.dataset, job.old, job.new);
  }
}

function failure(err: unknown): { status: number; detail: string } {
  if (err instanceof ApiError) return { status: err.statusCode, detail: err.detail };
  // the matcher rejects unusable input (a name of control characters, an unknown algorithm) with these
  if (err instanceof QueryError || err instanceof RangeError) return { status: 400, detail: err.message };
  console.error(err);
  return { status: 500, detail: 'Internal server error' };
}

try {
  const { dbPath, versionIds, claims: buffer, no } = workerData as WorkerInit;
  const claims = new ClaimTable(buffer);
  const store = new ListStore(openDb(dbPath));
  const snapshot = Snapshot.build(store, versionIds);
  port.on('message', (m: ToWorker) => {
    // every job is offered to every worker of the generation: the first free one takes it
    if (!claims.claim(m.id, no)) return;
    const started = performance.now();
    try {
      const value = run(snapshot, store, JSON.parse(m.job) as Job);
      post({ kind: 'result', id: m.id, ms: performance.now() - started, ok: true, value });
    } catch (err) {
      post({ kind: 'result', id: m.id, ms: performance.now() - started, ok: false, ...failure(err) });
    }
  });
  post({ kind: 'ready', info: snapshot.info() });
  // links for nested /entities are collected in small steps between jobs
  const collect = () => snapshot.prepareNesting() && setImmediate(collect);
  setImmediate(collect);
} catch (err) {
  post({ kind: 'failed', message: (err as Error).message ?? String(err) });
}
