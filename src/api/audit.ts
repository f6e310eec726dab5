// Screening requests go to the audit trail (who, what, against which list versions) without adding to
// their latency: events are buffered briefly and written by the audit thread in batches. If the trail
// cannot keep up (the store is down), screening is refused with 503 rather than done unrecorded.
import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
import type { AuditEvent } from '../audit/log.js';
import { ApiError } from './errors.js';
import type { FromAuditWorker, ToAuditWorker } from './audit-worker.js';
import type { PoolLogger } from './pool.js';

export interface AuditTrailOptions {
  databaseUrl: string | undefined;
  /** Most events waiting to be written before screening is refused. */
  maxBacklog: number;
  log: PoolLogger;
}

const FLUSH_MS = 50;
const FLUSH_EVENTS = 200;
const CLOSE_TIMEOUT_MS = 15_000;

export class AuditTrail {
  private buffer: AuditEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Posted to the writer and not yet committed. */
  private unwritten = 0;
  private written = 0;
  private lastError: string | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly opts: AuditTrailOptions,
  ) {
    worker.on('message', (m: FromAuditWorker) => {
      if (m.kind === 'flushed') {
        this.unwritten -= m.count;
        this.written += m.count;
        if (this.lastError) opts.log.info({}, 'audit trail writable again');
        this.lastError = undefined;
      } else if (m.kind === 'error' && m.message !== this.lastError) {
        this.lastError = m.message;
        opts.log.error({ error: m.message }, 'audit trail write failed; retrying');
      }
    });
    worker.on('error', (err) => opts.log.error({ err }, 'audit writer crashed'));
  }

  static async start(opts: AuditTrailOptions): Promise<AuditTrail> {
    const worker = new Worker(new URL('./audit-worker.js', import.meta.url), { workerData: { databaseUrl: opts.databaseUrl } });
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`audit writer exited (${code})`)));
      worker.on('message', (m: FromAuditWorker) => m.kind === 'ready' && resolve());
    });
    await ready;
    worker.removeAllListeners('exit');
    worker.removeAllListeners('error');
    return new AuditTrail(worker, opts);
  }

  /** Events waiting to be written. */
  get backlog(): number {
    return this.unwritten + this.buffer.length;
  }

  get committed(): number {
    return this.written;
  }

  /** Refuse work that could not be recorded (call before screening). */
  ensureCapacity(): void {
    if (this.backlog >= this.opts.maxBacklog) throw new ApiError(503, 'Audit trail unavailable: screening is paused until it can be recorded');
  }

  record(event: AuditEvent): void {
    // details as JSON text: the writer thread stores that text as it is instead of rebuilding the object graph
    // and serialising it again, and the buffer holds one string per event for the collector to trace
    this.buffer.push({ ...event, details: JSON.stringify(event.details ?? {}) });
    if (this.buffer.length >= FLUSH_EVENTS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.buffer.length) return;
    this.unwritten += this.buffer.length;
    this.worker.postMessage({ kind: 'events', events: this.buffer } satisfies ToAuditWorker);
    this.buffer = [];
  }

  /** Write everything still buffered, then stop the writer. */
  async close(): Promise<void> {
    this.flush();
    this.worker.postMessage({ kind: 'close' } satisfies ToAuditWorker);
    const closed = new Promise<void>((resolve) => this.worker.on('message', (m: FromAuditWorker) => m.kind === 'closed' && resolve()));
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS).unref());
    if ((await Promise.race([closed, timeout])) === 'timeout') this.opts.log.error({ unwritten: this.backlog }, 'audit trail not flushed before shutdown');
    const exited = once(this.worker, 'exit');
    await this.worker.terminate();
    await exited.catch(() => undefined);
  }
}
