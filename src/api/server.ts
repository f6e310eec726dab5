// The HTTP service: Fastify on the main thread (parsing, validation, auth, serialisation), screening in
// worker threads (src/api/pool.ts), audit writes in their own thread. `createServer` wires it together;
// `interdict serve` (src/cli/commands/serve.ts) and the tests start it.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { databasePath } from '../config.js';
import { openDb } from '../store/db.js';
import { ListStore } from '../store/lists.js';
import { openSql } from '../store/sql.js';
import { AuditTrail } from './audit.js';
import { Authenticator, OPEN, redactUrl } from './auth.js';
import type { ApiContext } from './context.js';
import { installYenteCompat } from './compat.js';
import { ApiError, installErrorHandlers } from './errors.js';
import { KeyStore } from './keys.js';
import { Metrics } from './metrics.js';
import { ScreeningPool } from './pool.js';
import { addSharedSchemas } from './schemas.js';
import { IndexWatcher } from './watcher.js';
import { registerCatalogRoutes } from './routes/catalog.js';
import { registerDocs } from './routes/docs.js';
import { registerListRoutes } from './routes/lists.js';
import { registerMatchRoutes } from './routes/match.js';
import { registerScreenRoutes } from './routes/screen.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerSystemRoutes } from './routes/system.js';
import { registerCaseRoutes } from './routes/cases.js';
import { registerWebApp } from './routes/web.js';
import { registerTransactionRoutes } from './routes/transaction.js';
import { registerReconcileRoutes } from './routes/reconcile.js';

export interface ServeOptions {
  host: string;
  port: number;
  /** Screening worker threads per index generation. */
  workers: number;
  /** How often the store is checked for new list versions (ms). */
  pollIntervalMs: number;
  /** Requests per minute per API key (per IP when open); 0 turns limiting off. */
  rateLimit: number;
  /** Largest request body (bytes); larger is 413. */
  bodyLimit: number;
  /** Allow running without API keys on a non-loopback address. */
  insecureOpen: boolean;
  /** Serve /docs and /openapi.json without a key. */
  publicDocs: boolean;
  /** How long a key check is trusted (ms): a revoked key works at most this long. */
  keyCacheMs: number;
  /** Audit events waiting to be written before screening is refused with 503. */
  auditBacklog: number;
  /**
   * Browser origins allowed to call the API from their pages (CORS), e.g. `https://app.example.com`; `*` allows
   * any. Empty (the default): no CORS headers, so browsers keep other sites' pages from reading answers.
   */
  corsOrigins: string[];
  /** Work store URL (PostgreSQL); default INTERDICT_DATABASE_URL, else the embedded SQLite file. */
  databaseUrl?: string;
  /** Fastify/pino logger options; false silences logs (tests). */
  logger: FastifyServerOptions['logger'];
}

export const DEFAULT_OPTIONS: ServeOptions = {
  host: '127.0.0.1',
  port: 8000,
  workers: 1,
  pollIntervalMs: 5000,
  rateLimit: 6000,
  bodyLimit: 1024 * 1024,
  insecureOpen: false,
  publicDocs: false,
  keyCacheMs: 5000,
  auditBacklog: 50_000,
  corsOrigins: [],
  logger: { level: 'info' },
};

/** A CORS origin as browsers send it (`scheme://host[:port]`, no path), or `*`; throws on anything else. */
export function normalizeOrigin(origin: string): string {
  const o = origin.trim();
  if (o === '*') return o;
  let url: URL | undefined;
  try {
    url = new URL(o);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(`invalid CORS origin ${JSON.stringify(origin)}: expected scheme://host[:port] (e.g. https://app.example.com) or *`);
  }
  return url.origin;
}

/** Response headers a page allowed by CORS may read besides the CORS-safelisted ones. */
const CORS_EXPOSED = ['x-request-id', 'x-batch-size', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

export const VERSION = '0.1.0';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::ffff:127.0.0.1';
}

/** A request as logs show it (Fastify's fields), its URL redacted. */
function logRequest(request: FastifyRequest) {
  return { method: request.method, url: redactUrl(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}

export interface Server {
  app: FastifyInstance;
  ctx: ApiContext;
  /** Listen, then build the index in the background (/readyz answers 503 until it is ready). Returns the URL. */
  start(): Promise<string>;
  /** Stop accepting, finish requests in flight, stop workers, flush the audit trail, close the stores. */
  close(): Promise<void>;
}

export async function createServer(options: Partial<ServeOptions> = {}): Promise<Server> {
  const opts: ServeOptions = { ...DEFAULT_OPTIONS, ...options };
  const corsOrigins = [...new Set(opts.corsOrigins.map(normalizeOrigin))];
  const databaseUrl = opts.databaseUrl ?? process.env.INTERDICT_DATABASE_URL;
  // request URLs are logged with any API key in them redacted (reconciliation routes take `?api_key=`)
  const logger = opts.logger && typeof opts.logger === 'object' ? { ...opts.logger, serializers: { req: logRequest, ...(opts.logger as { serializers?: object }).serializers } } : opts.logger;
  const app = Fastify({
    logger,
    bodyLimit: opts.bodyLimit,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    forceCloseConnections: 'idle',
    // `/match/default/` is `/match/default`: yente (FastAPI) redirects such paths, clients built against it may send them
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, allowUnionTypes: true } },
  });
  const log = app.log;

  const sql = await openSql(databaseUrl);
  const allowOpen = isLoopback(opts.host) || opts.insecureOpen;
  const auth = new Authenticator(await KeyStore.open(sql), { allowOpen, cacheMs: opts.keyCacheMs, publicPrefixes: opts.publicDocs ? ['/docs', '/openapi.json'] : [] });
  await auth.refresh();
  if (!auth.hasKeys && !allowOpen) {
    await sql.close();
    throw new Error(`refusing to serve ${opts.host} without API keys: create one (interdict keys create NAME --role analyst) or pass --insecure-open`);
  }
  if (auth.open) log.warn({ host: opts.host }, 'no API keys exist: the API is open to anyone who can reach it (create one with `interdict keys create`)');

  const store = new ListStore(openDb());
  const audit = await AuditTrail.start({ databaseUrl, maxBacklog: opts.auditBacklog, log });
  const metrics = new Metrics(() => audit.backlog, () => pool.screeningLoad);
  const pool: ScreeningPool = new ScreeningPool({ dbPath: databasePath(), workers: opts.workers, log, onSwap: (gen, previous) => metrics.onSwap(gen, store, previous), onAnswer: (roundTrip, worker) => metrics.onAnswer(roundTrip, worker) });
  const watcher = new IndexWatcher(store, pool, auth, log, opts.pollIntervalMs);
  const ctx: ApiContext = { store, pool, watcher, audit, metrics };

  app.removeContentTypeParser('text/plain'); // the API speaks JSON only: anything else is 415
  addSharedSchemas(app);
  installErrorHandlers(app);
  installYenteCompat(app);
  await registerDocs(app, VERSION);
  if (corsOrigins.length) {
    // before authentication: a browser's preflight carries no API key and is answered here
    await app.register(cors, {
      // always a list, so only an allowed origin is echoed back (a single string would be sent to anyone)
      origin: corsOrigins,
      methods: ['GET', 'HEAD', 'POST'],
      exposedHeaders: CORS_EXPOSED,
      maxAge: 600,
    });
  }
  app.addHook('onRequest', auth.hook);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // callback hooks (not async) where nothing is awaited: no promise per request
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    // while shutting down, answers in flight also end their keep-alive connection, so the process can exit
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  if (opts.rateLimit > 0) {
    await app.register(rateLimit, {
      global: true,
      max: opts.rateLimit,
      timeWindow: 60_000,
      hook: 'preHandler', // after authentication: limits are per key
      keyGenerator: (request) => (request.principal && request.principal !== OPEN ? `key:${request.principal.name}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, c) => new ApiError(429, `Rate limit exceeded: ${c.max} requests per minute; retry in ${c.after}`),
    });
  }
  metrics.install(app);
  registerSystemRoutes(app, ctx);
  registerMatchRoutes(app, ctx);
  registerSearchRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerScreenRoutes(app, ctx);
  registerTransactionRoutes(app, ctx);
  registerListRoutes(app, ctx);
  await registerReconcileRoutes(app, ctx);
  await registerCaseRoutes(app, { store, sql, databaseUrl });
  await registerWebApp(app);

  app.addHook('onClose', async () => {
    watcher.stop();
    await pool.close();
    await audit.close();
    await sql.close();
    store.db.close();
  });

  return {
    app,
    ctx,
    async start() {
      const url = await app.listen({ host: opts.host, port: opts.port });
      watcher.start();
      return url;
    },
    close: () => app.close(),
  };
}
