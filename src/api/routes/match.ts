// POST /match/{dataset}: yente's query-by-example matcher.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { auditScreening, auditedQueries, servedDatasets, type ApiContext } from '../context.js';
import { cleanExample, type EntityExample } from '../examples.js';
import { changedSinceKey, checkAlgorithm, checkOverrides, checkSchemas, datasetScope } from '../params.js';
import type { MatchOptions, MatchOutcome } from '../protocol.js';
import { matchSchema } from '../schemas.js';

/** yente's MAX_BATCH. */
export const MAX_QUERIES = 100;

/** 400 for a batch of more than MAX_QUERIES queries (or rows to extend). */
export function checkBatchSize(count: number): void {
  if (count > MAX_QUERIES) throw new ApiError(400, `Too many queries in one batch (limit: ${MAX_QUERIES})`);
}

export interface MatchQuerystring {
  limit: number;
  threshold: number;
  cutoff?: number;
  algorithm: string;
  include_dataset: string[];
  exclude_dataset: string[];
  exclude_schema: string[];
  topics: string[];
  changed_since?: string;
  exclude_entity_ids: string[];
}

interface MatchBody {
  queries: Record<string, EntityExample>;
  /** Feature name → weight, overriding the algorithm's (see GET /algorithms). */
  weights: Record<string, number>;
  /** Algorithm config parameter → value (see GET /algorithms); null keeps the default. */
  config: Record<string, unknown>;
}

/** The options every matching route derives from yente's query parameters. */
export function matchOptions(q: MatchQuerystring, datasets: string[]): MatchOptions {
  return {
    limit: q.limit,
    threshold: q.threshold,
    // yente 5: cutoff is deprecated; it defaults to the threshold and never exceeds it
    cutoff: Math.min(q.cutoff ?? q.threshold, q.threshold),
    algorithm: checkAlgorithm(q.algorithm),
    datasets,
    excludeSchema: checkSchemas(q.exclude_schema, 'exclude_schema'),
    excludeIds: q.exclude_entity_ids,
    topics: q.topics,
    changedSince: changedSinceKey(q.changed_since),
  };
}

/**
 * Validation would coerce a weight of null or true to a number (0, 1): a client meaning "the default" would
 * silently switch a feature off. Those are refused as a type error, in the shape of the other 422s.
 */
async function refuseCoercedWeights(request: FastifyRequest): Promise<void> {
  const weights = (request.body as { weights?: unknown } | undefined)?.weights;
  if (!weights || typeof weights !== 'object' || Array.isArray(weights)) return;
  const bad = Object.entries(weights).filter(([, v]) => v === null || typeof v === 'boolean');
  if (bad.length === 0) return;
  const validation = bad.map(([key]) => ({ keyword: 'type', instancePath: `/weights/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, params: {}, message: 'must be number' }));
  throw Object.assign(new Error('weights must be numbers'), { statusCode: 422, validation, validationContext: 'body' });
}

export function registerMatchRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post<{ Params: { dataset: string }; Querystring: MatchQuerystring; Body: MatchBody }>('/match/:dataset', { schema: matchSchema, preValidation: refuseCoercedWeights }, async (request, reply) => {
    const { params, query, body } = request;
    const datasets = datasetScope(params.dataset, query.include_dataset, query.exclude_dataset, servedDatasets(ctx));
    const options = matchOptions(query, datasets);
    Object.assign(options, checkOverrides(options.algorithm, body.weights, body.config));
    const entries = Object.entries(body.queries);
    checkBatchSize(entries.length);
    if (entries.length === 0) throw new ApiError(400, 'No queries provided.');
    const cleaned = entries.map(([key, example]) => ({ key, ...cleanExample(example) }));
    ctx.audit.ensureCapacity();

    let outcomes: MatchOutcome[];
    let generation = ctx.pool.generation;
    if (datasets.length === 0) {
      if (!generation) throw new ApiError(503, 'Index not ready.');
      outcomes = cleaned.map(() => ({ results: [], total: { value: 0, relation: 'eq' as const } }));
    } else {
      ({ value: outcomes, generation } = await ctx.pool.run({ op: 'match', queries: cleaned.map((c) => c.query), options }));
    }

    const responses: Record<string, unknown> = {};
    cleaned.forEach((c, i) => (responses[c.key] = { status: 200, results: outcomes[i].results, total: outcomes[i].total, query: c.echo }));
    ctx.metrics.queries.inc({ route: '/match' }, cleaned.length);
    auditScreening(ctx, request, generation!, {
      action: 'api.match',
      subject: params.dataset,
      details: {
        algorithm: options.algorithm,
        ...(options.weights && { weights: options.weights }),
        ...(options.config && { config: options.config }),
        threshold: options.threshold,
        queries: auditedQueries(cleaned, outcomes),
      },
    });
    reply.header('x-batch-size', String(cleaned.length));
    return { responses, limit: query.limit };
  });
}
