// EU Financial Sanctions Files, XML 1.1 (xmlFullSanctionsList_1_1; namespace http://eu.europa.ec/fpi/fsd/export).
// No real file could be had for this project, so this follows the publisher's documented schema: root
// <export generationDate>, one <sanctionEntity logicalId euReferenceNumber unitedNationId designationDate> per
// party, whose details are mostly attributes of child elements (regulation, subjectType, nameAlias,
// citizenship, birthdate, identification, address, remark).
import { EntityBuilder, type Entity } from '../../model/entity.js';
import { countryCode } from '../../model/countries.js';
import { children, text, xmlRecords, type XmlNode } from '../read/xml.js';
import { bump, SourceError, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';

const DATASET = 'eu_fsf';
const SOURCE_URL = 'https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions';

/** subjectType@code → FtM schema. */
const SCHEMA: Record<string, string> = { person: 'Person', enterprise: 'Organization' };

/** identification@identificationTypeCode → FtM property (anything else is an idNumber). */
const ID_PROPERTY: Record<string, string> = {
  passport: 'passportNumber',
  id: 'idNumber',
  ssn: 'socialSecurityNumber',
  tin: 'taxNumber',
  fiscalcode: 'taxNumber',
  regnumber: 'registrationNumber',
  imo: 'imoNumber',
  swiftbic: 'swiftBic',
};

const attr = (n: XmlNode, a: string) => (n.attrs[a] ?? '').replace(/\s+/g, ' ').trim();
const yes = (n: XmlNode, a: string) => attr(n, a) === 'true';

function country(n: XmlNode): string | undefined {
  const iso = attr(n, 'countryIso2Code');
  if (iso && iso !== '00') return countryCode(iso);
  return countryCode(attr(n, 'countryDescription'));
}

function names(b: EntityBuilder, node: XmlNode, isPerson: boolean, meta: ListMeta): void {
  const aliases = children(node, 'nameAlias');
  aliases.forEach((a, i) => {
    bump(meta, 'name_aliases');
    const whole = attr(a, 'wholeName') || [attr(a, 'firstName'), attr(a, 'middleName'), attr(a, 'lastName')].filter(Boolean).join(' ');
    if (!whole) return;
    // the first strong alias is the name; the file marks weak (low-quality) aliases strong="false"
    const prop = i === 0 ? 'name' : yes(a, 'strong') || !('strong' in a.attrs) ? 'alias' : 'weakAlias';
    b.add(prop, whole);
    if (isPerson) {
      b.add('firstName', attr(a, 'firstName')).add('middleName', attr(a, 'middleName')).add('lastName', attr(a, 'lastName'));
      b.add('title', attr(a, 'title')).add('position', attr(a, 'function'));
      const g = attr(a, 'gender');
      if (g === 'M' || g === 'F') b.add('gender', g === 'M' ? 'male' : 'female');
    }
  });
}

function birth(b: EntityBuilder, node: XmlNode, notes: string[]): void {
  for (const d of children(node, 'birthdate')) {
    const full = attr(d, 'birthdate');
    const year = attr(d, 'year');
    const month = attr(d, 'monthOfYear');
    const value = full || (year ? (month ? `${year}-${month.padStart(2, '0')}` : year) : '');
    b.add('birthDate', value);
    if (yes(d, 'circa')) notes.push(`date of birth circa ${value}`);
    const place = [attr(d, 'place'), attr(d, 'city'), attr(d, 'region'), attr(d, 'countryDescription')].filter((x) => x && x !== 'UNKNOWN').join(', ');
    b.add('birthPlace', place);
    b.add('birthCountry', country(d));
  }
}

function* readRecord(node: XmlNode, meta: ListMeta): Generator<Entity> {
  const logicalId = attr(node, 'logicalId');
  if (!logicalId) throw new Error('sanctionEntity without logicalId');
  const id = `eu-fsf-${logicalId}`;
  const subject = children(node, 'subjectType')[0];
  const code = subject ? attr(subject, 'code') : '';
  const isPerson = code === 'person';
  const b = new EntityBuilder(id, SCHEMA[code] ?? 'LegalEntity', DATASET);
  const notes: string[] = [];
  names(b, node, isPerson, meta);
  for (const c of children(node, 'citizenship')) b.add(isPerson ? 'nationality' : 'country', country(c));
  if (isPerson) birth(b, node, notes);
  for (const idn of children(node, 'identification')) {
    const type = attr(idn, 'identificationTypeCode').toLowerCase();
    const number = attr(idn, 'latinNumber') || attr(idn, 'number');
    if (!number) continue;
    const prop = ID_PROPERTY[type] ?? 'idNumber';
    b.add(b.entity.schema === 'Person' || prop !== 'passportNumber' ? prop : 'idNumber', number);
    const flags = ['diplomatic', 'knownExpired', 'knownFalse', 'reportedLost', 'revokedByIssuer'].filter((f) => yes(idn, f));
    notes.push(`${attr(idn, 'identificationTypeDescription') || type} ${number}${attr(idn, 'issuedBy') ? `, issued by ${attr(idn, 'issuedBy')}` : ''}${flags.length ? ` (${flags.join(', ')})` : ''}`);
  }
  const addresses: Entity[] = [];
  for (const a of children(node, 'address')) {
    const parts = [attr(a, 'street'), attr(a, 'poBox') && `PO Box ${attr(a, 'poBox')}`, attr(a, 'city'), attr(a, 'zipCode'), attr(a, 'region'), attr(a, 'place'), attr(a, 'countryDescription')];
    const full = parts.filter((x) => x && x !== 'UNKNOWN').join(', ');
    const c = country(a);
    if (c) b.add('country', c);
    if (!full) continue;
    b.add('address', full);
    addresses.push(
      new EntityBuilder(`${id}-addr-${addresses.length + 1}`, 'Address', DATASET, false)
        .add('full', full)
        .add('street', attr(a, 'street'))
        .add('postOfficeBox', attr(a, 'poBox'))
        .add('city', attr(a, 'city'))
        .add('postalCode', attr(a, 'zipCode'))
        .add('region', attr(a, 'region'))
        .add('country', c)
        .build(),
    );
    bump(meta, 'addresses');
  }
  const remarks = children(node, 'remark').map(text);
  const regulations = children(node, 'regulation');
  const programmes = regulations.map((r) => attr(r, 'programme')).filter(Boolean);
  b.add('program', ...programmes).add('programId', ...programmes);
  b.add('createdAt', attr(node, 'designationDate'));
  b.add('notes', attr(node, 'designationDetails'), ...remarks, ...notes);
  b.add('topics', 'sanction').add('sourceUrl', SOURCE_URL);
  const sanction = new EntityBuilder(`${id}-sanction`, 'Sanction', DATASET, false)
    .add('entity', id)
    .add('authority', 'European Union')
    .add('country', 'eu')
    .add('program', ...programmes)
    .add('authorityId', attr(node, 'euReferenceNumber'))
    .add('unscId', attr(node, 'unitedNationId'))
    .add('listingDate', attr(node, 'designationDate'))
    .add('startDate', ...regulations.map((r) => attr(r, 'entryIntoForceDate')))
    .add('provisions', ...regulations.map((r) => attr(r, 'numberTitle')))
    .add('reason', ...remarks)
    .add('sourceUrl', ...regulations.flatMap((r) => children(r, 'publicationUrl').map(text)));
  bump(meta, 'records');
  bump(meta, isPerson ? 'persons' : 'enterprises');
  yield b.build();
  yield sanction.build();
  yield* addresses;
}

export const euFsf: SourceFormat = {
  format: 'eu-fsf-xml',
  dataset: DATASET,
  sniff: (_name, head) => /<(\w+:)?export[\s>]/.test(head) && /fsd|sanctionEntity|generationDate/.test(head),
  async *read(input: SourceInput, meta: ListMeta) {
    const file = input.files[0];
    let root = false;
    const records = xmlRecords(file, file, {
      records: new Set(['sanctionEntity']),
      onOuterElement: (name, attrs) => {
        if (name === 'export') {
          root = true;
          if (attrs.generationDate) meta.published = attrs.generationDate.slice(0, 10);
        }
      },
    });
    for await (const node of records) {
      if (!root) throw new SourceError(file, 'not an EU Financial Sanctions File (root element is not export)');
      try {
        yield* readRecord(node, meta);
      } catch (err) {
        throw new SourceError(file, (err as Error).message, `sanctionEntity ${attr(node, 'logicalId') || (meta.counts.records ?? 0) + 1}`);
      }
    }
  },
};
