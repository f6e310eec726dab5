// Canada: Consolidated Special Economic Measures Act (SEMA) list XML (Global Affairs Canada, sema-lmes.xml).
// Root <data-set>; one flat <record> per listed party: Country (the regime, bilingual "Burma / Birmanie"),
// Schedule, Item, and either Entity or LastName/GivenName, with Aliases, DateOfBirth, Title. The file
// carries no publication date. Later editions renamed elements (EntityOrShip, DateOfBirthOrShipBuildDate,
// ShipIMONumber, DateOfListing) and then made them bilingual ("Country-Pays"): FIELDS maps them all.
import { EntityBuilder, type Entity } from '../../model/entity.js';
import { countryCode } from '../../model/countries.js';
import { parseDate } from '../read/dates.js';
import { text, xmlRecords, type XmlNode } from '../read/xml.js';
import { bump, SourceError, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';

const DATASET = 'ca_dfatd_sema_sanctions';
const SOURCE_URL = 'https://www.international.gc.ca/world-monde/international_relations-relations_internationales/sanctions/consolidated-consolide.aspx';
const AUTHORITY = 'Global Affairs Canada';

type Field = 'regime' | 'lastName' | 'givenName' | 'entity' | 'title' | 'aliases' | 'birthDate' | 'imo' | 'schedule' | 'item' | 'listedOn';

/** Record element (English part of the name) → field. */
const FIELDS: Record<string, Field> = {
  Country: 'regime',
  LastName: 'lastName',
  GivenName: 'givenName',
  Entity: 'entity',
  EntityOrShip: 'entity',
  Title: 'title',
  TitleOrShip: 'title',
  TitleOrShipType: 'title',
  Aliases: 'aliases',
  DateOfBirth: 'birthDate',
  DateOfBirthOrShipBuildDate: 'birthDate',
  ShipIMONumber: 'imo',
  Schedule: 'schedule',
  Item: 'item',
  DateOfListing: 'listedOn',
};

interface SemaRecord {
  fields: Partial<Record<Field, string>>;
  /** Elements FIELDS does not know, as "name: text": kept in notes. */
  unknown: string[];
}

function readFields(node: XmlNode): SemaRecord {
  const record: SemaRecord = { fields: {}, unknown: [] };
  for (const el of node.children) {
    const value = text(el);
    const field = FIELDS[el.name.split('-')[0]]; // "Country-Pays" → Country
    if (!field) {
      if (value) record.unknown.push(`${el.name}: ${value}`);
    } else if (value && value !== 'N/A') record.fields[field] = value;
  }
  return record;
}

// ---------------------------------------------------------------------------------------------------
// Ids and bilingual text
// ---------------------------------------------------------------------------------------------------

/** The English half of a bilingual value ("Burma / Birmanie" → "Burma"). */
const english = (s: string) => s.split(/\s+\/\s+/)[0].trim();

const slug = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** "Burma / Birmanie" → burma; "Justice for Victims ... (JVCFOR) / Règlement ..." → jvcfor. */
function regimeKey(regime: string): string {
  const name = english(regime);
  return slug(name.match(/\(([A-Z]{3,})\)/)?.[1] ?? name);
}

/**
 * Items are numbered per regime and schedule (Item 7 exists under a dozen regimes), so the stable id is
 * regime + schedule + item: `ca-sema-burma-1-7`, `ca-sema-russia-1-part-2-40`, `ca-sema-zimbabwe-72`.
 */
function recordId(f: SemaRecord['fields']): string {
  if (!f.regime || !f.item) throw new Error('record without Country or Item');
  return ['ca-sema', regimeKey(f.regime), f.schedule && slug(f.schedule), slug(f.item)].filter(Boolean).join('-');
}

/** Names written in both languages, "Commercial Bank of Syria/Banque commerciale de Syrie" → both. Acronyms ("GORT/ORTAS") stay whole. */
function bilingualNames(name: string): string[] {
  const halves = name.split(/\/(?![^(]*\))/).map((h) => h.trim());
  const long = halves.length === 2 && halves.every((h) => h.split(/\s+/).length >= 2);
  return long ? halves : [name];
}

/** Entity aliases are comma-separated; a comma before a legal form ("Holding, JSC") is part of the name. */
function splitEntityAliases(raw: string): string[] {
  if (raw.includes(';')) return raw.split(';').map((a) => a.trim()).filter(Boolean);
  return raw
    .split(/,\s+(?!(?:JSC|OJSC|PJSC|CJSC|LLC|Ltd|Limited|Inc|Co|Corp|OOO|TOV|S\.A|GmbH)\b)/)
    .flatMap(bilingualNames)
    .filter(Boolean);
}

const isUpper = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();

/**
 * Person aliases are often name parts, not names: "Andrei" (for Andrey Igorevich AKIMOV), "PASHENKO" (for
 * PASHCHENKO). Where the record writes the surname in capitals, an alias in capitals varies the surname
 * and one without capitals the given names; each becomes a full name, the fragment a weak alias.
 * An alias with both parts ("Igor STRELKOV") or from a record without capitalised surnames is a name.
 */
function personAliases(raw: string, given: string, last: string): { alias: string[]; weak: string[] } {
  const alias: string[] = [];
  const weak: string[] = [];
  for (const a of raw.split(/[,;]\s*/).map((x) => x.trim()).filter(Boolean)) {
    const words = a.split(/\s+/);
    const upper = words.filter(isUpper).length;
    if (!isUpper(last) || (upper > 0 && upper < words.length)) {
      alias.push(a);
      continue;
    }
    alias.push(upper === words.length ? `${given} ${a}`.trim() : `${a} ${last}`);
    weak.push(a);
  }
  return { alias, weak };
}

// ---------------------------------------------------------------------------------------------------
// Record → entities
// ---------------------------------------------------------------------------------------------------

function schemaOf(f: SemaRecord['fields']): 'Person' | 'Vessel' | 'LegalEntity' {
  if (f.imo) return 'Vessel';
  return f.entity ? 'LegalEntity' : 'Person';
}

/** "1960-01-01 or 1962-03-04" → both; what does not parse stays in notes and is counted. */
function addDates(b: EntityBuilder, prop: string, raw: string | undefined, notes: string[], meta: ListMeta): void {
  if (!raw) return;
  const dates = raw.split(/\s+or\s+|\s*,\s*/).map((d) => parseDate(d));
  b.add(prop, ...dates);
  if (dates.some((d) => !d)) {
    notes.push(`${prop === 'buildDate' ? 'build date' : 'date of birth'}: ${raw}`);
    bump(meta, 'unparsed_dates');
  }
}

function addPerson(b: EntityBuilder, f: SemaRecord['fields'], notes: string[], meta: ListMeta): void {
  const given = f.givenName ?? '';
  const last = f.lastName ?? '';
  b.add('name', `${given} ${last}`.trim()).add('firstName', given).add('lastName', last);
  b.add('title', ...(f.title ?? '').split('/'));
  addDates(b, 'birthDate', f.birthDate, notes, meta);
  if (!f.aliases) return;
  const { alias, weak } = personAliases(f.aliases, given, last);
  b.add('alias', ...alias).add('weakAlias', ...weak);
  bump(meta, 'aliases', alias.length);
}

function addEntity(b: EntityBuilder, f: SemaRecord['fields'], notes: string[], meta: ListMeta): void {
  const [name, ...otherLanguage] = bilingualNames(f.entity ?? '');
  b.add('name', name).add('alias', ...otherLanguage);
  if (b.entity.schema === 'Vessel') {
    b.add('imoNumber', f.imo).add('type', f.title);
    addDates(b, 'buildDate', f.birthDate, notes, meta);
  } else {
    if (f.title) notes.push(`title: ${f.title}`);
    if (f.birthDate) notes.push(`date: ${f.birthDate}`);
  }
  if (!f.aliases) return;
  const aliases = splitEntityAliases(f.aliases);
  b.add('alias', ...aliases);
  bump(meta, 'aliases', aliases.length);
}

const KIND_COUNT: Record<string, string> = { Person: 'individuals', LegalEntity: 'entities', Vessel: 'vessels' };

function readRecord(record: SemaRecord, id: string, meta: ListMeta): Entity[] {
  const f = record.fields;
  const schema = schemaOf(f);
  const b = new EntityBuilder(id, schema, DATASET);
  const notes: string[] = [];
  if (schema === 'Person') addPerson(b, f, notes, meta);
  else addEntity(b, f, notes, meta);
  const regime = english(f.regime ?? '');
  const listedOn = f.listedOn ? parseDate(f.listedOn) : undefined;
  if (f.listedOn && !listedOn) {
    notes.push(`date of listing: ${f.listedOn}`);
    bump(meta, 'unparsed_dates');
  }
  b.add('country', countryCode(regime)); // the country the regime targets; none for JVCFOR
  b.add('program', regime).add('createdAt', listedOn).add('topics', 'sanction').add('sourceUrl', SOURCE_URL);
  b.add('notes', ...notes, ...record.unknown);
  if (record.unknown.length) bump(meta, 'unknown_elements', record.unknown.length);
  const provisions = [f.schedule && `Schedule ${f.schedule}`, `Item ${f.item}`].filter(Boolean).join(', ');
  const sanction = new EntityBuilder(`${id}-sanction`, 'Sanction', DATASET, false)
    .add('entity', id)
    .add('authority', AUTHORITY)
    .add('country', 'ca')
    .add('program', regime)
    .add('provisions', provisions)
    .add('authorityId', id.replace(/^ca-sema-/, ''))
    .add('listingDate', listedOn)
    .add('sourceUrl', SOURCE_URL);
  bump(meta, 'records');
  bump(meta, KIND_COUNT[schema]);
  return [b.build(), sanction.build()];
}

export const caSema: SourceFormat = {
  format: 'ca-sema-xml',
  dataset: DATASET,
  sniff: (_name, head) => /<data-set[\s>]/.test(head) && /<record[\s>]/.test(head),
  async *read(input: SourceInput, meta: ListMeta) {
    const file = input.files[0];
    meta.published = null; // the file carries no date
    let rootSeen = false;
    const seen = new Set<string>();
    const records = xmlRecords(file, file, {
      records: new Set(['record']),
      onOuterElement: (name) => {
        if (name === 'data-set') rootSeen = true;
      },
    });
    for await (const node of records) {
      const where = `record ${seen.size + 1}`;
      if (!rootSeen) throw new SourceError(file, 'not a Canada SEMA list (root element is not data-set)', where);
      const record = readFields(node);
      let id: string;
      try {
        id = recordId(record.fields);
      } catch (err) {
        throw new SourceError(file, (err as Error).message, where);
      }
      if (seen.has(id)) throw new SourceError(file, `duplicate entity id ${id} (Country, Schedule and Item appear twice)`, where);
      seen.add(id);
      try {
        yield* readRecord(record, id, meta);
      } catch (err) {
        throw new SourceError(file, (err as Error).message, `${where} (${id})`);
      }
    }
    if (!rootSeen) throw new SourceError(file, 'not a Canada SEMA list (no data-set element)');
    if (!seen.size) throw new SourceError(file, 'no record elements');
  },
};
