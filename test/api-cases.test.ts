// The case-work HTTP API (src/api/routes/cases.ts) on the real server, with the work store on SQLite and on
// PostgreSQL: auth, portfolio upload (CSV and JSON lines), monitoring runs in the background, the alert
// queue and detail, decisions (reason required), stats, the audit trail, the report (escaped, printable),
// and the UI shell served beside the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createServer, type Server } from '../src/api/server.js';
import { KeyStore } from '../src/api/keys.js';
import { WEB_ROOT } from '../src/api/routes/web.js';
import { runImport } from '../src/cli/commands/lists.js';
import { openSql } from '../src/store/sql.js';
import { listFile, tempHome } from './helpers.js';

const PG = process.env.INTERDICT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const UN_VERSION = '2026-02-27-66b392a4';

interface Alert {
  id: number;
  record: string;
  entity: string;
  dataset: string;
  score: number;
  status: string;
  decision: string | null;
  decided_by: string | null;
}

async function story(databaseUrl: string, backend: string): Promise<void> {
  process.env.INTERDICT_DATABASE_URL = databaseUrl; // the in-process import records its audit row in the same store
  const sql = await openSql(databaseUrl);
  const key = (await (await KeyStore.open(sql)).create('case-analyst', 'analyst')).key;
  await sql.close();
  let server: Server | undefined;
  try {
    server = await createServer({ port: 0, logger: false, databaseUrl, pollIntervalMs: 600_000 });
    const base = (await server.start()).replace(/\/$/, '');
    const call = async (path: string, init: RequestInit & { auth?: boolean } = {}) => {
      const headers = new Headers(init.headers);
      if (init.auth !== false) headers.set('authorization', `Bearer ${key}`);
      const res = await fetch(`${base}${path}`, { ...init, headers });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
    };
    const post = (path: string, body: unknown) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    // keys exist: the API needs one; the UI shell does not (it holds no data)
    const denied = await call('/v1/alerts', { auth: false });
    assert.equal(denied.status, 401, backend);
    assert.match(denied.json().detail, /API key/);
    const shell = await call('/alerts/12', { auth: false });
    if (existsSync(join(WEB_ROOT, 'index.html'))) {
      assert.equal(shell.status, 200);
      assert.match(shell.text, /<div id="root">/);
      assert.match(shell.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(shell.text)![1];
      const js = await call(asset, { auth: false });
      assert.equal(js.status, 200);
      assert.match(js.headers.get('cache-control') ?? '', /immutable/);
    } else assert.equal(shell.status, 503, 'an unbuilt UI says how to build it');
    assert.equal((await call('/v1/no-such-thing')).status, 404, 'the SPA fallback never swallows API paths');

    // nothing imported yet: a run is refused with the reason
    const early = await call('/v1/monitor/runs', { method: 'POST' });
    assert.equal(early.status, 409);
    assert.match(early.json().detail, /no list imported/);
    await runImport([listFile('un', 'consolidated.xml')], { json: true });

    // portfolio upload: bad files are 422 with the row named; CSV and JSON lines both work
    const noId = await call('/v1/portfolio', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'name\nRi Won Ho\n' });
    assert.equal(noId.status, 422);
    assert.match(noId.json().detail, /row 1 has no id/);
    const csv = await call('/v1/portfolio?filename=customers.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'id,name,date_of_birth,nationality,schema\nC1,Ri Won Ho,1964-07-17,KP,Person\nC2,Korea Mining Development Trading Corporation,,,Company\n',
    });
    assert.equal(csv.status, 200, csv.text);
    assert.deepEqual(csv.json(), { added: 2, updated: 0, unchanged: 0, total: 2 });
    const jsonl = await call('/v1/portfolio', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: '{"id":"C3","name":"<script>alert(1)</script> Maria Schneider","nationality":"DE"}\n{"id":"C1","name":"Ri Won Ho","date_of_birth":"1964-07-17","nationality":"KP","schema":"Person"}\n',
    });
    assert.deepEqual(jsonl.json(), { added: 1, updated: 0, unchanged: 1, total: 3 });
    assert.equal((await call('/v1/portfolio?q=schneider')).json().total, 1);

    // a background run: the id at once, progress until finished
    const started = await call('/v1/monitor/runs', { method: 'POST' });
    assert.equal(started.status, 202, started.text);
    const runId = started.json().id as number;
    let run = started.json();
    for (let i = 0; i < 300 && run.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await call(`/v1/monitor/runs/${runId}`)).json();
    }
    assert.equal(run.status, 'finished', JSON.stringify(run));
    assert.equal(run.records_done, 3);
    assert.equal(run.actor, 'case-analyst');
    assert.deepEqual(run.list_versions, { un_sc_sanctions: UN_VERSION });
    assert.equal((await call('/v1/monitor/runs')).json().results[0].id, runId);

    // the queue, sorted by risk, and its filters
    const queue = (await call('/v1/alerts')).json().results as Alert[];
    const ri = queue.find((a) => a.record === 'C1' && a.entity === 'un-KPi.033');
    assert.ok(ri, JSON.stringify(queue));
    assert.ok(queue.some((a) => a.record === 'C2' && a.entity === 'un-KPe.001'));
    assert.ok(!queue.some((a) => a.record === 'C3'));
    assert.deepEqual(queue.map((a) => a.score), [...queue.map((a) => a.score)].sort((x, y) => y - x));
    assert.equal((await call('/v1/alerts?dataset=us_ofac_sdn')).json().results.length, 0);
    assert.equal((await call('/v1/alerts?min_score=1.5')).status, 422);

    // the detail: record beside the listed party as listed, with its Sanction
    const detail = (await call(`/v1/alerts/${ri.id}`)).json();
    assert.equal(detail.record.fields.date_of_birth, '1964-07-17');
    assert.equal(detail.listed.version.version, UN_VERSION);
    assert.equal(detail.listed.version.published, '2026-02-27');
    assert.deepEqual(detail.listed.entity.groups.identifiers, [{ prop: 'passportNumber', label: 'Passport number', values: ['381310014'] }]);
    assert.ok(detail.listed.related.some((r: { schema: string }) => r.schema === 'Sanction'));
    assert.ok(detail.alert.explanations.length > 0);
    assert.equal((await call('/v1/alerts/99999')).status, 404);

    // decisions: a reason is required; the actor is the key's name
    const missing = await post(`/v1/alerts/${ri.id}/decision`, { decision: 'false_positive' });
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.json().detail[0].loc, ['body', 'reason']);
    const blank = await post(`/v1/alerts/${ri.id}/decision`, { decision: 'false_positive', reason: '   ' });
    assert.equal(blank.status, 422);
    assert.match(blank.json().detail, /reason is required/);
    assert.equal((await post(`/v1/alerts/${ri.id}/decision`, { decision: 'maybe', reason: 'x' })).status, 422);
    assert.equal((await post('/v1/alerts/99999/decision', { decision: 'escalate', reason: 'x' })).status, 404);
    const decided = await post(`/v1/alerts/${ri.id}/decision`, { decision: 'false_positive', reason: 'DOB matches but passport differs' });
    assert.equal(decided.status, 200, decided.text);
    assert.equal(decided.json().status, 'decided');
    assert.equal(decided.json().decided_by, 'case-analyst');
    assert.deepEqual((await call('/v1/alerts?status=decided')).json().results.map((a: Alert) => a.id), [ri.id]);

    // stats and the audit trail
    const stats = (await call('/v1/stats')).json();
    assert.deepEqual(stats.decisions.find((d: { decision: string }) => d.decision === 'false_positive'), { decision: 'false_positive', n: 1 });
    assert.equal(stats.portfolio, 3);
    assert.equal(stats.alerts_per_day.reduce((n: number, d: { alerts: number }) => n + d.alerts, 0), queue.length);
    const audit = (await call('/v1/audit?limit=5')).json().results as Array<{ action: string; actor: string; details: Record<string, unknown>; list_versions: Record<string, string> }>;
    assert.equal(audit[0].action, 'alert.decide');
    assert.equal(audit[0].actor, 'case-analyst');
    assert.equal(audit[0].details.reason, 'DOB matches but passport differs');
    assert.deepEqual(audit[0].list_versions, { un_sc_sanctions: UN_VERSION });
    assert.ok(audit.some((e) => e.action === 'monitor.run'));
    assert.deepEqual((await call('/v1/audit/verify')).json().ok, true);

    // the report: printable HTML, every value escaped, no script allowed
    const report = await call('/v1/reports/C1');
    assert.equal(report.status, 200);
    assert.match(report.headers.get('content-type') ?? '', /text\/html/);
    assert.match(report.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(report.text, /@page/);
    assert.match(report.text, new RegExp(UN_VERSION));
    assert.match(report.text, /DOB matches but passport differs/);
    assert.match(report.text, /hash chain intact/);
    const hostile = await call('/v1/reports/C3');
    assert.ok(!hostile.text.includes('<script>'), 'record values are escaped');
    assert.match(hostile.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.equal((await call('/v1/reports/NOPE')).status, 404);
  } finally {
    await server?.close();
  }
}

test('case-work API on the embedded SQLite store', async () => {
  const home = tempHome();
  try {
    await story('', 'sqlite');
  } finally {
    home.cleanup();
  }
});

test('case-work API with the work store on PostgreSQL', async () => {
  const home = tempHome();
  const schema = `interdict_api_cases_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    await story(`${PG}?options=${encodeURIComponent(`-c search_path=${schema}`)}`, 'postgres');
    const { rows } = await admin.query(`SELECT COUNT(*)::int AS n FROM ${schema}.alerts WHERE decision = 'false_positive'`);
    assert.equal(rows[0].n, 1, 'the decision lives in PostgreSQL');
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    home.cleanup();
  }
});
