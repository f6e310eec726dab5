// A batch screening thread: builds its own index of the active lists (names read back from the prepared-name
// file when an earlier build left one), then screens the chunks of rows it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { Screener } from '../match/index.js';
import { openDb } from '../store/db.js';
import { ListStore } from '../store/lists.js';
import { screenRows, type BatchRow, type BatchWorkerInit, type FromBatchWorker } from './batch.js';

const port = parentPort!;
const post = (m: FromBatchWorker) => port.postMessage(m);
const { opts } = workerData as BatchWorkerInit;

try {
  const screener = Screener.fromStore(new ListStore(openDb()), { datasets: opts.datasets });
  port.on('message', ({ id, rows }: { id: number; rows: BatchRow[] }) => {
    try {
      post({ kind: 'chunk', id, chunk: screenRows(screener, rows, opts) });
    } catch (err) {
      post({ kind: 'failed', id, message: (err as Error).message ?? String(err) });
    }
  });
  post({ kind: 'ready', size: screener.size });
} catch (err) {
  post({ kind: 'failed', message: (err as Error).message ?? String(err) });
}
