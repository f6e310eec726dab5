// The whole case-work story through the CLI, on the embedded store and on PostgreSQL: portfolio added,
// UN list imported, run → alerts; one decided false positive; OFAC imported → only the new hits alert and
// the decided one stays quiet; one audit row edited in the database → `audit verify` fails, naming it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { listFile, tempHome } from './helpers.js';

const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
const PG = process.env.INTERDICT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

function cli(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
}

async function story(env: NodeJS.ProcessEnv, editAuditRow: (seq: number) => Promise<void>) {
  const portfolio = join(env.INTERDICT_HOME!, 'customers.csv');
  writeFileSync(
    portfolio,
    ['id,name,date_of_birth,nationality,schema', 'C1,Ri Won Ho,1964-07-17,KP,Person', 'C2,Korea Mining Development Trading Corporation,,,Company', 'C3,Maria Schneider,1980-02-03,DE,Person'].join('\n') + '\n',
  );
  assert.equal(cli(env, 'monitor', 'add', '--file', portfolio).code, 0);
  assert.equal(cli(env, 'import', listFile('un', 'consolidated.xml')).code, 0);
  const run1 = cli(env, 'monitor', 'run', '--json');
  assert.equal(run1.code, 0, run1.err);
  const alerts1 = cli(env, 'alerts', '--status', 'open', '--json').json() as Array<{ id: number; record: string; entity: string; dataset: string; list_version: string }>;
  assert.ok(alerts1.some((a) => a.record === 'C1' && a.entity === 'un-KPi.033'), JSON.stringify(alerts1));
  assert.ok(alerts1.some((a) => a.record === 'C2' && a.entity === 'un-KPe.001'));
  assert.ok(!alerts1.some((a) => a.record === 'C3'), 'no alert for an unlisted person');
  assert.deepEqual(Object.keys(alerts1[0]).sort(), ['created', 'dataset', 'entity', 'id', 'list_version', 'record', 'score', 'status']);
  assert.equal(alerts1[0].list_version, '2026-02-27-66b392a4');

  const fp = alerts1.find((a) => a.entity === 'un-KPi.033')!;
  assert.notEqual(cli(env, 'alerts', 'decide', String(fp.id), '--decision', 'false_positive', '--reason', '').code, 0, 'a reason is required');
  assert.equal(cli(env, 'alerts', 'decide', String(fp.id), '--decision', 'false_positive', '--reason', 'customer born in Kaesong, passport differs').code, 0);

  assert.equal(cli(env, 'import', listFile('ofac', 'cons-xml-2026-01-08', 'consolidated.xml')).code, 0);
  assert.equal(cli(env, 'import', listFile('ofac', 'sdn-csv-2023-12-28')).code, 0);
  const run2 = cli(env, 'monitor', 'run', '--json').json() as { created: Array<{ record: string; entity: string }> };
  assert.ok(run2.created.length > 0, 'OFAC brings new hits');
  assert.ok(run2.created.every((a) => a.entity.startsWith('ofac-')), `only new OFAC hits alert: ${JSON.stringify(run2.created)}`);
  assert.ok(run2.created.some((a) => a.record === 'C1'), 'Ri Won Ho is on the SDN list too');
  const decided = cli(env, 'alerts', '--status', 'decided', '--json').json() as Array<{ id: number }>;
  assert.deepEqual(decided.map((a) => a.id), [fp.id], 'the decided false positive stays quiet');

  const ok = cli(env, 'audit', 'verify');
  assert.equal(ok.code, 0, ok.err);
  const exported = cli(env, 'audit', 'export').out.trim().split('\n').map((l) => JSON.parse(l) as { seq: number; action: string });
  assert.ok(exported.some((e) => e.action === 'alert.decide'));
  assert.ok(exported.some((e) => e.action === 'list.import'));
  assert.ok(exported.some((e) => e.action === 'monitor.run'));
  const decideRow = exported.find((e) => e.action === 'alert.decide')!;
  await editAuditRow(decideRow.seq);
  const broken = cli(env, 'audit', 'verify');
  assert.notEqual(broken.code, 0);
  assert.match(broken.err, new RegExp(`row ${decideRow.seq}`));
}

test('case-work story on the embedded SQLite store', async () => {
  const home = tempHome();
  try {
    const env = { ...process.env, INTERDICT_HOME: home.dir, INTERDICT_DATABASE_URL: '' };
    await story(env, async (seq) => {
      const db = new Database(join(home.dir, 'interdict.db'));
      db.prepare(`UPDATE audit_log SET details = replace(details, 'false_positive', 'true_match') WHERE seq = ?`).run(seq);
      db.close();
    });
  } finally {
    home.cleanup();
  }
});

test('case-work story with the work store on PostgreSQL', async () => {
  const home = tempHome();
  const schema = `interdict_story_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const url = `${PG}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const env = { ...process.env, INTERDICT_HOME: home.dir, INTERDICT_DATABASE_URL: url };
    await story(env, async (seq) => {
      await admin.query(`UPDATE ${schema}.audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = $1`, [seq]);
    });
    const { rows } = await admin.query(`SELECT COUNT(*)::int AS n FROM ${schema}.alerts`);
    assert.ok(rows[0].n > 2, 'alerts live in PostgreSQL');
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    home.cleanup();
  }
});
