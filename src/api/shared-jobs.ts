// One queue for all the screening threads of a generation. Every job is posted to every thread of the
// generation; a table in shared memory says which thread took it, and the first thread to reach it takes it
// (an atomic compare-and-swap), the others skip it. So a job waits only until some thread is free, never behind
// a slow query or a garbage collection on the thread it happened to be sent to.
//
// Why not send each job to one thread (ThreadJobs, src/match/thread-jobs.ts, still used by batch screening):
// measured on the HTTP service, 2 workers, 64 connections, alternated (2026-11-30): p99 26.8–27.9 ms against
// 31.1–31.4 ms with least-busy dispatch, at 2 % fewer requests/s (each thread reads every job's message).
// Why not one queue in the HTTP thread handing each thread a job or two at a time: threads then sat idle while
// their next job crossed over, 19–42 % fewer requests/s (2026-11-29).

import type { Outcome } from '../match/thread-jobs.js';

/** Slots of the claim table: at most this many jobs may be unanswered at once. */
export const CLAIM_SLOTS = 1 << 16;

/**
 * The claim table, in a SharedArrayBuffer seen by the HTTP thread and every screening thread. A slot holds
 * the id of the job offered in it (positive) until a thread takes the job and writes its own number there,
 * negated; 0 is a withdrawn job.
 */
export class ClaimTable {
  readonly slots: Int32Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(4 * CLAIM_SLOTS)) {
    this.slots = new Int32Array(buffer);
  }

  get buffer(): SharedArrayBuffer {
    return this.slots.buffer as SharedArrayBuffer;
  }

  offer(id: number): void {
    Atomics.store(this.slots, id % CLAIM_SLOTS, id);
  }

  /** Take job `id` for thread `thread` (≥ 1); false when another thread took it first or it was withdrawn. */
  claim(id: number, thread: number): boolean {
    return Atomics.compareExchange(this.slots, id % CLAIM_SLOTS, id, -thread) === id;
  }

  /** The thread that took job `id`, or undefined while nobody has. */
  owner(id: number): number | undefined {
    const v = Atomics.load(this.slots, id % CLAIM_SLOTS);
    return v < 0 ? -v : undefined;
  }

  /** Take back a job nobody has claimed, so no thread will run it; false when a thread already has it. */
  withdraw(id: number): boolean {
    return Atomics.compareExchange(this.slots, id % CLAIM_SLOTS, id, 0) === id;
  }
}

/** A screening thread as the queue sees it: its number in the claim table. */
export interface QueueThread {
  readonly no: number;
}

interface Pending<G, T> {
  id: number;
  group: G;
  threads: () => readonly T[];
  /** The one thread the job was posted to, when the group was idle. */
  only: T | undefined;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
  /** performance.now() when offered. */
  offeredAt: number;
}

/** An answered job: its group, and how long after it was offered the answer came (ms). */
export interface Settled<G> {
  group: G;
  elapsedMs: number;
}

export interface OfferOptions<T> {
  timeoutMs: number;
  /** A thread held a job longer than `timeoutMs`: it should be stopped (its jobs then fail through `failThread`). */
  onStuck: (thread: T) => void;
  /** Error for a job no thread took within `timeoutMs`. */
  unclaimed: () => Error;
  /** Error when the claim table is full (CLAIM_SLOTS jobs unanswered). */
  full: () => Error;
}

/**
 * The jobs in flight, each offered to the threads of a group (a generation of the HTTP pool). The caller
 * posts the messages; answers come back by id.
 */
export class SharedJobs<G, T extends QueueThread> {
  private nextId = 0;
  /**
   * The jobs in flight by claim slot (a slot holds one job at a time: `offer` refuses a slot still taken). An array,
   * not a Map by id: a Map that gains and loses an entry with every request is rebuilt every few dozen requests; V8's
   * Rehash leaves the replaced table holding its entries and a link to its successor (for iterators still walking it),
   * and allocates the successor in the old generation once the table lives there. Those dead tables kept every later
   * table, and the jobs in them, alive through young collections: on the HTTP thread about 1 MB promoted per young
   * collection and pauses of 5–7 ms, against 0.1 MB and 3.5 ms with this array (2026-11-30, docs/BENCHMARKS.md).
   */
  private readonly pending: Array<Pending<G, T> | undefined> = new Array<Pending<G, T> | undefined>(CLAIM_SLOTS).fill(undefined);
  private readonly perGroup = new Map<G, number>();

  /** @param onIdle called when the last unanswered job of a group is answered, failed or withdrawn */
  constructor(
    readonly claims: ClaimTable,
    private readonly onIdle: (group: G) => void = () => undefined,
  ) {}

  /** Jobs offered to `group` and not answered yet. */
  outstanding(group: G): number {
    return this.perGroup.get(group) ?? 0;
  }

  /**
   * Offer a job to the threads of `group` (`threads()` at the time: a thread replaced meanwhile is included);
   * `post` sends its message to each thread. When the group has no job in flight, every thread is free, and the
   * job is posted to the first one only: waking the others for a job they would find taken cost 15–25 % of the
   * requests per second at 1 connection (2026-11-30). Resolves with the answer.
   */
  offer<R>(group: G, threads: () => readonly T[], post: (thread: T, id: number) => void, opts: OfferOptions<T>): Promise<R> {
    // ids stay positive int32 (they are written to the claim table) and wrap long before they overflow
    const id = this.nextId >= 0x3fffffff ? 1 : this.nextId + 1;
    const slot = id % CLAIM_SLOTS;
    if (this.pending[slot]) return Promise.reject(opts.full());
    this.nextId = id;
    return new Promise<R>((resolve, reject) => {
      const all = threads();
      const targets = this.outstanding(group) === 0 ? all.slice(0, 1) : all;
      const p: Pending<G, T> = { id, group, threads, only: targets.length === 1 ? targets[0] : undefined, resolve: resolve as (v: unknown) => void, reject, offeredAt: performance.now() };
      p.timer = setTimeout(() => this.expire(id, opts), opts.timeoutMs);
      this.pending[slot] = p;
      this.perGroup.set(group, this.outstanding(group) + 1);
      this.claims.offer(id);
      try {
        for (const thread of targets) post(thread, id);
      } catch (err) {
        this.claims.withdraw(id);
        this.settle(id, { ok: false, error: err as Error });
      }
    });
  }

  /** A thread answered job `id`: its group and round trip, or undefined for an id nobody waits for any more (ignored). */
  settle(id: number, outcome: Outcome): Settled<G> | undefined {
    const p = this.find(id);
    if (!p) return undefined;
    this.finish(p);
    if (outcome.ok) p.resolve(outcome.value);
    else p.reject(outcome.error);
    return { group: p.group, elapsedMs: performance.now() - p.offeredAt };
  }

  /**
   * Thread `thread` of `group` stopped: fail the jobs it had taken or had been posted alone, and with `orphaned`
   * (no thread of the group is left to take them) the group's jobs nobody took.
   */
  failThread(group: G, thread: T, err: Error, orphaned: boolean): void {
    for (const p of this.pending) {
      if (!p || p.group !== group) continue;
      const owner = this.claims.owner(p.id);
      if (owner === thread.no || ((orphaned || p.only === thread) && owner === undefined && this.claims.withdraw(p.id))) {
        this.settle(p.id, { ok: false, error: err });
      }
    }
  }

  /** The job in flight with this id, if any. */
  private find(id: number): Pending<G, T> | undefined {
    const p = this.pending[id % CLAIM_SLOTS];
    return p !== undefined && p.id === id ? p : undefined;
  }

  private expire(id: number, opts: OfferOptions<T>): void {
    const p = this.find(id);
    if (!p) return;
    const owner = this.claims.withdraw(id) ? undefined : this.claims.owner(id);
    const thread = owner === undefined ? undefined : p.threads().find((t) => t.no === owner);
    if (thread) opts.onStuck(thread);
    // still waiting for a thread (withdrawn: nobody will run it now), or its thread is gone without failing it
    else this.settle(id, { ok: false, error: opts.unclaimed() });
  }

  private finish(p: Pending<G, T>): void {
    clearTimeout(p.timer);
    this.pending[p.id % CLAIM_SLOTS] = undefined;
    const left = this.outstanding(p.group) - 1;
    if (left > 0) this.perGroup.set(p.group, left);
    else {
      this.perGroup.delete(p.group);
      this.onIdle(p.group);
    }
  }
}
