// Every error case of the HTTP API over real HTTP: the right status, a JSON `{"detail": ...}` saying what
// is wrong, never a 500 for bad input, never a stack trace.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, startApi, type Api, type JsonResponse } from './api-helpers.js';

let api: Api;
before(async () => {
  api = await startApi();
});
after(async () => {
  await api?.close();
});

const PERSON = { schema: 'Person', properties: { name: ['Ri Won Ho'] } };
const match = (body: unknown, query = '', dataset = 'default') => call(`${api.url}/match/${dataset}${query}`, { body });

/** Status as expected, JSON detail, and nothing that looks like a stack trace. */
function expectError(r: JsonResponse, status: number, detail?: RegExp): void {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  assert.ok(r.body && typeof r.body === 'object' && 'detail' in r.body, `no JSON detail: ${JSON.stringify(r.body)}`);
  const text = JSON.stringify(r.body.detail);
  if (detail) assert.match(text, detail);
  assert.doesNotMatch(text, /\n\s+at |node_modules|\.js:\d+/);
}

describe('POST /match errors', () => {
  it('unknown dataset: 404', async () => {
    expectError(await match({ queries: { q: PERSON } }, '', 'no_such_list'), 404, /No such dataset/);
  });

  it('missing schema: 422 naming the field', async () => {
    expectError(await match({ queries: { q: { properties: { name: ['x'] } } } }), 422, /queries\.q\.schema is required/);
  });

  it('unknown or non-matchable schema: 400', async () => {
    expectError(await match({ queries: { q: { schema: 'Alien', properties: { name: ['x'] } } } }), 400, /unknown schema 'Alien'/);
    expectError(await match({ queries: { q: { schema: 'Sanction', properties: { program: ['x'] } } } }), 400, /Non-matchable schema/);
  });

  it('too many or no queries: 400', async () => {
    const queries = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, PERSON]));
    expectError(await match({ queries }), 400, /Too many queries in one batch \(limit: 100\)/);
    expectError(await match({ queries: {} }), 400, /No queries provided/);
    expectError(await match({}), 422, /queries is required/);
    expectError(await match({ queries: [PERSON] }), 422);
  });

  it('bad query parameters: 422 naming the parameter', async () => {
    const body = { queries: { q: PERSON } };
    expectError(await match(body, '?limit=0'), 422, /limit/);
    expectError(await match(body, '?limit=501'), 422, /limit must be <= 500/);
    expectError(await match(body, '?limit=five'), 422, /limit must be integer/);
    expectError(await match(body, '?threshold=1.5'), 422, /threshold/);
    expectError(await match(body, '?changed_since=yesterday'), 422, /changed_since/);
    const ids = Array.from({ length: 51 }, (_, i) => `exclude_entity_ids=x${i}`).join('&');
    expectError(await match(body, `?${ids}`), 422, /exclude_entity_ids/);
  });

  it('unknown algorithm, filter dataset or schema: 400', async () => {
    const body = { queries: { q: PERSON } };
    expectError(await match(body, '?algorithm=magic'), 400, /Invalid algorithm: magic/);
    expectError(await match(body, '?include_dataset=nowhere'), 400, /Unknown dataset in include_dataset: nowhere/);
    expectError(await match(body, '?exclude_schema=Nope'), 400, /Invalid schema in exclude_schema: Nope/);
  });

  it('algorithm config and weights the algorithm does not have: 400', async () => {
    expectError(await match({ queries: { q: PERSON }, config: { nm_family_name_weight: 1.3 } }), 400, /Invalid configuration parameter: nm_family_name_weight for algorithm interdict-v1/);
    expectError(await match({ queries: { q: PERSON }, weights: { name_litteral: 0.8 } }), 400, /Unknown feature in weights: name_litteral/);
    expectError(await match({ queries: { q: PERSON }, config: { nm_number_mismatch: -1 } }), 400, /nm_number_mismatch must be a number from 0 to 1/);
    expectError(await match({ queries: { q: PERSON }, weights: { name_match: null } }), 422, /weights\.name_match must be number/);
    // the parameters yente documents are accepted
    assert.equal((await match({ queries: { q: PERSON }, config: { nm_number_mismatch: 0.4 } })).status, 200);
  });

  it('broken, empty or non-JSON bodies: 400 or 415', async () => {
    expectError(await call(`${api.url}/match/default`, { method: 'POST', raw: '{"queries": {', headers: { 'content-type': 'application/json' } }), 400, /not valid JSON/);
    expectError(await call(`${api.url}/match/default`, { method: 'POST', raw: '', headers: { 'content-type': 'application/json' } }), 400, /empty/);
    expectError(await call(`${api.url}/match/default`, { method: 'POST', raw: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, /media type/);
  });

  it('too many values of a property (422), or names in one query (400): saying the limit', async () => {
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);
    expectError(await match({ queries: { q: { schema: 'Person', properties: { name: ['Ri Won Ho'], alias: many(51, 'Ri') } } } }), 422, /queries\.q\.properties\.alias must NOT have more than 50 items/);
    expectError(await match({ queries: { q: { schema: 'Person', properties: { name: many(30, 'Ri'), alias: many(30, 'Ho') } } } }), 400, /60 names in one query .*at most 50/);
    // at the limit: answered
    assert.equal((await match({ queries: { q: { schema: 'Person', properties: { name: many(25, 'Ri'), alias: many(25, 'Ho') } } } })).status, 200);
  });

  it('a body over the limit (1 MB): 413', async () => {
    const big = { queries: { q: { schema: 'Person', properties: { notes: ['x'.repeat(1_100_000)] } } } };
    expectError(await match(big), 413, /too large/);
  });

  it('hostile but well-formed input is answered, never a 500', async () => {
    const payloads: unknown[] = [
      { queries: { q: { schema: 'Person', properties: { name: ['\u0000\u0001\u0002'] } } } },
      { queries: { q: { schema: 'Person', properties: { name: ['A'.repeat(200_000)] } } } },
      { queries: { q: { schema: 'Person', properties: { name: ['金正恩', 'Ким Чен Ын', 'كيم جونغ أون', '🙂🙂'] } } } },
      { queries: { q: { schema: 'Person', properties: { name: [1, true, null], birthDate: ['99999-99-99', 'not a date'], nationality: ['', '   '] } } } },
      { queries: { q: { schema: 'Thing', properties: {} } } },
      { queries: { q: { schema: 'Company', properties: { name: 'x'.repeat(50), registrationNumber: ['!!!'] } } }, id: 'x' },
      { queries: { q: { schema: 'Person', properties: { name: ['Ri Won Ho'] }, id: null } } },
      { queries: { 'a key with spaces & ünïcode': PERSON } },
    ];
    for (const body of payloads) {
      const r = await match(body);
      assert.ok(r.status < 500, `${r.status} for ${JSON.stringify(body).slice(0, 80)}`);
      if (r.status !== 200) expectError(r, r.status);
    }
    const nested = { queries: { q: { schema: 'Person', properties: { name: [{ deep: [[[['x']]]] }] } } } };
    const r = await match(nested);
    assert.ok(r.status === 200 || r.status === 422, `${r.status}`);
  });
});

describe('other routes', () => {
  it('search: unknown dataset 404, bad schema 400, bad paging 422', async () => {
    expectError(await call(`${api.url}/search/nope?q=x`), 404, /No such dataset/);
    expectError(await call(`${api.url}/search/default?q=x&schema=Alien`), 400, /Invalid schema/);
    expectError(await call(`${api.url}/search/default?q=x&limit=501`), 422, /limit/);
    expectError(await call(`${api.url}/search/default?q=x&offset=-1`), 422, /offset/);
  });

  it('entities: 404 for an unknown id', async () => {
    expectError(await call(`${api.url}/entities/${encodeURIComponent('no such/thing')}`), 404, /No such entity/);
  });

  it('lists diff: unknown dataset and version 404', async () => {
    expectError(await call(`${api.url}/v1/lists/nope/diff`), 404);
    expectError(await call(`${api.url}/v1/lists/un_sc_sanctions/diff?new=1999-01-01`), 404, /No version/);
  });

  it('unknown route or method: 404 JSON', async () => {
    expectError(await call(`${api.url}/nowhere`), 404, /Not found: GET \/nowhere/);
    expectError(await call(`${api.url}/match/default`), 404);
    expectError(await call(`${api.url}/catalog`, { method: 'DELETE' }), 404);
  });

  it('request ids: generated, or taken from X-Request-Id, and echoed', async () => {
    const r = await call(`${api.url}/healthz`);
    assert.match(r.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const mine = await call(`${api.url}/healthz`, { headers: { 'x-request-id': 'trace-42' } });
    assert.equal(mine.headers.get('x-request-id'), 'trace-42');
  });
});

describe('audit trail backpressure', () => {
  it('refuses screening with 503 when the audit trail cannot keep up, and still answers reads', async () => {
    const stalled = await startApi(undefined, { auditBacklog: 0 });
    try {
      expectError(await call(`${stalled.url}/match/default`, { body: { queries: { q: PERSON } } }), 503, /Audit trail unavailable/);
      expectError(await call(`${stalled.url}/v1/screen`, { body: { name: 'Ri Won Ho' } }), 503, /Audit trail unavailable/);
      assert.equal((await call(`${stalled.url}/catalog`)).status, 200);
    } finally {
      await stalled.close();
    }
  });
});
