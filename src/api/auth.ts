// API-key access control. With at least one active key every route (except health and readiness probes)
// needs `Authorization: Bearer <key>` (OpenSanctions' `ApiKey <key>` scheme is accepted too, so their
// clients work unchanged). Keys are checked against their stored hash and cached for a few seconds, so a
// revoked key stops working within that time without a database read per request.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKey, KeyStore, Role } from './keys.js';
import { ApiError } from './errors.js';

export interface Principal {
  /** Key name (`anonymous` when the server runs open). */
  name: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Reachable without a key (probes). */
    public?: boolean;
    /** Role required beyond a valid key. */
    role?: Role;
    /**
     * The key may come as `?api_key=` (OpenRefine's reconciliation service cannot send headers, and
     * OpenSanctions' API takes it so); logs redact it (`redactUrl`).
     */
    queryKey?: boolean;
  }
}

/** The query-string parameter that may carry an API key where a route allows it. */
export const QUERY_KEY = 'api_key';

/** The API key a request carries as `?api_key=` (read only on routes with `queryKey`), if any. */
export function keyInQuery(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[QUERY_KEY];
  return typeof value === 'string' && value ? value : undefined;
}

/** A URL as logs may show it: the value of `api_key` replaced. */
export function redactUrl(url: string): string {
  return url.includes(`${QUERY_KEY}=`) ? url.replace(new RegExp(`([?&]${QUERY_KEY}=)[^&#]*`, 'g'), '$1[redacted]') : url;
}

export interface AuthOptions {
  /** Run without keys when none exist (loopback, or --insecure-open). */
  allowOpen: boolean;
  /** How long a key check is trusted (ms). */
  cacheMs: number;
  /** URL prefixes reachable without a key (e.g. the docs, with --public-docs). */
  publicPrefixes?: string[];
}

const MAX_CACHE = 10_000;
/** Who calls when the server runs open: anyone on the machine, with every right. */
export const OPEN: Principal = { name: 'anonymous', role: 'admin' };

export class Authenticator {
  private anyKeys = false;
  private readonly cache = new Map<string, { key: ApiKey | undefined; expires: number }>();

  constructor(
    private readonly keys: KeyStore,
    private readonly opts: AuthOptions,
  ) {}

  /** Re-read whether any key is active (at start, then periodically). */
  async refresh(): Promise<void> {
    this.anyKeys = await this.keys.anyActive();
    const now = Date.now();
    for (const [k, v] of this.cache) if (v.expires <= now) this.cache.delete(k);
  }

  /** Whether at least one active key exists (as of the last refresh). */
  get hasKeys(): boolean {
    return this.anyKeys;
  }

  /** True when requests need no key. */
  get open(): boolean {
    return !this.anyKeys && this.opts.allowOpen;
  }

  private async lookup(secret: string): Promise<ApiKey | undefined> {
    const id = createHash('sha256').update(secret).digest('base64');
    const hit = this.cache.get(id);
    if (hit && hit.expires > Date.now()) return hit.key;
    const key = await this.keys.authenticate(secret);
    if (this.cache.size >= MAX_CACHE) this.cache.clear();
    this.cache.set(id, { key, expires: Date.now() + this.opts.cacheMs });
    return key;
  }

  /** onRequest hook: sets `request.principal` or answers 401/403. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const config = request.routeOptions.config;
    if (config?.public || this.opts.publicPrefixes?.some((p) => request.url.startsWith(p))) return;
    if (!this.anyKeys) {
      if (!this.opts.allowOpen) throw unauthorized(reply, 'No API key exists yet: create one with `interdict keys create NAME --role analyst`');
      request.principal = OPEN;
    } else {
      const match = /^(?:Bearer|ApiKey)\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      const secret = match?.[1] ?? (config?.queryKey ? keyInQuery(request) : undefined);
      if (!secret) throw unauthorized(reply, 'Missing API key: send Authorization: Bearer <key>');
      const key = await this.lookup(secret);
      if (!key) throw unauthorized(reply, 'Invalid or revoked API key');
      request.principal = { name: key.name, role: key.role };
    }
    if (config?.role === 'admin' && request.principal.role !== 'admin') throw new ApiError(403, `This endpoint needs the admin role; key '${request.principal.name}' is ${request.principal.role}`);
  };
}

function unauthorized(reply: FastifyReply, detail: string): ApiError {
  reply.header('www-authenticate', 'Bearer');
  return new ApiError(401, detail);
}
