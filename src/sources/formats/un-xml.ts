// UN Security Council Consolidated List XML (scsanctions.un.org; schema sc-sanctions.xsd).
// Root CONSOLIDATED_LIST@dateGenerated; INDIVIDUALS/INDIVIDUAL and ENTITIES/ENTITY records.
import { EntityBuilder, type Entity } from '../../model/entity.js';
import { countryCode } from '../../model/countries.js';
import { parseDate, yearRange } from '../read/dates.js';
import { children, childText, text, xmlRecords, type XmlNode } from '../read/xml.js';
import { bump, SourceError, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';

const DATASET = 'un_sc_sanctions';
const SOURCE_URL = 'https://scsanctions.un.org/resources/xml/en/consolidated.xml';

/** Values of a repeated <X><VALUE>..</VALUE></X> element. */
function values(node: XmlNode, name: string): string[] {
  return children(node, name).flatMap((c) => children(c, 'VALUE').map(text)).filter(Boolean);
}

/** UN alias quality → FtM property: "Low" quality aliases are weak; f.k.a. are former names. */
const ALIAS_PROPERTY: Record<string, string> = { good: 'alias', 'a.k.a.': 'alias', '': 'alias', low: 'weakAlias', 'f.k.a.': 'previousName' };

/** Document type → identifier property. The list also writes the type in French and Spanish. */
function documentProperty(type: string): string {
  return /pass|pasaporte/i.test(type) ? 'passportNumber' : 'idNumber';
}

function fullName(node: XmlNode): string {
  return ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((n) => childText(node, n)).filter(Boolean).join(' ');
}

function addCountry(b: EntityBuilder, prop: string, raw: string, notes: string[]): void {
  if (!raw) return;
  const code = countryCode(raw);
  if (code) b.add(prop, code);
  else notes.push(`${prop}: ${raw}`);
}

function birthDates(b: EntityBuilder, node: XmlNode, meta: ListMeta, notes: string[]): void {
  for (const dob of children(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const type = childText(dob, 'TYPE_OF_DATE').toUpperCase();
    const note = childText(dob, 'NOTE');
    const date = childText(dob, 'DATE');
    const year = childText(dob, 'YEAR');
    const from = Number(childText(dob, 'FROM_YEAR'));
    const to = Number(childText(dob, 'TO_YEAR'));
    if (date) b.add('birthDate', parseDate(date) ?? date);
    else if (year) b.add('birthDate', year);
    else if (type === 'BETWEEN' && from && to) b.add('birthDate', ...yearRange(from, to));
    if (type === 'APPROXIMATELY') notes.push(`date of birth approximately ${date || year}`);
    if (note) notes.push(`date of birth: ${note}`);
    if (!date && !year && !(from && to) && (type || note)) bump(meta, 'unparsed_birth_dates');
  }
}

function birthPlaces(b: EntityBuilder, node: XmlNode, notes: string[]): void {
  for (const pob of children(node, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    const parts = ['CITY', 'STATE_PROVINCE', 'COUNTRY'].map((n) => childText(pob, n)).filter(Boolean);
    if (parts.length) b.add('birthPlace', parts.join(', '));
    const country = childText(pob, 'COUNTRY');
    if (country) addCountry(b, 'birthCountry', country, notes);
    const note = childText(pob, 'NOTE');
    if (note) notes.push(`place of birth: ${note}`);
  }
}

function documents(b: EntityBuilder, node: XmlNode, notes: string[]): void {
  for (const doc of children(node, 'INDIVIDUAL_DOCUMENT')) {
    const type = childText(doc, 'TYPE_OF_DOCUMENT');
    const number = childText(doc, 'NUMBER');
    if (!number) continue;
    b.add(documentProperty(type), number);
    const extra = ['TYPE_OF_DOCUMENT2', 'ISSUING_COUNTRY', 'COUNTRY_OF_ISSUE', 'CITY_OF_ISSUE', 'DATE_OF_ISSUE', 'NOTE']
      .map((n) => [n, childText(doc, n)])
      .filter(([, v]) => v)
      .map(([n, v]) => `${n.toLowerCase().replace(/_/g, ' ')} ${v}`);
    notes.push(`${type || 'document'} ${number}${extra.length ? ` (${extra.join('; ')})` : ''}`);
  }
}

function* addresses(b: EntityBuilder, node: XmlNode, tag: string, meta: ListMeta): Generator<Entity> {
  let n = 0;
  for (const a of children(node, tag)) {
    const street = childText(a, 'STREET');
    const city = childText(a, 'CITY');
    const region = childText(a, 'STATE_PROVINCE');
    const postal = childText(a, 'ZIP_CODE');
    const countryRaw = childText(a, 'COUNTRY');
    const note = childText(a, 'NOTE');
    const full = [street, city, region, postal, countryRaw].filter(Boolean).join(', ');
    if (!full && !note) continue;
    const country = countryCode(countryRaw);
    if (country) b.add('country', country);
    if (!full) continue;
    b.add('address', full);
    const addr = new EntityBuilder(`${b.entity.id}-addr-${++n}`, 'Address', DATASET, false)
      .add('full', full)
      .add('street', street)
      .add('city', city)
      .add('region', region)
      .add('postalCode', postal)
      .add('country', country)
      .add('remarks', note);
    bump(meta, 'addresses');
    yield addr.build();
  }
}

function* readRecord(node: XmlNode, meta: ListMeta): Generator<Entity> {
  const isPerson = node.name === 'INDIVIDUAL';
  const ref = childText(node, 'REFERENCE_NUMBER');
  if (!ref) throw new SourceError(meta.format, `${node.name} with DATAID ${childText(node, 'DATAID')} has no REFERENCE_NUMBER`);
  const id = `un-${ref}`;
  const b = new EntityBuilder(id, isPerson ? 'Person' : 'Organization', DATASET);
  const notes: string[] = [];
  b.add('name', fullName(node));
  if (isPerson) {
    b.add('firstName', childText(node, 'FIRST_NAME'));
    b.add('secondName', childText(node, 'SECOND_NAME'));
    b.add('middleName', childText(node, 'THIRD_NAME'));
    b.add('title', ...values(node, 'TITLE'));
    b.add('position', ...values(node, 'DESIGNATION'));
    const gender = childText(node, 'GENDER').toLowerCase();
    if (gender === 'male' || gender === 'female') b.add('gender', gender);
    for (const n of values(node, 'NATIONALITY')) addCountry(b, 'nationality', n, notes);
    birthDates(b, node, meta, notes);
    birthPlaces(b, node, notes);
    documents(b, node, notes);
  }
  b.add('alias', childText(node, 'NAME_ORIGINAL_SCRIPT'));
  for (const a of children(node, isPerson ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS')) {
    bump(meta, isPerson ? 'aliases_individual' : 'aliases_entity');
    const name = childText(a, 'ALIAS_NAME');
    if (!name) continue;
    const quality = childText(a, 'QUALITY').toLowerCase();
    b.add(ALIAS_PROPERTY[quality] ?? 'alias', name);
    const dob = childText(a, 'DATE_OF_BIRTH');
    if (dob) notes.push(`alias ${name}: date of birth ${dob}`);
  }
  const program = childText(node, 'UN_LIST_TYPE');
  b.add('program', program);
  b.add('programId', ref.replace(/[ie]?\.\d+$/, ''));
  const listedOn = parseDate(childText(node, 'LISTED_ON'));
  b.add('createdAt', listedOn);
  const updated = values(node, 'LAST_DAY_UPDATED').map((d) => parseDate(d)).filter((d): d is string => !!d).sort();
  b.add('modifiedAt', updated[updated.length - 1]);
  b.add('notes', childText(node, 'COMMENTS1'), ...notes);
  b.add('topics', 'sanction');
  b.add('sourceUrl', SOURCE_URL);

  const party = [...addresses(b, node, isPerson ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS', meta)];
  const sanction = new EntityBuilder(`${id}-sanction`, 'Sanction', DATASET, false)
    .add('entity', id)
    .add('authority', 'United Nations Security Council')
    .add('country', 'zz')
    .add('program', program)
    .add('programId', ref.replace(/[ie]?\.\d+$/, ''))
    .add('authorityId', ref)
    .add('unscId', ref)
    .add('listingDate', listedOn)
    .add('startDate', listedOn)
    .add('reason', childText(node, 'COMMENTS1'))
    .add('sourceUrl', SOURCE_URL);
  bump(meta, 'records');
  bump(meta, isPerson ? 'individuals' : 'entities');
  if (ref.startsWith('KP')) bump(meta, 'dprk');
  yield b.build();
  yield sanction.build();
  yield* party;
}

export const unXml: SourceFormat = {
  format: 'un-xml',
  dataset: DATASET,
  sniff: (_name, head) => /<CONSOLIDATED_LIST[\s>]/.test(head),
  async *read(input: SourceInput, meta: ListMeta) {
    const file = input.files[0];
    let rootSeen = false;
    const records = xmlRecords(file, file, {
      records: new Set(['INDIVIDUAL', 'ENTITY']),
      onOuterElement: (name, attrs) => {
        if (name === 'CONSOLIDATED_LIST') {
          rootSeen = true;
          if (attrs.dateGenerated) meta.published = attrs.dateGenerated.slice(0, 10);
        }
      },
    });
    for await (const node of records) {
      if (!rootSeen) throw new SourceError(file, 'not a UN consolidated list (root element is not CONSOLIDATED_LIST)');
      try {
        yield* readRecord(node, meta);
      } catch (err) {
        if (err instanceof SourceError) throw new SourceError(file, err.detail);
        throw new SourceError(file, (err as Error).message, `record ${childText(node, 'REFERENCE_NUMBER') || childText(node, 'DATAID')}`);
      }
    }
    if (!rootSeen) throw new SourceError(file, 'not a UN consolidated list (no CONSOLIDATED_LIST element)');
  },
};
