// What yente's framework (FastAPI with pydantic) accepts from clients and Fastify with ajv would refuse, read
// the way yente reads it, so that existing yente clients work unchanged:
// - a request body sent without a Content-Type header is JSON (FastAPI parses it as such; Fastify answers 415);
// - a boolean query parameter may be spelled as pydantic reads one (`True`, `0`, `yes`, `off`...; Python's
//   `requests` sends `params={"nested": False}` as `nested=False`), where ajv only coerces `true` and `false`.
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** pydantic's spellings of a boolean (compared in lower case), mapped to the two ajv coerces. */
const BOOLEAN_WORDS: Record<string, 'true' | 'false'> = {
  true: 'true', t: 'true', yes: 'true', y: 'true', on: 'true', '1': 'true',
  false: 'false', f: 'false', no: 'false', n: 'false', off: 'false', '0': 'false',
};

/** The boolean query parameters of a route's schema (none for most routes), found once per route. */
const booleanParams = new WeakMap<object, string[]>();
function booleansOf(request: FastifyRequest): string[] {
  const schema = request.routeOptions.schema as { querystring?: { properties?: Record<string, { type?: unknown }> } } | undefined;
  const props = schema?.querystring?.properties;
  if (!props) return [];
  let names = booleanParams.get(props);
  if (!names) booleanParams.set(props, (names = Object.keys(props).filter((k) => props[k].type === 'boolean')));
  return names;
}

export function installYenteCompat(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const headers = request.raw.headers;
    if (headers['content-type'] === undefined && (headers['transfer-encoding'] !== undefined || (headers['content-length'] ?? '0') !== '0')) {
      headers['content-type'] = 'application/json';
    }
    done();
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const names = booleansOf(request);
    if (names.length) {
      const query = request.query as Record<string, unknown>;
      for (const name of names) {
        const value = query[name];
        if (typeof value !== 'string') continue;
        const word = BOOLEAN_WORDS[value.trim().toLowerCase()];
        // anything else is left to validation, which refuses it with a 422 naming the parameter
        if (word) query[name] = word;
      }
    }
    done();
  });
}
