// Read lists in worker threads while the importing thread reads and writes others: parsing is the bulk of an
// import's CPU, so lists parse on two cores or more at once. The importing thread takes the lists in order and
// reads itself any list no worker has started; workers start with the list furthest ahead in the window, so
// the two meet in the middle instead of the importing thread waiting on the worker. The import itself stays
// on the caller's thread, one transaction per list, so it is still all or nothing.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DetectedList } from '../sources/detect.js';
import { formatByName } from '../sources/registry.js';
import type { ListMeta } from '../sources/types.js';
import type { FromWorker, ToWorker } from './read-worker.js';
import { newMeta, readInThread, unpackError, type ListReading, type RowBatch } from './rows.js';

interface Job {
  id: number;
  list: DetectedList;
  meta: ListMeta;
  state: 'queued' | 'running' | 'ended';
  buffer: RowBatch[];
  error?: Error;
  worker?: PoolWorker;
  wake?: () => void;
}

/**
 * A reading thread's young generation: twice V8's default. Loaders keep a list's cross-references (OFAC
 * addresses and aliases, ConList groups) until its end, and every scavenge copies them; half as many
 * scavenges cut the threads' GC time by about a third (measured over every shared list).
 */
const YOUNG_GENERATION_MB = 96;

interface PoolWorker {
  thread: Worker;
  job?: Job;
}

export interface ReadPoolOptions {
  /**
   * Worker threads. Default: one per core but the importing thread's, at most 2 (more would wait on the
   * single writer). On 2 cores that is one: a second one measured no faster there, for 3–4 s more CPU (its
   * own module loads, JIT warm-up and heap).
   */
  threads?: number;
  /** How far ahead of the list being imported workers may read, that list included (default: threads + 3). */
  ahead?: number;
}

export class ReadPool {
  readonly size: number;
  readonly ahead: number;
  private readonly workers: PoolWorker[] = [];
  private readonly jobs = new Map<DetectedList, Job>();
  private nextId = 1;
  private closed = false;

  constructor(opts: ReadPoolOptions = {}) {
    this.size = Math.max(1, opts.threads ?? Math.min(2, availableParallelism() - 1));
    this.ahead = Math.max(2, opts.ahead ?? this.size + 3);
  }

  /** Start reading these lists in the background, in order (only lists of registered formats). */
  prefetch(lists: DetectedList[]): void {
    for (const list of lists) if (!this.jobs.has(list) && this.inWorker(list)) this.jobs.set(list, this.newJob(list));
    this.pump();
  }

  /** The rows of one list: from the worker that reads or read it, else read on this thread now. */
  read(list: DetectedList): ListReading {
    const job = this.jobs.get(list);
    if (!job || job.state === 'queued') {
      this.discard(list);
      return readInThread(list);
    }
    return { meta: job.meta, batches: this.batches(job), close: () => this.release(job) };
  }

  /** A prefetched list that will not be imported after all: stop reading it. */
  discard(list: DetectedList): void {
    const job = this.jobs.get(list);
    if (job) this.release(job);
  }

  /** Stop every thread; readings still open fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.jobs.values()) this.end(job, new Error('the list reader was closed'));
    this.jobs.clear();
    await Promise.all(this.workers.splice(0).map((w) => w.thread.terminate()));
  }

  /** A list a worker can read: its format is the registered one (a test's ad-hoc format reads in place). */
  private inWorker(list: DetectedList): boolean {
    return formatByName(list.format.format) === list.format;
  }

  private newJob(list: DetectedList): Job {
    return { id: this.nextId++, list, meta: newMeta(list), state: 'queued', buffer: [] };
  }

  private async *batches(job: Job): AsyncGenerator<RowBatch> {
    for (;;) {
      const batch = job.buffer.shift();
      if (batch) yield batch;
      else if (job.error) throw job.error;
      else if (job.state === 'ended') return;
      else await new Promise<void>((resolve) => (job.wake = resolve));
    }
  }

  /** The import is done with a list: drop its rows, and stop its reading if it still runs. */
  private release(job: Job): void {
    this.jobs.delete(job.list);
    job.buffer = [];
    if (job.state === 'running' && job.worker) job.worker.thread.postMessage({ type: 'cancel', job: job.id } satisfies ToWorker);
    if (job.state === 'queued') job.state = 'ended';
    this.pump();
  }

  /** Start queued readings on idle threads: the one furthest ahead within the window first. */
  private pump(): void {
    if (this.closed) return;
    for (;;) {
      const window = [...this.jobs.values()].slice(0, this.ahead);
      const job = window.reverse().find((j) => j.state === 'queued');
      if (!job) return;
      const worker = this.idleWorker();
      if (!worker) return;
      this.start(job, worker);
    }
  }

  private idleWorker(): PoolWorker | undefined {
    const idle = this.workers.find((w) => !w.job);
    if (idle) return idle;
    if (this.workers.length >= this.size) return undefined;
    const w: PoolWorker = { thread: new Worker(new URL('./read-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }) };
    w.thread.on('message', (msg: FromWorker) => this.onMessage(w, msg));
    w.thread.on('error', (err) => this.onDeath(w, err));
    w.thread.on('exit', (code) => this.onDeath(w, new Error(`list reader thread exited with code ${code}`)));
    w.thread.unref(); // an idle thread never keeps the process alive
    this.workers.push(w);
    return w;
  }

  private start(job: Job, worker: PoolWorker): void {
    job.state = 'running';
    job.worker = worker;
    worker.job = job;
    worker.thread.ref(); // while it reads, the importing side waits on it
    worker.thread.postMessage({ type: 'read', job: job.id, format: job.list.format.format, input: job.list.input, meta: job.meta } satisfies ToWorker);
  }

  private onMessage(worker: PoolWorker, msg: FromWorker): void {
    const job = worker.job;
    if (!job || job.id !== msg.job) return;
    Object.assign(job.meta, msg.meta);
    if (this.jobs.get(job.list) === job && msg.batch) job.buffer.push(msg.batch);
    if (msg.type === 'end') {
      worker.job = undefined;
      worker.thread.unref();
      this.end(job, msg.error && unpackError(msg.error));
      this.pump();
    } else job.wake?.();
  }

  private onDeath(worker: PoolWorker, err: Error): void {
    const at = this.workers.indexOf(worker);
    if (at < 0) return; // closed on purpose
    this.workers.splice(at, 1);
    if (worker.job) this.end(worker.job, err);
    worker.job = undefined;
    this.pump();
  }

  private end(job: Job, error?: Error): void {
    if (job.state === 'ended') return;
    job.state = 'ended';
    job.worker = undefined;
    if (error) job.error = error;
    job.wake?.();
  }
}
