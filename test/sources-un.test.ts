// UN Security Council consolidated XML: SOURCES.md counts, real entries field by field, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unXml, splitAliasNames, documentNumber } from '../src/sources/formats/un-xml.js';
import { sniffFile } from '../src/sources/detect.js';
import type { Entity } from '../src/model/entity.js';
import { SourceError } from '../src/sources/types.js';
import { listFile, readAll, tempHome } from './helpers.js';

const FILE = listFile('un', 'consolidated.xml');
const list = readAll(unXml, [FILE]); // read once, shared by the tests below

async function entity(id: string): Promise<Entity> {
  const found = (await list).entities.find((e) => e.id === id);
  assert.ok(found, `${id} is read`);
  return found;
}

test('UN: detected; 730 individuals + 273 entities, every alias element, DPRK 80 + 75, date from dateGenerated', async () => {
  assert.equal((await sniffFile(FILE))?.format, 'un-xml');
  const { meta, entities } = await list;
  assert.equal(meta.published, '2026-02-27');
  assert.equal(meta.counts.records, 1003);
  assert.equal(meta.counts.individuals, 730);
  assert.equal(meta.counts.entities, 273);
  assert.equal(meta.counts.aliases_individual, 2308);
  assert.equal(meta.counts.aliases_entity, 735);
  assert.equal(meta.counts.dprk, 155);
  assert.equal(meta.counts.unknown_elements, undefined, 'every element of this file is mapped');
  const targets = entities.filter((e) => e.target);
  assert.equal(targets.length, 1003);
  assert.equal(new Set(targets.map((e) => e.id)).size, 1003);
  assert.equal(targets.filter((e) => e.id.startsWith('un-KPi.')).length, 80);
  assert.equal(targets.filter((e) => e.id.startsWith('un-KPe.')).length, 75);
  assert.equal(entities.filter((e) => e.schema === 'Sanction').length, 1003);
  assert.equal(entities.filter((e) => e.schema === 'Address').length, meta.counts.addresses);
  // SOURCES.md: the count of parties by UN_LIST_TYPE
  const byProgram: Record<string, number> = {};
  for (const e of targets) for (const p of e.properties.program) byProgram[p] = (byProgram[p] ?? 0) + 1;
  assert.deepEqual(byProgram, {
    'Al-Qaida': 341, DPRK: 155, Taliban: 140, Iran: 121, Iraq: 75, DRC: 53, Libya: 30, Somalia: 24,
    CAR: 15, Haiti: 11, Yemen: 11, GB: 10, Sudan: 9, SouthSudan: 8,
  });
});

test('UN: a DPRK individual field by field (KPi.008, Ra Kyong-Su)', async () => {
  const ra = await entity('un-KPi.008');
  assert.equal(ra.schema, 'Person');
  assert.equal(ra.target, true);
  assert.deepEqual(ra.datasets, ['un_sc_sanctions']);
  const p = ra.properties;
  assert.deepEqual(p.name, ["RA KY'ONG-SU"]);
  assert.deepEqual(p.firstName, ['RA']);
  assert.deepEqual(p.secondName, ["KY'ONG-SU"]);
  assert.equal(p.lastName, undefined, 'two name parts: the UN does not say which is the family name');
  assert.deepEqual(p.alias, ['Ra Kyung-Su', 'Chang Myong Ho', 'Chang Myo’ng-Ho', 'Chang Myong-Ho', 'Ra Kyong-Su']);
  assert.deepEqual(p.nationality, ['kp']);
  assert.deepEqual(p.birthDate, ['1954-06-04']);
  assert.deepEqual(p.passportNumber, ['645120196'], 'the passport given in English, French and Spanish is one number');
  assert.deepEqual(p.position, ['Tanchon Commercial Bank (TCB) official']);
  assert.deepEqual(p.program, ['DPRK']);
  assert.deepEqual(p.programId, ['KP']);
  assert.deepEqual(p.createdAt, ['2013-01-22']);
  assert.deepEqual(p.modifiedAt, ['2023-06-29'], 'latest of three LAST_DAY_UPDATED values');
  assert.deepEqual(p.topics, ['sanction']);
  assert.match(p.notes[0], /^Ra Ky'ong-Su is a Tanchon Commercial Bank \(TCB\) official\. In this capacity/);
  assert.ok(p.notes.includes("Passport 645120196 (country of issue: Democratic People's Republic of Korea)"));
  const sanction = await entity('un-KPi.008-sanction');
  assert.equal(sanction.target, false);
  assert.deepEqual(sanction.properties.entity, ['un-KPi.008']);
  assert.deepEqual(sanction.properties.authority, ['United Nations Security Council']);
  assert.deepEqual(sanction.properties.unscId, ['KPi.008']);
  assert.deepEqual(sanction.properties.authorityId, ['KPi.008']);
  assert.deepEqual(sanction.properties.program, ['DPRK']);
  assert.deepEqual(sanction.properties.listingDate, ['2013-01-22']);
  assert.deepEqual(sanction.properties.status, ['UN List']);
});

test('UN: a DPRK entity with its aliases (Chinese script among them) and three Pyongyang addresses (KPe.016)', async () => {
  const ryonha = await entity('un-KPe.016');
  assert.equal(ryonha.schema, 'LegalEntity');
  assert.deepEqual(ryonha.properties.name, ['KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION']);
  assert.equal(ryonha.properties.alias.length, 15);
  assert.equal(ryonha.properties.alias[0], 'Chosun Yunha Machinery Joint Operation Company');
  assert.ok(ryonha.properties.alias.includes('朝鲜联合机械贸易会社'));
  assert.deepEqual(ryonha.properties.country, ['kp']);
  assert.equal(ryonha.properties.address.length, 3);
  const addr = await entity('un-KPe.016-addr-1');
  assert.equal(addr.schema, 'Address');
  assert.equal(addr.target, false);
  assert.deepEqual(addr.properties.full, ["Tongan-dong, Central District, Pyongyang, Democratic People's Republic of Korea"]);
  assert.deepEqual(addr.properties.street, ['Tongan-dong, Central District']);
  assert.deepEqual(addr.properties.city, ['Pyongyang']);
  assert.deepEqual(addr.properties.country, ['kp']);
  assert.ok(ryonha.properties.address.includes(addr.properties.full[0]));
  assert.match(ryonha.properties.notes[0], /ryonha@silibank\.com/);
});

test('UN: original-script names, alias quality, script pairs inside ALIAS_NAME and alias notes', async () => {
  const ismailov = await entity('un-QDi.368');
  assert.deepEqual(ismailov.properties.name, ['SHAMIL MAGOMEDOVICH ISMAILOV']);
  assert.deepEqual(ismailov.properties.lastName, ['ISMAILOV']);
  // NAME_ORIGINAL_SCRIPT, then a Good alias whose NOTE gives its Cyrillic form
  assert.deepEqual(ismailov.properties.alias, ['Шамиль Магомедович Измайлов', 'Shamil Magomedovich Aliev', 'Шамиль Магомедович Алиев']);
  assert.deepEqual(ismailov.properties.weakAlias, ['Abu Hanifa', 'Абу Ханифа'], 'a Low quality alias stays weak, in both scripts');
  assert.deepEqual(ismailov.properties.passportNumber, ['514448632', '1200075689']);
  assert.deepEqual(ismailov.properties.birthPlace, ['Astrakhan, Russian Federation']);
  assert.deepEqual(ismailov.properties.birthCountry, ['ru']);
  const kim = await entity('un-KPi.035');
  assert.deepEqual(kim.properties.alias, ['Jin Tiesan', '金铁三']);
  const nusra = await entity('un-QDe.137');
  assert.ok(nusra.properties.alias.includes('هيئة تحرير الشام'));
  assert.ok(nusra.properties.alias.includes('Jabhat al-Nusrah'));
  const adf = await entity('un-CDe.001');
  assert.ok(adf.properties.previousName.includes('ADF/NALU'), 'f.k.a. → previousName');
  const { entities } = await list;
  const arabic = entities.filter((e) => e.target && e.properties.alias?.some((a) => /[\u0600-\u06FF]/.test(a)));
  assert.ok(arabic.length > 300, `Arabic original-script names kept (${arabic.length})`);
  assert.deepEqual(splitAliasNames('Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet'), ['Mohammed Sabet', 'Mohammad Sabet', 'M. Javad Kareemi Sabet']);
  assert.deepEqual(splitAliasNames('EL PARA (COMBAT NAME)'), ['EL PARA (COMBAT NAME)']);
});

test('UN: a Hangul NAME_ORIGINAL_SCRIPT is an alias (none in this snapshot: KPi.033 with one added)', async () => {
  const xml = readFileSync(FILE, 'utf8');
  const start = xml.lastIndexOf('<INDIVIDUAL>', xml.indexOf('<REFERENCE_NUMBER>KPi.033<'));
  const end = xml.indexOf('</INDIVIDUAL>', start) + '</INDIVIDUAL>'.length;
  const record = xml.slice(start, end).replace('<LISTED_ON>', '<NAME_ORIGINAL_SCRIPT>리원호</NAME_ORIGINAL_SCRIPT><LISTED_ON>');
  const home = tempHome();
  try {
    const file = join(home.dir, 'consolidated.xml');
    writeFileSync(file, `<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS>${record}</INDIVIDUALS></CONSOLIDATED_LIST>`);
    const { entities } = await readAll(unXml, [file]);
    const ri = entities.find((e) => e.id === 'un-KPi.033')!;
    assert.deepEqual(ri.properties.name, ['RI WON HO']);
    assert.deepEqual(ri.properties.alias, ['리원호']);
    assert.deepEqual(ri.properties.passportNumber, ['381310014']);
  } finally {
    home.cleanup();
  }
});

test('UN: dates: birth dates exact, year-only, approximate, ranges, written in notes; zoned listing dates', async () => {
  const { meta } = await list;
  assert.deepEqual((await entity('un-CDi.001')).properties.birthDate, ['1971']);
  const range = await entity('un-KPi.066');
  assert.deepEqual(range.properties.birthDate, ['1967', '1968', '1969']);
  assert.ok(range.properties.notes.includes('date of birth: between 1967 to 1969'));
  const approx = await entity('un-CDi.014');
  assert.deepEqual(approx.properties.birthDate, ['1962-03-17', '1966']);
  assert.ok(approx.properties.notes.includes('date of birth: approximately 1966'));
  assert.deepEqual((await entity('un-CDi.004')).properties.birthDate, ['1973-11'], 'NOTE "Nov. 1973"');
  assert.deepEqual((await entity('un-QDi.395')).properties.birthDate, ['1958-09'], 'YEAR 1958 + NOTE "Sep."');
  assert.deepEqual((await entity('un-QDi.306')).properties.birthDate.slice(0, 2), ['1977-08', '1977-09'], '"Between Aug. and Sep. 1977"');
  // a Hijri date and "30-35 years old" are not guessed: kept as text and counted
  assert.equal(meta.counts.unparsed_birth_dates, 2);
  assert.ok((await entity('un-QDi.291')).properties.notes.includes('date of birth: exact 24/06/1402 (Hijri Calendar)'));
  assert.equal((await entity('un-CDi.001')).properties.gender?.[0], 'male');
  // LISTED_ON with an XML Schema zone, "2015-07-01-04:00"
  assert.deepEqual((await entity('un-SSi.001')).properties.createdAt, ['2015-07-01']);
  assert.equal(meta.counts.unparsed_dates, undefined);
});

test('UN: document numbers written as prose keep the identifier only', () => {
  assert.equal(documentNumber('CAR diplomatic passport no. D00000898'), 'D00000898');
  assert.equal(documentNumber('381110042 (Expired 25 Jan. 2016)'), '381110042');
  assert.equal(documentNumber('R00012098, South Sudan'), 'R00012098');
  assert.equal(documentNumber('Libya B/002210'), 'B/002210');
  assert.equal(documentNumber('Afghan passport number SE 012820'), 'SE 012820');
  assert.equal(documentNumber('73320881AG1191MAM20000'), '73320881AG1191MAM20000');
});

test('UN bad input: truncated, garbage, empty, another XML, duplicate reference → SourceError naming file and place', async () => {
  const home = tempHome();
  try {
    const xml = readFileSync(FILE, 'utf8');
    const first = xml.indexOf('<INDIVIDUAL>');
    const end = xml.indexOf('</INDIVIDUAL>', first) + '</INDIVIDUAL>'.length;
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['truncated.xml', xml.slice(0, 500_000), /\(line \d+, column \d+\): malformed XML: unclosed tag/],
      ['garbage.xml', Buffer.from([0x00, 0x01, 0xff, 0x50, 0x4b, 0x03, 0x04, 0x9c, 0x78]), /malformed XML|no XML element/],
      ['empty.xml', '', /empty file/],
      ['other.xml', '<?xml version="1.0"?><sdnList><INDIVIDUAL><REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL></sdnList>', /not a UN consolidated list/],
      ['no-records.xml', '<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-01-01"><INDIVIDUALS/></CONSOLIDATED_LIST>', /no INDIVIDUAL or ENTITY records/],
      ['doubled.xml', xml.slice(0, end) + xml.slice(first, end) + xml.slice(end), /\(INDIVIDUAL CDi\.001\): duplicate entity id un-CDi\.001/],
    ];
    for (const [name, content, pattern] of cases) {
      const file = join(home.dir, name);
      writeFileSync(file, content);
      await assert.rejects(readAll(unXml, [file]), (err: unknown) => {
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
