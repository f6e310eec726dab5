// GET /v1/lists and GET /v1/lists/{dataset}/diff: list versions and what changed between them.
import type { FastifyInstance } from 'fastify';
import { DATASETS } from '../../model/datasets.js';
import type { ListVersion } from '../../store/lists.js';
import { indexState, type ApiContext } from '../context.js';
import { versionSummary } from '../lists.js';
import { diffSchema, listsSchema } from '../schemas.js';

export function registerListRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/v1/lists', { schema: listsSchema }, async () => {
    const gen = ctx.pool.generation;
    const served = new Set(gen ? gen.versions.values() : []);
    const byDataset = new Map<string, ListVersion[]>();
    for (const v of ctx.store.versions()) byDataset.set(v.dataset, [...(byDataset.get(v.dataset) ?? []), v]);
    const names = [...new Set([...Object.keys(DATASETS), ...byDataset.keys()])];
    const lists = names.map((dataset) => {
      const versions = byDataset.get(dataset) ?? [];
      const active = versions.find((v) => v.active);
      return {
        dataset,
        title: DATASETS[dataset]?.title ?? dataset,
        publisher: DATASETS[dataset]?.publisher ?? '',
        active: active ? versionSummary(active) : null,
        served: versions.find((v) => served.has(v.id))?.version ?? null,
        versions: versions.map(versionSummary),
      };
    });
    return { lists, index: gen ? indexState(ctx, gen) : null };
  });

  app.get<{ Params: { dataset: string }; Querystring: { old?: string; new?: string } }>('/v1/lists/:dataset/diff', { schema: diffSchema }, async (request) => {
    const { value } = await ctx.pool.run({ op: 'diff', dataset: request.params.dataset, old: request.query.old, new: request.query.new });
    return value;
  });
}
