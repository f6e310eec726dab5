// Every failure leaves the API as `{"detail": ...}` with a 4xx/5xx status, as yente (FastAPI) answers:
// bad input is never a 500, and no stack trace or internal message ever reaches a client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A failure the client can act on: status and a sentence saying what is wrong. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** FastAPI's shape for validation errors (422): one entry per problem, with where it is. */
interface ValidationDetail {
  loc: string[];
  msg: string;
  type: string;
}

function validationDetails(error: FastifyError): ValidationDetail[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    const params = v.params as { missingProperty?: string; additionalProperty?: string };
    const field = params.missingProperty ?? params.additionalProperty;
    const loc = [context === 'querystring' ? 'query' : context, ...path, ...(field ? [field] : [])];
    const where = loc.slice(1).join('.') || loc[0];
    const msg = params.additionalProperty ? `${where} is not a known field` : params.missingProperty ? `${where} is required` : `${where} ${v.message ?? 'is invalid'}`;
    return { loc, msg, type: v.keyword };
  });
}

// Fastify's own 4xx codes, reworded so the detail reads as advice rather than an internal code name
const FASTIFY_DETAILS: Record<string, (e: FastifyError) => string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => 'Request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (e) => `Unsupported media type: send application/json (${e.message})`,
  FST_ERR_CTP_EMPTY_JSON_BODY: () => 'Request body is empty: send a JSON object',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => 'Content-Length does not match the body',
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError | { statusCode?: number; detail?: string }, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) return reply.code(error.statusCode).send({ detail: error.detail });
    const e = error as FastifyError & { detail?: string };
    if (e.validation) return reply.code(422).send({ detail: validationDetails(e) });
    const status = e.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const detail = e.detail ?? FASTIFY_DETAILS[e.code]?.(e) ?? (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError ? 'Request body is not valid JSON' : e.message);
      return reply.code(status).send({ detail });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(status >= 500 && status < 600 ? status : 500).send({ detail: status === 503 && e.detail ? e.detail : 'Internal server error' });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ detail: `Not found: ${request.method} ${request.url.split('?')[0]}` });
  });
}
