// POST /v1/screen: one record with the batch CLI's fields, answered with results and a decision.
import type { FastifyInstance } from 'fastify';
import { QueryError, queryFromRecord, type QueryRecord } from '../../match/index.js';
import { ApiError } from '../errors.js';
import { auditScreening, servedDatasets, type ApiContext } from '../context.js';
import { decide } from '../decision.js';
import { datasetScope } from '../params.js';
import type { MatchOutcome } from '../protocol.js';
import { screenSchema } from '../schemas.js';
import { matchOptions, type MatchQuerystring } from './match.js';

interface ScreenQuerystring extends MatchQuerystring {
  dataset: string;
  block_threshold: number;
}

export function registerScreenRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post<{ Querystring: ScreenQuerystring; Body: QueryRecord }>('/v1/screen', { schema: screenSchema }, async (request) => {
    const { query, body } = request;
    const datasets = datasetScope(query.dataset, query.include_dataset, query.exclude_dataset, servedDatasets(ctx));
    const options = matchOptions(query, datasets);
    let screenQuery;
    try {
      screenQuery = queryFromRecord(body);
    } catch (err) {
      if (err instanceof QueryError) throw new ApiError(400, err.message);
      throw err;
    }
    ctx.audit.ensureCapacity();
    let outcome: MatchOutcome;
    let generation = ctx.pool.generation;
    if (datasets.length === 0) {
      if (!generation) throw new ApiError(503, 'Index not ready.');
      outcome = { results: [], total: { value: 0, relation: 'eq' } };
    } else {
      const run = await ctx.pool.run({ op: 'match', queries: [screenQuery], options });
      [outcome] = run.value;
      generation = run.generation;
    }
    const bands = { review: options.threshold, block: Math.max(query.block_threshold, options.threshold) };
    const { decision, reason } = decide(outcome.results[0]?.score, bands);
    const listVersions = ctx.watcher.versionLabels(generation!);
    ctx.metrics.queries.inc({ route: '/v1/screen' });
    auditScreening(ctx, request, generation!, {
      action: 'api.screen',
      subject: body.id !== undefined ? String(body.id) : null,
      details: { dataset: query.dataset, query: screenQuery, decision, top: outcome.results.slice(0, 3).map((r) => ({ id: r.id, score: r.score })) },
    });
    return {
      id: body.id ?? null,
      decision,
      reason,
      bands,
      query: screenQuery,
      results: outcome.results,
      total: outcome.total,
      list_versions: listVersions,
      request_id: request.id,
    };
  });
}
