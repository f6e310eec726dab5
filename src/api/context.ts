// What every route handler may use: the list store (reads), the screening pool, the index watcher,
// the audit trail and the metrics.
import type { FastifyRequest } from 'fastify';
import type { ListStore } from '../store/lists.js';
import type { AuditEvent } from '../audit/log.js';
import type { AuditTrail } from './audit.js';
import type { Metrics } from './metrics.js';
import type { MatchOutcome } from './protocol.js';
import type { ScreenQuery } from '../match/index.js';
import type { Generation, ScreeningPool } from './pool.js';
import type { IndexWatcher } from './watcher.js';

export interface ApiContext {
  store: ListStore;
  pool: ScreeningPool;
  watcher: IndexWatcher;
  audit: AuditTrail;
  metrics: Metrics;
}

const NOTHING_SERVED: ReadonlySet<string> = new Set();
const servedSets = new WeakMap<Generation, ReadonlySet<string>>();

/** Datasets the serving index holds (before the first index: none); one set per generation, so scopes resolved against it are reused. */
export function servedDatasets(ctx: ApiContext): ReadonlySet<string> {
  const gen = ctx.pool.generation;
  if (!gen) return NOTHING_SERVED;
  let served = servedSets.get(gen);
  if (!served) servedSets.set(gen, (served = new Set(gen.versions.keys())));
  return served;
}

/** The index state `/readyz`, `/v1/lists` and `/v1/refresh` show. */
export function indexState(ctx: ApiContext, gen: Generation) {
  return { generation: gen.id, entities: gen.info.entities, built_at: gen.builtAt.toISOString(), building: ctx.pool.isBuilding, versions: ctx.watcher.versionLabels(gen) };
}

/** Each screened query as the audit trail keeps it: key, what was screened, how many matched and the top three. */
export function auditedQueries(cleaned: ReadonlyArray<{ key: string; query: ScreenQuery }>, outcomes: readonly MatchOutcome[]) {
  return cleaned.map((c, i) => ({ key: c.key, ...c.query, matches: outcomes[i].total.value, top: outcomes[i].results.slice(0, 3).map((r) => ({ id: r.id, score: r.score })) }));
}

/** Record a screening request: who asked (key name), what, and the list versions that answered. */
export function auditScreening(ctx: ApiContext, request: FastifyRequest, gen: Generation, event: Omit<AuditEvent, 'actor' | 'list_versions' | 'details'> & { details: Record<string, unknown> }): void {
  ctx.audit.record({
    ...event,
    actor: `api:${request.principal?.name ?? 'anonymous'}`,
    details: { request_id: request.id, ...event.details },
    list_versions: ctx.watcher.versionLabels(gen),
  });
}
