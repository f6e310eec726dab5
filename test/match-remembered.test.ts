// What the screener remembers while scoring one query (token-pair and name-pair scores, the quiet first
// pass) must never change a score: every result of `screen` scores exactly as the same pair scored alone,
// with nothing remembered. Checked on real list parties and real evaluation queries in many scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { unXml } from '../src/sources/formats/un-xml.js';
import { prepareEntity, queryFromRecord, Screener, type QueryRecord } from '../src/match/index.js';
import { scorePrepared } from '../src/match/score.js';
import { INTERDICT_V1 } from '../src/match/algorithms.js';
import { listFile, readAll, sharedFile } from './helpers.js';

const { entities } = await readAll(unXml, [listFile('un', 'consolidated.xml')]);
const screener = Screener.fromEntities(entities);
const byId = new Map(entities.map((e) => [e.id, e]));

function records(file: string): QueryRecord[] {
  return parse(readFileSync(sharedFile('eval', 'screening', file)), { columns: true }) as QueryRecord[];
}

test('screening results score as each pair scored alone (synthetic customers and listed people)', () => {
  const negatives = records('yente-negatives-global.csv');
  const positives = records('yente-positives-un-untreated.csv');
  // every 47th negative (all scripts of the file) and every 7th positive
  const sample = [...negatives.filter((_, i) => i % 47 === 0), ...positives.filter((_, i) => i % 7 === 0)];
  let compared = 0;
  for (const record of sample) {
    const query = queryFromRecord(record);
    const results = screener.screen(query, { cutoff: 0.01, limit: 20 });
    for (const r of results) {
      const alone = scorePrepared(prepareEntity(query), prepareEntity(byId.get(r.entity.id)!), INTERDICT_V1);
      assert.equal(r.score, alone.score, `${JSON.stringify(query.properties.name)} vs ${r.entity.id}`);
      assert.deepEqual(r.features, alone.features);
      compared++;
    }
  }
  assert.ok(compared > 500, `only ${compared} results compared`);
});
