// Probes, metrics and the admin's "reload lists now" (ours, and yente's /updatez).
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.js';
import { indexState, type ApiContext } from '../context.js';
import { healthSchema, metricsSchema, readySchema, refreshSchema, updatezSchema } from '../schemas.js';

export function registerSystemRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const probe = { public: true, rateLimit: false } as const;

  app.get('/healthz', { schema: healthSchema, config: probe, logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: readySchema, config: probe, logLevel: 'warn' }, async () => {
    const gen = ctx.pool.generation;
    if (!gen) throw new ApiError(503, 'Index not ready.');
    return { status: 'ok', index: indexState(ctx, gen) };
  });

  app.get('/metrics', { schema: metricsSchema }, async (_request, reply) => {
    reply.type(ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });

  const check = () =>
    ctx.watcher.check().catch(() => {
      throw new ApiError(503, 'Index build failed; still serving the previous index (see the server log)');
    });

  app.post('/v1/refresh', { schema: refreshSchema, config: { role: 'admin' } }, async () => {
    const { changed, generation } = await check();
    return { status: 'ok', changed, index: indexState(ctx, generation) };
  });

  // yente's "force an index update", for operators' scripts written against it: the admin role stands in for its
  // update token; without `sync` the check runs in the background (its failure is logged by the watcher)
  app.post<{ Querystring: { sync: boolean } }>('/updatez', { schema: updatezSchema, config: { role: 'admin' } }, async (request) => {
    if (request.query.sync) await check();
    else void check().catch(() => undefined);
    return { status: 'ok' };
  });
}
