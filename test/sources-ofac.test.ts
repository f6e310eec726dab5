// OFAC loaders: legacy CSV (SDN and Consolidated), sdnList XML, Enhanced XML zip. Counts from SOURCES.md,
// real entries field by field, and broken copies of the real files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFile, readAll } from './helpers.js';
import type { Entity } from '../src/model/entity.js';
import { detectLists } from '../src/sources/detect.js';
import { SourceError, type ListMeta, type SourceFormat } from '../src/sources/types.js';
import { ofacConsCsv, ofacSdnCsv } from '../src/sources/formats/ofac-csv.js';
import { ofacConsXml, ofacSdnXml } from '../src/sources/formats/ofac-xml.js';
import { ofacConsEnhanced, ofacSdnEnhanced } from '../src/sources/formats/ofac-enhanced.js';
import { matchLabel, parseIdValue, parseOfacDate, splitRemarks } from '../src/sources/formats/ofac-ids.js';
import { hasCorporateForm, splitPersonName } from '../src/sources/formats/ofac-party.js';

const ofac = (...parts: string[]) => listFile('ofac', ...parts);
const SDN23 = ['sdn.csv', 'add.csv', 'alt.csv'].map((f) => ofac('sdn-csv-2023-12-28', f));
const SDN21 = ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv'].map((f) => ofac('sdn-csv-2021-07-07', f));
const CONS_CSV = ['cons_prim.csv', 'cons_add.csv', 'cons_alt.csv', 'cons_comments.csv'].map((f) => ofac('cons-csv-2025-12-19', f));
const CONS_XML = ofac('cons-xml-2026-01-08', 'consolidated.xml');
const CONS_ZIP = ofac('cons-enhanced-2025-01-10', 'CONS_ENHANCED.ZIP');

/**
 * Read a whole list but keep only the entities of the parties spot-checked (and their Sanction,
 * Address, CryptoWallet entities): holding 40,000 entities costs more time than reading them.
 */
async function readKeeping(format: SourceFormat, files: string[], partyIds: string[]): Promise<{ meta: ListMeta; entities: Entity[]; targets: number }> {
  const meta: ListMeta = { dataset: format.dataset, format: format.format, published: null, counts: {} };
  const entities: Entity[] = [];
  let targets = 0;
  for await (const e of format.read({ files }, meta)) {
    if (e.target) targets++;
    if (partyIds.some((id) => e.id === id || e.id.startsWith(`${id}-`))) entities.push(e);
  }
  return { meta, entities, targets };
}

function byId(entities: Entity[], id: string): Entity {
  const e = entities.find((x) => x.id === id);
  assert.ok(e, `entity ${id} not found`);
  return e;
}

function related(entities: Entity[], id: string, schema: string): Entity[] {
  return entities.filter((e) => e.schema === schema && e.id.startsWith(`${id}-`));
}

// --- pure parsing ---------------------------------------------------------------------------------------

test('OFAC dates: days, months, years, circa and ranges', () => {
  assert.deepEqual(parseOfacDate('10 Dec 1948'), { values: ['1948-12-10'], approximate: false });
  assert.deepEqual(parseOfacDate('Dec 1970'), { values: ['1970-12'], approximate: false });
  assert.deepEqual(parseOfacDate('circa 1951'), { values: ['1951'], approximate: true });
  assert.deepEqual(parseOfacDate('1960 to 1962'), { values: ['1960', '1961', '1962'], approximate: true });
  assert.deepEqual(parseOfacDate('01 Jan 1958 to 31 Dec 1959'), { values: ['1958', '1959'], approximate: true });
  assert.deepEqual(parseOfacDate('circa 1950-1952'), { values: ['1950', '1951', '1952'], approximate: true });
  assert.deepEqual(parseOfacDate('05 Mar 1970 to 20 Mar 1970'), { values: ['1970-03-05', '1970-03-20'], approximate: true });
  assert.equal(parseOfacDate('sometime in the 60s'), undefined);
});

test('remark labels: longest label wins, separators and "alt." handled', () => {
  assert.equal(matchLabel('Nationality of Registration Russia')?.label, 'Nationality of Registration');
  assert.equal(matchLabel('nationality Korea, North')?.rest, 'Korea, North');
  assert.equal(matchLabel('Linked To: HIZBALLAH')?.rest, 'HIZBALLAH');
  assert.equal(matchLabel('Digital Currency Address - XBT 1A1z')?.rest, 'XBT 1A1z');
  assert.equal(matchLabel('Licensed by nobody'), undefined); // "License" must end at a word boundary
  assert.equal(matchLabel('Member of the State Duma'), undefined);
  assert.deepEqual(splitRemarks("DOB 1962; POB Shati; a.k.a. 'X S.A.'."), ['DOB 1962', 'POB Shati', "a.k.a. 'X S.A.'"]);
  assert.deepEqual(splitRemarks('Website x.ru; (Linked To: HAMAS)'), ['Website x.ru', 'Linked To: HAMAS']);
  const isCountry = (s: string) => ['Iran', 'Germany'].includes(s);
  assert.deepEqual(parseIdValue('L 191609 (Iran) issued 28 Feb 1996 expires 27 Feb 2001', isCountry), {
    number: 'L 191609',
    country: 'Iran',
    extra: 'issued 28 Feb 1996 expires 27 Feb 2001',
  });
  assert.deepEqual(parseIdValue('HRA 738077 (Stuttgart) (Germany)', isCountry), { number: 'HRA 738077 (Stuttgart)', country: 'Germany', extra: undefined });
});

test('names and entity schemata', () => {
  assert.deepEqual(splitPersonName('DELOS REYES, Feliciano Semborio, Jr.'), {
    name: 'Feliciano Semborio DELOS REYES Jr.',
    first: 'Feliciano Semborio',
    last: 'DELOS REYES',
    suffix: 'Jr.',
  });
  assert.deepEqual(splitPersonName('ZULKARNAEN'), { name: 'ZULKARNAEN' });
  assert.equal(hasCorporateForm('ANGLO-CARIBBEAN CO., LTD.'), true);
  assert.equal(hasCorporateForm('OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU SIGNAL-INVEST'), true);
  assert.equal(hasCorporateForm('HARAKAT UL-MUJAHIDEEN'), false);
  assert.equal(hasCorporateForm('COSTCO WHOLESALE'), false); // "CO" only as a word
});

// --- legacy CSV ------------------------------------------------------------------------------------------

test('SDN CSV 2023-12-28: counts, every alias and address row attached, vessel/DPRK/aircraft entries', async () => {
  const { meta, entities, targets } = await readKeeping(ofacSdnCsv, SDN23, ['ofac-15036', 'ofac-17616', 'ofac-15431', 'ofac-306']);
  const c = meta.counts;
  assert.equal(meta.published, null);
  assert.equal(c.records, 13821);
  assert.deepEqual([c.type_individual, c.type_entity, c.type_vessel, c.type_aircraft], [6646, 6033, 764, 378]);
  assert.equal(c.aliases, 17091);
  assert.equal(c.addresses, 18990);
  assert.equal(c.orphan_aliases, 0);
  assert.equal(c.orphan_addresses, 0);
  assert.equal(c.truncated_remarks, 17); // 17 Remarks cut at 1000 characters, no sdn_comments.csv in this set
  assert.equal(c.missing_end_marker, undefined); // the file ends with 0x1A
  assert.equal(targets, 13821);
  assert.ok(c.unparsed_remarks < c.remark_parts * 0.02, `${c.unparsed_remarks} of ${c.remark_parts} remark parts unparsed`);

  // A vessel with IMO number, field by field
  const vessel = byId(entities, 'ofac-15036');
  assert.equal(vessel.schema, 'Vessel');
  assert.equal(vessel.target, true);
  assert.deepEqual(vessel.datasets, ['us_ofac_sdn']);
  const v = vessel.properties;
  assert.deepEqual(v.name, ['ARTAVIL']);
  assert.deepEqual(v.imoNumber, ['IMO9187629']);
  assert.deepEqual(v.mmsi, ['572469210']);
  assert.deepEqual(v.callSign, ['T2EU4']);
  assert.deepEqual(v.type, ['Crude/Oil Products Tanker']);
  assert.deepEqual(v.tonnage, ['99144']);
  assert.deepEqual(v.grossRegisteredTonnage, ['56068']);
  assert.deepEqual(v.flag, ['ir']);
  assert.deepEqual(v.pastFlags, ['mt', 'tv', 'tz']); // "None Identified" is OFAC's null
  assert.deepEqual(v.weakAlias, ['ALPHA']); // "f.k.a. 'ALPHA'" in Remarks: low quality
  assert.deepEqual(v.program, ['IRAN']);
  assert.deepEqual(v.topics, ['sanction']);
  assert.deepEqual(v.notes, ['Linked To: NATIONAL IRANIAN TANKER COMPANY']);
  const sanction = byId(entities, 'ofac-15036-sanction');
  assert.equal(sanction.target, false);
  assert.deepEqual(sanction.properties.entity, ['ofac-15036']);
  assert.deepEqual(sanction.properties.authorityId, ['15036']);
  assert.deepEqual(sanction.properties.summary, ['Additional Sanctions Information - Subject to Secondary Sanctions']);

  // A DPRK individual: "LAST, First" becomes "First LAST"; the Title column is a position
  const ryu = byId(entities, 'ofac-17616').properties;
  assert.deepEqual(ryu.name, ['Jin RYU']);
  assert.deepEqual([ryu.firstName, ryu.lastName], [['Jin'], ['RYU']]);
  assert.deepEqual(ryu.birthDate, ['1965-08-07']);
  assert.deepEqual(ryu.nationality, ['kp']);
  assert.deepEqual(ryu.passportNumber, ['563410081']);
  assert.deepEqual(ryu.position, ['KOMID official in Syria']);
  assert.deepEqual(ryu.program, ['DPRK2']);
  assert.equal(ryu.notes, undefined); // the Remarks repeat the title: nothing left over

  // An aircraft: the name is its tail number
  const plane = byId(entities, 'ofac-15431');
  assert.equal(plane.schema, 'Airplane');
  assert.deepEqual(plane.properties.registrationNumber, ['EP-GOM']);
  assert.deepEqual(plane.properties.serialNumber, ['8401', '1023409321']);
  assert.deepEqual(plane.properties.buildDate, ['1992']);
  assert.deepEqual(plane.properties.model, ['IL76-TD']);

  // Addresses: Address entities keyed by Add_num, the full text on the party
  const bnc = byId(entities, 'ofac-306');
  assert.equal(bnc.schema, 'Organization');
  assert.deepEqual(bnc.properties.alias, ['NATIONAL BANK OF CUBA']);
  assert.deepEqual(bnc.properties.weakAlias, ['BNC']);
  const addr = byId(entities, 'ofac-306-addr-199');
  assert.deepEqual(addr.properties, { full: ['Zweierstrasse 35, Zurich CH-8022, Switzerland'], street: ['Zweierstrasse 35'], city: ['Zurich CH-8022'], country: ['ch'] });
  assert.ok(bnc.properties.address.includes('Zweierstrasse 35, Zurich CH-8022, Switzerland'));
});

test('SDN CSV 2021-07-07: the 5 sdn_comments rows complete the 5 cut Remarks; digital currency wallets', async () => {
  const { meta, entities } = await readKeeping(ofacSdnCsv, SDN21, ['ofac-28264']);
  const c = meta.counts;
  assert.deepEqual([c.records, c.addresses, c.aliases, c.comments], [8976, 13837, 11910, 5]);
  assert.deepEqual([c.type_individual, c.type_entity, c.type_vessel, c.type_aircraft], [4620, 3673, 406, 277]);
  assert.equal(c.remarks_completed, 5);
  assert.equal(c.truncated_remarks, undefined);
  assert.equal(c.orphan_comments, 0);

  // LI Jiadong: Remarks cut at "...510.210; P" continue with "hone Number 8613314257947; ..."
  const li = byId(entities, 'ofac-28264');
  assert.equal(li.schema, 'Person');
  assert.deepEqual(li.properties.phone, ['8613314257947', '8618004121000']);
  assert.deepEqual(li.properties.weakAlias, ['blackjack1987', 'khaleesi']);
  assert.deepEqual(li.properties.notes, ['Linked To: LAZARUS GROUP']);
  const wallets = related(entities, 'ofac-28264', 'CryptoWallet');
  assert.equal(wallets.length, 12);
  assert.deepEqual(wallets[0], {
    id: 'ofac-28264-wallet-1',
    schema: 'CryptoWallet',
    properties: { publicKey: ['1EfMVkxQQuZfBdocpJu6RUsCJvenQWbQyE'], currency: ['XBT'], holder: ['ofac-28264'] },
    datasets: ['us_ofac_sdn'],
    referents: [],
    target: false,
  });
  // the addresses are also identifiers of the party, so an identifier search finds it
  assert.ok(wallets.every((w) => li.properties.idNumber.includes(w.properties.publicKey[0])));
  assert.ok(li.properties.idNumber.includes('210302198701102136')); // "Identification Number ... (China)"
});

test('SDN CSV 2024-05-03 alone (no companions): 14,965 entries', async () => {
  const { meta } = await readKeeping(ofacSdnCsv, [ofac('sdn-csv-2024-05-03', 'sdn.csv')], []);
  assert.equal(meta.counts.records, 14965);
  assert.deepEqual([meta.counts.type_entity, meta.counts.type_individual, meta.counts.type_vessel, meta.counts.type_aircraft], [6884, 6854, 851, 376]);
  assert.equal(meta.counts.aliases, undefined);
});

test('Consolidated CSV: 442 / 574 / 1,073 / 10 and a Russian bank with INN and OGRN', async () => {
  const { meta, entities } = await readAll(ofacConsCsv, CONS_CSV);
  const c = meta.counts;
  assert.equal(meta.dataset, 'us_ofac_cons');
  assert.deepEqual([c.records, c.addresses, c.aliases, c.comments, c.remarks_completed], [442, 574, 1073, 10, 10]);
  assert.deepEqual([c.type_entity, c.type_individual], [363, 79]);
  assert.deepEqual([c.orphan_addresses, c.orphan_aliases, c.orphan_comments], [0, 0, 0]);

  const gpb = byId(entities, 'ofac-17016');
  assert.equal(gpb.schema, 'Company');
  assert.deepEqual(gpb.datasets, ['us_ofac_cons']);
  const p = gpb.properties;
  assert.deepEqual(p.innCode, ['7744001497']);
  assert.deepEqual(p.taxNumber, ['7744001497']);
  assert.deepEqual(p.ogrnCode, ['1027700167110']);
  assert.deepEqual(p.leiCode, ['253400WSS48YWMBUA688']);
  assert.deepEqual(p.swiftBic, ['GAZPRUMM']);
  assert.deepEqual(p.incorporationDate, ['1990-07-31']);
  assert.deepEqual(p.program, ['UKRAINE-EO13662', 'RUSSIA-EO14024']);
  assert.ok(p.country.includes('ru'));
  const s = byId(entities, 'ofac-17016-sanction').properties;
  assert.deepEqual(s.listingDate, ['2022-02-24']);
  assert.deepEqual(s.startDate, ['2022-03-26']);
  assert.ok(s.summary.includes('Listing Date (EO 14024 Directive 3): 24 Feb 2022'));
});

// --- sdnList XML ------------------------------------------------------------------------------------------

test('consolidated.xml: published date, Record_Count, strong and weak akas', async () => {
  const { meta, entities } = await readAll(ofacConsXml, [CONS_XML]);
  const c = meta.counts;
  assert.equal(meta.published, '2026-01-08');
  assert.equal(c.records, 442);
  assert.deepEqual([c.type_entity, c.type_individual], [363, 79]);
  assert.equal(c.aka, 1144);
  assert.equal(c.aka_strong + c.aka_weak, 1144);

  const zahhar = byId(entities, 'ofac-9647').properties;
  assert.deepEqual(zahhar.name, ['Mahmoud Khaled ZAHHAR']);
  assert.deepEqual(zahhar.alias, ['Mahmoud Khaled AL ZAHAR']);
  assert.deepEqual(zahhar.weakAlias, ['Mahmoud ZAHAR', 'Mahmoud AL-ZAHAR']); // category weak
  assert.deepEqual(zahhar.birthDate, ['1945']);
  assert.deepEqual(zahhar.nationality, ['ps']);
  assert.deepEqual(zahhar.gender, ['male']);
  assert.deepEqual(zahhar.notes, ['Linked To: HAMAS']); // from "(Linked To: HAMAS)"

  // the same bank as in the CSV, from idList instead of Remarks
  const gpb = byId(entities, 'ofac-17016').properties;
  assert.deepEqual([gpb.innCode, gpb.ogrnCode, gpb.swiftBic], [['7744001497'], ['1027700167110'], ['GAZPRUMM']]);
  const addr = byId(entities, 'ofac-17016-addr-25807').properties;
  assert.deepEqual(addr.street, ['16 Nametkina Street']);
  assert.deepEqual(addr.street2, ['Bldg. 1']);
  assert.deepEqual([addr.city, addr.postalCode, addr.country], [['Moscow'], ['117420'], ['ru']]);
});

// --- Enhanced XML -----------------------------------------------------------------------------------------

test('CONS_ENHANCED.ZIP: reference values first, 443 entities, ids shared with the legacy formats', async () => {
  const { meta, entities } = await readAll(ofacConsEnhanced, [CONS_ZIP]);
  const c = meta.counts;
  assert.equal(meta.published, '2025-01-10');
  assert.equal(c.reference_values, 766);
  assert.equal(c.records, 443);
  assert.deepEqual([c.type_entity, c.type_individual], [363, 80]);
  assert.equal(c.unparsed_types, undefined); // every feature and document type is in the label table

  const cons = await readAll(ofacConsCsv, CONS_CSV.slice(0, 1));
  const csvIds = new Set(cons.entities.filter((e) => e.target).map((e) => e.id));
  const shared = entities.filter((e) => e.target && csvIds.has(e.id));
  assert.equal(shared.length, 442); // all but one entity of the Jan 2025 file are still listed in Dec 2025

  const vtb = byId(entities, 'ofac-17013');
  assert.equal(vtb.schema, 'Company');
  const p = vtb.properties;
  assert.ok(p.alias.includes('БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО')); // Cyrillic translation of the primary name
  assert.deepEqual(p.weakAlias, ['JSC VTB BANK NEW DELHI BRANCH']); // isLowQuality
  assert.ok(p.previousName.includes('VNESHTORGBANK')); // F.K.A.
  assert.deepEqual([p.innCode, p.ogrnCode, p.okpoCode], [['7702070139'], ['1027739609391'], ['00032520']]);
  assert.deepEqual(p.bikCode, ['044030707', '044525187']);
  assert.deepEqual(p.createdAt, ['2014-07-29']); // first published on the SSI list
  const s = byId(entities, 'ofac-17013-sanction').properties;
  assert.deepEqual(s.listingDate, ['2014-07-29']);
  assert.ok(s.reason.includes('Executive Order 14024 (Russia)'));

  const martelly = byId(entities, 'ofac-50476').properties;
  assert.deepEqual(martelly.name, ['Michel Joseph MARTELLY']);
  assert.deepEqual(martelly.middleName, ['Joseph']);
  assert.ok(martelly.weakAlias.includes('Sweet Micky'));

  const zahhar = byId(entities, 'ofac-9647').properties;
  assert.deepEqual(zahhar.notes, ['Acting for or on behalf of: HAMAS (ofac-4695)']);
});

// --- detection --------------------------------------------------------------------------------------------

test('detection: each OFAC folder is one list of the right format and dataset', async () => {
  const { lists } = await detectLists([listFile('ofac')]);
  const found = lists.map((l) => [l.format.format, l.format.dataset, l.input.files.length].join(' ')).sort();
  assert.deepEqual(found, [
    'ofac-cons-csv us_ofac_cons 4',
    'ofac-cons-enhanced us_ofac_cons 1',
    'ofac-cons-xml us_ofac_cons 1',
    'ofac-sdn-csv us_ofac_sdn 1',
    'ofac-sdn-csv us_ofac_sdn 3',
    'ofac-sdn-csv us_ofac_sdn 4',
  ]);
  assert.equal(ofacSdnXml.sniff('sdn.xml', readFileSync(CONS_XML, 'latin1').slice(0, 4096)), true);
  assert.equal(ofacConsXml.sniff('sdn.xml', readFileSync(CONS_XML, 'latin1').slice(0, 4096)), false);
  assert.equal(ofacSdnEnhanced.sniff('cons_enhanced.zip', readFileSync(CONS_ZIP, 'latin1').slice(0, 4096)), false);
});

// --- bad input --------------------------------------------------------------------------------------------

async function rejects(format: SourceFormat, files: string[], pattern: RegExp): Promise<void> {
  await assert.rejects(readAll(format, files), (err: unknown) => {
    assert.ok(err instanceof SourceError, `expected a SourceError, got ${String(err)}`);
    assert.match(err.message, pattern);
    return true;
  });
}

test('bad input fails with a SourceError naming the file and the place', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-ofac-'));
  try {
    const file = (name: string, content: string | Buffer) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const sdnLines = readFileSync(SDN23[0], 'latin1').split('\r\n');
    const head = (n: number) => sdnLines.slice(0, n).join('\r\n') + '\r\n';

    // legacy CSV
    await rejects(ofacSdnCsv, [file('empty.csv', '')], /empty.csv: empty file/);
    await rejects(ofacSdnCsv, [file('garbage.csv', readFileSync(CONS_ZIP))], /garbage\.csv.*(line \d+)/);
    await rejects(ofacSdnCsv, [file('quote.csv', head(3) + '4238,"MAR AZUL,"vessel","CUBA",-0- ,-0- \r\n')], /quote\.csv \(line 4\): malformed CSV/);
    await rejects(ofacSdnCsv, [file('cut.csv', head(3) + '4238,"MAR AZUL","vessel"\r\n')], /cut\.csv \(line 4\): expected 12 columns/);
    const cutAtRow = await readAll(ofacSdnCsv, [file('rows.csv', head(3))]); // cut between rows: readable, but flagged
    assert.deepEqual([cutAtRow.meta.counts.records, cutAtRow.meta.counts.missing_end_marker], [3, 1]);
    await rejects(ofacSdnCsv, [file('dup.csv', head(3) + sdnLines[2] + '\r\n')], /dup\.csv \(line 4\): duplicate ent_num 306/);
    // companions from another publication: alias rows whose entries are not in the primary file
    await rejects(ofacSdnCsv, [file('sdn.csv', head(10)), SDN23[2]], /alt\.csv \(line \d+\): \d+ aliases row\(s\) name an ent_num that is not in the primary file/);
    await rejects(ofacSdnCsv, [file('sdn2.csv', head(3)), file('notes.txt', 'x')], /notes\.txt: not an OFAC CSV companion/);

    // sdnList XML
    const xml = readFileSync(CONS_XML, 'utf8');
    await rejects(ofacConsXml, [file('cut.xml', xml.slice(0, xml.length / 2))], /cut\.xml \(line \d+, column \d+\): malformed XML/);
    const oneLess = xml.replace(/<sdnEntry>\s*<uid>9639<\/uid>[\s\S]*?<\/sdnEntry>/, '');
    await rejects(ofacConsXml, [file('less.xml', oneLess)], /less\.xml: publshInformation\/Record_Count says 442 entries but the file has 441/);
    const twice = xml.replace('<uid>9640</uid>', '<uid>9639</uid>');
    await rejects(ofacConsXml, [file('twice.xml', twice)], /twice\.xml: duplicate sdnEntry uid 9639/);
    await rejects(ofacConsXml, [file('other.xml', '<?xml version="1.0"?><export><record/></export>')], /other\.xml: root element is <export>/);
    await rejects(ofacConsXml, [file('empty.xml', '')], /empty\.xml: (empty file|no XML element)/);

    // Enhanced zip
    await rejects(ofacConsEnhanced, [file('CONS_ENHANCED.ZIP', 'this is not a zip')], /CONS_ENHANCED\.ZIP: not a zip archive/);
    const zip = readFileSync(CONS_ZIP);
    await rejects(ofacConsEnhanced, [file('half.zip', zip.subarray(0, zip.length / 2))], /half\.zip: not a readable zip archive/);
    await rejects(ofacConsEnhanced, [file('noxml.zip', storedZip('README.txt', 'no list here'))], /noxml\.zip: the zip holds no XML member/);
    await rejects(ofacConsEnhanced, [file('empty.zip', '')], /empty\.zip: empty file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A one-member zip, stored uncompressed: enough for yauzl to list it (the CRC is only checked on read). */
function storedZip(name: string, content: string): Buffer {
  const n = Buffer.from(name);
  const data = Buffer.from(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + data.length, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}
