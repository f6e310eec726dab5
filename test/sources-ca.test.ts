// Canada SEMA XML: SOURCES.md counts, real entries field by field, later editions' element names, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caSema } from '../src/sources/formats/ca-sema.js';
import { sniffFile } from '../src/sources/detect.js';
import type { Entity } from '../src/model/entity.js';
import { SourceError } from '../src/sources/types.js';
import { listFile, readAll, tempHome } from './helpers.js';

const FILE = listFile('ca', 'sema-lmes.xml');
const list = readAll(caSema, [FILE]);

async function entity(id: string): Promise<Entity> {
  const found = (await list).entities.find((e) => e.id === id);
  assert.ok(found, `${id} is read`);
  return found;
}

test('Canada SEMA: detected; 1,369 records (384 entities), 10 regimes, no date in the file', async () => {
  assert.equal((await sniffFile(FILE))?.format, 'ca-sema-xml');
  const { meta, entities } = await list;
  assert.equal(meta.published, null);
  assert.equal(meta.counts.records, 1369);
  assert.equal(meta.counts.entities, 384);
  assert.equal(meta.counts.individuals, 985);
  assert.equal(meta.counts.unknown_elements, undefined);
  assert.equal(meta.counts.unparsed_dates, undefined);
  const targets = entities.filter((e) => e.target);
  assert.equal(targets.length, 1369);
  assert.equal(entities.filter((e) => e.schema === 'Sanction').length, 1369);
  const byProgram: Record<string, number> = {};
  for (const e of targets) for (const p of e.properties.program) byProgram[p] = (byProgram[p] ?? 0) + 1;
  assert.deepEqual(byProgram, {
    Burma: 89, Iran: 202, 'Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)': 70, Nicaragua: 9,
    Russia: 197, 'South Sudan': 2, Syria: 281, Ukraine: 242, Venezuela: 96, Zimbabwe: 181,
  });
});

test('Canada SEMA: Item repeats across regimes and schedules, so ids are regime + schedule + item, all unique', async () => {
  const items = [...readFileSync(FILE, 'utf8').matchAll(/<Item>([^<]*)<\/Item>/g)].map((m) => m[1]);
  assert.equal(items.length, 1369);
  assert.ok(new Set(items).size < 300, 'Item alone is no id');
  const ids = (await list).entities.filter((e) => e.target).map((e) => e.id);
  assert.equal(new Set(ids).size, 1369);
  assert.ok(ids.includes('ca-sema-russia-1-part-2-60'));
  assert.ok(ids.includes('ca-sema-zimbabwe-72'), 'Schedule N/A is left out');
  assert.ok(ids.includes('ca-sema-venezuela-55'), 'no Schedule element');
  assert.ok(ids.includes('ca-sema-jvcfor-1-54'), 'the JVCFOR regime by its acronym');
});

test('Canada SEMA: an entity field by field (Burma, Schedule 1, Item 7: Htoo Furniture)', async () => {
  const htoo = await entity('ca-sema-burma-1-7');
  assert.equal(htoo.schema, 'LegalEntity');
  assert.deepEqual(htoo.properties.name, ['Htoo Furniture']);
  assert.deepEqual(htoo.properties.alias, ['Htoo Wood', 'Htoo Wood Products', 'Htoo Wood Products Pte. Limited', 'Htoo Wood-Based Industry']);
  assert.deepEqual(htoo.properties.country, ['mm']);
  assert.deepEqual(htoo.properties.program, ['Burma']);
  assert.deepEqual(htoo.properties.topics, ['sanction']);
  const sanction = await entity('ca-sema-burma-1-7-sanction');
  assert.equal(sanction.target, false);
  assert.deepEqual(sanction.properties.entity, ['ca-sema-burma-1-7']);
  assert.deepEqual(sanction.properties.authority, ['Global Affairs Canada']);
  assert.deepEqual(sanction.properties.provisions, ['Schedule 1, Item 7']);
  assert.deepEqual(sanction.properties.authorityId, ['burma-1-7']);
  // bilingual names: the French half is an alias; "Holding, JSC" is one name
  const bank = await entity('ca-sema-syria-1-8');
  assert.deepEqual(bank.properties.name, ['Commercial Bank of Syria']);
  assert.deepEqual(bank.properties.alias, ['Banque commerciale de Syrie']);
  assert.deepEqual((await entity('ca-sema-russia-1-part-2-52')).properties.name, ['Technodinamica Holding, JSC']);
  assert.deepEqual((await entity('ca-sema-syria-1-42')).properties.alias, ['Organisme général de la radio et de la télévision', 'GORT/ORTAS']);
});

test('Canada SEMA: persons: name parts, bilingual titles, two birth dates, aliases that vary one name part', async () => {
  const salyaev = await entity('ca-sema-russia-1-112');
  assert.equal(salyaev.schema, 'Person');
  assert.deepEqual(salyaev.properties.name, ['Aleksey Mikhailovich SALYAEV']);
  assert.deepEqual(salyaev.properties.firstName, ['Aleksey Mikhailovich']);
  assert.deepEqual(salyaev.properties.lastName, ['SALYAEV']);
  assert.deepEqual(salyaev.properties.birthDate, ['1975-12-04']);
  // "Aleksei, Oleksii SALYAYEV, SALIAIEV": a given name, a full name, a surname
  assert.deepEqual(salyaev.properties.alias, ['Aleksei SALYAEV', 'Oleksii SALYAYEV', 'Aleksey Mikhailovich SALIAIEV']);
  assert.deepEqual(salyaev.properties.weakAlias, ['Aleksei', 'SALIAIEV']);
  assert.deepEqual(salyaev.properties.country, ['ru']);
  const aslan = await entity('ca-sema-syria-2-63');
  assert.deepEqual(aslan.properties.title, ['General', 'général']);
  assert.deepEqual(aslan.properties.alias, ['Aws Aslan'], 'surname not in capitals: the alias is a whole name');
  assert.deepEqual((await entity('ca-sema-jvcfor-1-54')).properties.birthDate, ['1972-08-10', '1972-08-11']);
  assert.equal((await entity('ca-sema-jvcfor-1-54')).properties.country, undefined, 'JVCFOR targets no one country');
});

test('Canada SEMA: later editions (EntityOrShip, ShipIMONumber, DateOfListing, bilingual element names) read the same', async () => {
  const home = tempHome();
  try {
    const file = join(home.dir, 'sema-lmes.xml');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?><data-set>
  <record><Country-Pays>Russia / Russie</Country-Pays><EntityOrShip-EntiteOuNavire>Sakhalin Express</EntityOrShip-EntiteOuNavire>
    <TitleOrShipType-TitreOuTypeDeNavire>Oil tanker</TitleOrShipType-TitreOuTypeDeNavire><ShipIMONumber-NumeroOMIDuNavire>9249128</ShipIMONumber-NumeroOMIDuNavire>
    <DateOfBirthOrShipBuildDate-DateDeNaissanceOuDateDeConstructionDuNavire>2003</DateOfBirthOrShipBuildDate-DateDeNaissanceOuDateDeConstructionDuNavire>
    <Schedule-Annexe>1, Part 2</Schedule-Annexe><Item-NumeroDarticle>300</Item-NumeroDarticle><DateOfListing-DateDinscription>2025-02-24</DateOfListing-DateDinscription>
    <Remark-Remarque>listed with the shadow fleet</Remark-Remarque></record>
  <record><Country>Russia / Russie</Country><LastName>IVANOV</LastName><GivenName>Ivan</GivenName><DateOfBirthOrShipBuildDate>1970 or about 1971</DateOfBirthOrShipBuildDate>
    <Schedule>1, Part 1</Schedule><Item>301</Item><DateOfListing>2022-03-15</DateOfListing></record>
</data-set>`,
    );
    const { meta, entities } = await readAll(caSema, [file]);
    const ship = entities.find((e) => e.id === 'ca-sema-russia-1-part-2-300')!;
    assert.equal(ship.schema, 'Vessel');
    assert.deepEqual(ship.properties.imoNumber, ['9249128']);
    assert.deepEqual(ship.properties.type, ['Oil tanker']);
    assert.deepEqual(ship.properties.buildDate, ['2003']);
    assert.deepEqual(ship.properties.createdAt, ['2025-02-24']);
    assert.deepEqual(ship.properties.notes, ['Remark-Remarque: listed with the shadow fleet'], 'an unknown element is kept');
    const ivanov = entities.find((e) => e.id === 'ca-sema-russia-1-part-1-301')!;
    assert.deepEqual(ivanov.properties.birthDate, ['1970']);
    assert.deepEqual(ivanov.properties.notes, ['date of birth: 1970 or about 1971']);
    assert.deepEqual(meta.counts, { records: 2, vessels: 1, individuals: 1, unknown_elements: 1, unparsed_dates: 1 });
  } finally {
    home.cleanup();
  }
});

test('Canada SEMA bad input: truncated, garbage, empty, another XML, duplicate and incomplete records → SourceError', async () => {
  const home = tempHome();
  try {
    const xml = readFileSync(FILE, 'utf8');
    const first = xml.indexOf('<record>');
    const end = xml.indexOf('</record>', first) + '</record>'.length;
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['truncated.xml', xml.slice(0, 100_000), /\(line \d+, column \d+\): malformed XML/],
      ['garbage.xml', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x41]), /malformed XML|no XML element/],
      ['empty.xml', '', /empty file/],
      ['other.xml', '<?xml version="1.0"?><export><record><Country>Iran</Country><Item>1</Item></record></export>', /not a Canada SEMA list/],
      ['doubled.xml', xml.slice(0, end) + xml.slice(first, end) + xml.slice(end), /\(record 2\): duplicate entity id ca-sema-burma-1-1/],
      ['no-item.xml', xml.replace('<Item>1</Item>', ''), /\(record 1\): record without Country or Item/],
    ];
    for (const [name, content, pattern] of cases) {
      const file = join(home.dir, name);
      writeFileSync(file, content);
      await assert.rejects(readAll(caSema, [file]), (err: unknown) => {
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
