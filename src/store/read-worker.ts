// A ReadPool thread (read-pool.ts): reads one list at a time with its registered loader and posts its rows
// in batches, so parsing runs beside the SQLite writes on the importing thread.
import { parentPort } from 'node:worker_threads';
import { formatByName } from '../sources/registry.js';
import type { SourceInput, ListMeta } from '../sources/types.js';
import { BatchBuilder, packError, type PackedError, type RowBatch } from './rows.js';

export type ToWorker = { type: 'read'; job: number; format: string; input: SourceInput; meta: ListMeta } | { type: 'cancel'; job: number };

export type FromWorker =
  | { type: 'rows'; job: number; batch: RowBatch; meta: ListMeta }
  | { type: 'end'; job: number; batch?: RowBatch; meta: ListMeta; error?: PackedError; cancelled?: boolean };

const port = parentPort!;
let cancelled = -1;

async function read(job: Extract<ToWorker, { type: 'read' }>): Promise<void> {
  const { meta } = job;
  const batch = new BatchBuilder();
  const rest = () => (batch.size ? batch.take(true) : undefined);
  try {
    const format = formatByName(job.format);
    if (!format) throw new Error(`no registered list format ${job.format}`);
    for await (const entity of format.read(job.input, meta)) {
      batch.add(entity);
      if (batch.full) port.postMessage({ type: 'rows', job: job.job, batch: batch.take(true), meta } satisfies FromWorker);
      if (cancelled === job.job) {
        port.postMessage({ type: 'end', job: job.job, meta, cancelled: true } satisfies FromWorker);
        return; // leaving the loop closes the loader's streams
      }
    }
    port.postMessage({ type: 'end', job: job.job, batch: rest(), meta } satisfies FromWorker);
  } catch (err) {
    port.postMessage({ type: 'end', job: job.job, batch: rest(), meta, error: packError(err) } satisfies FromWorker);
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'cancel') cancelled = msg.job;
  else void read(msg);
});
