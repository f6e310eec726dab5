// GET /search/{dataset}: free-text search over names; GET /entities/{id} and its adjacent records, /entities/{id}/adjacent[/{prop}].
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getSchema } from '../../model/schema.js';
import { ApiError } from '../errors.js';
import { auditScreening, servedDatasets, type ApiContext } from '../context.js';
import { changedSinceKey, checkSchemas, datasetScope } from '../params.js';
import { adjacentPropertySchema, adjacentSchema, entitySchema, searchSchema } from '../schemas.js';
import type { SearchOutcome, SearchParams } from '../protocol.js';
import { checkSort, parseFilters } from '../search-filters.js';

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
  filter: string[];
  filter_op: 'OR' | 'AND';
  sort: string[];
  target?: boolean;
  limit: number;
  offset: number;
  facets: string[];
}

export function registerSearchRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Params: { dataset: string }; Querystring: SearchQuerystring }>('/search/:dataset', { schema: searchSchema }, async (request) => {
    const { params, query } = request;
    const datasets = datasetScope(params.dataset, query.include_dataset, query.exclude_dataset, servedDatasets(ctx));
    if (!getSchema(query.schema)) throw new ApiError(400, 'Invalid schema');
    checkSort(query.sort);
    // as yente: the countries, topics and datasets parameters are filters like `filter=field:value`, combined by filter_op
    const filters: Array<[string, string]> = [
      ...query.countries.map((c): [string, string] => ['countries', c]),
      ...query.topics.map((t): [string, string] => ['topics', t]),
      ...query.datasets.map((d): [string, string] => ['datasets', d]),
      ...parseFilters(query.filter),
      ...(query.target === undefined ? [] : [['target', String(query.target)] as [string, string]]),
    ];
    const params_: SearchParams = {
      q: query.q,
      schema: query.schema,
      datasets,
      filters,
      filterOp: query.filter_op,
      sort: query.sort,
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

  type AdjacentRequest = { Params: { entity_id: string; property_name?: string }; Querystring: { limit: number; offset: number } };
  const adjacent = async (request: FastifyRequest<AdjacentRequest>, reply: FastifyReply) => {
    const { entity_id: id, property_name: prop } = request.params;
    const { limit, offset } = request.query;
    const { value } = await ctx.pool.run({ op: 'adjacent', id, prop, limit, offset });
    // to the same view of the canonical id (yente sends such requests to the entity itself)
    if (value.redirect) return reply.redirect(`/entities/${encodeURIComponent(value.redirect)}/adjacent${prop === undefined ? '' : `/${encodeURIComponent(prop)}`}`, 308);
    if (!value.entity) throw new ApiError(404, 'No such entity!');
    if (value.noSuchProperty) throw new ApiError(404, 'No such property!');
    return prop === undefined ? { entity: value.entity, adjacent: value.adjacent } : value.adjacent![prop];
  };
  app.get<AdjacentRequest>('/entities/:entity_id/adjacent', { schema: adjacentSchema }, adjacent);
  app.get<AdjacentRequest>('/entities/:entity_id/adjacent/:property_name', { schema: adjacentPropertySchema }, adjacent);
}
