// Jobs sent to screening threads, each to the thread with the fewest unanswered, and their answers matched
// back by id: batch screening on threads (src/cli/batch.ts), whose chunks are large and even, so a chunk never
// waits long behind another. How a job reaches a thread (the message) stays with the caller. The HTTP server's
// requests are small and uneven; its workers share one queue instead (src/api/shared-jobs.ts).

interface Pending<T> {
  thread: T;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };

export class ThreadJobs<T> {
  private nextId = 0;
  private readonly pending = new Map<number, Pending<T>>();
  private readonly load = new Map<T, number>();

  /** Jobs sent to `thread` and not answered yet. */
  inFlight(thread: T): number {
    return this.load.get(thread) ?? 0;
  }

  /** Send a job to the least busy of `threads` (`send` posts it with its id); resolves with the answer. */
  run<R>(threads: readonly T[], send: (thread: T, id: number) => void): Promise<R> {
    let thread = threads[0];
    for (const t of threads) if (this.inFlight(t) < this.inFlight(thread)) thread = t;
    const id = ++this.nextId;
    return new Promise<R>((resolve, reject) => {
      const p: Pending<T> = { thread, resolve: resolve as (v: unknown) => void, reject };
      this.pending.set(id, p);
      this.load.set(thread, this.inFlight(thread) + 1);
      try {
        send(thread, id);
      } catch (err) {
        this.settle(id, { ok: false, error: err as Error });
      }
    });
  }

  /** A thread answered job `id` (an unknown id — the jobs were failed meanwhile — is ignored); returns that thread. */
  settle(id: number, outcome: Outcome): T | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    this.finish(p);
    if (outcome.ok) p.resolve(outcome.value);
    else p.reject(outcome.error);
    return p.thread;
  }

  /** Reject every job of every thread (batch screening stops at its first failed thread). */
  failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.load.clear();
  }

  private finish(p: Pending<T>): void {
    const left = this.inFlight(p.thread) - 1;
    if (left > 0) this.load.set(p.thread, left);
    else this.load.delete(p.thread);
  }
}
