// EU Financial Sanctions Files XML 1.1, on a sample written from the publisher's schema (no real file here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { euFsf, splitLettered } from '../src/sources/formats/eu-fsf.js';
import { sniffFile } from '../src/sources/detect.js';
import type { Entity } from '../src/model/entity.js';
import { SourceError } from '../src/sources/types.js';
import { fixture, readAll, tempHome } from './helpers.js';

const SAMPLE = fixture('eu', 'eu-fsf-sample.xml');
const list = readAll(euFsf, [SAMPLE]);

async function entity(id: string): Promise<Entity> {
  const found = (await list).entities.find((e) => e.id === id);
  assert.ok(found, `${id} is read`);
  return found;
}

test('EU FSF: detected, dated from generationDate, every sanctionEntity read with its kind', async () => {
  assert.equal((await sniffFile(SAMPLE))?.format, 'eu-fsf-xml');
  const { meta, entities } = await list;
  assert.equal(meta.published, '2025-06-17');
  assert.deepEqual(meta.counts, {
    records: 7, persons: 3, enterprises: 3, vessels: 1, name_aliases: 19, identifications: 7, addresses: 3,
  });
  const targets = entities.filter((e) => e.target);
  assert.deepEqual(targets.map((e) => `${e.id} ${e.schema}`), [
    'eu-fsf-110234 Person', 'eu-fsf-110235 Organization', 'eu-fsf-110236 Person', 'eu-fsf-110237 Organization',
    'eu-fsf-110238 Vessel', 'eu-fsf-110239 Person', 'eu-fsf-110240 Organization',
  ]);
  assert.equal(entities.filter((e) => e.schema === 'Sanction').length, 7);
});

test('EU FSF: a DPRK person with a Korean-script name, weak alias apart, passport, UN reference', async () => {
  const ri = await entity('eu-fsf-110234');
  const p = ri.properties;
  assert.deepEqual(p.name, ['Ri Won Ho']);
  assert.deepEqual(p.firstName, ['Won Ho']);
  assert.deepEqual(p.lastName, ['Ri']);
  assert.deepEqual(p.alias, ['리원호']);
  assert.deepEqual(p.weakAlias, ['Ri Won-ho']);
  assert.deepEqual(p.gender, ['male']);
  assert.deepEqual(p.position, ['Ministry of State Security official']);
  assert.deepEqual(p.nationality, ['kp']);
  assert.deepEqual(p.birthDate, ['1964-07-17']);
  assert.equal(p.birthPlace, undefined, 'countryDescription UNKNOWN is no place');
  assert.deepEqual(p.passportNumber, ['381310014']);
  assert.deepEqual(p.program, ['PRK']);
  assert.deepEqual(p.createdAt, ['2016-12-01'], 'designationDate');
  assert.deepEqual(p.modifiedAt, ['2017-08-30']);
  assert.ok(p.notes.includes('National passport 381310014 (country kp; (passport))'));
  const sanction = await entity('eu-fsf-110234-sanction');
  assert.equal(sanction.target, false);
  assert.deepEqual(sanction.properties.entity, ['eu-fsf-110234']);
  assert.deepEqual(sanction.properties.authorityId, ['EU.4228.39']);
  assert.deepEqual(sanction.properties.unscId, ['KPi.033']);
  assert.deepEqual(sanction.properties.provisions, ['2017/1509 (OJ L224)']);
  assert.deepEqual(sanction.properties.listingDate, ['2016-12-01']);
  assert.deepEqual(sanction.properties.sourceUrl, ['https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32017R1509&from=EN']);
});

test('EU FSF: a Russian company with its Cyrillic name, OGRN and INN, contact details and an Address entity', async () => {
  const spk = await entity('eu-fsf-110235');
  const p = spk.properties;
  assert.deepEqual(p.name, ['Joint Stock Company Severnaya Pribornaya Kompaniya']);
  assert.deepEqual(p.alias, ['АО «Северная приборная компания»']);
  assert.deepEqual(p.weakAlias, ['JSC SPK']);
  assert.deepEqual(p.registrationNumber, ['1027802712345']);
  assert.deepEqual(p.ogrnCode, ['1027802712345']);
  assert.deepEqual(p.taxNumber, ['7811012345']);
  assert.deepEqual(p.innCode, ['7811012345']);
  assert.deepEqual(p.phone, ['+7 812 555 01 23']);
  assert.deepEqual(p.email, ['info@spk-example.ru']);
  assert.deepEqual(p.website, ['https://spk-example.ru']);
  assert.deepEqual(p.country, ['ru']);
  assert.ok(p.notes.includes('position: Manufacturer of navigation and guidance components'), 'a company has no position: kept as text');
  const addr = await entity('eu-fsf-110235-addr-1');
  assert.equal(addr.target, false);
  assert.deepEqual(addr.properties.full, ['Obukhovskoy Oborony prospekt 120, Saint Petersburg, 192012, RUSSIAN FEDERATION']);
  assert.deepEqual(addr.properties.city, ['Saint Petersburg']);
  assert.deepEqual(addr.properties.postalCode, ['192012']);
  assert.deepEqual(addr.properties.country, ['ru']);
  assert.deepEqual(p.address, addr.properties.full);
  const bank = await entity('eu-fsf-110240');
  assert.deepEqual(bank.properties.swiftBic, ['MSBKBY2X']);
  assert.deepEqual(bank.properties.address, ['PO Box 48, Minsk, 220035, BELARUS']);
  assert.deepEqual(bank.properties.phone, ['+375 17 555 0199'], 'FAX is a phone number');
});

test('EU FSF: circa birth year, lettered functions and titles, a "low quality" remark, partial dates, two regulations', async () => {
  const sokolov = await entity('eu-fsf-110236');
  assert.deepEqual(sokolov.properties.alias, ['Павел Андреевич Соколов']);
  assert.deepEqual(sokolov.properties.weakAlias, ['Pavel Sokolov'], 'strong="true" but its remark says low quality');
  assert.deepEqual(sokolov.properties.birthDate, ['1971']);
  assert.ok(sokolov.properties.notes.includes('date of birth circa 1971'));
  assert.deepEqual(sokolov.properties.birthPlace, ['Rostov-on-Don, RUSSIAN FEDERATION']);
  assert.deepEqual(sokolov.properties.position, ['Director-General of JSC Severnaya Pribornaya Kompaniya', 'member of its board']);
  assert.deepEqual(sokolov.properties.innCode, ['616101234567']);
  const mullah = await entity('eu-fsf-110239');
  assert.deepEqual(mullah.properties.title, ['Mullah', 'Maulavi']);
  assert.deepEqual(mullah.properties.birthDate, ['1960', '1962-03']);
  assert.deepEqual(mullah.properties.birthPlace, ['Panjwai District, Kandahar Province, AFGHANISTAN']);
  assert.deepEqual(mullah.properties.createdAt, ['2011-08-02'], 'no designationDate: the first regulation');
  assert.deepEqual(mullah.properties.modifiedAt, ['2021-03-16']);
  assert.ok(mullah.properties.notes.includes('National passport OR 1961845 (issued by Ministry of Interior, Kabul; country af; knownExpired)'));
  const sanction = await entity('eu-fsf-110239-sanction');
  assert.deepEqual(sanction.properties.provisions, ['753/2011 (OJ L199)', '2021/458 (OJ L91)']);
  assert.equal(sanction.properties.sourceUrl.length, 2);
  assert.deepEqual(splitLettered('(a) Mullah, (b) Maulavi'), ['Mullah', 'Maulavi']);
  assert.deepEqual(splitLettered('Director'), ['Director']);
});

test('EU FSF: an enterprise with an IMO number described as a tanker is a Vessel; the DPRK KOMID keeps its Korean name', async () => {
  const ship = await entity('eu-fsf-110238');
  assert.equal(ship.schema, 'Vessel');
  assert.deepEqual(ship.properties.name, ['NORDIC STAR']);
  assert.deepEqual(ship.properties.alias, ['OCEAN GRACE']);
  assert.deepEqual(ship.properties.imoNumber, ['9123453']);
  assert.ok(ship.properties.notes.includes('name OCEAN GRACE: Previous name'));
  const komid = await entity('eu-fsf-110237');
  assert.deepEqual(komid.properties.alias, ['KOMID', 'Changgwang Sinyong Corporation', '조선광업개발무역회사']);
  assert.deepEqual((await entity('eu-fsf-110237-sanction')).properties.unscId, ['KPe.001']);
});

test('EU FSF: prefixed namespace and unknown elements are read; unknown ones kept in notes and counted', async () => {
  const home = tempHome();
  try {
    const file = join(home.dir, 'fsf.xml');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?><fsd:export xmlns:fsd="http://eu.europa.ec/fpi/fsd/export" generationDate="2025-01-02T08:00:00+01:00">
  <fsd:sanctionEntity logicalId="1" euReferenceNumber="EU.1.1"><fsd:subjectType code="person"/><fsd:nameAlias wholeName="Jan Example" strong="true"/>
  <fsd:sanctionsEffect code="assetFreeze">asset freeze</fsd:sanctionsEffect></fsd:sanctionEntity></fsd:export>`,
    );
    const { meta, entities } = await readAll(euFsf, [file]);
    assert.equal(meta.published, '2025-01-02');
    assert.equal(meta.counts.unknown_elements, 1);
    assert.deepEqual(entities[0].properties.notes, ['sanctionsEffect: asset freeze; code=assetFreeze']);
  } finally {
    home.cleanup();
  }
});

test('EU FSF bad input: truncated, garbage, empty, another XML, no logicalId, duplicate logicalId → SourceError', async () => {
  const home = tempHome();
  try {
    const xml = readFileSync(SAMPLE, 'utf8');
    const first = xml.indexOf('<sanctionEntity ');
    const end = xml.indexOf('</sanctionEntity>', first) + '</sanctionEntity>'.length;
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['truncated.xml', xml.slice(0, Math.floor(xml.length * 0.6)), /\(line \d+, column \d+\): malformed XML/],
      ['garbage.xml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), /malformed XML|no XML element/],
      ['empty.xml', '', /empty file/],
      ['other.xml', '<?xml version="1.0"?><CONSOLIDATED_LIST><sanctionEntity logicalId="1"/></CONSOLIDATED_LIST>', /not an EU Financial Sanctions File/],
      ['no-id.xml', xml.replace('logicalId="110236"', ''), /\(sanctionEntity #3 \(EU\.9120\.45\)\): sanctionEntity without logicalId/],
      ['doubled.xml', xml.slice(0, end) + xml.slice(first, end) + xml.slice(end), /\(sanctionEntity 110234 \(EU\.4228\.39\)\): duplicate entity id eu-fsf-110234/],
    ];
    for (const [name, content, pattern] of cases) {
      const file = join(home.dir, name);
      writeFileSync(file, content);
      await assert.rejects(readAll(euFsf, [file]), (err: unknown) => {
        assert.ok(err instanceof SourceError, `${name}: ${err}`);
        assert.ok(err.message.includes(file), `${name}: names the file: ${err.message}`);
        assert.match(err.message, pattern, name);
        return true;
      });
    }
  } finally {
    home.cleanup();
  }
});
