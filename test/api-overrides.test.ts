// Over real HTTP: per-request scoring overrides on /match (yente's `weights` and `config`, through the worker
// threads), GET /algorithms documenting both, `changed_since` as part of candidate selection on /match and
// /search, and CORS (off by default; `corsOrigins` / `interdict serve --cors`).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startApi, type Api, type JsonResponse } from './api-helpers.js';
import { getAlgorithm } from '../src/match/index.js';
import { normalizeOrigin } from '../src/api/server.js';
import { changedSinceKey } from '../src/api/params.js';
import { KeyStore } from '../src/api/keys.js';
import { openSql } from '../src/store/sql.js';
import { listFile } from './helpers.js';

const OLD = '2020-01-01T00:00:00';
const RECENT = '2025-06-01T00:00:00';
const OLD_PARTIES = 120;
const RECENT_PARTIES = 8;

/** An FtM file: many old parties with an exact name, a few recent ones that match less well, numbered companies. */
function changesFile(dir: string): string {
  const lines: object[] = [];
  const party = (id: string, schema: string, name: string, lastChange: string) =>
    lines.push({ id, caption: name, schema, properties: { name: [name], topics: ['sanction'] }, referents: [], datasets: ['test_changes'], first_seen: OLD, last_seen: RECENT, last_change: lastChange, target: true });
  for (let i = 0; i < OLD_PARTIES; i++) party(`old-${String(i).padStart(3, '0')}`, 'Person', 'Zorbak Vellmont', OLD);
  for (let i = 0; i < RECENT_PARTIES; i++) party(`recent-${i}`, 'Person', 'Zorbak Vellmont Qirat', RECENT);
  party('leasing-3', 'Company', 'Quarnelle Leasing 3 Ltd', OLD);
  const file = join(dir, 'changes.ftm.json');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}

const RI_WON_HO_1970 = { schema: 'Person', properties: { name: ['Ri Won Ho'], birthDate: ['1970'] } };
const ZORBAK = { schema: 'Person', properties: { name: ['Zorbak Vellmont'] } };
const LEASING_6 = { schema: 'Company', properties: { name: ['Quarnelle Leasing 6 Ltd'] } };

function expectError(r: JsonResponse, status: number, detail?: RegExp): void {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  assert.ok(r.body && typeof r.body === 'object' && 'detail' in r.body, `no JSON detail: ${JSON.stringify(r.body)}`);
  if (detail) assert.match(JSON.stringify(r.body.detail), detail);
}

let api: Api;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interdict-changes-'));
  api = await startApi([listFile('un', 'consolidated.xml'), changesFile(dir)]);
});
after(async () => {
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const match = (body: unknown, query = '', dataset = 'default') => call(`${api.url}/match/${dataset}${query}`, { body });
type Result = { id: string; score: number; match: boolean; last_change: string; explanations: Record<string, { score: number; weight: number }> };
const results = (r: JsonResponse, key = 'q'): Result[] => r.body.responses[key].results;

describe('POST /match weights and config', () => {
  it('a weight override changes scores in the expected direction', async () => {
    const plain = results(await match({ queries: { q: RI_WON_HO_1970 } }))[0];
    assert.equal(plain.id, 'un-KPi.033');
    assert.ok(plain.score < 1, 'another birth year costs');
    assert.equal(plain.explanations.dob_year_disjoint.weight, getAlgorithm('interdict-v1').features.dob_year_disjoint.weight);

    const off = await match({ queries: { q: RI_WON_HO_1970 }, weights: { dob_year_disjoint: 0 } });
    assert.equal(off.status, 200);
    const top = results(off)[0];
    assert.equal(top.id, 'un-KPi.033');
    assert.equal(top.score, 1, 'penalty switched off');
    assert.equal(top.explanations.dob_year_disjoint.weight, 0, 'the explanation shows the weight used');

    const harsher = results(await match({ queries: { q: RI_WON_HO_1970 }, weights: { dob_year_disjoint: -0.5 } }, '?cutoff=0.1'))[0];
    assert.equal(harsher.id, 'un-KPi.033');
    assert.ok(harsher.score < plain.score, `${harsher.score} < ${plain.score}`);
    assert.equal(harsher.match, false);

    // the alias and the other algorithm take overrides of their own features
    assert.equal(results(await match({ queries: { q: RI_WON_HO_1970 }, weights: { dob_year_disjoint: 0 } }, '?algorithm=logic-v2'))[0].score, 1);
    const halfName = results(await match({ queries: { q: RI_WON_HO_1970 }, weights: { name_match: 0.5 } }, '?algorithm=name-based&cutoff=0.1'))[0];
    assert.equal(halfName.score, 0.5);
  });

  it('overrides last for one request only', async () => {
    await match({ queries: { q: RI_WON_HO_1970 }, weights: { dob_year_disjoint: 0 }, config: { nm_extra_query_name: 5 } });
    const again = results(await match({ queries: { q: RI_WON_HO_1970 } }))[0];
    assert.ok(again.score < 1);
  });

  it('a config override takes effect; null keeps the default', async () => {
    const score = async (config?: Record<string, unknown>) => {
      const r = await match({ queries: { q: LEASING_6 }, ...(config && { config }) }, '?cutoff=0.05&include_dataset=test_changes');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return results(r).find((x) => x.id === 'leasing-3')?.score ?? 0;
    };
    const plain = await score();
    assert.ok(plain > 0 && plain < 0.7, `numbers differ: ${plain}`);
    assert.ok((await score({ nm_number_mismatch: 0 })) > plain, 'no penalty for other numbers');
    assert.ok((await score({ nm_number_mismatch: 0.9 })) < plain, 'a heavier penalty');
    assert.equal(await score({ nm_number_mismatch: null }), plain);
    assert.equal(await score({ nm_number_mismatch: '0' }), await score({ nm_number_mismatch: 0 }), 'a numeric string is read as a number');
  });

  it("weights for yente's features that an algorithm does not compute are ignored, as yente ignores them", async () => {
    const plain = results(await match({ queries: { q: RI_WON_HO_1970 } }, '?cutoff=0.1'))[0];
    // name_literal: the example of yente's own OpenAPI description; lei_code_match: a logic-v2 feature
    const withYente = await match({ queries: { q: RI_WON_HO_1970 }, weights: { name_literal: 0.8, lei_code_match: 0.5 } }, '?cutoff=0.1');
    assert.equal(withYente.status, 200, JSON.stringify(withYente.body));
    assert.deepEqual(results(withYente)[0].explanations, plain.explanations);
    assert.equal(results(withYente)[0].score, plain.score);
    // a feature one algorithm has and another does not: applied by the first, ignored by the second
    const nameBased = await match({ queries: { q: RI_WON_HO_1970 }, weights: { dob_year_disjoint: -0.9 } }, '?algorithm=name-based&cutoff=0.1');
    assert.equal(nameBased.status, 200);
    assert.equal(results(nameBased)[0].score, results(await match({ queries: { q: RI_WON_HO_1970 } }, '?algorithm=name-based&cutoff=0.1'))[0].score);
    assert.ok(results(await match({ queries: { q: RI_WON_HO_1970 }, weights: { dob_year_disjoint: -0.9 } }, '?cutoff=0.01'))[0].score < plain.score);
  });

  it('unknown weights and config parameters: 400 naming what is accepted', async () => {
    expectError(await match({ queries: { q: ZORBAK }, weights: { name_litteral: 0.8 } }), 400, /Unknown feature in weights: name_litteral for algorithm interdict-v1 \(known: name_match/);
    expectError(await match({ queries: { q: ZORBAK }, weights: { dob_disjoint: 0 } }, '?algorithm=name-based'), 400, /Unknown feature in weights: dob_disjoint for algorithm name-based/);
    expectError(await match({ queries: { q: ZORBAK }, config: { nm_family_name_weight: 1.3 } }), 400, /Invalid configuration parameter: nm_family_name_weight for algorithm interdict-v1 \(known: nm_number_mismatch/);
    // checked even when the dataset scope is empty and no worker is asked
    expectError(await match({ queries: { q: ZORBAK }, weights: { nope: 1 } }, '?exclude_dataset=un_sc_sanctions', 'un_sc_sanctions'), 400, /Unknown feature in weights: nope/);
  });

  it('bad values: 400 out of bounds, 422 wrong types, never a 500', async () => {
    expectError(await match({ queries: { q: ZORBAK }, config: { nm_number_mismatch: 1.5 } }), 400, /nm_number_mismatch must be a number from 0 to 1 \(got 1.5\)/);
    expectError(await match({ queries: { q: ZORBAK }, config: { nm_number_mismatch: 'lots' } }), 400, /nm_number_mismatch must be a number/);
    expectError(await match({ queries: { q: ZORBAK }, config: { nm_number_mismatch: true } }), 400, /nm_number_mismatch must be a number/);
    expectError(await match({ queries: { q: ZORBAK }, config: { nm_number_mismatch: { deep: 1 } } }), 422, /config\.nm_number_mismatch/);
    expectError(await match({ queries: { q: ZORBAK }, config: 'fast' }), 422, /config must be object/);
    expectError(await match({ queries: { q: ZORBAK }, weights: [0.5] }), 422, /weights must be object/);
    expectError(await match({ queries: { q: ZORBAK }, weights: { name_match: 'heavy' } }), 422, /weights\.name_match must be number/);
    // null and true would be coerced to 0 and 1: refused instead
    expectError(await match({ queries: { q: ZORBAK }, weights: { name_match: null } }), 422, /weights\.name_match must be number/);
    expectError(await match({ queries: { q: ZORBAK }, weights: { name_match: true } }), 422, /weights\.name_match must be number/);
    const infinite = await call(`${api.url}/match/default`, {
      method: 'POST',
      raw: '{"queries": {"q": {"schema": "Person", "properties": {"name": ["Zorbak Vellmont"]}}}, "weights": {"name_match": 1e999}}',
      headers: { 'content-type': 'application/json' },
    });
    expectError(infinite, 422, /weights\.name_match/);
    const proto = await call(`${api.url}/match/default`, {
      method: 'POST',
      raw: '{"queries": {"q": {"schema": "Person", "properties": {"name": ["Zorbak Vellmont"]}}}, "weights": {"__proto__": {"x": 1}}}',
      headers: { 'content-type': 'application/json' },
    });
    assert.ok(proto.status >= 400 && proto.status < 500, `${proto.status}`);
  });

  it('GET /algorithms lists every feature with its default weight and every config parameter with its default', async () => {
    const r = await call(`${api.url}/algorithms`);
    assert.equal(r.status, 200);
    for (const a of r.body.algorithms as Array<{ name: string; features: Record<string, { coefficient: number }>; docs: { config: Record<string, { type: string; default: number; min: number; max: number; description: string }> } }>) {
      const algorithm = getAlgorithm(a.name);
      assert.deepEqual(Object.keys(a.features), Object.keys(algorithm.features), a.name);
      for (const [feature, spec] of Object.entries(algorithm.features)) assert.equal(a.features[feature].coefficient, spec.weight, `${a.name} ${feature}`);
      assert.deepEqual(Object.keys(a.docs.config), Object.keys(algorithm.config ?? {}));
      for (const [key, v] of Object.entries(a.docs.config)) {
        assert.equal(v.type, 'float');
        assert.ok(v.description.length > 10, key);
        assert.ok(v.default >= v.min && v.default <= v.max, `${key}: ${v.default} in [${v.min}, ${v.max}]`);
      }
    }
    const v1 = r.body.algorithms.find((a: { name: string }) => a.name === 'interdict-v1');
    assert.equal(v1.docs.config.nm_number_mismatch.default, Math.round((1 - getAlgorithm('interdict-v1').names.numberMismatch) * 1e9) / 1e9);
    assert.equal(v1.docs.config.nm_extra_query_name.default, getAlgorithm('interdict-v1').names.extraQuery);
  });

  it('OpenAPI documents weights and config', async () => {
    const spec = await call(`${api.url}/openapi.json`);
    const body = spec.body.paths['/match/{dataset}'].post.requestBody.content['application/json'].schema;
    assert.match(body.properties.weights.description, /GET \/algorithms/);
    assert.match(body.properties.config.description, /GET \/algorithms/);
  });
});

describe('changed_since is part of candidate selection', () => {
  it('/match fills the limit with recently changed parties even when older ones score higher', async () => {
    const all = results(await match({ queries: { q: ZORBAK } }, '?limit=5'));
    assert.equal(all.length, 5);
    assert.ok(all.every((x) => x.id.startsWith('old-') && x.score === 1), 'exact old names rank first');

    const r = await match({ queries: { q: ZORBAK } }, '?limit=5&changed_since=2025-01-01');
    const recent = results(r);
    assert.equal(recent.length, 5, 'the limit is filled');
    assert.ok(recent.every((x) => x.id.startsWith('recent-') && x.last_change >= '2025-01-01'), JSON.stringify(recent.map((x) => x.id)));
    assert.ok(recent.every((x) => x.match));
    // as yente: total counts every candidate that matched, beyond the limit too, and is exact
    assert.deepEqual(r.body.responses.q.total, { value: RECENT_PARTIES, relation: 'eq' });

    const every = results(await match({ queries: { q: ZORBAK } }, `?limit=50&changed_since=2025-01-01`));
    assert.equal(every.length, RECENT_PARTIES);
  });

  it('a time zone in changed_since is converted to UTC', async () => {
    const count = async (since: string) => results(await match({ queries: { q: ZORBAK } }, `?limit=50&changed_since=${encodeURIComponent(since)}`)).length;
    assert.equal(await count('2025-06-01T02:00:00'), 0, 'after the recent changes');
    assert.equal(await count('2025-06-01T02:00:00+03:00'), RECENT_PARTIES, '23:00 UTC the day before');
    assert.equal(await count('2025-05-31 23:00Z'), RECENT_PARTIES);
    assert.equal(await count('2025-06-01T00:00:00-01:00'), 0, '01:00 UTC');
    assert.equal(changedSinceKey('2025-06-01T02:00+0300'), '2025-05-31T23:00:00');
    assert.equal(changedSinceKey('2025-06-01'), '2025-06-01');
    assert.equal(changedSinceKey(undefined), undefined);
  });

  it('/search takes the same path', async () => {
    const r = await call(`${api.url}/search/default?q=zorbak+vellmont&limit=5&changed_since=2025-01-01`);
    assert.equal(r.status, 200);
    assert.equal(r.body.results.length, 5);
    assert.ok(r.body.results.every((e: { id: string }) => e.id.startsWith('recent-')));
    assert.equal(r.body.total.value, RECENT_PARTIES);
    const old = await call(`${api.url}/search/default?q=zorbak+vellmont&limit=5`);
    assert.ok(old.body.results.some((e: { id: string }) => e.id.startsWith('old-')));
  });
});

describe('CORS', () => {
  const ALLOWED = 'https://app.example.com';
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/match/default`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

  it('is off by default: no Access-Control-Allow-Origin, no preflight', async () => {
    const r = await call(`${api.url}/match/default`, { body: { queries: { q: ZORBAK } }, headers: { origin: ALLOWED } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    const pre = await preflight(api.url, ALLOWED);
    assert.equal(pre.status, 404);
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
  });

  describe('with allowed origins and API keys', () => {
    let cors: Api;
    let key: string;
    before(async () => {
      cors = await startApi([], { corsOrigins: [`${ALLOWED}/`, 'http://localhost:5173'], keyCacheMs: 100 });
      const sql = await openSql();
      try {
        key = (await (await KeyStore.open(sql)).create('browser-app', 'analyst')).key;
      } finally {
        await sql.close();
      }
      const deadline = Date.now() + 5000;
      while ((await call(`${cors.url}/catalog`)).status !== 401) {
        if (Date.now() > deadline) throw new Error('keys not picked up');
        await new Promise((res) => setTimeout(res, 50));
      }
    });
    after(async () => {
      await cors?.close();
    });

    it('an allowed origin may read answers, errors included, and the headers it needs', async () => {
      const ok = await call(`${cors.url}/catalog`, { headers: { origin: ALLOWED, authorization: `Bearer ${key}` } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('access-control-allow-origin'), ALLOWED);
      assert.match(ok.headers.get('vary') ?? '', /Origin/i);
      assert.match(ok.headers.get('access-control-expose-headers') ?? '', /x-request-id/);
      const denied = await call(`${cors.url}/catalog`, { headers: { origin: 'http://localhost:5173' } });
      assert.equal(denied.status, 401);
      assert.equal(denied.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    });

    it('answers a preflight before authentication', async () => {
      const pre = await preflight(cors.url, ALLOWED);
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), ALLOWED);
      assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(pre.headers.get('access-control-allow-headers') ?? '', /authorization/);
    });

    it('another origin gets no Access-Control-Allow-Origin', async () => {
      const r = await call(`${cors.url}/catalog`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${key}` } });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('access-control-allow-origin'), null);
      const pre = await preflight(cors.url, 'https://evil.example');
      assert.equal(pre.headers.get('access-control-allow-origin'), null);
      const lookalike = await call(`${cors.url}/catalog`, { headers: { origin: `${ALLOWED}.evil.example`, authorization: `Bearer ${key}` } });
      assert.equal(lookalike.headers.get('access-control-allow-origin'), null);
    });
  });

  it('origins are checked: scheme://host[:port] or *', () => {
    assert.equal(normalizeOrigin('https://App.Example.com/'), 'https://app.example.com');
    assert.equal(normalizeOrigin('http://localhost:5173'), 'http://localhost:5173');
    assert.equal(normalizeOrigin('*'), '*');
    for (const bad of ['app.example.com', 'ftp://app.example.com', 'https://app.example.com/path', 'https://user@app.example.com', '']) {
      assert.throws(() => normalizeOrigin(bad), /invalid CORS origin/, bad);
    }
  });

  it('interdict serve --cors refuses a bad origin with exit code 2', async () => {
    const home = mkdtempSync(join(tmpdir(), 'interdict-cors-cli-'));
    try {
      const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'src', 'cli', 'main.js'), 'serve', '--port', '0', '--cors', 'https://ok.example,app.example.com'], {
        env: { ...process.env, INTERDICT_HOME: home },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 2, stderr);
      assert.match(stderr, /--cors: invalid CORS origin "app\.example\.com"/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
