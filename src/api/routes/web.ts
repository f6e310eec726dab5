// The analyst UI: the single-page app built by `npm run build` (web/ → dist/web), served at `/`. The app
// shell and its assets are public (they hold no data; every /v1 call it makes needs the API key), and
// client-side routes (/alerts/12, /portfolio...) answer with index.html so reloads and shared links work.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/** dist/web, beside dist/src (this file compiles to dist/src/api/routes/web.js). */
export const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));

/** Paths the single-page app routes itself; everything else (/v1, /match, /docs...) is the API's. */
export const CLIENT_ROUTES = ['/alerts', '/alerts/*', '/portfolio', '/lists', '/lists/*', '/dashboard', '/audit', '/reports/*'];

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Interdict</title>
<p>The analyst UI is not built. Run <code>npm run build</code> (it builds <code>web/</code> into <code>dist/web</code>), then restart <code>interdict serve</code>.</p>
<p>The API is available: see <a href="/docs">/docs</a>.</p>`;

export async function registerWebApp(app: FastifyInstance, root = WEB_ROOT): Promise<void> {
  const built = existsSync(`${root}/index.html`);
  await app.register(async (scope) => {
    const config = { public: true };
    const shell = (reply: FastifyReply) => {
      reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
      if (!built) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    };
    if (built) await scope.register(fastifyStatic, { root, serve: false });
    scope.get('/', { config, schema: { hide: true } }, (_request, reply) => shell(reply));
    for (const path of CLIENT_ROUTES) scope.get(path, { config, schema: { hide: true } }, (_request, reply) => shell(reply));
    // content-hashed file names: cache for good
    scope.get<{ Params: { '*': string } }>('/assets/*', { config, schema: { hide: true }, logLevel: 'warn' }, (request, reply) => {
      if (!built) return reply.callNotFound();
      return reply.header('x-content-type-options', 'nosniff').sendFile(`assets/${request.params['*']}`, { immutable: true, maxAge: '365d' });
    });
  });
}
