// GET /search/{dataset}: free-text search over names, and GET /entities/{id}.
import type { FastifyInstance } from 'fastify';
import { getSchema } from '../../model/schema.js';
import { ApiError } from '../errors.js';
import { auditScreening, servedDatasets, type ApiContext } from '../context.js';
import { changedSinceKey, checkSchemas, datasetScope } from '../params.js';
import { entitySchema, searchSchema } from '../schemas.js';
import type { SearchOutcome } from '../protocol.js';

interface SearchQuerystring {
  q: string;
  schema: string;
  countries: string[];
  topics: string[];
  datasets: string[];
  include_dataset: string[];
  exclude_dataset: string[];
  exclude_schema: string[];
  changed_since?: string;
  limit: number;
  offset: number;
  facets: string[];
}

export function registerSearchRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Params: { dataset: string }; Querystring: SearchQuerystring }>('/search/:dataset', { schema: searchSchema }, async (request) => {
    const { params, query } = request;
    let datasets = datasetScope(params.dataset, query.include_dataset, query.exclude_dataset, servedDatasets(ctx));
    if (query.datasets.length) datasets = datasets.filter((d) => query.datasets.includes(d));
    if (!getSchema(query.schema)) throw new ApiError(400, 'Invalid schema');
    const params_ = {
      q: query.q,
      schema: query.schema,
      datasets,
      countries: query.countries,
      topics: query.topics,
      excludeSchema: checkSchemas(query.exclude_schema, 'exclude_schema'),
      changedSince: changedSinceKey(query.changed_since),
      limit: query.limit,
      offset: query.offset,
      facets: query.facets,
    };
    let outcome: SearchOutcome;
    let generation = ctx.pool.generation;
    if (datasets.length === 0) {
      if (!generation) throw new ApiError(503, 'Index not ready.');
      outcome = { results: [], total: { value: 0, relation: 'eq' }, facets: {} };
    } else ({ value: outcome, generation } = await ctx.pool.run({ op: 'search', params: params_ }));
    if (query.q.trim()) {
      ctx.metrics.queries.inc({ route: '/search' });
      auditScreening(ctx, request, generation!, { action: 'api.search', subject: params.dataset, details: { q: query.q, schema: query.schema, total: outcome.total.value } });
    }
    return { ...outcome, limit: query.limit, offset: query.offset };
  });

  app.get<{ Params: { entity_id: string }; Querystring: { nested: boolean } }>('/entities/:entity_id', { schema: entitySchema }, async (request, reply) => {
    const { value } = await ctx.pool.run({ op: 'entity', id: request.params.entity_id, nested: request.query.nested });
    if (value.redirect) return reply.redirect(`/entities/${encodeURIComponent(value.redirect)}`, 308);
    if (!value.entity) throw new ApiError(404, 'No such entity!');
    return value.entity;
  });
}
