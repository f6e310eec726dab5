// kill -9 during an import leaves no half version behind; a bad file through the CLI exits non-zero.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { openDb } from '../src/store/db.js';
import { ListStore } from '../src/store/lists.js';
import { listFile, tempHome } from './helpers.js';

const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');

test('kill -9 in the middle of an import leaves the store without a half version', async () => {
  const home = tempHome();
  try {
    const env = { ...process.env, INTERDICT_HOME: home.dir };
    const child = spawn(process.execPath, [CLI, 'import', listFile('us-csl', 'consolidated-csv-2022-05-16', 'consolidated.csv')], { env, stdio: 'ignore' });
    const exited = once(child, 'exit');
    let running = true;
    void exited.then(() => (running = false));
    const wal = join(home.dir, 'interdict.db-wal');
    // wait until rows are being written, then kill without warning
    const deadline = Date.now() + 20_000;
    while (running && Date.now() < deadline && !(existsSync(wal) && statSync(wal).size > 2_000_000)) await new Promise((r) => setTimeout(r, 20));
    assert.ok(running, 'the import was still running when killed');
    child.kill('SIGKILL');
    await exited;
    const store = new ListStore(openDb());
    assert.equal(store.versions().length, 0, 'no version recorded');
    assert.equal((store.db.prepare('SELECT COUNT(*) AS n FROM entities').get() as { n: number }).n, 0, 'no entity rows left');
    assert.equal(store.db.pragma('integrity_check', { simple: true }), 'ok');
  } finally {
    home.cleanup();
  }
});

test('the CLI names the bad file, exits non-zero, and --json lists report the untouched version', () => {
  const home = tempHome();
  try {
    const env = { ...process.env, INTERDICT_HOME: home.dir };
    const ok = spawnSync(process.execPath, [CLI, 'import', '--json', listFile('un', 'consolidated.xml')], { env, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    const garbage = join(home.dir, 'consolidated.xml');
    writeFileSync(garbage, '<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-03-01"><INDIVIDUALS><INDIVIDUAL><DATAID>1');
    const bad = spawnSync(process.execPath, [CLI, 'import', garbage], { env, encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /consolidated\.xml/);
    assert.doesNotMatch(bad.stderr, /at .*\.js:\d+/, 'no stack trace');
    const lists = JSON.parse(spawnSync(process.execPath, [CLI, 'lists', '--json'], { env, encoding: 'utf8' }).stdout);
    assert.deepEqual(
      lists.map((l: { dataset: string; entities: number; active: boolean }) => [l.dataset, l.entities, l.active]),
      [['un_sc_sanctions', 1003, true]],
    );
    assert.deepEqual(Object.keys(lists[0]).sort(), ['active', 'dataset', 'entities', 'published', 'sha256', 'version']);
  } finally {
    home.cleanup();
  }
});
