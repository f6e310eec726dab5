// The OpenRefine reconciliation service (Reconciliation API 0.2), as yente offers it at /reconcile/{dataset}: an
// analyst matches a spreadsheet's column of names (with birth dates, countries... as extra columns) against the lists
// from OpenRefine, then pulls listed properties into new columns. Queries are screened exactly as /match screens
// them (scores 0–1, `match` at the threshold) and recorded in the audit trail.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { countryName } from '../../model/countries.js';
import { ftm, getSchema } from '../../model/schema.js';
import { QUERY_KEY, keyInQuery } from '../auth.js';
import { ApiError } from '../errors.js';
import { auditScreening, auditedQueries, servedDatasets, type ApiContext } from '../context.js';
import { cleanExample } from '../examples.js';
import { checkAlgorithm, datasetScope } from '../params.js';
import type { EntityResponse } from '../serialize.js';
import { previewSchema, proposePropertiesSchema, reconcileManifestSchema, reconcileSchema, suggestSchema } from '../schemas.js';
import { checkBatchSize } from './match.js';

/** OpenRefine's default page of candidates per cell. */
const DEFAULT_LIMIT = 5;

interface ReconQuery {
  query?: string;
  type?: string | string[];
  limit?: number;
  properties?: Array<{ pid: string; v: unknown }>;
}

interface ExtendQuery {
  ids: string[];
  properties: Array<{ id: string; settings?: { limit?: number; render?: 'caption' | 'raw' } }>;
}

type SchemaObject = NonNullable<ReturnType<typeof getSchema>>;

/** Schemata a cell may be reconciled as: those the lists' parties have (yente: the matchable ones in its index). */
function matchableSchemata(): SchemaObject[] {
  return Object.values(ftm.schemata).filter((s): s is SchemaObject => !!s && s.matchable && !s.abstract);
}

const freebaseType = (s: SchemaObject) => ({ id: s.name, name: s.plural, description: s.description?.trim() || s.label });

/** `prefix` begins a word of any of the texts (case-insensitive); an empty prefix matches everything. */
function matchesPrefix(prefix: string, ...texts: Array<string | null | undefined>): boolean {
  const p = prefix.trim().toLowerCase();
  return !p || texts.some((t) => !!t && t.toLowerCase().split(/[\s:]+/).some((w) => w.startsWith(p)));
}

/** A JSON form field (OpenRefine posts `queries=` or `extend=` URL-encoded), or a JSON body's field. */
function formJson<T>(request: FastifyRequest, field: string): T | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const raw = body?.[field];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') return raw as T;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new ApiError(400, `${field} is not valid JSON`);
  }
}

/** A reconciliation property id (`Person:birthDate` as suggested, or `birthDate`) as a property name. */
function propertyName(pid: string): string {
  return pid.includes(':') ? pid.slice(pid.lastIndexOf(':') + 1) : pid;
}

export async function registerReconcileRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  // its own plugin scope: only these routes read URL-encoded forms (everything else speaks JSON only)
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    // OpenRefine cannot send headers: every route of this scope also takes the API key as `?api_key=` (auth.ts)
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, queryKey: true };
    });

    const base = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
    /** The datasets of the path's dataset (404 for an unknown one, as everywhere). */
    const scopeOf = (request: FastifyRequest<{ Params: { dataset: string } }>) => datasetScope(request.params.dataset, [], [], servedDatasets(ctx));
    /** `url` with the request's `?api_key=` passed on (as yente passes on its query string), if it came with one. */
    const withKey = (request: FastifyRequest, url: string) => {
      const key = keyInQuery(request);
      return key ? `${url}${url.includes('?') ? '&' : '?'}${QUERY_KEY}=${encodeURIComponent(key)}` : url;
    };
    const suggestion = (prefix: string, result: unknown[]) => ({ code: '/api/status/ok', status: '200 OK', prefix, result });

    scope.get<{ Params: { dataset: string } }>('/reconcile/:dataset', { schema: reconcileManifestSchema }, async (request) => {
      const { dataset } = request.params;
      scopeOf(request);
      const service = `${base(request)}/reconcile/${encodeURIComponent(dataset)}`;
      // as yente: the manifest's api_key is passed on to every service it names
      const card = withKey(request, `${service}/preview?id={{id}}`);
      return {
        versions: ['0.2'],
        name: `Interdict: ${dataset}`,
        identifierSpace: `${base(request)}/entities/`,
        schemaSpace: 'https://followthemoney.tech/explorer/schemata/',
        // the readable card, which takes the key in its URL (the JSON of /entities needs the header)
        view: { url: card },
        preview: { url: card, width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT },
        batchSize: 10,
        suggest: {
          entity: { service_url: service, service_path: withKey(request, '/suggest/entity') },
          type: { service_url: service, service_path: withKey(request, '/suggest/type') },
          property: { service_url: service, service_path: withKey(request, '/suggest/property') },
        },
        extend: {
          propose_properties: { service_url: service, service_path: withKey(request, '/extend/property') },
          propose_settings: [
            { name: 'limit', label: 'Limit', type: 'number', default: 0, help_text: 'Maximum number of values to return per row (0 for no limit).' },
            {
              name: 'render',
              label: 'Value rendering',
              type: 'select',
              default: 'caption',
              help_text: "Return readable value (e.g. 'Russia') instead of raw value ('ru').",
              choices: [
                { id: 'caption', name: 'User-readable value' },
                { id: 'raw', name: 'Machine-readable value' },
              ],
            },
          ],
        },
        defaultTypes: matchableSchemata().map(freebaseType),
      };
    });

    scope.post<{ Params: { dataset: string }; Querystring: { algorithm: string; threshold: number } }>(
      '/reconcile/:dataset',
      { schema: reconcileSchema },
      async (request, reply) => {
        const extend = formJson<ExtendQuery>(request, 'extend');
        if (extend) return extendRows(ctx, extend, reply);
        const queries = formJson<Record<string, ReconQuery>>(request, 'queries');
        if (!queries || typeof queries !== 'object' || Array.isArray(queries)) throw new ApiError(400, 'Send queries (or extend) as a JSON form field');
        const entries = Object.entries(queries);
        checkBatchSize(entries.length);
        const { dataset } = request.params;
        const datasets = scopeOf(request);
        const cleaned = entries.map(([key, q]) => {
          if (!q || typeof q !== 'object') throw new ApiError(400, `Query ${key} is not an object`);
          const properties: Record<string, unknown[]> = {};
          if (q.query) properties.name = [q.query];
          if (q.properties !== undefined && !Array.isArray(q.properties)) throw new ApiError(400, `Query ${key}: properties must be a list of {pid, v}`);
          for (const p of q.properties ?? []) (properties[propertyName(String(p?.pid ?? ''))] ??= []).push(p?.v);
          const schema = (Array.isArray(q.type) ? q.type[0] : q.type) || 'Thing';
          const limit = Number.isInteger(q.limit) && q.limit! > 0 ? Math.min(q.limit!, 100) : DEFAULT_LIMIT;
          return { key, limit, ...cleanExample({ schema, properties }) };
        });
        ctx.audit.ensureCapacity();
        const generation = ctx.pool.generation;
        if (!generation) throw new ApiError(503, 'Index not ready.');
        const results: Record<string, { result: unknown[] }> = {};
        if (cleaned.length && datasets.length) {
          const options = {
            limit: Math.max(...cleaned.map((c) => c.limit)),
            threshold: request.query.threshold,
            // as yente: every candidate that scores above 0 is a suggestion; `match` marks those at the threshold
            cutoff: 0,
            algorithm: checkAlgorithm(request.query.algorithm),
            datasets,
            excludeSchema: [],
            excludeIds: [],
            topics: [],
          };
          const { value } = await ctx.pool.run({ op: 'match', queries: cleaned.map((c) => c.query), options });
          cleaned.forEach((c, i) => (results[c.key] = { result: value[i].results.slice(0, c.limit).map(scoredCandidate) }));
          ctx.metrics.queries.inc({ route: '/reconcile' }, cleaned.length);
          auditScreening(ctx, request, generation, {
            action: 'api.reconcile',
            subject: dataset,
            details: { algorithm: options.algorithm, threshold: options.threshold, queries: auditedQueries(cleaned, value) },
          });
        } else cleaned.forEach((c) => (results[c.key] = { result: [] }));
        reply.header('x-batch-size', String(cleaned.length));
        return results;
      },
    );

    // the card OpenRefine shows when a candidate is hovered: who the party is and why it is listed, as plain HTML
    scope.get<{ Params: { dataset: string }; Querystring: { id: string } }>('/reconcile/:dataset/preview', { schema: previewSchema }, async (request, reply) => {
      scopeOf(request);
      const { value } = await ctx.pool.run({ op: 'entity', id: request.query.id, nested: true });
      if (value.redirect) return reply.redirect(withKey(request, `/reconcile/${encodeURIComponent(request.params.dataset)}/preview?id=${encodeURIComponent(value.redirect)}`), 308);
      if (!value.entity) throw new ApiError(404, 'No such entity!');
      reply.type('text/html; charset=utf-8');
      return previewHtml(value.entity);
    });

    scope.get<{ Params: { dataset: string }; Querystring: { prefix: string; limit: number } }>('/reconcile/:dataset/suggest/entity', { schema: suggestSchema('entity') }, async (request) => {
      const { prefix, limit } = request.query;
      const datasets = scopeOf(request);
      if (!prefix.trim() || datasets.length === 0) return suggestion(prefix, []);
      const params = { q: prefix, schema: 'Thing', datasets, filters: [], filterOp: 'OR' as const, sort: [], excludeSchema: [], limit, offset: 0, facets: [] };
      const { value } = await ctx.pool.run({ op: 'search', params });
      return suggestion(prefix, value.results.map(entityCandidate));
    });

    scope.get<{ Params: { dataset: string }; Querystring: { prefix: string } }>('/reconcile/:dataset/suggest/type', { schema: suggestSchema('type') }, async (request) => {
      const { prefix } = request.query;
      scopeOf(request);
      const result = matchableSchemata().filter((s) => matchesPrefix(prefix, s.name, s.label, s.plural)).map(freebaseType);
      return suggestion(prefix, result);
    });

    scope.get<{ Params: { dataset: string }; Querystring: { prefix: string } }>('/reconcile/:dataset/suggest/property', { schema: suggestSchema('property') }, async (request) => {
      const { prefix } = request.query;
      scopeOf(request);
      const seen = new Set<string>();
      const result = [];
      for (const s of matchableSchemata()) {
        for (const p of s.getProperties().values()) {
          if (p.hidden || p.type.name === 'entity' || seen.has(p.qname) || p.schema !== s) continue;
          seen.add(p.qname);
          if (matchesPrefix(prefix, p.name, p.label)) result.push({ id: p.qname, name: p.label, description: p.description?.trim() || null });
        }
      }
      return suggestion(prefix, result.slice(0, 20));
    });

    scope.get<{ Params: { dataset: string }; Querystring: { type: string; limit: number } }>('/reconcile/:dataset/extend/property', { schema: proposePropertiesSchema }, async (request) => {
      const { type, limit } = request.query;
      scopeOf(request);
      const schema = getSchema(type);
      if (!schema) throw new ApiError(400, 'Invalid schema');
      const properties = [...schema.getProperties().values()].filter((p) => !p.hidden && p.type.name !== 'entity').map((p) => ({ id: p.name, name: p.label }));
      return { type, properties: limit > 0 ? properties.slice(0, limit) : properties };
    });
  });
}

const PREVIEW_WIDTH = 430;
const PREVIEW_HEIGHT = 300;
/** Properties a preview card shows, in this order, when the party has them. */
const PREVIEW_PROPS = ['alias', 'birthDate', 'birthPlace', 'nationality', 'country', 'jurisdiction', 'idNumber', 'registrationNumber', 'imoNumber', 'position', 'program', 'notes'];

const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A listed party as a small HTML card: caption, type, lists, the telling properties and the sanctions' programmes. */
function previewHtml(e: EntityResponse): string {
  const schema = getSchema(e.schema);
  const text = (v: unknown) => (typeof v === 'string' ? v : ((v as EntityResponse).caption ?? ''));
  const rows = PREVIEW_PROPS.flatMap((name) => {
    const values = (e.properties[name] ?? []).map(text).filter(Boolean);
    if (!values.length) return [];
    const prop = schema?.getProperties().get(name);
    const shown = prop?.type.name === 'country' ? values.map((v) => countryName(v)) : values;
    return [`<tr><th>${escapeHtml(prop?.label ?? name)}</th><td>${escapeHtml(shown.slice(0, 5).join('; '))}</td></tr>`];
  });
  const programmes = (e.properties.sanctions ?? []).flatMap((s) => (typeof s === 'string' ? [] : [...(s.properties.program ?? []), ...(s.properties.authority ?? [])].map(text)));
  if (programmes.length) rows.push(`<tr><th>Sanctions</th><td>${escapeHtml([...new Set(programmes)].slice(0, 5).join('; '))}</td></tr>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(e.caption)}</title><style>body{font:13px sans-serif;margin:8px}th{text-align:left;vertical-align:top;padding-right:8px;color:#555}h1{font-size:16px;margin:0 0 4px}</style></head><body><h1>${escapeHtml(e.caption)}</h1><p>${escapeHtml(schema?.label ?? e.schema)} · ${escapeHtml(e.datasets.join(', '))} · ${escapeHtml(e.id)}</p><table>${rows.join('')}</table></body></html>`;
}

/** A scored result as a reconciliation candidate (yente's FreebaseScoredEntity). */
function scoredCandidate(r: EntityResponse & { score: number; match: boolean }) {
  return { ...entityCandidate(r), score: r.score, match: r.match };
}

function entityCandidate(e: EntityResponse) {
  const schema = getSchema(e.schema);
  return { id: e.id, name: e.caption, description: schema?.label ?? e.schema, type: schema ? [freebaseType(schema)] : [] };
}

/** Data extension: the requested properties of each listed party, as readable captions or raw values. */
async function extendRows(ctx: ApiContext, q: ExtendQuery, reply: { header(k: string, v: string): unknown }) {
  if (!q || !Array.isArray(q.ids) || !Array.isArray(q.properties)) throw new ApiError(400, 'Cannot decode extension request');
  checkBatchSize(q.ids.length);
  const meta = new Map<string, { id: string; name: string }>();
  const rows: Record<string, Record<string, Array<{ str: string }>>> = {};
  for (const id of q.ids) {
    const { value } = await ctx.pool.run({ op: 'entity', id: String(id), nested: false });
    if (value.redirect) throw new ApiError(400, 'Please specify the canonical entity ID, not a referent');
    rows[id] = {};
    const entity = value.entity;
    if (!entity) continue;
    const schema = getSchema(entity.schema);
    for (const wanted of q.properties) {
      const prop = schema?.getProperties().get(propertyName(String(wanted?.id ?? '')));
      if (!prop) continue;
      if (!meta.has(wanted.id)) meta.set(wanted.id, { id: prop.name, name: prop.label });
      let values = (entity.properties[prop.name] ?? []).map(String);
      const limit = wanted.settings?.limit ?? 0;
      if (limit > 0) values = values.slice(0, limit);
      if ((wanted.settings?.render ?? 'caption') === 'caption' && prop.type.name === 'country') values = values.map((v) => countryName(v));
      rows[id][wanted.id] = values.map((v) => ({ str: v }));
    }
  }
  reply.header('x-batch-size', String(q.ids.length));
  return { meta: [...meta.values()], rows };
}
