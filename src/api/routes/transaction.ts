// POST /v1/screen/transaction: one transaction through every trade-compliance check (parties, goods, places,
// labour, ownership, route). Parties are screened by the same worker pool that answers /match.
import type { FastifyInstance } from 'fastify';
import type { Entity } from '../../model/entity.js';
import { DATASETS } from '../../model/datasets.js';
import { DEFAULT_ALGORITHM, DEFAULT_THRESHOLD } from '../../match/index.js';
import { checkTransaction, TransactionError, type PartyMatch, type PartyScreener } from '../../rules/index.js';
import { auditScreening, type ApiContext } from '../context.js';
import { ApiError } from '../errors.js';
import type { ScoredEntityResponse } from '../serialize.js';

/** A scored API result back into an FtM entity for the rules (plain string values only). */
function toEntity(r: ScoredEntityResponse): Entity {
  const properties: Record<string, string[]> = {};
  for (const [k, vs] of Object.entries(r.properties)) {
    const strings = vs.filter((v): v is string => typeof v === 'string');
    if (strings.length) properties[k] = strings;
  }
  return { id: r.id, schema: r.schema, properties, datasets: r.datasets, referents: r.referents, target: r.target };
}

export function registerTransactionRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post<{ Body: unknown }>(
    '/v1/screen/transaction',
    {
      schema: {
        tags: ['Trade compliance'],
        summary: 'Check a whole transaction: parties, goods (HS codes), places, workers, ownership and route',
        body: { type: 'object' },
      },
    },
    async (request) => {
      let generation = ctx.pool.generation;
      if (!generation) throw new ApiError(503, 'Index not ready.');
      ctx.audit.ensureCapacity();
      const screener: PartyScreener = async (query, opts) => {
        const run = await ctx.pool.run({
          op: 'match',
          queries: [query],
          options: {
            limit: opts?.limit ?? 5,
            threshold: opts?.threshold ?? DEFAULT_THRESHOLD,
            cutoff: Math.min(0.5, opts?.threshold ?? DEFAULT_THRESHOLD),
            algorithm: DEFAULT_ALGORITHM,
            datasets: Object.keys(DATASETS),
            excludeSchema: [],
            excludeIds: [],
            topics: [],
          },
        });
        generation = run.generation;
        return run.value[0].results.map((r): PartyMatch => ({ entity: toEntity(r), score: r.score, match: r.match, explanations: r.explanations }));
      };
      let result;
      try {
        result = await checkTransaction(request.body, { screener });
      } catch (err) {
        if (err instanceof TransactionError) throw new ApiError(422, err.message);
        throw err;
      }
      ctx.metrics.queries.inc({ route: '/v1/screen/transaction' });
      auditScreening(ctx, request, generation!, {
        action: 'api.screen.transaction',
        subject: null,
        details: { decision: result.decision, hits: result.hits.map((h) => ({ check: h.check, rule: h.rule, severity: h.severity, entity: h.entity ?? null })) },
      });
      return { ...result, list_versions: ctx.watcher.versionLabels(generation!), request_id: request.id };
    },
  );
}
