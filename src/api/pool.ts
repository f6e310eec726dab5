// The screening workers behind the HTTP thread, in generations. A generation is N worker threads holding a
// Snapshot of the same list versions. A hot swap starts a new generation beside the serving one and, once
// every new worker has built its index, switches the reference in one assignment: new requests go to the
// new generation, requests in flight finish on the old one, whose workers are then stopped. A generation's
// workers share one queue (src/api/shared-jobs.ts): each job goes to whichever worker is free first.
import { Worker } from 'node:worker_threads';
import { ApiError } from './errors.js';
import { ClaimTable, SharedJobs } from './shared-jobs.js';
import type { FromWorker, Job, JobResults, MatchOutcome, SnapshotInfo, ToWorker } from './protocol.js';
import type { WorkerInit } from './worker.js';

class WorkerHandle {
  /** Stopped on purpose (old generation, shutdown): its exit is not a crash. */
  retired = false;
  /** The generation it serves, once its index is built. */
  generation: LiveGeneration | undefined;
  /** @param no its number in the claim table (≥ 1, never reused) */
  constructor(
    readonly worker: Worker,
    readonly no: number,
  ) {}
}

export interface Generation {
  /** Increases with every swap. */
  readonly id: number;
  /** dataset → list version id this generation answers from. */
  readonly versions: Map<string, number>;
  readonly info: SnapshotInfo;
  readonly builtAt: Date;
}

interface LiveGeneration extends Generation {
  workers: WorkerHandle[];
  /** Swapped out: its workers stop once its last job is answered. */
  retired: boolean;
}

/** What the serving generation is doing: its screening threads, and its jobs waiting for one or running. */
export interface ScreeningLoad {
  workers: number;
  inFlight: number;
}

export interface PoolLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface PoolOptions {
  dbPath: string;
  /** Worker threads per generation. */
  workers: number;
  /** A job running longer than this fails with 503 and its worker is replaced. */
  jobTimeoutMs?: number;
  log: PoolLogger;
  /** Called after each swap (metrics, logs). */
  onSwap?: (generation: Generation, previous: Generation | undefined) => void;
  /** Called for each answered job with its round trip from the HTTP thread and the worker's own time, in ms (metrics). */
  onAnswer?: (roundTripMs: number, workerMs: number) => void;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

export class ScreeningPool {
  private current: LiveGeneration | undefined;
  private building: Promise<Generation> | undefined;
  private generations = 0;
  /** Jobs of every generation in flight, by id; the claim table is shared with every worker. */
  private readonly jobs = new SharedJobs<LiveGeneration, WorkerHandle>(new ClaimTable(), (gen) => {
    // a swapped-out generation stops once its last request is answered, failed or timed out
    if (gen.retired) this.stopWhenIdle(gen);
  });
  private workerNumbers = 0;
  private closed = false;
  /** Every worker still running, of any generation (shutdown stops them all). */
  private readonly live = new Set<WorkerHandle>();

  constructor(private readonly opts: PoolOptions) {}

  /** The generation answering requests; undefined until the first index is built. */
  get generation(): Generation | undefined {
    return this.current;
  }

  get screeningLoad(): ScreeningLoad {
    const gen = this.current;
    return gen ? { workers: gen.workers.length, inFlight: this.jobs.outstanding(gen) } : { workers: 0, inFlight: 0 };
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get isBuilding(): boolean {
    return this.building !== undefined;
  }

  /**
   * Build a generation over these list versions and swap it in. Concurrent calls share the build in
   * progress; the caller compares versions afterwards and calls again if the store moved on meanwhile.
   */
  load(versions: Map<string, number>): Promise<Generation> {
    this.building ??= this.build(versions).finally(() => (this.building = undefined));
    return this.building;
  }

  private async build(versions: Map<string, number>): Promise<Generation> {
    const versionIds = [...versions.values()].sort((a, b) => a - b);
    const started = performance.now();
    const spawned = Array.from({ length: Math.max(1, this.opts.workers) }, () => this.spawn(versionIds));
    const settled = await Promise.allSettled(spawned);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed || this.closed) {
      for (const s of settled) if (s.status === 'fulfilled') this.retire(s.value.handle);
      throw this.closed ? new Error('pool closed') : failed!.reason;
    }
    const ready = settled.map((s) => (s as PromiseFulfilledResult<{ handle: WorkerHandle; info: SnapshotInfo }>).value);
    const generation: LiveGeneration = { id: ++this.generations, versions: new Map(versions), info: ready[0].info, builtAt: new Date(), workers: ready.map((r) => r.handle), retired: false };
    for (const w of generation.workers) w.generation = generation;
    const previous = this.current;
    this.current = generation; // the swap: from here on new jobs go to the new workers
    this.opts.log.info({ generation: generation.id, entities: generation.info.entities, buildMs: Math.round(performance.now() - started), workers: ready.length }, 'index ready');
    if (previous) {
      previous.retired = true;
      this.stopWhenIdle(previous);
    }
    this.opts.onSwap?.(generation, previous);
    return generation;
  }

  /** Start a worker and wait until its index is built. */
  private spawn(versionIds: number[]): Promise<{ handle: WorkerHandle; info: SnapshotInfo }> {
    const no = ++this.workerNumbers;
    const init: WorkerInit = { dbPath: this.opts.dbPath, versionIds, claims: this.jobs.claims.buffer, no };
    const worker = new Worker(WORKER_URL, { workerData: init });
    const handle = new WorkerHandle(worker, no);
    this.live.add(handle);
    return new Promise((resolve, reject) => {
      let building = true;
      worker.on('message', (m: FromWorker) => {
        if (m.kind === 'ready') {
          building = false;
          resolve({ handle, info: m.info });
        } else if (m.kind === 'failed') {
          building = false;
          handle.retired = true;
          void worker.terminate();
          reject(new Error(`index build failed: ${m.message}`));
        } else {
          const settled = this.jobs.settle(m.id, m.ok ? { ok: true, value: m.value } : { ok: false, error: new ApiError(m.status, m.detail) });
          if (settled) this.opts.onAnswer?.(settled.elapsedMs, m.ms);
        }
      });
      worker.on('error', (err) => {
        this.opts.log.error({ err }, 'screening worker error');
        if (building) reject(err);
      });
      worker.on('exit', (code) => {
        if (building) reject(new Error(`screening worker exited (${code}) while building`));
        building = false;
        this.onExit(handle, code);
      });
    });
  }

  private stopWhenIdle(gen: LiveGeneration): void {
    if (this.jobs.outstanding(gen) === 0) for (const w of gen.workers) this.retire(w);
  }

  private retire(handle: WorkerHandle): void {
    handle.retired = true;
    void handle.worker.terminate();
  }

  /** A worker that dies while serving is replaced; the requests it held fail with 503 (the client may retry). */
  private onExit(handle: WorkerHandle, code: number): void {
    this.live.delete(handle);
    const owner = handle.generation;
    if (owner) {
      owner.workers = owner.workers.filter((w) => w !== handle);
      // jobs nobody took yet wait for the generation's other workers, or fail when none is left
      this.jobs.failThread(owner, handle, new ApiError(503, 'Screening worker stopped; retry the request'), owner.workers.length === 0);
    }
    const gen = this.current;
    if (handle.retired || this.closed || !gen || gen !== owner) return;
    this.opts.log.error({ code, generation: gen.id }, 'screening worker died; replacing it');
    this.spawn([...gen.versions.values()].sort((a, b) => a - b)).then(
      ({ handle: fresh }) => {
        if (this.current === gen && !this.closed) {
          fresh.generation = gen;
          gen.workers.push(fresh);
        } else this.retire(fresh);
      },
      (err) => this.opts.log.error({ err }, 'could not replace screening worker'),
    );
  }

  /**
   * Run a job on the first free worker of the serving generation; says which generation answered. A match job
   * of several queries is shared out among the workers that are idle, so one request's queries are screened
   * side by side. Only idle ones: under load every worker is busy anyway, and a split request costs more CPU in
   * all (20-query requests with 2 workers, 2026-11-29: 12 % more requests per second at 1 connection, 5 % fewer
   * at 16 when every request was split).
   */
  async run<K extends Job['op']>(job: Extract<Job, { op: K }>): Promise<{ value: JobResults[K]; generation: Generation }> {
    const gen = this.current;
    if (!gen || gen.workers.length === 0) throw new ApiError(503, 'Index not ready.');
    const match = job as Job;
    if (match.op === 'match' && match.queries.length > 1) {
      const idle = gen.workers.length - this.jobs.outstanding(gen);
      if (idle > 1) {
        const parts = splitEvenly(match.queries, idle);
        const answers = await Promise.all(parts.map((queries) => this.send<MatchOutcome[]>(gen, { ...match, queries })));
        return { value: answers.flat() as JobResults[K], generation: gen };
      }
    }
    return { value: await this.send<JobResults[K]>(gen, job), generation: gen };
  }

  private send<R>(gen: LiveGeneration, job: Job): Promise<R> {
    const message: ToWorker = { kind: 'job', id: 0, job: JSON.stringify(job) };
    return this.jobs.offer<R>(
      gen,
      () => gen.workers,
      (handle, id) => {
        message.id = id;
        handle.worker.postMessage(message);
      },
      {
        timeoutMs: this.opts.jobTimeoutMs ?? 30_000,
        onStuck: (handle) => {
          this.opts.log.error({ op: job.op }, 'screening job timed out; replacing its worker');
          void handle.worker.terminate();
        },
        unclaimed: () => new ApiError(503, 'Screening is overloaded: no worker was free in time; retry the request'),
        full: () => new ApiError(503, 'Too many screening jobs in flight; retry the request'),
      },
    );
  }

  /** Stop every worker (after the HTTP server has finished its requests). */
  async close(): Promise<void> {
    this.closed = true;
    this.current = undefined;
    // a build in progress is abandoned: its workers are stopped with the rest
    await Promise.all(
      [...this.live].map((w) => {
        w.retired = true;
        return w.worker.terminate();
      }),
    );
    await this.building?.catch(() => undefined);
  }
}

/** `items` in `n` consecutive parts of near-equal size (fewer when there are fewer items), in order. */
export function splitEvenly<T>(items: readonly T[], n: number): T[][] {
  const parts: T[][] = [];
  const count = Math.min(n, items.length);
  for (let p = 0, at = 0; p < count; p++) {
    const size = Math.ceil((items.length - at) / (count - p));
    parts.push(items.slice(at, at + size));
    at += size;
  }
  return parts;
}
