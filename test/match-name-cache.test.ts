// The prepared-name file (src/match/name-cache-file.ts): an index built from it must be the index built
// from scratch, name for name and score for score; a stale or damaged file is ignored, never trusted; after a
// list update only the new names are prepared. Real parties of the UN and UK lists (many scripts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unXml } from '../src/sources/formats/un-xml.js';
import { ofsiXlsx } from '../src/sources/formats/uk-ofsi.js';
import { queryFromRecord, Screener, type QueryRecord } from '../src/match/index.js';
import { NameCache, prepareEntity, type PreparedName } from '../src/match/prepare.js';
import { codeFingerprint, readNameCache, writeNameCache } from '../src/match/name-cache-file.js';
import { listFile, readAll, sharedFile, tempHome } from './helpers.js';

const un = (await readAll(unXml, [listFile('un', 'consolidated.xml')])).entities.filter((e) => e.target !== false);
const uk = (await readAll(ofsiXlsx, [listFile('uk', 'conlist-xlsx-2025-04-14', 'ConList.xlsx')])).entities.filter((e) => e.target !== false);
const parties = [...un, ...uk];

/** Everything a prepared name holds, as plain data (token infos by their keys). */
function plain(n: PreparedName): unknown {
  return { ...n, infos: n.infos.map((i) => [i.token, i.id, i.personKind, i.phonetic, i.mask, i.spelling, i.consonants]), abbreviated: n.abbreviated && [...n.abbreviated] };
}

/** Run `fn` with a temporary folder, removed afterwards. */
function inTempDir(fn: (dir: string) => void): void {
  const home = tempHome();
  try {
    fn(home.dir);
  } finally {
    home.cleanup();
  }
}

function queries(): ReturnType<typeof queryFromRecord>[] {
  const rows = (file: string) => parse(readFileSync(sharedFile('eval', 'screening', file)), { columns: true }) as QueryRecord[];
  return [...rows('yente-negatives-global.csv').filter((_, i) => i % 97 === 0), ...rows('yente-positives-un-untreated.csv').filter((_, i) => i % 5 === 0)].map(queryFromRecord);
}

test('names read back from the file are the names prepared from scratch', () => {
  inTempDir((dir) => {
    const file = join(dir, 'prepared-names.json');
    const fresh = new NameCache();
    const expected = parties.map((e) => prepareEntity(e, fresh));
    assert.ok(writeNameCache(file, fresh));
    const stored = readNameCache(file);
    const restored = parties.map((e) => prepareEntity(e, stored));
    assert.equal(stored.misses, 0, 'every written name was in the file');
    let names = 0;
    for (let i = 0; i < parties.length; i++) {
      assert.equal(restored[i].names.length, expected[i].names.length, parties[i].id);
      for (let k = 0; k < expected[i].names.length; k++) {
        assert.deepEqual(plain(restored[i].names[k]), plain(expected[i].names[k]), `${parties[i].id}: ${expected[i].names[k].original}`);
        names++;
      }
    }
    assert.ok(names > 20_000, `only ${names} names compared`);
  });
});

test('an index built from the file screens exactly as one built from scratch', () => {
  inTempDir((dir) => {
    const file = join(dir, 'cache', 'prepared-names.json');
    const cold = Screener.fromEntities(parties, { nameCacheFile: file });
    assert.ok(cold.namesPrepared > 10_000);
    const warm = Screener.fromEntities(parties, { nameCacheFile: file });
    assert.equal(warm.namesPrepared, 0);
    const scratch = Screener.fromEntities(parties);
    let results = 0;
    for (const q of queries()) {
      const expected = scratch.screen(q, { cutoff: 0.3, limit: 20 }).map((r) => [r.entity.id, r.score, r.explanations]);
      assert.deepEqual(warm.screen(q, { cutoff: 0.3, limit: 20 }).map((r) => [r.entity.id, r.score, r.explanations]), expected, JSON.stringify(q.properties.name));
      results += expected.length;
    }
    assert.ok(results > 200, `only ${results} results compared`);
  });
});

test('a stale or damaged file is ignored and replaced; a list update prepares only its new names', () => {
  inTempDir((dir) => {
    const file = join(dir, 'prepared-names.json');
    const first = Screener.fromEntities(un, { nameCacheFile: file });
    const all = first.namesPrepared;
    assert.ok(all > 1000);

    // another version of the code: the fingerprint differs, nothing is read from the file
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(codeFingerprint(), '0'.repeat(32)));
    assert.equal(Screener.fromEntities(un, { nameCacheFile: file }).namesPrepared, all);
    assert.equal(Screener.fromEntities(un, { nameCacheFile: file }).namesPrepared, 0, 'rewritten with the current fingerprint');

    // cut short (a disk filled up before rename existed, an editor): ignored, then rewritten
    writeFileSync(file, text.slice(0, text.length / 2));
    assert.equal(Screener.fromEntities(un, { nameCacheFile: file }).namesPrepared, all);
    writeFileSync(file, '');
    assert.equal(readNameCache(file).misses, 0);
    assert.equal(Screener.fromEntities(un, { nameCacheFile: file }).namesPrepared, all);

    // a list update: the UN names come from the file, only the UK list's own names are prepared
    const both = Screener.fromEntities([...un, ...uk], { nameCacheFile: file });
    const ukAndUn = new NameCache();
    for (const e of [...un, ...uk]) prepareEntity(e, ukAndUn);
    assert.equal(both.namesPrepared, ukAndUn.misses - all, 'names shared with the UN list are not prepared again');
    assert.ok(both.namesPrepared > 1000);
    assert.equal(Screener.fromEntities([...un, ...uk], { nameCacheFile: file }).namesPrepared, 0);
  });
});
