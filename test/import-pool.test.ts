// Importing through worker threads (ReadPool) stores exactly what an import on one thread stores, fails
// the same way on a bad file, and counts changes as diffVersions does; the CSV reader and EntityBuilder's
// whitespace fast path give what their slower forms gave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { EntityBuilder, ModelError } from '../src/model/entity.js';
import { detectLists, type DetectedList } from '../src/sources/detect.js';
import { csvRows } from '../src/sources/read/csv.js';
import { openDb } from '../src/store/db.js';
import { diffVersions } from '../src/store/diff.js';
import { importList, prefetchLists } from '../src/store/import.js';
import { ListStore } from '../src/store/lists.js';
import { ReadPool } from '../src/store/read-pool.js';
import { fixture, listFile, tempHome } from './helpers.js';

async function detectOne(path: string): Promise<DetectedList> {
  const { lists } = await detectLists([path]);
  assert.equal(lists.length, 1);
  return lists[0];
}

/** Every stored entity row with the import dates taken out (they are the time of each import). */
function storedRows(store: ListStore): string[] {
  const rows = store.db.prepare('SELECT id, schema, caption, target, hash, data FROM entities ORDER BY id').all() as Array<Record<string, unknown>>;
  return rows.map((r) => {
    const data = JSON.parse(r.data as string) as Record<string, unknown>;
    assert.ok(data.first_seen && data.last_change && data.last_seen, `dates on ${String(r.id)}`);
    delete data.first_seen;
    delete data.last_change;
    delete data.last_seen;
    return JSON.stringify({ ...r, data });
  });
}

async function importedRows(lists: string[], pool?: ReadPool): Promise<{ rows: string[]; counts: unknown[] }> {
  const home = tempHome();
  try {
    const store = new ListStore(openDb());
    const detected = await Promise.all(lists.map(detectOne));
    if (pool) await prefetchLists(store, pool, detected);
    for (const list of detected) await importList(store, list, { pool });
    return { rows: storedRows(store), counts: store.versions().map((v) => [v.dataset, v.entities, v.targets, v.counts, v.published]) };
  } finally {
    home.cleanup();
  }
}

test('lists read by worker threads store the same rows, counts and dates as lists read in place', async () => {
  const files = [listFile('un', 'consolidated.xml'), listFile('ofac', 'cons-csv-2025-12-19', 'cons_prim.csv'), listFile('ca', 'sema-lmes.xml')];
  const pool = new ReadPool({ threads: 2 });
  try {
    const inPlace = await importedRows(files);
    const threaded = await importedRows(files, pool);
    assert.ok(inPlace.rows.length > 5000);
    assert.deepEqual(threaded.counts, inPlace.counts);
    assert.deepEqual(threaded.rows, inPlace.rows);
  } finally {
    await pool.close();
  }
});

test('a bad file read by a worker fails with the same error as in place and leaves no version', async () => {
  const home = tempHome();
  const pool = new ReadPool({ threads: 1 });
  try {
    const store = new ListStore(openDb());
    const xml = readFileSync(listFile('un', 'consolidated.xml'));
    const truncated = join(home.dir, 'consolidated.xml');
    writeFileSync(truncated, xml.subarray(0, Math.floor(xml.length / 2)));
    const inPlace = await importList(store, await detectOne(truncated)).catch((e: Error) => e);
    const list = await detectOne(truncated);
    pool.prefetch([list]); // a worker starts on it at once; the import then takes the worker's rows
    const threaded = await importList(store, list, { pool }).catch((e: Error) => e);
    assert.ok(inPlace instanceof Error && threaded instanceof Error);
    assert.equal(threaded.name, 'SourceError');
    assert.equal(threaded.constructor, inPlace.constructor);
    assert.equal(threaded.message, inPlace.message);
    assert.match(threaded.message, /consolidated\.xml.*line \d+/);
    assert.equal(store.versions().length, 0);
    assert.equal((store.db.prepare('SELECT COUNT(*) AS n FROM entities').get() as { n: number }).n, 0);
    // the pool still reads the next list after a failure
    const un = await detectOne(listFile('un', 'consolidated.xml'));
    pool.prefetch([un]);
    const ok = await importList(store, un, { pool });
    assert.equal(ok.version.targets, 1003);
  } finally {
    await pool.close();
    home.cleanup();
  }
});

test('the change counts of an import are those diffVersions reports', async () => {
  const home = tempHome();
  try {
    const store = new ListStore(openDb());
    const original = listFile('un', 'consolidated.xml');
    const xml = readFileSync(original, 'utf8').replace(/dateGenerated="[^"]*"/, 'dateGenerated="2030-01-01T00:00:00Z"');
    // one individual dropped, one renamed, one new individual (a copy of another under a new id)
    const blocks = [...xml.matchAll(/<INDIVIDUAL>[\s\S]*?<\/INDIVIDUAL>/g)].map((m) => m[0]);
    const id = (b: string) => /<REFERENCE_NUMBER>([^<]+)</.exec(b)![1];
    const renamed = blocks[1].replace(/<FIRST_NAME>[^<]*</, '<FIRST_NAME>SOMEONE ELSE<');
    const added = blocks[2].replaceAll(id(blocks[2]), 'QDi.999').replace(/<DATAID>\d+</, '<DATAID>99999999<');
    const changed = xml.replace(blocks[0], '').replace(blocks[1], renamed).replace(blocks[2], blocks[2] + added);
    const dir = join(home.dir, 'newer');
    mkdirSync(dir);
    writeFileSync(join(dir, 'consolidated.xml'), changed);
    await importList(store, await detectOne(original));
    const result = await importList(store, await detectOne(join(dir, 'consolidated.xml')));
    const [newer, older] = store.versions('un_sc_sanctions');
    const diff = diffVersions(store, older, newer);
    assert.deepEqual(result.changes, { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length });
    assert.ok(diff.added.length >= 1 && diff.removed.length >= 1 && diff.changed.length >= 1, JSON.stringify(result.changes));
  } finally {
    home.cleanup();
  }
});

/** The CSV reader as it was: a decoding stream into csv-parse with its `info` option (the reference). */
async function referenceRows(file: string, encoding: 'utf8' | 'win1252'): Promise<Array<{ line: number; cells: string[] }>> {
  const decoded = encoding === 'win1252' ? createReadStream(file).pipe(iconv.decodeStream('win1252')) : createReadStream(file).pipe(iconv.decodeStream('utf8', { stripBOM: true }));
  const parser = (decoded as NodeJS.ReadableStream).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  const rows = [];
  for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) rows.push({ line: r.info.lines, cells: r.record });
  return rows;
}

test('CSV rows: every Windows-1252 byte, UTF-8 with a BOM and bad bytes, line numbers: as the decoding-stream reader gave them', async () => {
  const home = tempHome();
  try {
    const high = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
    const body = (cell: Buffer) => Buffer.concat([Buffer.from('a,b\r\n"multi\r\nline",'), cell, Buffer.from('\r\n\r\nlast,"x ""q"""\r\nshort\r\n')]);
    const cases: Array<[string, Buffer, 'utf8' | 'win1252']> = [
      ['cp1252.csv', body(high), 'win1252'],
      ['utf8.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body(Buffer.concat([Buffer.from('Ünïcödé – 北京 '), Buffer.from([0xff, 0xfe, 0xc3])]))]), 'utf8'],
      ['utf8-plain.csv', body(Buffer.from('Ünïcödé – 北京 ok', 'utf8')), 'utf8'],
    ];
    for (const [name, bytes, encoding] of cases) {
      const file = join(home.dir, name);
      writeFileSync(file, bytes);
      const rows = [];
      for await (const row of csvRows(file, { encoding })) rows.push(row);
      assert.deepEqual(rows, await referenceRows(file, encoding), name);
      assert.equal(rows.length, 4, name);
    }
    const cp1252 = [];
    for await (const row of csvRows(join(home.dir, 'cp1252.csv'), { encoding: 'win1252' })) cp1252.push(row);
    assert.equal(cp1252[1].cells[1], iconv.decode(high, 'win1252'));
    assert.ok(cp1252[1].cells[1].startsWith('€\uFFFD‚ƒ„…'));
  } finally {
    home.cleanup();
  }
});

test('EntityBuilder.add tidies whitespace as a replace of every run then a trim would, and still checks property names', () => {
  const samples = ['  a  b ', 'a\tb', 'a\u00a0 b', '\ufeffx', 'x\n', 'a b', '', '   ', 'a \u2003b', 'line\r\nbreak', 'tab\t\tend\t', 'ok'];
  const b = new EntityBuilder('x', 'Person', 'test');
  for (const s of samples) b.add('notes', s);
  const expected = [...new Set(samples.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  assert.deepEqual(b.build().properties.notes, expected);
  b.add('name', 7);
  assert.deepEqual(b.build().properties.name, ['7']);
  assert.throws(() => b.add('imoNumber', 'IMO1234567'), ModelError);
});

test('first_seen and last_change written in an FtM file are kept when read by a worker', async () => {
  const home = tempHome();
  const pool = new ReadPool({ threads: 1 });
  try {
    const store = new ListStore(openDb());
    const list = await detectOne(fixture('ftm', 'sample.ftm.json'));
    pool.prefetch([list]);
    await importList(store, list, { pool });
    const akhund = store.activeEntity('sample-person-akhund');
    assert.equal(akhund?.first_seen, '2023-04-20T18:00:25');
    assert.equal(akhund?.last_change, '2024-03-28T18:57:01');
    assert.notEqual(akhund?.last_seen, '2024-06-01T10:57:03', 'last_seen is the import time');
  } finally {
    await pool.close();
    home.cleanup();
  }
});
