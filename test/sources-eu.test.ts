// EU Financial Sanctions Files XML 1.1, on a sample written from the publisher's schema (no real file here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { euFsf } from '../src/sources/formats/eu-fsf.js';
import { sniffFile } from '../src/sources/detect.js';
import { SourceError } from '../src/sources/types.js';
import { fixture, readAll, tempHome } from './helpers.js';

const SAMPLE = fixture('eu', 'eu-fsf-sample.xml');

test('EU FSF: detected, dated from generationDate, every sanctionEntity read', async () => {
  assert.equal((await sniffFile(SAMPLE))?.format, 'eu-fsf-xml');
  const { meta, entities } = await readAll(euFsf, [SAMPLE]);
  assert.equal(meta.published, '2026-11-20');
  assert.equal(meta.counts.records, 5);
  assert.equal(meta.counts.persons, 2);
  assert.equal(meta.counts.enterprises, 3);
  assert.deepEqual(entities.filter((e) => e.target).map((e) => e.id), ['eu-fsf-9001', 'eu-fsf-9002', 'eu-fsf-9003', 'eu-fsf-9004', 'eu-fsf-9005']);
});

test('EU FSF: a DPRK person with a Korean-script alias, weak alias kept apart, passport and UN reference', async () => {
  const { entities } = await readAll(euFsf, [SAMPLE]);
  const ri = entities.find((e) => e.id === 'eu-fsf-9001')!;
  assert.equal(ri.schema, 'Person');
  assert.deepEqual(ri.properties.name, ['Ri Won Ho']);
  assert.deepEqual(ri.properties.alias, ['리원호']);
  assert.deepEqual(ri.properties.weakAlias, ['Ri Won-ho']);
  assert.deepEqual(ri.properties.nationality, ['kp']);
  assert.deepEqual(ri.properties.birthDate, ['1964-07-17']);
  assert.deepEqual(ri.properties.passportNumber, ['381310014']);
  assert.deepEqual(ri.properties.gender, ['male']);
  const sanction = entities.find((e) => e.id === 'eu-fsf-9001-sanction')!;
  assert.deepEqual(sanction.properties.unscId, ['KPi.033']);
  assert.deepEqual(sanction.properties.authorityId, ['EU.3961.85']);
  assert.deepEqual(sanction.properties.program, ['PRK']);
});

test('EU FSF: a Russian company with its Cyrillic name, address entity and registration number', async () => {
  const { entities } = await readAll(euFsf, [SAMPLE]);
  const sk = entities.find((e) => e.id === 'eu-fsf-9002')!;
  assert.equal(sk.schema, 'Organization');
  assert.ok(sk.properties.alias.includes('АО «Строительная компания Донбасс»'));
  assert.deepEqual(sk.properties.registrationNumber, ['1159102000123']);
  assert.deepEqual(sk.properties.createdAt, ['2022-03-15']);
  const addr = entities.find((e) => e.id === 'eu-fsf-9002-addr-1')!;
  assert.deepEqual(addr.properties.city, ['Donetsk']);
  assert.deepEqual(addr.properties.country, ['ua']);
  const kuz = entities.find((e) => e.id === 'eu-fsf-9003')!;
  assert.deepEqual(kuz.properties.birthDate, ['1971']);
  assert.deepEqual(kuz.properties.taxNumber, ['616100123456']);
  assert.ok(kuz.properties.notes.some((n) => /circa 1971/.test(n)));
});

test('EU FSF: truncated file and a sanctionEntity without logicalId fail with the file and place named', async () => {
  const home = tempHome();
  try {
    const xml = readFileSync(SAMPLE, 'utf8');
    const cut = join(home.dir, 'cut.xml');
    writeFileSync(cut, xml.slice(0, Math.floor(xml.length * 0.6)));
    await assert.rejects(readAll(euFsf, [cut]), (e: unknown) => e instanceof SourceError && /cut\.xml/.test(e.message));
    const noId = join(home.dir, 'noid.xml');
    writeFileSync(noId, xml.replace('logicalId="9003"', ''));
    await assert.rejects(readAll(euFsf, [noId]), /noid\.xml.*without logicalId/);
  } finally {
    home.cleanup();
  }
});
