// JSON schemas for every request and response: Fastify validates requests with them (422 on a mismatch),
// serialises responses with them (fast and never leaking unlisted fields), and publishes them as OpenAPI.
// Shapes and names follow yente 5 (FastAPI/pydantic models), so generated clients match.
import type { FastifyInstance } from 'fastify';

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const nullableStr: Schema = { type: ['string', 'null'] };
const num: Schema = { type: 'number' };
const int: Schema = { type: 'integer' };
const bool: Schema = { type: 'boolean' };
const strings: Schema = { type: 'array', items: str };
const ref = (id: string): Schema => ({ $ref: `${id}#` });
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties), extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  required,
  ...extra,
});
const mapOf = (values: Schema): Schema => ({ type: 'object', additionalProperties: values });

const ENTITY_FIELDS: Record<string, Schema> = {
  id: { type: 'string', examples: ['un-KPi.033'] },
  caption: { type: 'string', examples: ['RI WON HO'] },
  schema: { type: 'string', examples: ['Person'] },
  properties: mapOf(strings),
  datasets: strings,
  referents: strings,
  target: bool,
  first_seen: nullableStr,
  last_seen: nullableStr,
  last_change: nullableStr,
};
const ENTITY_REQUIRED = ['id', 'caption', 'schema', 'properties', 'datasets', 'referents', 'target'];

/** A property value in a query: a string or a list (numbers and booleans are read as text). */
const exampleValue: Schema = {
  anyOf: [{ type: 'array', maxItems: 50, items: { type: ['string', 'number', 'boolean', 'null'] } }, { type: ['string', 'number', 'boolean', 'null'] }],
};

const total = obj({ value: int, relation: { type: 'string', enum: ['eq', 'gte'] } });

const versionSummary = obj({
  id: int,
  version: str,
  published: nullableStr,
  published_source: str,
  imported_at: str,
  sha256: str,
  format: str,
  entities: int,
  targets: int,
  counts: mapOf(int),
  active: bool,
});

export const SHARED_SCHEMAS: Schema[] = [
  { $id: 'ErrorResponse', ...obj({ detail: { anyOf: [str, { type: 'array', items: obj({ loc: strings, msg: str, type: str }) }] } }), description: 'What went wrong' },
  { $id: 'EntityResponse', ...obj(ENTITY_FIELDS, ENTITY_REQUIRED) },
  {
    $id: 'NestedEntityResponse',
    ...obj({ ...ENTITY_FIELDS, properties: mapOf({ type: 'array', items: { anyOf: [str, ref('NestedEntityResponse')] } }) }, ENTITY_REQUIRED),
    description: 'An entity whose entity-valued properties hold adjacent entities in full (sanctions, addresses, documents)',
  },
  {
    $id: 'ScoredEntityResponse',
    ...obj(
      {
        ...ENTITY_FIELDS,
        score: num,
        match: { type: 'boolean', description: 'Whether the score is at or above the match threshold' },
        features: { ...mapOf(num), description: 'Feature → value. Deprecated in yente 5: use `explanations`' },
        explanations: mapOf(obj({ score: num, detail: nullableStr, weight: num }, ['score', 'detail'])),
      },
      [...ENTITY_REQUIRED, 'score', 'match', 'features', 'explanations'],
    ),
  },
  {
    $id: 'EntityExample',
    ...obj(
      {
        id: nullableStr,
        schema: { type: 'string', minLength: 1, examples: ['Person'] },
        properties: { ...mapOf(exampleValue), examples: [{ name: ['John Doe'], birthDate: ['1975-04-21'], nationality: ['us'] }] },
      },
      ['schema', 'properties'],
    ),
  },
  { $id: 'Total', ...total },
  { $id: 'VersionSummary', ...versionSummary },
];

export function addSharedSchemas(app: FastifyInstance): void {
  for (const s of SHARED_SCHEMAS) app.addSchema(s);
}

export const errorResponses = { '4xx': ref('ErrorResponse'), '5xx': ref('ErrorResponse') };

const datasetParam = obj({ dataset: { type: 'string', description: 'Data source or collection name (e.g. default, sanctions, un_sc_sanctions)', examples: ['default'] } });
const TS_PATTERN = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}(:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$';
const listParam = (description: string, extra: Schema = {}): Schema => ({ type: 'array', items: str, default: [], description, ...extra });

/** Query parameters /match and /v1/screen share with yente's /match. */
const matchParams: Record<string, Schema> = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 5, description: 'Number of results to return per query' },
  threshold: { type: 'number', minimum: 0, maximum: 1, default: 0.7, description: 'Score at or above which a result is a match' },
  cutoff: { type: 'number', minimum: 0, maximum: 1, description: 'Deprecated (use threshold): lowest score returned at all; defaults to the threshold' },
  algorithm: { type: 'string', default: 'interdict-v1', description: 'Scoring algorithm (see GET /algorithms)' },
  include_dataset: listParam('Only include the given datasets in results'),
  exclude_dataset: listParam('Remove the given datasets from results'),
  exclude_schema: listParam('Remove the given types of entities from results'),
  topics: listParam('Only return results that carry one of the given topics (e.g. sanction)'),
  changed_since: { type: 'string', pattern: TS_PATTERN, description: 'Only parties whose listing changed since the given date' },
  exclude_entity_ids: listParam('Entity ids never to return (e.g. parties already cleared by an analyst)', { maxItems: 50 }),
};

export const matchSchema = {
  summary: 'Query by example matcher',
  description:
    'Match entities by a set of properties (name, birth date, nationality, identifiers...). Submit up to 100 example entities, each keyed by a name of your choice; each is answered under the same key. At most 50 values per property and 50 names per example (name, alias, previousName and weakAlias together). Request and response follow yente 5 (OpenSanctions).',
  tags: ['Matching'],
  params: datasetParam,
  querystring: obj(matchParams, []),
  body: obj(
    {
      queries: { ...mapOf(ref('EntityExample')), description: 'Example entities by key (at most 100)' },
      weights: {
        ...mapOf(num),
        default: {},
        description:
          'Feature weight overrides for this request: feature name → weight (negative for penalties), replacing the algorithm\'s weight. Feature names and default weights: GET /algorithms. A feature name of yente\'s algorithms that this one does not compute (e.g. lei_code_match) is ignored, as yente ignores weights it has no feature for; any other unknown name is a 400.',
        examples: [{ country_mismatch: 0, dob_year_disjoint: -0.3 }],
      },
      config: {
        ...mapOf({ type: ['string', 'number', 'boolean', 'null'] }),
        default: {},
        description:
          'Algorithm configuration for this request: parameter → value (null keeps the default). Parameters, defaults and bounds: GET /algorithms (docs.config). An unknown parameter or a value out of bounds is a 400.',
        examples: [{ nm_number_mismatch: 0.4 }],
      },
    },
    ['queries'],
  ),
  response: {
    200: obj({
      responses: mapOf(obj({ status: int, results: { type: 'array', items: ref('ScoredEntityResponse') }, total: ref('Total'), query: ref('EntityExample') })),
      limit: int,
    }),
    ...errorResponses,
  },
};

export const searchSchema = {
  summary: 'Simple entity search',
  description: 'Free-text search over names (typo- and script-tolerant). For screening, use /match.',
  tags: ['Matching'],
  params: datasetParam,
  querystring: obj(
    {
      q: { type: 'string', default: '', maxLength: 1000, description: 'Query text (a name); empty lists every party in scope' },
      schema: { type: 'string', default: 'Thing', description: 'Types of entities that can match' },
      countries: listParam('Filter by country codes'),
      topics: listParam('Filter by entity topics (e.g. sanction)'),
      datasets: listParam('Filter by data sources'),
      include_dataset: listParam('Only include the given datasets in results'),
      exclude_dataset: listParam('Remove the given datasets from results'),
      exclude_schema: listParam('Remove the given types of entities from results'),
      changed_since: { type: 'string', pattern: TS_PATTERN },
      limit: { type: 'integer', minimum: 0, maximum: 500, default: 10 },
      offset: { type: 'integer', minimum: 0, maximum: 9499, default: 0 },
      filter: listParam('Filter by entity fields as field:value (e.g. properties.birthDate:1985, countries:ru, schema:Person, identifiers:...): the fields yente indexes; several values of one field combine by filter_op'),
      filter_op: { type: 'string', enum: ['OR', 'AND'], default: 'OR', description: 'How several values of one filter field combine (topics, countries, datasets, filter): any (OR) or all (AND)' },
      sort: listParam('Sort by field, then relevance: field or field:asc|desc (caption, schema, entity_id, first_seen, last_seen, last_change, properties.<name>)'),
      target: { type: 'boolean', description: 'Deprecated in yente: only targeted entities (true), or none of them (false). Search covers listed parties only' },
      facets: { type: 'array', items: { type: 'string', enum: ['countries', 'topics', 'datasets', 'schema', 'identifiers', 'genders'] }, default: ['countries', 'topics', 'datasets'] },
      fuzzy: { type: 'boolean', description: 'Accepted for yente compatibility: search is always typo-tolerant' },
      simple: { type: 'boolean', description: 'Accepted for yente compatibility' },
    },
    [],
  ),
  response: {
    200: obj({
      results: { type: 'array', items: ref('EntityResponse') },
      total: ref('Total'),
      limit: int,
      offset: int,
      facets: mapOf(obj({ label: str, values: { type: 'array', items: obj({ name: str, label: str, count: int }) } })),
    }),
    ...errorResponses,
  },
};

const entityIdParam = { type: 'string', minLength: 1, maxLength: 500, examples: ['un-KPi.033'] };

export const entitySchema = {
  summary: 'Fetch an entity',
  description: 'One entity by id, with adjacent entities (sanctions, addresses, identity documents) nested under its properties unless nested=false. An id that was merged into another answers with a 308 redirect.',
  tags: ['Data access'],
  params: obj({ entity_id: entityIdParam }),
  querystring: obj({ nested: { type: 'boolean', default: true, description: 'Include adjacent entities' } }, []),
  response: { 200: ref('NestedEntityResponse'), ...errorResponses },
};

const adjacentPage = obj({
  results: { type: 'array', items: { anyOf: [str, ref('NestedEntityResponse')] } },
  total: ref('Total'),
  limit: int,
  offset: int,
});
const adjacentParams = obj(
  {
    limit: { type: 'integer', minimum: 0, maximum: 500, default: 10, description: 'Number of results per property to return' },
    offset: { type: 'integer', minimum: 0, maximum: 9499, default: 0, description: 'Start at result with given offset' },
  },
  [],
);

export const adjacentSchema = {
  summary: 'Fetch adjacent entities',
  description:
    'The records adjacent to an entity (sanctions, addresses, identity documents, associates), by property, a page of each: what /entities/{id} nests, paged as in yente. A merged id answers with a 308 redirect to the canonical one.',
  tags: ['Data access'],
  params: obj({ entity_id: entityIdParam }),
  querystring: adjacentParams,
  response: { 200: obj({ entity: ref('EntityResponse'), adjacent: mapOf(adjacentPage) }), ...errorResponses },
};

export const adjacentPropertySchema = {
  summary: 'Fetch adjacent entities by property',
  description: 'A page of the records adjacent to an entity through one property (e.g. sanctions, addressEntity). 404 for a property its schema does not have or that holds no entities.',
  tags: ['Data access'],
  params: obj({ entity_id: entityIdParam, property_name: { type: 'string', minLength: 1, maxLength: 100, examples: ['sanctions'] } }),
  querystring: adjacentParams,
  response: { 200: adjacentPage, ...errorResponses },
};

const serviceRef = obj({ service_url: str, service_path: str });
const freebaseType = obj({ id: str, name: str, description: nullableStr }, ['id', 'name']);

export const reconcileManifestSchema = {
  summary: 'Reconciliation manifest (OpenRefine)',
  description:
    'The service manifest of the OpenRefine Reconciliation API 0.2, as yente serves it: add this URL as a reconciliation service in OpenRefine to match a column of names (with birth dates, countries... as properties) against the lists.',
  tags: ['Reconciliation'],
  params: datasetParam,
  response: {
    200: obj({
      versions: strings,
      name: str,
      identifierSpace: str,
      schemaSpace: str,
      view: obj({ url: str }),
      preview: obj({ url: str, width: int, height: int }),
      batchSize: int,
      suggest: obj({ entity: serviceRef, type: serviceRef, property: serviceRef }),
      extend: obj({
        propose_properties: serviceRef,
        propose_settings: {
          type: 'array',
          items: obj(
            { name: str, label: str, type: str, default: { type: ['string', 'number'] }, help_text: str, choices: { type: 'array', items: obj({ id: str, name: str }) } },
            ['name', 'label', 'type', 'default', 'help_text'],
          ),
        },
      }),
      defaultTypes: { type: 'array', items: freebaseType },
    }),
    ...errorResponses,
  },
};

export const reconcileSchema = {
  summary: 'Reconciliation queries and data extension (OpenRefine)',
  description:
    'Form field `queries` (JSON: key → {query, type, limit, properties: [{pid, v}]}) is answered with key → {result: [{id, name, description, type, score, match}]}, screened as /match screens (scores 0–1, `match` at the threshold). Form field `extend` (JSON: {ids, properties: [{id, settings}]}) is answered with {meta, rows}. At most 100 queries or ids.',
  tags: ['Reconciliation'],
  params: datasetParam,
  querystring: obj(
    {
      algorithm: { type: 'string', default: 'interdict-v1', description: 'Scoring algorithm (see GET /algorithms)' },
      threshold: { type: 'number', minimum: 0, maximum: 1, default: 0.7, description: 'Score at or above which a candidate is a match' },
    },
    [],
  ),
  response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses },
};

const prefixParam = { type: 'string', default: '', maxLength: 1000, description: 'What the user has typed so far' };
const suggestItems: Record<'entity' | 'type' | 'property', Schema> = {
  entity: obj({ id: str, name: str, description: nullableStr, type: { type: 'array', items: freebaseType } }, ['id', 'name', 'type']),
  type: freebaseType,
  property: obj({ id: str, name: str, description: nullableStr }, ['id', 'name']),
};

export function suggestSchema(kind: 'entity' | 'type' | 'property') {
  return {
    summary: `Suggest ${kind} (OpenRefine)`,
    description: `Auto-completion of ${kind === 'entity' ? 'listed parties by name' : kind === 'type' ? 'entity types (schemata)' : 'properties'} for OpenRefine.`,
    tags: ['Reconciliation'],
    params: datasetParam,
    querystring: obj(kind === 'entity' ? { prefix: prefixParam, limit: { type: 'integer', minimum: 0, maximum: 500, default: 10 } } : { prefix: prefixParam }, []),
    response: { 200: obj({ code: str, status: str, prefix: str, result: { type: 'array', items: suggestItems[kind] } }), ...errorResponses },
  };
}

export const previewSchema = {
  summary: 'Preview a candidate (OpenRefine)',
  description: 'A small HTML card of a listed party (name, type, lists, telling properties, sanctions programmes) that OpenRefine shows beside a candidate.',
  tags: ['Reconciliation'],
  params: datasetParam,
  querystring: obj({ id: { type: 'string', minLength: 1, maxLength: 500 } }, ['id']),
  response: { 200: { type: 'string', description: 'HTML' }, ...errorResponses },
};

export const proposePropertiesSchema = {
  summary: 'Propose properties for data extension (OpenRefine)',
  tags: ['Reconciliation'],
  params: datasetParam,
  querystring: obj({ type: { type: 'string', default: 'Thing' }, limit: { type: 'integer', minimum: 0, maximum: 500, default: 0 } }, []),
  response: { 200: obj({ type: str, properties: { type: 'array', items: obj({ id: str, name: str }) } }), ...errorResponses },
};

const catalogDataset = obj({
  name: str,
  title: str,
  summary: nullableStr,
  publisher: { anyOf: [obj({ name: str, url: nullableStr, country: nullableStr, country_label: nullableStr }), { type: 'null' }] },
  url: nullableStr,
  load: bool,
  entities_url: nullableStr,
  version: nullableStr,
  index_version: nullableStr,
  index_current: bool,
  children: strings,
  updated_at: nullableStr,
  last_export: nullableStr,
  entity_count: int,
  thing_count: int,
  target_count: int,
  versions: { type: 'array', items: ref('VersionSummary') },
});

export const catalogSchema = {
  summary: 'Data catalog',
  description: 'Every dataset and collection, the version active in the store, the version the serving index was built from, and all stored versions.',
  tags: ['Data access'],
  response: { 200: obj({ datasets: { type: 'array', items: catalogDataset }, current: strings, outdated: strings, index_stale: bool }), ...errorResponses },
};

const featureDocs = mapOf(obj({ description: nullableStr, coefficient: num, url: { type: 'string', description: 'Where the feature is documented' } }));
const configDocs = mapOf(
  obj({
    type: { type: 'string', enum: ['float'] },
    description: nullableStr,
    default: num,
    min: { ...num, description: 'Smallest accepted value' },
    max: { ...num, description: 'Largest accepted value' },
  }),
);
export const algorithmsSchema = {
  summary: 'Scoring algorithms',
  description:
    'The algorithms /match accepts, with their features and default weights (override per request with `weights`) and their configuration parameters with defaults and bounds (set per request with `config`).',
  tags: ['System information'],
  response: {
    200: obj({
      algorithms: {
        type: 'array',
        items: obj({
          name: str,
          description: nullableStr,
          features: featureDocs,
          docs: obj({ name: str, description: nullableStr, config: configDocs, features: featureDocs }),
        }),
      },
      default: str,
      best: str,
    }),
    ...errorResponses,
  },
};

const indexState = obj(
  { generation: int, entities: int, built_at: str, building: bool, versions: mapOf(str) },
  ['generation', 'entities', 'built_at', 'building', 'versions'],
);

export const healthSchema = {
  summary: 'Health check',
  description: 'The process answers. Needs no API key.',
  tags: ['System information'],
  response: { 200: obj({ status: str }) },
};

export const readySchema = {
  summary: 'Index readiness check',
  description: 'Ready once the index is built (503 before). Shows the list versions being served. Needs no API key.',
  tags: ['System information'],
  response: { 200: obj({ status: str, index: indexState }, ['status']), 503: ref('ErrorResponse') },
};

export const refreshSchema = {
  summary: 'Reload lists now',
  description: 'Check the store for new list versions now (instead of at the next poll) and wait for the new index. Admin role.',
  tags: ['System information'],
  response: { 200: obj({ status: str, changed: bool, index: indexState }), ...errorResponses },
};

export const updatezSchema = {
  summary: 'Force an index update (yente)',
  description:
    "yente's /updatez: check the store for new list versions now. Admin role (the API key stands in for yente's update token, which is accepted and ignored). With sync=true, answers once the new index serves; otherwise at once.",
  tags: ['System information'],
  querystring: obj({ token: { type: 'string', maxLength: 1000, description: 'Accepted for yente compatibility; the API key authorises' }, sync: { type: 'boolean', default: false, description: 'Wait until the index is updated' } }, []),
  response: { 200: obj({ status: str }), ...errorResponses },
};

export const metricsSchema = {
  summary: 'Prometheus metrics',
  tags: ['System information'],
  response: { 200: { type: 'string', description: 'Prometheus text exposition format' } },
};

/** The batch CLI's record columns. */
const recordFields: Record<string, Schema> = {
  id: { type: ['string', 'integer'], description: 'Your reference, echoed back' },
  name: { type: 'string', maxLength: 1000 },
  full_name: { type: 'string', maxLength: 1000 },
  first_name: { type: 'string', maxLength: 300 },
  middle_name: { type: 'string', maxLength: 300 },
  last_name: { type: 'string', maxLength: 300 },
  schema: { type: 'string', description: 'Person, Company, Organization, Vessel, LegalEntity (default: Person when name parts, birth date or gender are given)' },
  gender: str,
  date_of_birth: { type: 'string', description: 'ISO date or prefix; several separated by ; or |' },
  place_of_birth: str,
  nationality: { type: 'string', description: 'Country names or codes; several separated by ; or |' },
  country: str,
  id_number: { type: ['string', 'integer'], description: 'Passport, national id, registration or IMO number' },
};

export const screenSchema = {
  summary: 'Screen one party, with a decision',
  description:
    'Screen one record with the batch CLI fields. Answers with the scored results and a decision by the top score: block at or above block_threshold (default 0.95), review at or above threshold (default 0.7), clear below.',
  tags: ['Screening'],
  querystring: obj(
    {
      dataset: { type: 'string', default: 'default', description: 'Dataset or collection to screen against' },
      ...matchParams,
      block_threshold: { type: 'number', minimum: 0, maximum: 1, default: 0.95, description: 'Top score at or above which the decision is block' },
    },
    [],
  ),
  body: obj(recordFields, [], { additionalProperties: false }),
  response: {
    200: obj({
      id: { type: ['string', 'integer', 'null'] },
      decision: { type: 'string', enum: ['clear', 'review', 'block'] },
      reason: str,
      bands: obj({ review: num, block: num }),
      query: ref('EntityExample'),
      results: { type: 'array', items: ref('ScoredEntityResponse') },
      total: ref('Total'),
      list_versions: mapOf(str),
      request_id: str,
    }),
    ...errorResponses,
  },
};

export const listsSchema = {
  summary: 'List versions',
  description: 'Every official list: its active version, the version being served, and all stored versions with counts and publication dates.',
  tags: ['Lists'],
  response: {
    200: obj({
      lists: {
        type: 'array',
        items: obj({ dataset: str, title: str, publisher: str, active: { anyOf: [ref('VersionSummary'), { type: 'null' }] }, served: nullableStr, versions: { type: 'array', items: ref('VersionSummary') } }),
      },
      index: { anyOf: [indexState, { type: 'null' }] },
    }),
    ...errorResponses,
  },
};

const diffEntry = obj({ id: str, schema: str, caption: str });
export const diffSchema = {
  summary: 'Changes between two versions of a list',
  description: 'Parties added, removed and changed (property by property). Versions by label, id, sha256 prefix or publication date; default: the two newest.',
  tags: ['Lists'],
  params: obj({ dataset: str }),
  querystring: obj({ old: { type: 'string', maxLength: 100 }, new: { type: 'string', maxLength: 100 } }, []),
  response: {
    200: obj({
      dataset: str,
      old: obj({ version: str, published: nullableStr }),
      new: obj({ version: str, published: nullableStr }),
      added: { type: 'array', items: diffEntry },
      removed: { type: 'array', items: diffEntry },
      changed: {
        type: 'array',
        items: obj(
          { id: str, schema: str, caption: str, schemaChanged: obj({ from: str, to: str }), properties: mapOf(obj({ added: strings, removed: strings })) },
          ['id', 'schema', 'caption', 'properties'],
        ),
      },
    }),
    ...errorResponses,
  },
};
