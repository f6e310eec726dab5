// Access control over real HTTP: open on loopback without keys, 401 without or with a bad key once keys
// exist, 403 for a role that may not call a route, probes always open, revocation, refusal to run open on
// a public address, per-key rate limits, and the audit trail naming the key and the list versions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, startApi, type Api } from './api-helpers.js';
import { redactUrl } from '../src/api/auth.js';
import { KeyStore } from '../src/api/keys.js';
import { AuditLog, type AuditEntry } from '../src/audit/log.js';
import { createServer } from '../src/api/server.js';
import { openSql, type Sql } from '../src/store/sql.js';
import { tempHome } from './helpers.js';

const PERSON = { queries: { q: { schema: 'Person', properties: { name: ['Ri Won Ho'] } } } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Poll until `check` passes (the server re-reads keys every poll interval). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(50);
  }
}

describe('API keys and roles', () => {
  let api: Api;
  let sql: Sql;
  let keys: KeyStore;
  const secrets: Record<string, string> = {};

  before(async () => {
    api = await startApi(undefined, { keyCacheMs: 200 });
    sql = await openSql();
    keys = await KeyStore.open(sql);
  });
  after(async () => {
    await sql?.close();
    await api?.close();
  });

  it('runs open on loopback while no key exists', async () => {
    assert.equal((await call(`${api.url}/match/default`, { body: PERSON })).status, 200);
    assert.equal((await call(`${api.url}/v1/refresh`, { method: 'POST' })).status, 200);
  });

  it('once a key exists: 401 without a key or with a wrong one, 200 with a valid one', async () => {
    secrets.analyst = (await keys.create('analyst-1', 'analyst')).key;
    secrets.admin = (await keys.create('admin-1', 'admin')).key;
    await eventually(async () => (await call(`${api.url}/catalog`)).status === 401, 'keys to be required');
    const anonymous = await call(`${api.url}/match/default`, { body: PERSON });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');
    assert.match(anonymous.body.detail, /Missing API key/);
    const wrong = await call(`${api.url}/match/default`, { body: PERSON, headers: bearer('idk_not-a-real-key') });
    assert.equal(wrong.status, 401);
    assert.match(wrong.body.detail, /Invalid or revoked/);
    const ok = await call(`${api.url}/match/default`, { body: PERSON, headers: bearer(secrets.analyst) });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.responses.q.results[0].id, 'un-KPi.033');
    // OpenSanctions clients send "ApiKey <key>": accepted too
    assert.equal((await call(`${api.url}/catalog`, { headers: { authorization: `ApiKey ${secrets.analyst}` } })).status, 200);
  });

  it('every route but the probes needs a key', async () => {
    for (const path of ['/catalog', '/algorithms', '/metrics', '/openapi.json', '/search/default?q=x', '/entities/un-KPi.033', '/v1/lists']) {
      assert.equal((await call(`${api.url}${path}`)).status, 401, path);
      assert.equal((await call(`${api.url}${path}`, { headers: bearer(secrets.analyst) })).status, 200, path);
    }
    assert.equal((await call(`${api.url}/healthz`)).status, 200);
    assert.equal((await call(`${api.url}/readyz`)).status, 200);
  });

  it("OpenRefine's reconciliation routes take the key as ?api_key= (passed on by the manifest); no other route does", async () => {
    const q = `api_key=${encodeURIComponent(secrets.analyst)}`;
    const manifest = await call(`${api.url}/reconcile/default?${q}`);
    assert.equal(manifest.status, 200, JSON.stringify(manifest.body));
    assert.equal(manifest.body.suggest.entity.service_path, `/suggest/entity?${q}`);
    assert.ok(manifest.body.preview.url.endsWith(`/preview?id={{id}}&${q}`));
    const queries = new URLSearchParams({ queries: JSON.stringify({ a: { query: 'Ri Won Ho', type: 'Person' } }) }).toString();
    const answered = await call(`${api.url}/reconcile/default?${q}`, { raw: queries, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(answered.status, 200);
    assert.equal(answered.body.a.result[0].id, 'un-KPi.033');
    assert.equal((await call(`${api.url}/reconcile/default/suggest/entity?prefix=ri&${q}`)).status, 200);
    assert.equal((await call(`${api.url}/reconcile/default?api_key=idk_not-a-real-key`)).status, 401);
    assert.equal((await call(`${api.url}/reconcile/default`)).status, 401);
    assert.equal((await call(`${api.url}/match/default?${q}`, { body: PERSON })).status, 401, 'only reconciliation takes a key in the URL');
    assert.equal((await call(`${api.url}/catalog?${q}`)).status, 401);
    // a key in the query string is not written to logs
    assert.equal(redactUrl(`/reconcile/default/suggest/entity?prefix=ri&${q}&limit=3`), '/reconcile/default/suggest/entity?prefix=ri&api_key=[redacted]&limit=3');
    assert.equal(redactUrl(`/reconcile/default?${q}`), '/reconcile/default?api_key=[redacted]');
  });

  it('403 when the role may not call the route; 200 for admin', async () => {
    const analyst = await call(`${api.url}/v1/refresh`, { method: 'POST', headers: bearer(secrets.analyst) });
    assert.equal(analyst.status, 403);
    assert.match(analyst.body.detail, /admin role/);
    const admin = await call(`${api.url}/v1/refresh`, { method: 'POST', headers: bearer(secrets.admin) });
    assert.equal(admin.status, 200);
    assert.equal(admin.body.changed, false);
    // yente's /updatez: the admin key stands in for its update token
    assert.equal((await call(`${api.url}/updatez?token=anything`, { method: 'POST', headers: bearer(secrets.analyst) })).status, 403);
    assert.equal((await call(`${api.url}/updatez?token=anything`, { method: 'POST' })).status, 401);
    assert.deepEqual((await call(`${api.url}/updatez?sync=true`, { method: 'POST', headers: bearer(secrets.admin) })).body, { status: 'ok' });
  });

  it('records screening requests in the audit trail with the key name and list versions', async () => {
    await call(`${api.url}/v1/screen`, { body: { name: 'Ri Won Ho' }, headers: bearer(secrets.analyst) });
    const audit = await AuditLog.open(sql);
    let entries: AuditEntry[] = [];
    await eventually(async () => {
      entries = (await audit.recent(50)).filter((e) => e.action.startsWith('api.'));
      return entries.some((e) => e.action === 'api.screen');
    }, 'audit rows to be written');
    const matchRow = entries.find((e) => e.action === 'api.match' && e.actor === 'api:analyst-1')!;
    assert.ok(matchRow, 'the /match call by analyst-1 is recorded');
    assert.equal(matchRow.subject, 'default');
    assert.match(matchRow.list_versions.un_sc_sanctions, /^2026-02-27-[0-9a-f]{8}$/);
    const queries = matchRow.details.queries as Array<{ key: string; properties: Record<string, string[]>; top: Array<{ id: string }> }>;
    assert.deepEqual(queries[0].properties.name, ['Ri Won Ho']);
    assert.equal(queries[0].top[0].id, 'un-KPi.033');
    assert.ok(entries.some((e) => e.actor === 'api:anonymous'), 'requests made while open are recorded as anonymous');
    assert.deepEqual(await audit.verify(), { ok: true, rows: (await audit.recent(100000)).length });
  });

  it('a revoked key stops working within the cache time', async () => {
    assert.ok(await keys.revoke('analyst-1'));
    await eventually(async () => (await call(`${api.url}/catalog`, { headers: bearer(secrets.analyst) })).status === 401, 'revocation to apply', 3000);
    assert.equal((await call(`${api.url}/catalog`, { headers: bearer(secrets.admin) })).status, 200);
  });

  it('with every key revoked, loopback runs open again', async () => {
    await keys.revoke('admin-1');
    await eventually(async () => (await call(`${api.url}/catalog`)).status === 200, 'open mode');
  });
});

describe('public addresses', () => {
  it('refuses to run open on a non-loopback address unless --insecure-open', async () => {
    const home = tempHome();
    try {
      await assert.rejects(createServer({ host: '0.0.0.0', port: 0, logger: false }), /refusing to serve 0\.0\.0\.0 without API keys/);
      const open = await createServer({ host: '0.0.0.0', port: 0, logger: false, insecureOpen: true });
      await open.close();
      const sql = await openSql();
      await (await KeyStore.open(sql)).create('ops', 'analyst');
      await sql.close();
      const keyed = await createServer({ host: '0.0.0.0', port: 0, logger: false });
      await keyed.close();
    } finally {
      home.cleanup();
    }
  });
});

describe('rate limits', () => {
  let api: Api;
  const secrets: Record<string, string> = {};
  before(async () => {
    api = await startApi(undefined, { rateLimit: 5 });
    const sql = await openSql();
    const keys = await KeyStore.open(sql);
    secrets.a = (await keys.create('team-a', 'analyst')).key;
    secrets.b = (await keys.create('team-b', 'analyst')).key;
    await sql.close();
    await eventually(async () => (await call(`${api.url}/catalog`)).status === 401, 'keys to be required');
  });
  after(async () => {
    await api?.close();
  });

  it('limits each key on its own, with a 429 saying when to retry; probes are never limited', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await call(`${api.url}/algorithms`, { headers: bearer(secrets.a) })).status, 200);
    const limited = await call(`${api.url}/algorithms`, { headers: bearer(secrets.a) });
    assert.equal(limited.status, 429);
    assert.match(limited.body.detail, /Rate limit exceeded: 5 requests per minute/);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal((await call(`${api.url}/algorithms`, { headers: bearer(secrets.b) })).status, 200, 'another key has its own budget');
    for (let i = 0; i < 10; i++) assert.equal((await call(`${api.url}/healthz`)).status, 200);
  });
});

describe('PostgreSQL work store', () => {
  it('authenticates against keys in PostgreSQL and writes the audit trail there', async () => {
    const base = process.env.INTERDICT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `interdict_api_test_${process.pid}_${Date.now()}`;
    const admin = await openSql(base);
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const url = `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    let api: Api | undefined;
    try {
      const sql = await openSql(url);
      const { key } = await (await KeyStore.open(sql)).create('pg-analyst', 'analyst');
      api = await startApi(undefined, { databaseUrl: url });
      assert.equal((await call(`${api.url}/match/default`, { body: PERSON })).status, 401);
      assert.equal((await call(`${api.url}/match/default`, { body: PERSON, headers: bearer(key) })).status, 200);
      const audit = await AuditLog.open(sql);
      await eventually(async () => (await audit.recent(10)).some((e) => e.action === 'api.match' && e.actor === 'api:pg-analyst'), 'the audit row in PostgreSQL');
      await sql.close();
    } finally {
      await api?.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  });
});
