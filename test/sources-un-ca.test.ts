// UN Security Council XML and Canada SEMA XML: counts from SOURCES.md, real entries field by field, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unXml } from '../src/sources/formats/un-xml.js';
import { caSema } from '../src/sources/formats/ca-sema.js';
import { SourceError } from '../src/sources/types.js';
import { listFile, readAll, tempHome } from './helpers.js';

test('UN: 730 individuals + 273 entities, every alias element read, DPRK 155, date from dateGenerated', async () => {
  const { meta, entities } = await readAll(unXml, [listFile('un', 'consolidated.xml')]);
  assert.equal(meta.published, '2026-02-27');
  assert.equal(meta.counts.records, 1003);
  assert.equal(meta.counts.individuals, 730);
  assert.equal(meta.counts.entities, 273);
  assert.equal(meta.counts.aliases_individual, 2308);
  assert.equal(meta.counts.aliases_entity, 735);
  assert.equal(meta.counts.dprk, 155);
  const targets = entities.filter((e) => e.target);
  assert.equal(targets.length, 1003);
  assert.equal(new Set(targets.map((e) => e.id)).size, 1003);
  assert.equal(targets.filter((e) => /^un-KP[ie]\./.test(e.id)).length, 155);
  assert.equal(entities.filter((e) => e.schema === 'Sanction').length, 1003);
});

test('UN: a DPRK individual field by field (KPi.033, Ri Won Ho)', async () => {
  const { entities } = await readAll(unXml, [listFile('un', 'consolidated.xml')]);
  const ri = entities.find((e) => e.id === 'un-KPi.033')!;
  assert.equal(ri.schema, 'Person');
  assert.deepEqual(ri.properties.name, ['RI WON HO']);
  assert.deepEqual(ri.properties.nationality, ['kp']);
  assert.deepEqual(ri.properties.birthDate, ['1964-07-17']);
  assert.deepEqual(ri.properties.passportNumber, ['381310014']);
  assert.deepEqual(ri.properties.program, ['DPRK']);
  assert.deepEqual(ri.properties.createdAt, ['2016-11-30']);
  assert.deepEqual(ri.properties.position, ['DPRK Ministry of State Security Official']);
  const sanction = entities.find((e) => e.id === 'un-KPi.033-sanction')!;
  assert.deepEqual(sanction.properties.entity, ['un-KPi.033']);
  assert.deepEqual(sanction.properties.unscId, ['KPi.033']);
  assert.equal(sanction.target, false);
});

test('UN: entity aliases by quality (a.k.a. alias, f.k.a. previous name, Low weak alias) and original script', async () => {
  const { entities } = await readAll(unXml, [listFile('un', 'consolidated.xml')]);
  const adf = entities.find((e) => e.id === 'un-CDe.001')!;
  assert.deepEqual(adf.properties.alias, ['Allied Democratic Forces']);
  assert.ok(adf.properties.previousName.includes('ADF/NALU'));
  assert.ok(entities.some((e) => e.target && e.properties.weakAlias?.length), 'Low-quality aliases are kept as weakAlias');
  const scripts = entities.filter((e) => e.target && e.properties.alias?.some((a) => /[\u0600-\u06FF]/.test(a)));
  assert.ok(scripts.length > 10, 'Arabic original-script names are kept');
  const komid = entities.find((e) => e.id === 'un-KPe.001')!;
  assert.ok(komid.properties.alias.includes('CHANGGWANG SINYONG CORPORATION'));
  const address = entities.find((e) => e.id === 'un-KPe.001-addr-1')!;
  assert.equal(address.schema, 'Address');
  assert.deepEqual(address.properties.country, ['kp']);
  assert.match(address.properties.full[0], /Pyongyang/);
  assert.ok(komid.properties.address.includes(address.properties.full[0]));
});

test('Canada SEMA: 1,369 records (384 entities), stable unique ids, aliases split', async () => {
  const { meta, entities } = await readAll(caSema, [listFile('ca', 'sema-lmes.xml')]);
  assert.equal(meta.published, null);
  assert.equal(meta.counts.records, 1369);
  assert.equal(meta.counts.entities, 384);
  assert.equal(meta.counts.individuals, 985);
  const targets = entities.filter((e) => e.target);
  assert.equal(new Set(targets.map((e) => e.id)).size, 1369);
  const htoo = entities.find((e) => e.id === 'ca-sema-burma-1-7')!;
  assert.deepEqual(htoo.properties.name, ['Htoo Furniture']);
  assert.deepEqual(htoo.properties.alias, ['Htoo Wood', 'Htoo Wood Products', 'Htoo Wood Products Pte. Limited', 'Htoo Wood-Based Industry']);
  assert.deepEqual(htoo.properties.country, ['mm']);
});

test('bad input: truncated, garbage and empty files fail with the file named', async () => {
  const home = tempHome();
  try {
    const xml = readFileSync(listFile('un', 'consolidated.xml'), 'utf8');
    const cases: Array<[string, string, RegExp]> = [
      ['truncated.xml', xml.slice(0, 500_000), /malformed XML|unclosed|line \d+/i],
      ['garbage.xml', '\u0000\u0001\u00ffPK\u0003\u0004 not xml at all', /malformed XML|no XML element/],
      ['empty.xml', '', /empty file/],
    ];
    for (const [name, content, pattern] of cases) {
      const file = join(home.dir, name);
      writeFileSync(file, content);
      await assert.rejects(readAll(unXml, [file]), (err: unknown) => {
        assert.ok(err instanceof SourceError, `${name}: ${err}`);
        assert.match(err.message, new RegExp(name));
        assert.match(err.message, pattern);
        return true;
      });
    }
  } finally {
    home.cleanup();
  }
});
