// Binds monitoring to the matching engine and the active list versions.
import type { Screener } from '../match/index.js';
import { queryFromRecord, type QueryRecord } from '../match/index.js';
import type { ListStore } from '../store/lists.js';
import type { RecordScreener } from './monitor.js';

/** Active version label per dataset, recorded on runs, alerts and audit rows. */
export function activeVersionLabels(store: ListStore): Record<string, string> {
  return Object.fromEntries(store.activeVersions().map((v) => [v.dataset, v.version]));
}

/** Screen a portfolio record with the engine; a record it cannot read throws (the run reports it, never a silent clear). */
export function recordScreener(screener: Screener, opts: { threshold?: number; datasets?: string[] } = {}): RecordScreener {
  return (fields) => {
    const query = queryFromRecord(fields as QueryRecord);
    return screener.screen(query, { threshold: opts.threshold, datasets: opts.datasets, limit: 10 }).map((r) => ({
      entity: r.entity,
      score: r.score,
      match: r.match,
      explanations: r.explanations,
    }));
  };
}
