// The audit trail is a hash chain on both SQLite and PostgreSQL: verify passes, and names the first
// altered, missing or truncated row when someone edits the table directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AuditLog } from '../src/audit/log.js';
import { withBackends } from './helpers.js';

test('audit chain: append, verify, detect an edited, a deleted and a removed-newest row', async () => {
  await withBackends(async (sql, backend) => {
    const log = await AuditLog.open(sql);
    for (let i = 1; i <= 6; i++) {
      await log.append({ action: 'alert.decide', subject: `alert-${i}`, details: { decision: 'false_positive', reason: `row ${i}` }, list_versions: { un_sc_sanctions: '2026-02-27-66b392a4' } });
    }
    assert.deepEqual(await log.verify(), { ok: true, rows: 6 }, backend);
    const all = [];
    for await (const e of log.entries()) all.push(e);
    assert.equal(all.length, 6);
    assert.equal(all[1].prev_hash, all[0].hash);
    assert.equal(all[0].actor.startsWith('os:'), true);

    await sql.run(`UPDATE audit_log SET details = ? WHERE seq = 3`, [JSON.stringify({ decision: 'true_match', reason: 'row 3' })]);
    const edited = await log.verify();
    assert.equal(edited.ok, false);
    assert.equal(!edited.ok && edited.seq, 3, backend);
    assert.match(!edited.ok ? edited.problem : '', /row 3 was altered/);
    await sql.run(`UPDATE audit_log SET details = ? WHERE seq = 3`, [JSON.stringify(all[2].details)]);
    assert.equal((await log.verify()).ok, true, 'restoring the row restores the chain');

    await sql.run('DELETE FROM audit_log WHERE seq = 4');
    const gap = await log.verify();
    assert.equal(!gap.ok && gap.seq, 4);
    assert.match(!gap.ok ? gap.problem : '', /row 4 is missing/);
  });
});

test('audit chain: removing the newest rows is detected too', async () => {
  await withBackends(async (sql) => {
    const log = await AuditLog.open(sql);
    for (let i = 0; i < 3; i++) await log.append({ action: 'import', subject: `v${i}` });
    await sql.run('DELETE FROM audit_log WHERE seq = 3');
    const r = await log.verify();
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.problem : '', /newest rows were removed/);
  });
});

test('audit chain: concurrent appends never fork the chain', async () => {
  await withBackends(async (sql) => {
    const log = await AuditLog.open(sql);
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append({ action: 'screen', subject: `q${i}` })));
    assert.deepEqual(await log.verify(), { ok: true, rows: 20 });
  });
});
