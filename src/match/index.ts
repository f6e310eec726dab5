// The matching library API: what the CLI, the HTTP API, trade checks and monitoring call. Keep stable.
import { openDb } from '../store/db.js';
import { ListStore } from '../store/lists.js';
import { resolveAlgorithm, type Algorithm } from './algorithms.js';
import { prepareEntity } from './prepare.js';
import { queryFromName } from './query.js';
import { scorePrepared, type Explanation } from './score.js';
import { DEFAULT_THRESHOLD, Screener, type ScreenOptions, type ScreenQuery, type ScreenResult } from './screener.js';

export { Screener, DEFAULT_THRESHOLD, DEFAULT_LIMIT, DEFAULT_CUTOFF, DEFAULT_CANDIDATES } from './screener.js';
export type { ScreenQuery, ScreenOptions, ScreenResult } from './screener.js';
export type { Explanation } from './score.js';
export { queryFromRecord, queryFromName, normalizeSchema, checkName, checkQueryNames, tooManyNames, MAX_QUERY_NAMES, QueryError, type QueryRecord } from './query.js';
export { algorithmNames, getAlgorithm, resolveAlgorithm, withOverrides, DEFAULT_ALGORITHM, type Algorithm, type ConfigVar } from './algorithms.js';
export { nameCachePath } from './name-cache-file.js';
export { prepareEntity, normalizeDate, normalizeIdentifier, type PreparedEntity, type PreparedName } from './prepare.js';

let defaultScreener: Screener | undefined;

/** The Screener over the default store ($INTERDICT_HOME), built on first use. */
export function defaultStoreScreener(): Screener {
  defaultScreener ??= Screener.fromStore(new ListStore(openDb()));
  return defaultScreener;
}

/** Screen a query (or a bare name) against `opts.screener`, else against every active list of the default store. */
export function screen(query: ScreenQuery | string, opts: ScreenOptions & { screener?: Screener } = {}): ScreenResult[] {
  const q = typeof query === 'string' ? queryFromName(query) : query;
  return (opts.screener ?? defaultStoreScreener()).screen(q, opts);
}

export interface CompareResult {
  score: number;
  match: boolean;
  explanations: Explanation[];
  features: Record<string, number>;
}

/** Score two parties (or two names) against each other: `a` plays the query, `b` the listed party. */
export function compare(
  a: ScreenQuery | string,
  b: ScreenQuery | string,
  opts: { schema?: string; algorithm?: string | Algorithm; threshold?: number } = {},
): CompareResult {
  const schema = opts.schema ?? 'LegalEntity';
  const qa = typeof a === 'string' ? queryFromName(a, schema) : a;
  const qb = typeof b === 'string' ? queryFromName(b, schema) : b;
  const scored = scorePrepared(prepareEntity(qa), prepareEntity(qb), resolveAlgorithm(opts.algorithm));
  return { ...scored, match: scored.score >= (opts.threshold ?? DEFAULT_THRESHOLD) };
}
