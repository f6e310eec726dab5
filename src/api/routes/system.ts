// Probes, metrics and the admin's "reload lists now".
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.js';
import { indexState, type ApiContext } from '../context.js';
import { healthSchema, metricsSchema, readySchema, refreshSchema } from '../schemas.js';

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

  app.post('/v1/refresh', { schema: refreshSchema, config: { role: 'admin' } }, async () => {
    const { changed, generation } = await ctx.watcher.check().catch(() => {
      throw new ApiError(503, 'Index build failed; still serving the previous index (see the server log)');
    });
    return { status: 'ok', changed, index: indexState(ctx, generation) };
  });
}
