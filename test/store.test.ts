// The list store: versions, active selection, idempotent re-import, all-or-nothing imports, diffs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLists } from '../src/sources/detect.js';
import { openDb } from '../src/store/db.js';
import { ListStore } from '../src/store/lists.js';
import { importList } from '../src/store/import.js';
import { diffVersions } from '../src/store/diff.js';
import { listFile, tempHome } from './helpers.js';

async function importPath(store: ListStore, path: string, published?: string) {
  const { lists } = await detectLists([path]);
  assert.equal(lists.length, 1, `one list in ${path}`);
  return importList(store, lists[0], { published });
}

test('UN import creates an active version with the file date, sha256 and counts; re-import is a no-op', async () => {
  const home = tempHome();
  try {
    const store = new ListStore(openDb());
    const first = await importPath(store, listFile('un', 'consolidated.xml'));
    assert.equal(first.status, 'imported');
    assert.equal(first.version.dataset, 'un_sc_sanctions');
    assert.equal(first.version.published?.slice(0, 10), '2026-02-27');
    assert.equal(first.version.published_source, 'file');
    assert.equal(first.version.sha256, '66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf');
    assert.equal(first.version.targets, 1003);
    assert.equal(first.version.active, true);
    const again = await importPath(store, listFile('un', 'consolidated.xml'));
    assert.equal(again.status, 'unchanged');
    assert.equal(store.versions('un_sc_sanctions').length, 1);
    const kim = store.activeEntity('un-KPi.033');
    assert.ok(kim, 'un-KPi.033 is in the active version');
    assert.ok(kim.first_seen && kim.last_seen);
  } finally {
    home.cleanup();
  }
});

test('a truncated or garbage file fails, names the file, and leaves the active version untouched', async () => {
  const home = tempHome();
  try {
    const store = new ListStore(openDb());
    await importPath(store, listFile('un', 'consolidated.xml'));
    const before = store.activeVersions();
    const bad = join(home.dir, 'bad');
    mkdirSync(bad);
    const xml = readFileSync(listFile('un', 'consolidated.xml'));
    const truncated = join(bad, 'consolidated.xml');
    writeFileSync(truncated, xml.subarray(0, Math.floor(xml.length / 2)));
    await assert.rejects(importPath(store, truncated), (err: Error) => {
      assert.match(err.message, /consolidated\.xml/);
      return true;
    });
    assert.deepEqual(store.activeVersions(), before);
    assert.equal(store.versions('un_sc_sanctions').length, 1);
    const rows = store.db.prepare('SELECT COUNT(*) AS n FROM entities').get() as { n: number };
    assert.ok(rows.n > 0);
    const versionIds = store.db.prepare('SELECT DISTINCT version_id FROM entities').all();
    assert.equal(versionIds.length, 1, 'no rows of the failed import remain');
  } finally {
    home.cleanup();
  }
});

test('OFAC SDN 2021-07-07 → 2023-12-28: the newer publication is active and the diff reports real additions', async () => {
  const home = tempHome();
  try {
    const store = new ListStore(openDb());
    const dir = join(home.dir, 'lists');
    // copy into dated folders the way a user keeps downloads: the CSVs carry no date, the folder name does
    for (const d of ['sdn-csv-2021-07-07', 'sdn-csv-2023-12-28']) {
      mkdirSync(join(dir, d), { recursive: true });
      for (const f of ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv']) {
        try {
          copyFileSync(listFile('ofac', d, f), join(dir, d, f));
        } catch {
          /* the 2023 set has no sdn_comments.csv */
        }
      }
    }
    const newer = await importPath(store, join(dir, 'sdn-csv-2023-12-28'));
    const older = await importPath(store, join(dir, 'sdn-csv-2021-07-07'));
    assert.equal(newer.version.published, '2023-12-28');
    assert.equal(newer.version.published_source, 'path');
    assert.equal(older.version.published, '2021-07-07');
    const versions = store.versions('us_ofac_sdn');
    assert.equal(versions.find((v) => v.active)?.published, '2023-12-28', 'importing an older file does not make it active');
    const diff = diffVersions(store, versions[1], versions[0]);
    // every entry of 2023 that was not in 2021 is an addition; counts follow from the two files
    assert.ok(diff.added.length > 4000, `added ${diff.added.length}`);
    assert.equal(13821 - diff.added.length, 8976 - diff.removed.length, 'added/removed are consistent with both counts');
    assert.ok(diff.changed.length > 0);
    assert.ok(diff.added.every((a) => a.id.startsWith('ofac-')));
  } finally {
    home.cleanup();
  }
});

test('a list that names the same party twice is refused, naming the id', async () => {
  const home = tempHome();
  try {
    const store = new ListStore(openDb());
    const xml = readFileSync(listFile('un', 'consolidated.xml'), 'utf8');
    const first = xml.indexOf('<INDIVIDUAL>');
    const end = xml.indexOf('</INDIVIDUAL>', first) + '</INDIVIDUAL>'.length;
    const doubled = xml.slice(0, end) + xml.slice(first, end) + xml.slice(end);
    const file = join(home.dir, 'consolidated.xml');
    writeFileSync(file, doubled);
    await assert.rejects(importPath(store, file), /duplicate entity id un-CDi\.001/);
    assert.equal(store.versions().length, 0);
  } finally {
    home.cleanup();
  }
});
