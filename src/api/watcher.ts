// Hot swap: every few seconds, one cheap query reads the active list version of each dataset; when it
// differs from what the serving index was built from (an `interdict import` or `update` ran), the pool
// builds a new generation beside the old one and swaps it in. The same tick re-reads whether API keys exist.
import type { ListStore } from '../store/lists.js';
import type { Authenticator } from './auth.js';
import type { Generation, PoolLogger, ScreeningPool } from './pool.js';

const MAX_BACKOFF_MS = 60_000;

function sameVersions(a: Map<string, number>, b: Map<string, number> | undefined): boolean {
  if (!b || a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

export class IndexWatcher {
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private retryAt = 0;
  private readonly labels = new Map<number, Record<string, string>>();

  constructor(
    private readonly store: ListStore,
    private readonly pool: ScreeningPool,
    private readonly auth: Authenticator,
    private readonly log: PoolLogger,
    private readonly intervalMs: number,
  ) {}

  /** Build the first index (in the background) and start polling. */
  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      await this.auth.refresh();
    } catch (err) {
      this.log.error({ err }, 'could not read API keys');
    }
    if (Date.now() < this.retryAt || this.pool.isBuilding) return;
    await this.check().catch(() => undefined);
  }

  /** Compare the store with the serving index; rebuild and swap if they differ. Resolves once serving the store's versions. */
  async check(): Promise<{ changed: boolean; generation: Generation }> {
    for (;;) {
      const wanted = this.store.activeVersionIds();
      const serving = this.pool.generation;
      if (serving && sameVersions(wanted, serving.versions)) return { changed: false, generation: serving };
      try {
        if (serving) this.log.info({ from: Object.fromEntries(serving.versions), to: Object.fromEntries(wanted) }, 'list versions changed: building a new index');
        const generation = await this.pool.load(wanted);
        this.failures = 0;
        this.retryAt = 0;
        // the store may have moved on while building: loop until the index serves what the store says
        if (sameVersions(this.store.activeVersionIds(), generation.versions)) return { changed: true, generation };
      } catch (err) {
        if (this.pool.isClosed) throw err; // shutting down: nothing to retry
        this.failures++;
        this.retryAt = Date.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.failures);
        this.log.error({ err, retryInMs: this.retryAt - Date.now() }, 'index build failed; still serving the previous index');
        throw err;
      }
    }
  }

  /** dataset → version label of a generation (for responses and the audit trail); computed once per generation. */
  versionLabels(generation: Generation): Record<string, string> {
    let labels = this.labels.get(generation.id);
    if (!labels) {
      const ids = new Set(generation.versions.values());
      labels = Object.fromEntries(this.store.versions().filter((v) => ids.has(v.id)).map((v) => [v.dataset, v.version]));
      this.labels.set(generation.id, labels);
      for (const id of this.labels.keys()) if (id < generation.id - 2) this.labels.delete(id);
    }
    return labels;
  }
}
