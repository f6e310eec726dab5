// GET /catalog and GET /algorithms: what data and which scoring the service offers.
import type { FastifyInstance } from 'fastify';
import { DEFAULT_ALGORITHM, algorithmNames, getAlgorithm } from '../../match/index.js';
import type { ApiContext } from '../context.js';
import { buildCatalog } from '../lists.js';
import { algorithmsSchema, catalogSchema } from '../schemas.js';

function algorithmDocs(name: string) {
  const a = getAlgorithm(name);
  const features = Object.fromEntries(
    Object.entries(a.features).map(([feature, spec]) => [
      feature,
      // yente's FeatureDoc requires a url: the OpenAPI documentation of /algorithms, where features and weights are described
      { description: spec.qualifier ? 'Qualifier: adds its weighted value to the strongest evidence' : 'Evidence: the strongest one sets the base score', coefficient: spec.weight, url: '/docs' },
    ]),
  );
  // yente's ConfigVar shape ({type, description, default}), with the accepted bounds
  const config = Object.fromEntries(
    Object.entries(a.config ?? {}).map(([key, v]) => [key, { type: v.type, description: v.description, default: v.get(a.names), min: v.min, max: v.max }]),
  );
  const description = name === a.name ? a.description : `Alias of ${a.name}. ${a.description}`;
  return { name, description, features, docs: { name, description, config, features } };
}

export function registerCatalogRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/catalog', { schema: catalogSchema }, async () => buildCatalog(ctx.store, ctx.pool.generation?.versions ?? new Map()));

  app.get('/algorithms', { schema: algorithmsSchema }, async () => ({
    algorithms: algorithmNames().map(algorithmDocs),
    default: DEFAULT_ALGORITHM,
    best: DEFAULT_ALGORITHM,
  }));
}
