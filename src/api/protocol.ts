// What the HTTP thread asks the screening workers, and what they answer. Plain JSON-able objects: they
// cross threads by structured clone.
import type { ListDiff } from '../store/diff.js';
import type { ScreenQuery } from '../match/index.js';
import type { EntityResponse, ScoredEntityResponse } from './serialize.js';

export interface Total {
  value: number;
  /** `gte` when more results exist than were scored or returned. */
  relation: 'eq' | 'gte';
}

export interface MatchOptions {
  limit: number;
  threshold: number;
  cutoff: number;
  algorithm: string;
  /** Datasets in scope (never empty: an empty scope is answered without asking a worker). */
  datasets: string[];
  excludeSchema: string[];
  excludeIds: string[];
  topics: string[];
  /** ISO date/time: only parties whose listing changed since then. */
  changedSince?: string;
  /** Feature weight overrides (validated on the HTTP thread; the worker derives the algorithm from them). */
  weights?: Record<string, number>;
  /** Algorithm config parameters (see GET /algorithms). */
  config?: Record<string, unknown>;
}

export interface MatchOutcome {
  results: ScoredEntityResponse[];
  /** How many candidates matched (score ≥ threshold), returned or beyond the limit, as yente counts them (always exact). */
  total: Total;
}

export interface SearchParams {
  q: string;
  schema: string;
  datasets: string[];
  /** yente's filters, [field, value]: `countries`, `topics` and `datasets` parameters, `filter=field:value`, `target`. */
  filters: Array<[string, string]>;
  /** How several values of one filter field combine: any of them (yente's default) or all. */
  filterOp: 'OR' | 'AND';
  /** Sort keys, applied in order before the score: `field` or `field:asc|desc`. */
  sort: string[];
  excludeSchema: string[];
  changedSince?: string;
  limit: number;
  offset: number;
  facets: string[];
}

export interface FacetValue {
  name: string;
  label: string;
  count: number;
}

export interface SearchOutcome {
  results: EntityResponse[];
  total: Total;
  facets: Record<string, { label: string; values: FacetValue[] }>;
}

/** A page of the records adjacent to a party through one property: an entity, or an id not found in the lists. */
export interface AdjacentPage {
  results: Array<string | EntityResponse>;
  total: Total;
  limit: number;
  offset: number;
}

/** A party and its adjacent records by property; `redirect` for a merged id; `noSuchProperty` for a property its schema lacks. */
export interface AdjacentOutcome {
  entity?: EntityResponse;
  adjacent?: Record<string, AdjacentPage>;
  redirect?: string;
  noSuchProperty?: boolean;
}

export type Job =
  | { op: 'match'; queries: ScreenQuery[]; options: MatchOptions }
  | { op: 'search'; params: SearchParams }
  | { op: 'entity'; id: string; nested: boolean }
  | { op: 'adjacent'; id: string; prop?: string; limit: number; offset: number }
  | { op: 'diff'; dataset: string; old?: string; new?: string };

export interface JobResults {
  match: MatchOutcome[];
  search: SearchOutcome;
  entity: { entity?: EntityResponse; redirect?: string };
  adjacent: AdjacentOutcome;
  diff: ListDiff;
}

/** What a worker reports once its index is built. */
export interface SnapshotInfo {
  /** Listed parties indexed. */
  entities: number;
  /** Distinct name tokens in the index. */
  vocabulary: number;
  buildMs: number;
  versionIds: number[];
}

/** A job as JSON text: offered to every worker of a generation, it is serialised once, and only the worker that takes it parses it. */
export type ToWorker = { kind: 'job'; id: number; job: string };

export type FromWorker =
  | { kind: 'ready'; info: SnapshotInfo }
  | { kind: 'failed'; message: string }
  // ms: how long the worker spent on the job (the rest of its round trip was waiting for a thread, and crossing)
  | { kind: 'result'; id: number; ms: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ms: number; ok: false; status: number; detail: string };
