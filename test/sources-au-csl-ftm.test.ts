// Australia DFAT xlsx, US Consolidated Screening List CSV and FtM JSON lines: real files, counts from
// SOURCES.md, field-by-field spot checks and broken copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Entity } from '../src/model/entity.js';
import { sniffFile } from '../src/sources/detect.js';
import { auDfat, firstDateIn, parseDobText } from '../src/sources/formats/au-dfat.js';
import { ftmJson, writeFtmLines } from '../src/sources/formats/ftm-json.js';
import { parseIdEntry, usCsl } from '../src/sources/formats/us-csl.js';
import { SourceError, type SourceFormat } from '../src/sources/types.js';
import { fixture, listFile, readAll, tempHome } from './helpers.js';

const AU = listFile('au', 'Australian_Sanctions_Consolidated_List.xlsx');
const CSL = listFile('us-csl', 'consolidated-csv-2022-05-16', 'consolidated.csv');
const FTM = fixture('ftm', 'sample.ftm.json');

// each real list is read once and shared by the tests that look at it
let auRead: ReturnType<typeof readAll> | undefined;
let cslRead: ReturnType<typeof readAll> | undefined;
const readAu = () => (auRead ??= readAll(auDfat, [AU]));
const readCsl = () => (cslRead ??= readAll(usCsl, [CSL]));

function byId(entities: Entity[]): Map<string, Entity> {
  return new Map(entities.map((e) => [e.id, e]));
}

async function rejectsWith(format: SourceFormat, file: string, pattern: RegExp): Promise<void> {
  await assert.rejects(readAll(format, [file]), (err: unknown) => {
    assert.ok(err instanceof SourceError, `expected a SourceError, got ${String(err)}`);
    assert.match(err.message, pattern);
    assert.ok(err.message.includes(file), 'the message names the file');
    return true;
  });
}

// ---- Australia ---------------------------------------------------------------------------------------------

test('AU DFAT: detected; every row, reference, name type and type counted as SOURCES.md says', async () => {
  assert.equal((await sniffFile(AU))?.format, 'au-dfat-xlsx');
  const started = Date.now();
  const { meta, entities } = await readAu();
  console.log(`AU DFAT read in ${Date.now() - started} ms: ${entities.length} entities`);
  assert.equal(meta.published, '2026-02-24'); // newest Control Date (serial 46077)
  const c = meta.counts;
  assert.equal(c.rows, 10976);
  assert.equal(c.records, 3811);
  assert.equal(c.primary_names, 3810);
  assert.equal(c.original_script_names, 452);
  assert.equal(c.aliases, 6714);
  assert.equal(c.rows_individual, 7114);
  assert.equal(c.rows_entity, 3599);
  assert.equal(c.rows_vessel, 262);
  assert.equal(c.rows_type_blank, 1);
  // 8495 and 8720 have no Primary Name row; 8686 has two (3,810 = 3,811 - 2 + 1)
  assert.equal(c.records_without_primary_name, 2);
  assert.equal(c.extra_primary_names, 1);
  const targets = entities.filter((e) => e.target);
  assert.equal(targets.length, 3811);
  assert.equal(new Set(entities.map((e) => e.id)).size, entities.length, 'ids are unique');
  const ids = byId(entities);
  for (const t of targets) assert.ok(ids.get(`${t.id}-sanction`), `${t.id} has its Sanction`);
  const schemas = (s: string) => targets.filter((e) => e.schema === s).length;
  assert.equal(schemas('Vessel'), 262);
  assert.equal(schemas('Person') + schemas('LegalEntity') + schemas('Vessel'), 3811);
});

test('AU DFAT: a vessel with its IMO number, committee and maritime restriction', async () => {
  const ids = byId((await readAu()).entities);
  const v = ids.get('au-dfat-8227')!;
  assert.equal(v.schema, 'Vessel');
  assert.deepEqual(v.properties.name, ['ANDAMAN SKIES']);
  assert.deepEqual(v.properties.imoNumber, ['IMO9288693']);
  assert.deepEqual(v.properties.program, ['Autonomous (Vessels)']);
  assert.deepEqual(v.properties.modifiedAt, ['2025-06-18']);
  assert.deepEqual(v.properties.topics, ['sanction']);
  const s = ids.get('au-dfat-8227-sanction')!;
  assert.equal(s.target, false);
  assert.deepEqual(s.properties.entity, ['au-dfat-8227']);
  assert.deepEqual(s.properties.provisions, ['Maritime Restriction']);
  assert.deepEqual(s.properties.authorityId, ['8227']);
  assert.deepEqual(s.properties.summary, ['Autonomous Sanctions (Sanctioned Vessels – Russia) Designation 2025']);
});

test('AU DFAT: DPRK listings: a person with UN reference and aliases, a company with its original-script name', async () => {
  const ids = byId((await readAu()).entities);
  // no DPRK individual has an Original Script row in this file; DPRK entities do
  const ra = ids.get('au-dfat-2563')!;
  assert.equal(ra.schema, 'Person');
  assert.deepEqual(ra.properties.name, ["RA KY'ONG-SU"]);
  assert.deepEqual(ra.properties.alias, ['Ra Kyung-Su', 'Chang Myong Ho', 'Chang Myo’ng-Ho', 'Chang Myong-Ho', 'Ra Kyong-Su']);
  assert.deepEqual(ra.properties.birthDate, ['1954-06-04']);
  assert.deepEqual(ra.properties.citizenship, ['kp']);
  assert.deepEqual(ra.properties.createdAt, ['2013-01-22']); // "First listed on 22/01/2013 (amended on ...)"
  assert.deepEqual(ra.properties.program, ['1718 (DPRK)']);
  const sanction = ids.get('au-dfat-2563-sanction')!;
  assert.deepEqual(sanction.properties.unscId, ['KPi.008']);
  assert.deepEqual(sanction.properties.listingDate, ['2013-01-22']);
  assert.deepEqual(sanction.properties.provisions, ['Targeted Financial Sanction', 'Travel Ban']);

  const chang = ids.get('au-dfat-3558')!;
  assert.equal(chang.schema, 'LegalEntity');
  assert.deepEqual(chang.properties.name, ['Chang An Shipping & Technology']);
  assert.deepEqual(chang.properties.alias, ['長安海連技術有限公司', 'Chang An Shipping and Technology']);
  const addr = ids.get('au-dfat-3558-addr-1')!;
  assert.deepEqual(addr.properties.full, ['Room 2105, DL1849, Trend Centre, 29-31 Cheung Lee Street, Chai Wan, Hong Kong, China']);
  assert.deepEqual(addr.properties.country, ['cn']);
  assert.deepEqual(chang.properties.addressEntity, ['au-dfat-3558-addr-1']);
});

test('AU DFAT: first AU row (Taliban): year list of birth dates, Arabic name, UN ref, strong/weak aliases', async () => {
  const ids = byId((await readAu()).entities);
  const akhund = ids.get('au-dfat-2')!;
  assert.deepEqual(akhund.properties.name, ['MOHAMMAD HASSAN AKHUND']);
  assert.deepEqual(akhund.properties.alias, ['محمد حسن أخوند']);
  assert.deepEqual(akhund.properties.birthDate, ['1945', '1946', '1947', '1948', '1949', '1950', '1955', '1956', '1957', '1958']);
  assert.deepEqual(akhund.properties.birthPlace, ['Pashmul village, Panjwai District, Kandahar Province, Afghanistan']);
  assert.deepEqual(akhund.properties.createdAt, ['2001-01-25']);
  assert.deepEqual(ids.get('au-dfat-2-sanction')!.properties.unscId, ['TAi.002']);
  // weak aliases are kept apart from strong ones
  const weak = (await readAu()).entities.filter((e) => e.properties.weakAlias);
  assert.ok(weak.length > 100);
  // 3621h has Type blank: it belongs to 3621, an Entity
  const isil = ids.get('au-dfat-3621')!;
  assert.equal(isil.schema, 'LegalEntity');
  assert.ok(isil.properties.alias.includes('Islamic State of Iraq and Levant in Khorasan Province'));
  // 8495 has only an alias row (8495b): its name is that row's
  assert.deepEqual(ids.get('au-dfat-8495')!.properties.name, ['Yahya Husseini Panjaki']);
  assert.equal(ids.get('au-dfat-8495-sanction')!.properties.entity[0], 'au-dfat-8495');
});

test('AU DFAT: date of birth forms', () => {
  assert.deepEqual(parseDobText('19/04/1982, 5/02/1961'), { dates: ['1982-04-19', '1961-02-05'], approximate: false, unparsed: [] });
  assert.deepEqual(parseDobText('Approximately 1960, 1966').dates, ['1960', '1966']);
  assert.equal(parseDobText('Approximately 1960').approximate, true);
  assert.deepEqual(parseDobText('Between 1963 and 1965').dates, ['1963', '1964', '1965']);
  assert.deepEqual(parseDobText('08/1977, 09/1977, 1976').dates, ['1977-08', '1977-09', '1976']);
  assert.deepEqual(parseDobText('5 May 1957, April 1957').dates, ['1957-05-05', '1957-04']);
  assert.deepEqual(parseDobText('27417').dates, ['1975-01-23']); // Excel serial
  assert.deepEqual(parseDobText('1980.1981, 1982').dates, ['1980', '1981', '1982']);
  assert.deepEqual(parseDobText('7/02/1950/11/1950 08/08/1945'), { dates: ['1945-08-08'], approximate: false, unparsed: ['7/02/1950/11/1950'] });
  assert.deepEqual(parseDobText('24/06/1402').unparsed, ['24/06/1402']); // a Solar Hijri year: not guessed
  assert.equal(firstDateIn('Listed on 2 Sep. 2014 (relisted on 1 Sep. 2017)'), '2014-09-02');
  assert.equal(firstDateIn('46058'), '2026-02-05');
  assert.equal(firstDateIn('Autonomous Sanctions ... Instrument 2023'), undefined);
});

async function writeWorkbook(file: string, rows: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

const AU_HEADER = [
  'Reference', 'Name of Individual or Entity', 'Type', 'Name Type', 'Alias Strength', 'Date of Birth', 'Place of Birth', 'Citizenship',
  'Address', 'Additional Information', 'Listing Information', 'IMO Number', 'Committees', 'Control Date', 'Instrument of Designation',
  'Targeted Financial Sanction', 'Travel Ban', 'Arms Embargo', 'Maritime Restriction',
];

test('AU DFAT: header found below title rows; a workbook without it, empty, garbage or cut files fail', async () => {
  const home = tempHome();
  try {
    const titled = join(home.dir, 'Australian_Sanctions_Consolidated_List.xlsx');
    await writeWorkbook(titled, [
      ['Consolidated List'],
      ['Department of Foreign Affairs and Trade'],
      [],
      AU_HEADER,
      ['7', 'JOHN SAMPLE', 'Individual', 'Primary Name', '', '01/02/1960', '', 'Australia', '', 'QDi.999.', 'Listed on 3 March 2020', '', '1267 Committee (ISIL & Al-Qaida)', '46000', 'Instrument', 'true', 'true', 'false', 'false'],
      ['7a', 'J. SAMPLE', 'Individual', 'Alias', 'Weak', '01/02/1960', '', 'Australia', '', 'QDi.999.', 'Listed on 3 March 2020', '', '1267 Committee (ISIL & Al-Qaida)', '46000', 'Instrument', 'true', 'true', 'false', 'false'],
    ]);
    assert.equal((await sniffFile(titled))?.format, 'au-dfat-xlsx');
    const { meta, entities } = await readAll(auDfat, [titled]);
    assert.equal(meta.counts.rows, 2);
    assert.equal(meta.counts.records, 1);
    const p = entities.find((e) => e.id === 'au-dfat-7')!;
    assert.deepEqual(p.properties.weakAlias, ['J. SAMPLE']);
    assert.deepEqual(p.properties.birthDate, ['1960-02-01']);
    assert.deepEqual(p.properties.citizenship, ['au']);

    const headless = join(home.dir, 'headless.xlsx');
    await writeWorkbook(headless, [['just', 'a', 'sheet'], ['1', '2', '3']]);
    await rejectsWith(auDfat, headless, /no header row/);

    const dup = join(home.dir, 'dup.xlsx');
    await writeWorkbook(dup, [AU_HEADER, ['7', 'A', 'Individual', 'Primary Name'], ['7', 'B', 'Individual', 'Primary Name']]);
    await rejectsWith(auDfat, dup, /\(row 3\): duplicate reference 7/);

    const empty = join(home.dir, 'empty.xlsx');
    writeFileSync(empty, '');
    await rejectsWith(auDfat, empty, /xlsx|workbook/);

    const garbage = join(home.dir, 'garbage.xlsx');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await rejectsWith(auDfat, garbage, /xlsx|workbook/);

    const cut = join(home.dir, 'cut.xlsx');
    const bytes = readFileSync(AU);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await rejectsWith(auDfat, cut, /xlsx|workbook|zip|end of central directory/i);
  } finally {
    home.cleanup();
  }
});

// ---- US Consolidated Screening List -----------------------------------------------------------------------

test('US CSL: detected; rows per source list as SOURCES.md says; rows sharing an _id are one party', async () => {
  assert.equal((await sniffFile(CSL))?.format, 'us-csl-csv');
  const started = Date.now();
  const { meta, entities } = await readCsl();
  console.log(`US CSL read in ${Date.now() - started} ms: ${entities.length} entities`);
  assert.equal(meta.published, null);
  const c = meta.counts;
  assert.equal(c.rows, 14160);
  const bySource: Record<string, number> = {
    SDN: 10026, EL: 2001, DTC: 727, DPL: 462, SSI: 290, UVL: 201, ISN: 163, PLC: 78, MEU: 71, CMIC: 68, CAP: 53, 'NS-MBS': 17, FSE: 3,
  };
  for (const [code, n] of Object.entries(bySource)) assert.equal(c[`source:${code}`], n, code);
  // 71 Treasury parties appear on 2 or 3 lists (SDN + SSI + CAPTA ...): 112 extra rows, merged
  assert.equal(c.merged_rows, 112);
  assert.equal(c.records, 14048);
  assert.equal(entities.filter((e) => e.target).length, 14048);
  assert.equal(new Set(entities.map((e) => e.id)).size, entities.length, 'ids are unique');
  assert.equal(c.unparsed_ids, 1);
});

test('US CSL: an Entity List company with its addresses, alternate names and licence terms', async () => {
  const ids = byId((await readCsl()).entities);
  const id = 'us-csl-36b9bed40af2770218ba60d7bad49c0e925f38ee';
  const k = ids.get(id)!;
  assert.equal(k.schema, 'LegalEntity'); // the Entity List gives no type
  assert.deepEqual(k.properties.name, ['AO Kronshtadt']);
  assert.deepEqual(k.properties.alias, ['Kronshtadt Group', 'Kronshtadt', 'Kronde Group', 'and ZAO Kronshtadt']);
  assert.deepEqual(k.properties.address, [
    '18 Stromynka Street, Moscow, 107076, RU',
    'In. 3-Ya V.O., D. 62 litera A Pom 162, St. Petersburg, 199178, RU',
    '54 Maly Prospekt Vasilyevskogo Ostrova, Building 4P, St. Petersburg, 199178, RU',
  ]);
  assert.deepEqual(k.properties.topics, ['export.control']);
  assert.deepEqual(k.properties.createdAt, ['2022-03-09']);
  for (const n of [1, 2, 3]) assert.deepEqual(ids.get(`${id}-addr-${n}`)!.properties.country, ['ru']);
  const s = ids.get(`${id}-sanction`)!;
  assert.deepEqual(s.properties.authority, ['US Department of Commerce, Bureau of Industry and Security']);
  assert.deepEqual(s.properties.program, ['Entity List (EL)']);
  assert.deepEqual(s.properties.listingDate, ['2022-03-09']);
  assert.deepEqual(s.properties.summary, ['87 FR 13141']);
  assert.deepEqual(s.properties.provisions, [
    'License requirement: For all items subject to the EAR. (See §744.11 of the EAR)',
    'License policy: Policy of denial. See §§ 746.8(b) and 744.21(e).',
  ]);
});

test('US CSL: a bank on SDN, SSI and CAPTA is one party with three Sanctions; a vessel keeps its IMO number', async () => {
  const ids = byId((await readCsl()).entities);
  const vtb = ids.get('us-csl-18725')!;
  assert.deepEqual(vtb.properties.name, ['BANCO VTB AFRICA SA']);
  assert.deepEqual(vtb.properties.swiftBic, ['VTBLAOLU']);
  assert.deepEqual(vtb.properties.website, ['www.vtb.ao']);
  const programs = ['us-csl-18725-sanction', 'us-csl-18725-sanction-sdn', 'us-csl-18725-sanction-ssi'].map((s) => ids.get(s)!.properties.program[0]);
  assert.deepEqual(programs, ['Capta List (CAP)', 'Specially Designated Nationals (SDN)', 'Sectoral Sanctions Identifications List (SSI)']);
  assert.deepEqual(ids.get('us-csl-18725-sanction-sdn')!.properties.authorityId, ['18725']);

  const ship = ids.get('us-csl-23156')!;
  assert.equal(ship.schema, 'Vessel');
  assert.deepEqual(ship.properties.imoNumber, ['IMO8898831']);
  assert.deepEqual(ship.properties.flag, ['kp']);
  assert.deepEqual(ship.properties.program, ['Specially Designated Nationals (SDN)', 'DPRK4']);
});

test('US CSL: ids entries become identifiers, documents and wallets', async () => {
  assert.deepEqual(parseIdEntry('MX, 2017-01-16, 110364903, Registration Number'), { label: 'Registration Number', value: '110364903', country: 'mx', issued: '2017-01-16' });
  assert.deepEqual(parseIdEntry('IMO 8898831, Vessel Registration Identification'), { label: 'Vessel Registration Identification', value: 'IMO 8898831' });
  const { entities } = await readCsl();
  const passports = entities.filter((e) => e.schema === 'Passport');
  assert.ok(passports.length > 1000);
  const p = passports[0];
  const holder = entities.find((e) => e.id === p.properties.holder[0])!;
  assert.ok(holder.properties.passportNumber.includes(p.properties.number[0]));
  const wallets = entities.filter((e) => e.schema === 'CryptoWallet');
  assert.ok(wallets.length > 300);
  const w = wallets[0];
  const owner = entities.find((e) => e.id === w.properties.holder[0])!;
  assert.ok(owner.properties.idNumber.includes(w.properties.publicKey[0]), 'wallet address searchable on the party');
  assert.equal(w.target, false);
});

test('US CSL: broken quote, empty file, garbage, wrong encoding and a header without rows fail', async () => {
  const home = tempHome();
  try {
    const text = readFileSync(CSL, 'utf8');
    const lines = text.split('\n');
    const header = lines[0];

    const broken = join(home.dir, 'broken.csv');
    writeFileSync(broken, `${header}\n${lines[1]}\n1234,"Specially Designated Nationals (SDN) - Treasury Department,,,\n`);
    await rejectsWith(usCsl, broken, /malformed CSV/);

    const empty = join(home.dir, 'empty.csv');
    writeFileSync(empty, '');
    await rejectsWith(usCsl, empty, /empty file/);

    const garbage = join(home.dir, 'garbage.csv');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    await rejectsWith(usCsl, garbage, /not a Consolidated Screening List|malformed CSV|UTF-8/);

    const latin1 = join(home.dir, 'latin1.csv');
    const accented = lines.slice(1).find((l) => /[\u00c0-\u00ff]/.test(l))! // "DÅsseldorf";
    writeFileSync(latin1, Buffer.from(`${header}\n${accented}\n`, 'latin1'));
    await rejectsWith(usCsl, latin1, /\(line 2\): .*not UTF-8/);

    const headerOnly = join(home.dir, 'header.csv');
    writeFileSync(headerOnly, `${header}\n`);
    await rejectsWith(usCsl, headerOnly, /no rows/);

    const other = join(home.dir, 'other.csv');
    writeFileSync(other, 'a,b,c\n1,2,3\n');
    assert.equal(await sniffFile(other), undefined);
    await rejectsWith(usCsl, other, /header lacks _id, source, name/);
  } finally {
    home.cleanup();
  }
});

// ---- FtM JSON lines -----------------------------------------------------------------------------------------

test('FtM JSON: the yente-shaped sample is detected and read; one dataset names the list', async () => {
  assert.equal((await sniffFile(FTM))?.format, 'ftm-json');
  const { meta, entities } = await readAll(ftmJson, [FTM]);
  assert.equal(meta.dataset, 'ftm_sample');
  assert.equal(meta.published, '2024-03-28T18:57:01'); // the newest last_change
  assert.equal(meta.counts.entities, 6);
  assert.equal(meta.counts.records, 3);
  const ids = byId(entities);
  const akhund = ids.get('sample-person-akhund')!;
  assert.deepEqual(akhund.properties.alias, ['محمد حسن أخوند']);
  assert.deepEqual(akhund.referents, ['au-dfat-2', 'un-TAi.002']);
  assert.equal(akhund.first_seen, '2023-04-20T18:00:25');
  assert.deepEqual(ids.get('sample-sanction-akhund')!.properties.entity, ['sample-person-akhund']);
  const own = ids.get('sample-ownership-vtb')!;
  assert.equal(own.schema, 'Ownership');
  assert.deepEqual(own.properties.asset, ['sample-company-vtb-africa']);
  assert.equal(own.target, false);
});

test('FtM JSON: read → write → read gives the same entities, in yente line shape', async () => {
  const home = tempHome();
  try {
    const { entities } = await readAll(ftmJson, [FTM]);
    const out = join(home.dir, 'out.ftm.json');
    const stream = createWriteStream(out);
    assert.equal(await writeFtmLines(entities, stream), entities.length);
    stream.end();
    await finished(stream);
    const again = await readAll(ftmJson, [out]);
    assert.deepEqual(again.entities, entities);
    const first = JSON.parse(readFileSync(out, 'utf8').split('\n')[0]);
    assert.deepEqual(Object.keys(first), Object.keys(JSON.parse(readFileSync(FTM, 'utf8').split('\n')[0])));
    assert.equal(first.caption, 'MOHAMMAD HASSAN AKHUND');

    // a real list through the writer: every entity survives
    const au = (await readAu()).entities;
    const auOut = join(home.dir, 'au.ftm.json');
    const auStream = createWriteStream(auOut);
    await writeFtmLines(
      (async function* () {
        yield* au;
      })(),
      auStream,
    );
    auStream.end();
    await finished(auStream);
    const auAgain = await readAll(ftmJson, [auOut]);
    assert.equal(auAgain.meta.dataset, 'au_dfat_sanctions');
    assert.deepEqual(auAgain.entities, au);
  } finally {
    home.cleanup();
  }
});

test('FtM JSON: several datasets → format dataset ftm, entities keep their own', async () => {
  const home = tempHome();
  try {
    const lines = readFileSync(FTM, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    lines[2].datasets = ['us_ofac_sdn'];
    const mixed = join(home.dir, 'mixed.ftm.json');
    writeFileSync(mixed, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const { meta, entities } = await readAll(ftmJson, [mixed]);
    assert.equal(meta.dataset, 'ftm');
    assert.deepEqual(entities[0].datasets, ['ftm_sample']);
    assert.deepEqual(entities[2].datasets, ['us_ofac_sdn']);
  } finally {
    home.cleanup();
  }
});

test('FtM JSON: bad JSON, unknown schema or property, duplicate id and empty files fail naming the line', async () => {
  const home = tempHome();
  try {
    const good = readFileSync(FTM, 'utf8').trim().split('\n');
    const write = (name: string, lines: string[]) => {
      const f = join(home.dir, name);
      writeFileSync(f, lines.join('\n') + '\n');
      return f;
    };
    const withProp = JSON.parse(good[1]);
    withProp.properties.favouriteColour = ['blue'];
    await rejectsWith(ftmJson, write('prop.json', [good[0], JSON.stringify(withProp)]), /\(line 2\): unknown property favouriteColour for schema Sanction/);
    const badSchema = { ...JSON.parse(good[0]), schema: 'Spaceship' };
    await rejectsWith(ftmJson, write('schema.json', [JSON.stringify(badSchema)]), /\(line 1\): unknown FtM schema "Spaceship"/);
    await rejectsWith(ftmJson, write('json.json', [good[0], good[1].slice(0, 40)]), /\(line 2\): invalid JSON/);
    await rejectsWith(ftmJson, write('dup.json', [good[0], good[1], good[0]]), /\(line 3\): duplicate entity id sample-person-akhund/);
    const notList = JSON.parse(good[0]);
    notList.properties.name = 'MOHAMMAD';
    await rejectsWith(ftmJson, write('notlist.json', [JSON.stringify(notList)]), /not a list of strings/);
    await rejectsWith(ftmJson, write('empty.json', ['']), /no entity/);
    const garbage = join(home.dir, 'garbage.json');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256)));
    assert.equal(await sniffFile(garbage), undefined);
    await rejectsWith(ftmJson, garbage, /invalid JSON|not a JSON object/);
  } finally {
    home.cleanup();
  }
});
