// A monitoring run in a worker thread: building the matching index and screening the whole portfolio are
// CPU-bound, so they never stall the HTTP thread. The worker reports the run id as soon as the run row
// exists; progress after that is read from `monitor_runs` by whoever asks (any server sharing the store).
import { parentPort, workerData } from 'node:worker_threads';
import { Monitor, type RecordScreener } from '../../cases/monitor.js';
import { activeVersionLabels, recordScreener } from '../../cases/screening.js';
import { Screener } from '../../match/index.js';
import { openDb } from '../../store/db.js';
import { ListStore } from '../../store/lists.js';
import { openSql } from '../../store/sql.js';

export interface MonitorJobInit {
  /** The embedded list store. */
  dbPath: string;
  /** The work store: a postgres:// URL, or '' for the embedded SQLite file. */
  databaseUrl: string;
  actor: string;
  threshold?: number;
}

export type MonitorJobMessage =
  | { kind: 'started'; runId: number }
  | { kind: 'finished'; runId: number; alerts: number }
  | { kind: 'failed'; runId: number | null; message: string };

const port = parentPort!;
const post = (m: MonitorJobMessage) => port.postMessage(m);

async function main(init: MonitorJobInit): Promise<void> {
  const store = new ListStore(openDb(init.dbPath));
  const labels = activeVersionLabels(store);
  if (Object.keys(labels).length === 0) throw new Error('no list imported yet: import a list before running monitoring');
  const sql = await openSql(init.databaseUrl);
  let runId: number | null = null;
  try {
    const monitor = await Monitor.open(sql);
    // the index is built on the first record, after the run row exists, so the caller gets the id at once
    let screen: RecordScreener | undefined;
    const lazy: RecordScreener = (fields) => (screen ??= recordScreener(Screener.fromStore(store), { threshold: init.threshold }))(fields);
    const { run } = await monitor.run(lazy, labels, init.actor, (_done, _total, id) => {
      if (runId === null) post({ kind: 'started', runId: (runId = id) });
    });
    post({ kind: 'finished', runId: run.id, alerts: run.alerts_created });
  } catch (err) {
    post({ kind: 'failed', runId, message: (err as Error).message ?? String(err) });
  } finally {
    await sql.close();
    store.db.close();
  }
}

main(workerData as MonitorJobInit).catch((err) => post({ kind: 'failed', runId: null, message: (err as Error).message ?? String(err) }));
