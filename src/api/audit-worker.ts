// The audit writer thread: appends API screening events to the hash-chained audit trail in batches (one
// transaction per batch). On SQLite a running list import holds the write lock for seconds; waiting for
// it here keeps the HTTP thread answering.
import { parentPort, workerData } from 'node:worker_threads';
import { AuditLog, type AuditEvent } from '../audit/log.js';
import { openSql } from '../store/sql.js';

export type ToAuditWorker = { kind: 'events'; events: AuditEvent[] } | { kind: 'close' };
export type FromAuditWorker = { kind: 'ready' } | { kind: 'flushed'; count: number } | { kind: 'error'; message: string } | { kind: 'closed' };

const port = parentPort!;
const post = (m: FromAuditWorker) => port.postMessage(m);
const BATCH = 500;
const RETRY_MS = 1000;

const { databaseUrl } = workerData as { databaseUrl: string | undefined };
const sql = await openSql(databaseUrl);
const log = await AuditLog.open(sql);
const queue: AuditEvent[] = [];
let draining: Promise<void> | undefined;
let closing = false;

async function drain(): Promise<void> {
  while (queue.length) {
    const batch = queue.slice(0, BATCH);
    try {
      await log.appendMany(batch);
    } catch (err) {
      // the store is busy or down: keep the events and try again (the HTTP side refuses work once the backlog is full)
      post({ kind: 'error', message: (err as Error).message });
      await new Promise((r) => setTimeout(r, RETRY_MS));
      continue;
    }
    queue.splice(0, batch.length);
    post({ kind: 'flushed', count: batch.length });
  }
}

function schedule(): void {
  draining ??= drain().finally(() => {
    draining = undefined;
    if (queue.length && !closing) schedule();
  });
}

port.on('message', async (m: ToAuditWorker) => {
  if (m.kind === 'events') {
    queue.push(...m.events);
    schedule();
  } else {
    closing = true;
    while (draining || queue.length) {
      if (!draining) schedule();
      await draining;
    }
    await sql.close();
    post({ kind: 'closed' });
  }
});
post({ kind: 'ready' });
