// UK lists: OFSI ConList (2022 xlsx/csv and the pre-2022 CSV) and the FCDO UK Sanctions List (XML/CSV).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Entity } from '../src/model/entity.js';
import { sniffFile } from '../src/sources/detect.js';
import { fcdoCsv, fcdoXml } from '../src/sources/formats/uk-fcdo.js';
import { ofsiCsv, ofsiCsvLegacy, ofsiXlsx, parseUkDate, splitNumbered } from '../src/sources/formats/uk-ofsi.js';
import { xlsxRows } from '../src/sources/read/xlsx.js';
import { SourceError } from '../src/sources/types.js';
import { fixture, listFile, readAll } from './helpers.js';

const XLSX = listFile('uk', 'conlist-xlsx-2025-04-14', 'ConList.xlsx');
const LEGACY = listFile('uk', 'conlist-csv-2016-03-23', 'ukhmt_2016-03-25.csv');
const FCDO_XML = fixture('uk', 'UK-Sanctions-List-sample.xml');
const FCDO_CSV = fixture('uk', 'UK-Sanctions-List-sample.csv');

const tmp = mkdtempSync(join(tmpdir(), 'interdict-uk-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function byId(entities: Entity[], id: string): Entity {
  const e = entities.find((x) => x.id === id);
  assert.ok(e, `no entity ${id}`);
  return e;
}

/** A CSV line with quoting where needed. */
function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

async function rejects(run: () => Promise<unknown>, pattern: RegExp): Promise<SourceError> {
  try {
    await run();
  } catch (err) {
    assert.ok(err instanceof SourceError, `expected a SourceError, got ${String(err)}`);
    assert.match(err.message, pattern);
    return err;
  }
  assert.fail(`expected a SourceError matching ${pattern}`);
}

let started = 0;
const ofsi = (() => {
  started = Date.now();
  return readAll(ofsiXlsx, [XLSX]).then((r) => ({ ...r, ms: Date.now() - started }));
})();

describe('OFSI ConList 2022 format (xlsx)', () => {
  test('counts match SOURCES.md', async (t) => {
    assert.equal((await sniffFile(XLSX))?.format, 'ofsi-xlsx');
    const { meta, entities, ms } = await ofsi;
    t.diagnostic(`ConList.xlsx: ${entities.length} entities in ${ms} ms`);
    assert.equal(meta.published, '2025-04-14');
    assert.equal(meta.counts.rows, 18798);
    assert.equal(meta.counts.records, 4688);
    assert.equal(meta.counts.individuals, 3663);
    assert.equal(meta.counts.entities, 1010);
    assert.equal(meta.counts.ships, 15);
    assert.equal(meta.counts.regimes, 31);
    const parties = entities.filter((e) => e.target);
    assert.equal(parties.length, 4688);
    assert.equal(new Set(entities.map((e) => e.id)).size, entities.length, 'entity ids are unique');
    assert.ok(parties.every((p) => p.id.startsWith('gb-hmt-') && p.datasets[0] === 'gb_hmt_sanctions'));
    assert.ok(parties.every((p) => p.properties.name?.length), 'every party has a name');
    assert.equal(entities.filter((e) => e.schema === 'Sanction').length, 4688);
    assert.equal(entities.filter((e) => e.schema === 'Address').length, meta.counts.addresses);
  });

  test('a DPRK entity keeps all its aliases, its UN and UK references', async () => {
    const { entities } = await ofsi;
    const e = byId(entities, 'gb-hmt-12871');
    assert.equal(e.schema, 'Organization');
    assert.deepEqual(e.properties.name, ['SECOND ACADEMY OF NATURAL SCIENCES']);
    assert.deepEqual(e.properties.alias, [
      '2ND ACADEMY OF NATURAL SCIENCES',
      'ACADEMY OF NATURAL SCIENCES',
      'CHAYON KWAHAK-WON',
      'CHE 2 CHAYON KWAHAKWON',
      'KUKPANG KWAHAK-WON',
      'NATIONAL DEFENSE ACADEMY',
      'SANSRI',
      'SECOND ACADEMY OF NATURAL SCIENCES RESEARCH INSTITUTE',
    ]);
    assert.deepEqual(e.properties.country, ['kp']);
    assert.deepEqual(e.properties.address, ['Pyongyang, North Korea']);
    assert.deepEqual(e.properties.program, ["Democratic People's Republic of Korea"]);
    assert.deepEqual(e.properties.createdAt, ['2013-04-23']);
    assert.deepEqual(e.properties.modifiedAt, ['2020-12-31']);
    assert.deepEqual(e.properties.topics, ['sanction']);
    assert.ok(e.properties.notes.includes('Subsidiaries: Tangun Trading Corporation'));
    assert.ok(e.properties.notes.some((n) => n.startsWith('The Second Academy of Natural Sciences is a national-level organization')));
    const s = byId(entities, 'gb-hmt-12871-sanction');
    assert.equal(s.target, false);
    assert.deepEqual(s.properties.entity, ['gb-hmt-12871']);
    assert.deepEqual(s.properties.authorityId, ['DPR0189', '12871']);
    assert.deepEqual(s.properties.unscId, ['KPe.018']);
    assert.deepEqual(s.properties.programId, ['DPR']);
    assert.deepEqual(s.properties.listingDate, ['2013-04-23']);
    assert.deepEqual(s.properties.startDate, ['2013-03-07']);
    const a = byId(entities, 'gb-hmt-12871-addr-1');
    assert.deepEqual(a.properties.city, ['Pyongyang']);
    assert.deepEqual(a.properties.country, ['kp']);
  });

  test('a Russian individual keeps the Cyrillic name beside the Latin ones', async () => {
    const { entities } = await ofsi;
    const p = byId(entities, 'gb-hmt-15524');
    assert.equal(p.schema, 'Person');
    assert.deepEqual(p.properties.name, ['Ilya Borisovich BRODSKIY']);
    assert.deepEqual(p.properties.alias, ['Ilya Borisovich BRODSKI', 'Ilya Borisovich BRODSKY', 'Илья Борисович Бродский']);
    assert.deepEqual(p.properties.firstName, ['Ilya']);
    assert.deepEqual(p.properties.middleName, ['Borisovich']);
    assert.deepEqual(p.properties.lastName, ['BRODSKIY']);
    assert.deepEqual(p.properties.birthDate, ['1972-07-01']);
    assert.deepEqual(p.properties.birthPlace, ['Moscow, Russia']);
    assert.deepEqual(p.properties.birthCountry, ['ru']);
    assert.deepEqual(p.properties.nationality, ['cy', 'ru']);
    assert.deepEqual(p.properties.gender, ['male']);
    assert.deepEqual(p.properties.passportNumber, ['K00227238']);
    assert.ok(p.properties.notes.includes('passport K00227238: Cyprus'));
    assert.equal(p.properties.position.length, 2);
    assert.deepEqual(p.properties.address, ['Flat 196, House 3, Akademika Korolyeva Street, Moscow, Russia']);
    const s = byId(entities, 'gb-hmt-15524-sanction');
    assert.deepEqual(s.properties.authorityId, ['RUS1580', '15524']);
    assert.match(s.properties.provisions[0], /^Financial sanctions imposed in addition to an asset freeze: Trust services/);
    assert.match(s.properties.reason[0], /^Ilya Borisovich BRODSKIY \(hereafter BRODSKIY\) is an “involved person”/);
    const a = byId(entities, 'gb-hmt-15524-addr-1');
    assert.deepEqual(a.properties.street, ['Flat 196, House 3, Akademika Korolyeva Street']);
    assert.deepEqual(a.properties.city, ['Moscow']);
  });

  test('a ship keeps IMO number, flags, type, tonnage and build year', async () => {
    const { entities } = await ofsi;
    const v = byId(entities, 'gb-hmt-13651');
    assert.equal(v.schema, 'Vessel');
    assert.deepEqual(v.properties.name, ['SAM JONG 2']);
    assert.equal(v.properties.alias.length, 8);
    assert.ok(v.properties.alias.includes('PETROCHEM VALOUR'));
    assert.deepEqual(v.properties.imoNumber, ['IMO7408873']);
    assert.deepEqual(v.properties.flag, ['kp']);
    assert.deepEqual(v.properties.pastFlags, ['ru']);
    assert.deepEqual(v.properties.type, ['Oil tanker']);
    assert.deepEqual(v.properties.tonnage, ['1676']);
    assert.deepEqual(v.properties.buildDate, ['1975']);
    assert.ok(v.properties.notes.includes('Current owners: Korea Samjong Shipping'));
    assert.ok(v.properties.notes.includes('Length of ship: 80'));
    assert.deepEqual(byId(entities, 'gb-hmt-13651-sanction').properties.authorityId, ['DPR0100', '13651']);
  });

  test('a Russian company gets its registry codes, legal form and contacts', async () => {
    const { entities } = await ofsi;
    const c = byId(entities, 'gb-hmt-16767');
    assert.equal(c.schema, 'Company');
    assert.deepEqual(c.properties.name, ['JOINT-STOCK COMPANY SCIENTIFIC AND PRODUCTION ENTERPRISE SALYUT']);
    assert.ok(c.properties.alias.includes('АКЦИОНЕРНОЕ ОБЩЕСТВО "НАУЧНО-ПРОИЗВОДСТВЕННОЕ ПРЕДПРИЯТИЕ "САЛЮТ"'));
    assert.deepEqual(c.properties.ogrnCode, ['1125261000040']);
    assert.deepEqual(c.properties.innCode, ['5261079332']);
    assert.deepEqual(c.properties.kppCode, ['526101001']);
    assert.deepEqual(c.properties.legalForm, ['Joint-Stock Company']);
    assert.deepEqual(c.properties.website, ['https://nppsalut.ru/']);
    assert.deepEqual(c.properties.email, ['salut@nppsalut.ru']);
    assert.equal(c.properties.phone.length, 3);
    assert.deepEqual(c.properties.address, ['Office 4264, Building 4, 7 Larina str., Nizhny Novgorod, (1) 603950 (2) 603107, Russia']);
  });

  test('alias quality decides alias vs weakAlias; partial birth dates keep their precision', async () => {
    const { entities } = await ofsi;
    const p = byId(entities, 'gb-hmt-13312');
    assert.deepEqual(p.properties.name, ['ABD AL-BASET AZZOUZ']);
    assert.deepEqual(p.properties.alias, ['Abdelbassed AZOUZ', 'Abdul Baset AZOUZ']);
    assert.deepEqual(p.properties.weakAlias, ['AA']);
    assert.deepEqual(byId(entities, 'gb-hmt-13312-sanction').properties.unscId, ['QDi.371']);
    const akhund = byId(entities, 'gb-hmt-7172');
    assert.deepEqual(akhund.properties.title, ['Mullah', 'Haji']);
    assert.deepEqual(akhund.properties.alias, ['محمد حسن آخوند']);
    assert.deepEqual([...akhund.properties.birthDate].sort(), ['1945', '1946', '1947', '1948', '1949', '1950', '1955', '1956', '1957', '1958']);
  });
});

describe('OFSI ConList 2022 format as CSV', () => {
  test('the same rows written as CSV read the same (UTF-8), and Windows-1252 is sniffed', async () => {
    // the first rows of the workbook as CSV; groups whose rows all fall inside must come out identical
    const KEEP = 4000;
    const lines: string[] = [];
    const lastRowOfGroup = new Map<string, number>();
    let n = 0;
    for await (const { cells } of xlsxRows(XLSX)) {
      if (n < KEEP + 2) lines.push(csvLine(cells));
      if (n >= 2) lastRowOfGroup.set(cells[35], n);
      n++;
    }
    const complete = [...lastRowOfGroup].filter(([, last]) => last < KEEP + 2).map(([id]) => `gb-hmt-${id}`);
    const csv = join(tmp, 'ConList.csv');
    writeFileSync(csv, lines.join('\r\n') + '\r\n');
    assert.equal((await sniffFile(csv))?.format, 'ofsi-csv');
    const fromCsv = await readAll(ofsiCsv, [csv]);
    const fromXlsx = await ofsi;
    assert.equal(fromCsv.meta.published, '2025-04-14');
    assert.equal(fromCsv.meta.counts.rows, KEEP);
    assert.ok(complete.length > 300, `${complete.length} complete groups`);
    for (const id of complete.flatMap((c) => [c, `${c}-sanction`])) {
      const { sourceUrl: _a, ...x } = byId(fromXlsx.entities, id).properties;
      const { sourceUrl: _b, ...c } = byId(fromCsv.entities, id).properties;
      assert.deepEqual(c, x, id);
    }
    // Windows-1252: the first 300 rows, re-encoded (Cyrillic becomes '?', the rest must survive)
    const win = join(tmp, 'ConList-1252.csv');
    writeFileSync(win, iconv.encode(lines.slice(0, 302).join('\r\n'), 'win1252'));
    const small = await readAll(ofsiCsv, [win]);
    assert.equal(small.meta.counts.rows, 300);
    const quoted = small.entities.find((e) => e.id === 'gb-hmt-15672');
    assert.ok(quoted?.properties.position?.includes('Cleric (“Pir”) of Bharchundi Sharif Shrine'), 'curly quotes decoded from Windows-1252');
  });
});

describe('OFSI ConList pre-2022 CSV', () => {
  test('counts match SOURCES.md', async () => {
    assert.equal((await sniffFile(LEGACY))?.format, 'ofsi-csv-legacy');
    const { meta, entities } = await readAll(ofsiCsvLegacy, [LEGACY]);
    assert.equal(meta.published, '2016-03-23');
    assert.equal(meta.counts.rows, 8746);
    assert.equal(meta.counts.records, 1924);
    assert.equal(meta.counts.individuals, 1269);
    assert.equal(meta.counts.entities, 655);
    assert.equal(entities.filter((e) => e.target).length, 1924);

    const p = byId(entities, 'gb-hmt-6894');
    assert.deepEqual(p.properties.name, ['Mohamad Iqbal ABDURRAHMAN']);
    assert.ok(p.properties.alias.includes('Abu Jibril ABDURRAHMAN'));
    assert.deepEqual(p.properties.birthDate, ['1957-08-17', '1958-08-17']);
    assert.deepEqual(p.properties.nationality, ['id'], 'demonym "Indonesian" mapped');
    assert.deepEqual(p.properties.idNumber, ['3603251708570001'], 'number found in "no 3603251708570001"');
    assert.deepEqual(byId(entities, 'gb-hmt-6894-sanction').properties.unscId, ['QI.A.86.03']);
    assert.deepEqual(byId(entities, 'gb-hmt-6894-sanction').properties.authorityId, ['6894']);
    // Windows-1252 text decoded
    assert.ok(byId(entities, 'gb-hmt-13284').properties.name.includes('Léonard NGENDAKUMANA'));
    assert.ok(byId(entities, 'gb-hmt-12829').properties.name[0].includes('L’UNIFICATION'));
  });
});

describe('FCDO UK Sanctions List XML', () => {
  test('reads the sample: counts, publication date, every designation', async () => {
    assert.equal((await sniffFile(FCDO_XML))?.format, 'fcdo-xml');
    const { meta, entities } = await readAll(fcdoXml, [FCDO_XML]);
    assert.equal(meta.published, '2026-02-10');
    assert.deepEqual(
      { records: meta.counts.records, individuals: meta.counts.individuals, entities: meta.counts.entities, ships: meta.counts.ships },
      { records: 6, individuals: 2, entities: 3, ships: 1 },
    );
    assert.equal(meta.counts.weak_aliases, 3);
    assert.equal(meta.counts.non_latin_names, 4);
    assert.equal(meta.counts.unmapped_fields, undefined);
    assert.deepEqual(
      entities.filter((e) => e.target).map((e) => e.id),
      ['gb-fcdo-RUS1580', 'gb-fcdo-DPR0189', 'gb-fcdo-DPR0100', 'gb-fcdo-AFG0001', 'gb-fcdo-AFG0006', 'gb-fcdo-RUS2416'],
    );
  });

  test('Russian individual, DPRK entity, ship, aliases of two strengths, partial dates, registry codes', async () => {
    const { entities } = await readAll(fcdoXml, [FCDO_XML]);
    const p = byId(entities, 'gb-fcdo-RUS1580');
    assert.equal(p.schema, 'Person');
    assert.deepEqual(p.datasets, ['gb_fcdo_sanctions']);
    assert.deepEqual(p.properties.name, ['Ilya Borisovich BRODSKIY']);
    assert.deepEqual(p.properties.alias, ['Ilya Borisovich BRODSKI', 'Ilya Borisovich BRODSKY', 'Илья Борисович Бродский']);
    assert.deepEqual(p.properties.nationality, ['cy', 'ru']);
    assert.deepEqual(p.properties.passportNumber, ['K00227238']);
    assert.deepEqual(p.properties.birthDate, ['1972-07-01']);
    assert.deepEqual(p.properties.birthPlace, ['Moscow, Russia']);
    const ps = byId(entities, 'gb-fcdo-RUS1580-sanction');
    assert.deepEqual(ps.properties.authority, ['Foreign, Commonwealth & Development Office']);
    assert.deepEqual(ps.properties.authorityId, ['RUS1580', '15524']);
    assert.deepEqual(ps.properties.provisions, ['Asset freeze', 'Trust services sanctions', 'Travel Ban', 'Director disqualification sanction']);
    assert.deepEqual(ps.properties.listingDate, ['2022-09-26']);

    const dprk = byId(entities, 'gb-fcdo-DPR0189');
    assert.equal(dprk.schema, 'Organization');
    assert.deepEqual(dprk.properties.alias, ['2ND ACADEMY OF NATURAL SCIENCES', 'CHAYON KWAHAK-WON', 'NATIONAL DEFENSE ACADEMY', 'SANSRI']);
    assert.deepEqual(dprk.properties.country, ['kp']);
    assert.deepEqual(byId(entities, 'gb-fcdo-DPR0189-sanction').properties.unscId, ['KPe.018']);

    const ship = byId(entities, 'gb-fcdo-DPR0100');
    assert.equal(ship.schema, 'Vessel');
    assert.deepEqual(ship.properties.imoNumber, ['IMO7408873']);
    assert.deepEqual(ship.properties.flag, ['kp']);
    assert.deepEqual(ship.properties.pastFlags, ['ru']);
    assert.deepEqual(ship.properties.type, ['Oil tanker']);
    assert.deepEqual(ship.properties.buildDate, ['1975']);
    assert.ok(ship.properties.notes.includes('Current owner/operator: Korea Samjong Shipping'));

    const hawala = byId(entities, 'gb-fcdo-AFG0001');
    assert.deepEqual(hawala.properties.alias, ['HAJI KHAIR ULLAH MONEY SERVICE', 'HAJI KHAIRULLAH AND ABDUL SATTAR AND COMPANY', 'حاجی خيرالله و حاجی ستار صرافی']);
    assert.deepEqual(hawala.properties.weakAlias, ['HAJI ALIM HAWALA', 'HAJI HAKIM HAWALA', 'HAJI SALAM HAWALA'], '"ALias" spelling and Low quality a.k.a');
    assert.deepEqual(hawala.properties.phone, ['+93-202-103386', '+93-797-059059']);
    assert.deepEqual(hawala.properties.country, ['af', 'ae']);
    assert.equal(entities.filter((e) => e.id.startsWith('gb-fcdo-AFG0001-addr-')).length, 2);

    const akhund = byId(entities, 'gb-fcdo-AFG0006');
    assert.deepEqual(akhund.properties.birthDate, ['1945', '1958', '1950-07']);
    assert.deepEqual(akhund.properties.title, ['Mullah', 'Haji']);
    assert.equal(entities.some((e) => e.id === 'gb-fcdo-AFG0006-addr-1'), false, 'a bare country is no address');
    assert.deepEqual(akhund.properties.country, ['af']);

    const salyut = byId(entities, 'gb-fcdo-RUS2416');
    assert.equal(salyut.schema, 'Company');
    assert.deepEqual(salyut.properties.ogrnCode, ['1125261000040']);
    assert.deepEqual(salyut.properties.innCode, ['5261079332']);
    assert.deepEqual(salyut.properties.kppCode, ['526101001']);
    assert.deepEqual(byId(entities, 'gb-fcdo-RUS2416-sanction').properties.provisions, ['Asset freeze', 'Trust services sanctions']);
  });

  test('the CSV export of the same designations gives the same entities', async () => {
    assert.equal((await sniffFile(FCDO_CSV))?.format, 'fcdo-csv');
    const xml = await readAll(fcdoXml, [FCDO_XML]);
    const csv = await readAll(fcdoCsv, [FCDO_CSV]);
    assert.equal(csv.meta.published, '2026-02-10');
    assert.equal(csv.meta.counts.rows, 65);
    const norm = (e: Entity) => {
      const { sourceUrl: _, ...props } = e.properties;
      return { id: e.id, schema: e.schema, props: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, [...v].sort()]).sort()) };
    };
    assert.deepEqual(csv.entities.map(norm).sort((a, b) => a.id.localeCompare(b.id)), xml.entities.map(norm).sort((a, b) => a.id.localeCompare(b.id)));
  });

  test('unknown elements are kept in notes and counted; crypto addresses become wallets', async () => {
    const text = readFileSync(FCDO_XML, 'utf8').replace(
      '<UniqueID>RUS2416</UniqueID>',
      '<UniqueID>RUS2416</UniqueID><InterpolNoticeLink>https://www.interpol.int/x</InterpolNoticeLink>' +
        '<CryptoWalletAddresses><CryptoWalletAddress>bc1qexample0000000000000000000000000000</CryptoWalletAddress></CryptoWalletAddresses>',
    );
    const file = join(tmp, 'uksl-extra.xml');
    writeFileSync(file, text);
    const { meta, entities } = await readAll(fcdoXml, [file]);
    assert.equal(meta.counts.unmapped_fields, 1);
    const c = byId(entities, 'gb-fcdo-RUS2416');
    assert.ok(c.properties.notes.includes('InterpolNoticeLink: https://www.interpol.int/x'));
    assert.ok(c.properties.idNumber.includes('bc1qexample0000000000000000000000000000'));
    const w = byId(entities, 'gb-fcdo-RUS2416-wallet-1');
    assert.equal(w.schema, 'CryptoWallet');
    assert.equal(w.target, false);
    assert.deepEqual(w.properties.holder, ['gb-fcdo-RUS2416']);
  });
});

describe('bad input', () => {
  test('xlsx with three extra rows above the header', async () => {
    const rows: string[][] = [];
    for await (const { cells } of xlsxRows(XLSX)) {
      rows.push(cells);
      if (rows.length === 42) break;
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ConList');
    ws.addRow(['Consolidated List of Financial Sanctions Targets in the UK']);
    ws.addRow(['Office of Financial Sanctions Implementation, HM Treasury']);
    ws.addRow(['Please read the guidance before using this list']);
    for (const r of rows) ws.addRow(r);
    const file = join(tmp, 'ConList-extra-rows.xlsx');
    await wb.xlsx.writeFile(file);
    const { meta, entities } = await readAll(ofsiXlsx, [file]);
    assert.equal(meta.published, '2025-04-14');
    assert.equal(meta.counts.rows, 40);
    const groups = new Set(rows.slice(2).map((r) => r[35]));
    assert.equal(meta.counts.records, groups.size);
    const haq = byId(entities, 'gb-hmt-15672');
    assert.ok([...haq.properties.name, ...(haq.properties.alias ?? [])].includes('Mian MITHOO'));
  });

  test('xlsx without a ConList header, truncated xlsx, empty files', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['Name', 'Country']);
    const noHeader = join(tmp, 'no-header.xlsx');
    await wb.xlsx.writeFile(noHeader);
    await rejects(() => readAll(ofsiXlsx, [noHeader]), /no ConList header row/);

    const truncated = join(tmp, 'ConList-truncated.xlsx');
    const bytes = readFileSync(XLSX);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await rejects(() => readAll(ofsiXlsx, [truncated]), /ConList-truncated\.xlsx: not a readable xlsx workbook/);

    for (const [name, format, pattern] of [
      ['empty.xlsx', ofsiXlsx, /not a readable xlsx workbook/],
      ['empty.csv', ofsiCsv, /no ConList header row/],
      ['empty-legacy.csv', ofsiCsvLegacy, /no ConList header row/],
      ['empty.xml', fcdoXml, /empty file|no XML element/],
      ['empty-uksl.csv', fcdoCsv, /no UK Sanctions List header row/],
    ] as const) {
      const file = join(tmp, name);
      writeFileSync(file, '');
      await rejects(() => readAll(format, [file]), pattern);
    }
  });

  test('CSV with a broken quote names the line', async () => {
    const lines = readFileSync(LEGACY, 'latin1').split('\r\n').slice(0, 20);
    lines.splice(10, 0, '"BROKEN NAME,Mohamad,,,,,,17/08/1957,Tangerang,Indonesia,Indonesian,,,,,,,,,,,Indonesia,,Individual,AKA,Syria,24/01/2003,23/06/2011,6894');
    const file = join(tmp, 'broken-quote.csv');
    writeFileSync(file, iconv.encode(lines.join('\r\n'), 'win1252'));
    const err = await rejects(() => readAll(ofsiCsvLegacy, [file]), /malformed CSV/);
    assert.match(err.location ?? '', /line \d+/);
  });

  test('one Group ID listed as two group types is an error; a row without Group ID too', async () => {
    const header = readFileSync(LEGACY, 'latin1').split('\r\n').slice(0, 2);
    const row = (name: string, type: string, id: string) =>
      csvLine([name, 'Ali', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', type, 'AKA', 'Syria', '01/01/2012', '01/01/2013', id]);
    const file = join(tmp, 'conflict.csv');
    writeFileSync(file, [...header, row('HASSAN', 'Individual', '9001'), row('HASAN', 'Entity', '9001')].join('\r\n'));
    const err = await rejects(() => readAll(ofsiCsvLegacy, [file]), /Group ID 9001 is listed both as "Individual" and as "Entity"/);
    assert.equal(err.location, 'row 4');
    writeFileSync(file, [...header, row('HASSAN', 'Individual', '')].join('\r\n'));
    await rejects(() => readAll(ofsiCsvLegacy, [file]), /row without a Group ID/);
  });

  test('UK Sanctions List XML: truncated, duplicate UniqueID, another list', async () => {
    const text = readFileSync(FCDO_XML, 'utf8');
    const truncated = join(tmp, 'uksl-truncated.xml');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.6)));
    await rejects(() => readAll(fcdoXml, [truncated]), /malformed XML/);

    const first = text.slice(text.indexOf('<Designation>'), text.indexOf('</Designation>') + '</Designation>'.length);
    const dup = join(tmp, 'uksl-duplicate.xml');
    writeFileSync(dup, text.replace('</Designations>', `${first}\n</Designations>`));
    await rejects(() => readAll(fcdoXml, [dup]), /UniqueID RUS1580 appears twice/);

    await rejects(() => readAll(fcdoXml, [listFile('un', 'consolidated.xml')]), /not a UK Sanctions List/);
  });

  test('UK Sanctions List CSV: one Unique ID of two designation types', async () => {
    const lines = readFileSync(FCDO_CSV, 'utf8').split('\r\n');
    const changed = lines.map((l, i) => (i === 3 ? l.replace(',Individual,', ',Entity,') : l));
    const file = join(tmp, 'uksl-conflict.csv');
    writeFileSync(file, changed.join('\r\n'));
    await rejects(() => readAll(fcdoCsv, [file]), /Unique ID RUS1580 is listed both as "Individual" and as "Entity"/);
  });
});

describe('UK text helpers', () => {
  test('numbered lists and partial dates', () => {
    assert.deepEqual(splitNumbered('(1) Germany. (2) Morocco'), ['Germany', 'Morocco']);
    assert.deepEqual(splitNumbered('1) Uzbek 2) Afghan'), ['Uzbek', 'Afghan']);
    assert.deepEqual(splitNumbered('(1)-(2) Indonesia'), ['Indonesia']);
    assert.deepEqual(splitNumbered('Cleric (“Pir”) of Bharchundi Sharif Shrine'), ['Cleric (“Pir”) of Bharchundi Sharif Shrine']);
    assert.equal(parseUkDate('00/00/1960'), '1960');
    assert.equal(parseUkDate('00/05/1973'), '1973-05');
    assert.equal(parseUkDate('05/1973'), '1973-05');
    assert.equal(parseUkDate('dd/mm/1962'), '1962');
    assert.equal(parseUkDate('dd/07/1978'), '1978-07');
    assert.equal(parseUkDate('13-Feb-2026'), '2026-02-13');
    assert.equal(parseUkDate('31/13/1970'), undefined);
  });
});
