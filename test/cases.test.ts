// Portfolios and alerts on both SQLite and PostgreSQL: re-adding updates, alerts only for new or changed
// hits, a decided false positive stays quiet until the record or the listed entity changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { contentHash, type Entity } from '../src/model/entity.js';
import { Portfolio, readPortfolioFile, recordHash } from '../src/cases/portfolio.js';
import { Alerts } from '../src/cases/alerts.js';
import { AuditLog } from '../src/audit/log.js';
import { unXml } from '../src/sources/formats/un-xml.js';
import { listFile, readAll, withBackends } from './helpers.js';

async function unEntity(id: string): Promise<Entity> {
  const { entities } = await readAll(unXml, [listFile('un', 'consolidated.xml')]);
  return entities.find((e) => e.id === id)!;
}

test('portfolio files: CSV and JSON lines, ids required, names required', async () => {
  const dir = tmpdir();
  const csv = join(dir, `portfolio-${process.pid}.csv`);
  writeFileSync(csv, 'id,name,date_of_birth,nationality\nC1,Ri Won Ho,1964-07-17,KP\nC2,Acme Trading Ltd,,\n');
  const rows = await readPortfolioFile(csv);
  assert.deepEqual(rows[0], { id: 'C1', name: 'Ri Won Ho', date_of_birth: '1964-07-17', nationality: 'KP' });
  const jsonl = join(dir, `portfolio-${process.pid}.jsonl`);
  writeFileSync(jsonl, '{"id":"C3","name":"Kim Jong Un"}\n\n{"id":"C4","first_name":"Ivan","last_name":"Petrov"}\n');
  assert.equal((await readPortfolioFile(jsonl)).length, 2);
  writeFileSync(csv, 'name\nNo Id Person\n');
  await assert.rejects(readPortfolioFile(csv), /row 1 has no id/);
  writeFileSync(csv, 'id,name\nC9,\n');
  await assert.rejects(readPortfolioFile(csv), /row 1 \(id C9\) has no name/);
});

test('alerts: new hit alerts once; a decided false positive stays quiet until record or entity changes', async () => {
  const ri = await unEntity('un-KPi.033');
  await withBackends(async (sql, backend) => {
    const portfolio = await Portfolio.open(sql);
    const alerts = await Alerts.open(sql);
    assert.deepEqual(await portfolio.upsert([{ id: 'C1', name: 'Ri Won Ho', date_of_birth: '1964-07-17' }]), { added: 1, updated: 0, unchanged: 0 });
    const record = (await portfolio.get('C1'))!;
    const hit = (entity: Entity, recordHashValue: string, runId: number) => ({
      record: 'C1', entity: entity.id, dataset: 'un_sc_sanctions', score: 0.93, run_id: runId, list_version: '2026-02-27-66b392a4',
      record_hash: recordHashValue, entity_hash: contentHash(entity), caption: 'RI WON HO', schema: 'Person', explanations: [{ feature: 'name', detail: 'exact' }],
    });
    const first = await alerts.raise(hit(ri, record.hash, 1));
    assert.ok(first, `${backend}: first sighting alerts`);
    assert.equal(await alerts.raise(hit(ri, record.hash, 2)), undefined, 'same content, no new alert');
    await assert.rejects(alerts.decide(first.id, 'false_positive', '  ', 'analyst-1'), /reason is required/);
    const decided = await alerts.decide(first.id, 'false_positive', 'different person: DOB and nationality differ', 'analyst-1');
    assert.equal(decided.status, 'decided');
    assert.equal(await alerts.raise(hit(ri, record.hash, 3)), undefined, 'good-guy memory: still quiet');

    // the listed entity changes (a new passport number): alert again
    const changed: Entity = { ...ri, properties: { ...ri.properties, passportNumber: ['381310014', '108210124'] } };
    const again = await alerts.raise(hit(changed, record.hash, 4));
    assert.ok(again, 'entity change re-alerts');
    assert.equal(again.status, 'open');
    // the record changes: alert again, the older open alert is superseded
    await portfolio.upsert([{ id: 'C1', name: 'Ri Won Ho', date_of_birth: '1964-07-18' }]);
    const newHash = (await portfolio.get('C1'))!.hash;
    assert.notEqual(newHash, record.hash);
    const third = await alerts.raise(hit(changed, newHash, 5));
    assert.ok(third);
    assert.equal((await alerts.get(again.id))!.status, 'superseded');
    assert.deepEqual((await alerts.list({ status: 'open' })).map((a) => a.id), [third.id]);
    assert.equal((await alerts.list()).length, 2, 'superseded alerts leave the queue');
    const stats = await alerts.stats();
    assert.deepEqual(stats.decisions, [{ decision: 'false_positive', n: 1 }, { decision: 'undecided', n: 1 }]);
    const log = await AuditLog.open(sql);
    const actions: string[] = [];
    for await (const e of log.entries()) actions.push(e.action);
    assert.deepEqual(actions, ['alert.create', 'alert.decide', 'alert.create', 'alert.create']);
    assert.equal((await log.verify()).ok, true);
  });
});

test('portfolio: re-adding updates changed records only', async () => {
  await withBackends(async (sql) => {
    const p = await Portfolio.open(sql);
    await p.upsert([{ id: 'A', name: 'Alpha' }, { id: 'B', name: 'Beta' }]);
    assert.deepEqual(await p.upsert([{ id: 'A', name: 'Alpha' }, { id: 'B', name: 'Beta Two' }, { id: 'C', name: 'Gamma' }]), { added: 1, updated: 1, unchanged: 1 });
    assert.equal(await p.count(), 3);
    assert.equal((await p.get('B'))!.hash, recordHash({ id: 'B', name: 'Beta Two' }));
    await assert.rejects(p.upsert([{ id: 'D', name: 'x' }, { id: 'D', name: 'y' }]), /duplicate record id D/);
  });
});
