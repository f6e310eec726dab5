// EU Financial Sanctions Files, XML 1.1 (xmlFullSanctionsList_1_1; namespace http://eu.europa.ec/fpi/fsd/export).
// No real file could be had for this project, so this follows the publisher's schema as public parsers of
// the real file read it (element and attribute names checked against OpenSanctions' crawler): root
// <export generationDate>, one <sanctionEntity logicalId euReferenceNumber unitedNationId designationDate>
// per party, whose details are mostly attributes of its child elements. Each child element goes through
// ELEMENTS; one the table does not know is kept in notes and counted.
import { EntityBuilder, type Entity } from '../../model/entity.js';
import { countryCode } from '../../model/countries.js';
import { schemaProperties } from '../../model/schema.js';
import { parseDate } from '../read/dates.js';
import { children, text, xmlRecords, type XmlNode } from '../read/xml.js';
import { bump, SourceError, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';

const DATASET = 'eu_fsf';
const SOURCE_URL = 'https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions';
const AUTHORITY = 'European Union';

/** An attribute, whitespace-collapsed ('' when absent). */
const attr = (n: XmlNode, a: string) => (n.attrs[a] ?? '').replace(/\s+/g, ' ').trim();
const yes = (n: XmlNode, a: string) => attr(n, a).toLowerCase() === 'true';
/** Texts of the <remark> children of an element. */
const remarks = (n: XmlNode) => children(n, 'remark').map(text).filter(Boolean);

/** A listed party being read: its entity, notes and supporting Address entities. */
class Party {
  readonly b: EntityBuilder;
  readonly notes: string[] = [];
  readonly addresses: Entity[] = [];

  constructor(
    readonly id: string,
    schema: string,
    readonly meta: ListMeta,
  ) {
    this.b = new EntityBuilder(id, schema, DATASET);
  }

  get schema(): string {
    return this.b.entity.schema;
  }

  has(prop: string): boolean {
    return schemaProperties(this.schema).has(prop);
  }

  /** Add values; a property the schema lacks keeps its text in notes. */
  put(prop: string, ...values: Array<string | undefined>): void {
    if (this.has(prop)) this.b.add(prop, ...values);
    else for (const v of values) if (v) this.notes.push(`${prop}: ${v}`);
  }

  /** countryIso2Code ("00" = unknown), else countryDescription ("UNKNOWN" = none); unmappable text to notes. */
  country(prop: string, el: XmlNode): string | undefined {
    const iso = attr(el, 'countryIso2Code');
    const description = attr(el, 'countryDescription');
    const code = (iso && iso !== '00' && countryCode(iso)) || countryCode(description);
    if (code) this.put(prop, code);
    else if (description && description !== 'UNKNOWN') {
      this.notes.push(`${prop}: ${description}`);
      bump(this.meta, 'unmapped_countries');
    }
    return code;
  }
}

// ---------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------

/** "(a) Mullah, (b) Maulavi" → ["Mullah", "Maulavi"]: how the list enumerates titles and functions. */
export function splitLettered(raw: string): string[] {
  return raw
    .split(/\s*\([a-z]\)\s*/)
    .map((s) => s.replace(/^[,;\s]+|[,;\s]+$/g, ''))
    .filter(Boolean);
}

const GENDER: Record<string, string> = { M: 'male', F: 'female' };

/** The party's `name`: the first strong alias in the list's own language (no nameLanguage, or English). */
function primaryAlias(aliases: XmlNode[]): XmlNode | undefined {
  const strong = aliases.filter((a) => yes(a, 'strong'));
  return strong.find((a) => ['', 'EN'].includes(attr(a, 'nameLanguage').toUpperCase())) ?? strong[0] ?? aliases[0];
}

/** Weak (strong="false") aliases, and those whose remark says "low quality", go to weakAlias. */
function isWeak(alias: XmlNode): boolean {
  if (!yes(alias, 'strong')) return true;
  return remarks(alias).some((r) => /lo\w* quality/i.test(r));
}

function addNameAlias(p: Party, alias: XmlNode, primary: boolean): void {
  bump(p.meta, 'name_aliases');
  const parts = ['firstName', 'middleName', 'lastName'].map((a) => attr(alias, a));
  const whole = attr(alias, 'wholeName') || parts.filter(Boolean).join(' ');
  const weak = !primary && isWeak(alias);
  p.put(primary ? 'name' : weak ? 'weakAlias' : 'alias', whole);
  if (p.schema === 'Person' && !weak) {
    p.put('firstName', parts[0]);
    p.put('middleName', parts[1]);
    p.put('lastName', parts[2]);
  }
  p.put('title', ...splitLettered(attr(alias, 'title')));
  p.put('position', ...splitLettered(attr(alias, 'function')));
  const gender = attr(alias, 'gender');
  if (GENDER[gender.toUpperCase()]) p.put('gender', GENDER[gender.toUpperCase()]);
  else if (gender) p.notes.push(`gender: ${gender}`);
  for (const r of remarks(alias)) if (!/quality/i.test(r)) p.notes.push(`name ${whole}: ${r}`);
}

// ---------------------------------------------------------------------------------------------------
// Birth, identifiers, addresses
// ---------------------------------------------------------------------------------------------------

/** birthdate@birthdate when full, else year[-month[-day]] from its parts. */
function birthValue(el: XmlNode): string {
  const full = parseDate(attr(el, 'birthdate'));
  if (full) return full;
  const [year, month, day] = ['year', 'monthOfYear', 'dayOfMonth'].map((a) => attr(el, a));
  if (!/^\d{4}$/.test(year)) return '';
  if (!month) return year;
  return [year, month.padStart(2, '0'), day && day.padStart(2, '0')].filter(Boolean).join('-');
}

const placeText = (el: XmlNode, names: string[]) =>
  names.map((a) => attr(el, a)).filter((x) => x && x !== 'UNKNOWN').join(', ');

function addBirthdate(p: Party, el: XmlNode): void {
  const value = birthValue(el);
  const raw = attr(el, 'birthdate') || attr(el, 'year');
  if (value) p.put('birthDate', value);
  else if (raw) {
    p.notes.push(`date of birth: ${raw}`);
    bump(p.meta, 'unparsed_birth_dates');
  }
  if (value && yes(el, 'circa')) p.notes.push(`date of birth circa ${value}`);
  const calendar = attr(el, 'calendarType');
  if (calendar && calendar.toUpperCase() !== 'GREGORIAN') p.notes.push(`date of birth ${value || raw} (${calendar} calendar)`);
  p.put('birthPlace', placeText(el, ['place', 'city', 'zipCode', 'region', 'countryDescription']));
  p.country('birthCountry', el);
  p.notes.push(...remarks(el).map((r) => `date of birth: ${r}`));
}

/** identification@identificationTypeCode → FtM property; anything else (id, other, ssn...) is an idNumber. */
const ID_PROPERTY: Record<string, string> = {
  passport: 'passportNumber',
  ssn: 'socialSecurityNumber',
  fiscalcode: 'taxNumber',
  tin: 'taxNumber',
  regnumber: 'registrationNumber',
  imo: 'imoNumber',
  swiftbic: 'swiftBic',
  tradelic: 'licenseNumber',
};

/** Russian identifiers the description or remark names: also in their own FtM properties. */
const NAMED_ID: Array<[RegExp, string]> = [
  [/\bINN\b/, 'innCode'],
  [/\bOGRN\b/, 'ogrnCode'],
];

const ID_FLAGS = ['diplomatic', 'knownExpired', 'knownFalse', 'reportedLost', 'revokedByIssuer'];

function addIdentification(p: Party, el: XmlNode): void {
  const type = attr(el, 'identificationTypeCode');
  const numbers = [attr(el, 'number'), attr(el, 'latinNumber')].filter(Boolean);
  const description = attr(el, 'identificationTypeDescription') || type;
  const notes = remarks(el);
  if (!numbers.length) {
    if (notes.length) p.notes.push(`${description}: ${notes.join('; ')}`);
    return;
  }
  bump(p.meta, 'identifications');
  // a company's passport or a ship's tax number is still an identifier: fall back to what the schema has
  const prop = [ID_PROPERTY[type.toLowerCase()], 'idNumber', 'registrationNumber'].find((x) => x && p.has(x))!;
  p.put(prop, ...numbers);
  for (const [pattern, named] of NAMED_ID) if ([description, ...notes].some((t) => pattern.test(t)) && p.has(named)) p.b.add(named, ...numbers);
  const country = p.country('country', el);
  const details = [
    attr(el, 'issuedBy') && `issued by ${attr(el, 'issuedBy')}`,
    attr(el, 'issueDate') && `issued ${attr(el, 'issueDate')}`,
    country && `country ${country}`,
    attr(el, 'nameOnDocument') && `name on document ${attr(el, 'nameOnDocument')}`,
    ...ID_FLAGS.filter((f) => yes(el, f)),
    ...notes,
  ].filter(Boolean);
  p.notes.push(`${description} ${numbers.join(' / ')}${details.length ? ` (${details.join('; ')})` : ''}`);
}

/** address/contactInfo@key → property. */
const CONTACT_PROPERTY: Record<string, string> = { PHONE: 'phone', FAX: 'phone', EMAIL: 'email', WEB: 'website' };

function addAddress(p: Party, el: XmlNode): void {
  const poBox = attr(el, 'poBox') && `PO Box ${attr(el, 'poBox')}`;
  const full = [attr(el, 'street'), poBox, placeText(el, ['city', 'zipCode', 'region', 'place', 'countryDescription'])].filter(Boolean).join(', ');
  const country = p.country('country', el);
  for (const c of children(el, 'contactInfo')) {
    const prop = CONTACT_PROPERTY[attr(c, 'key').toUpperCase()];
    const values = attr(c, 'value').split(/\s*[,;]\s*/);
    if (prop) p.put(prop, ...values);
    else p.notes.push(`contact ${attr(c, 'key')}: ${attr(c, 'value')}`);
  }
  const notes = remarks(el);
  if (!full) {
    p.notes.push(...notes.map((r) => `address: ${r}`));
    return;
  }
  p.put('address', full);
  const address = new EntityBuilder(`${p.id}-addr-${p.addresses.length + 1}`, 'Address', DATASET, false)
    .add('full', full)
    .add('street', attr(el, 'street'))
    .add('postOfficeBox', attr(el, 'poBox'))
    .add('city', attr(el, 'city'))
    .add('postalCode', attr(el, 'zipCode'))
    .add('region', attr(el, 'region'))
    .add('country', country)
    .add('remarks', ...notes, yes(el, 'asAtListingTime') ? 'address as at listing time' : undefined);
  p.addresses.push(address.build());
  bump(p.meta, 'addresses');
}

// ---------------------------------------------------------------------------------------------------
// The element table
// ---------------------------------------------------------------------------------------------------

type Handler = (p: Party, el: XmlNode) => void;

/** How each child of sanctionEntity lands in FtM (nameAlias and regulation are read as groups, below). */
const ELEMENTS: Record<string, Handler> = {
  citizenship: (p, el) => {
    p.country(p.schema === 'Person' ? 'nationality' : 'country', el);
    p.notes.push(...remarks(el).map((r) => `citizenship: ${r}`));
  },
  birthdate: addBirthdate,
  identification: addIdentification,
  address: addAddress,
  remark: (p, el) => p.put('notes', text(el)),
};
const READ_AS_GROUPS = new Set(['nameAlias', 'regulation', 'subjectType']);

function routeElements(p: Party, node: XmlNode): void {
  for (const el of node.children) {
    const handler = ELEMENTS[el.name];
    if (handler) handler(p, el);
    else if (!READ_AS_GROUPS.has(el.name)) {
      const value = [text(el), ...Object.entries(el.attrs).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join('; ');
      p.notes.push(`${el.name}: ${value}`);
      bump(p.meta, 'unknown_elements');
    }
  }
}

/** subjectType@code → schema. The list has no vessel type: see looksLikeVessel. */
const SUBJECT_SCHEMA: Record<string, string> = { person: 'Person', enterprise: 'Organization' };
const KIND_COUNT: Record<string, string> = { Person: 'persons', Organization: 'enterprises', Vessel: 'vessels', LegalEntity: 'other_subjects' };

/**
 * Ships are listed as enterprises. One with an IMO number whose texts call it a vessel, tanker or ship
 * is read as a Vessel (companies have IMO numbers too, so the number alone is not enough).
 */
function looksLikeVessel(node: XmlNode): boolean {
  const ids = children(node, 'identification');
  if (!ids.some((i) => attr(i, 'identificationTypeCode').toLowerCase() === 'imo')) return false;
  const texts = [...remarks(node), ...ids.map((i) => attr(i, 'identificationTypeDescription')), ...children(node, 'nameAlias').map((a) => attr(a, 'function'))];
  return texts.some((t) => /\b(vessel|tanker|ship|carrier)\b/i.test(t));
}

function schemaOf(node: XmlNode): string {
  const code = children(node, 'subjectType').map((s) => attr(s, 'code').toLowerCase())[0] ?? '';
  const schema = SUBJECT_SCHEMA[code] ?? 'LegalEntity';
  return schema === 'Organization' && looksLikeVessel(node) ? 'Vessel' : schema;
}

interface Regulations {
  programmes: string[];
  listedOn?: string;
  modifiedAt?: string;
}

/** regulation elements: the programme codes (PRK, RUS...), first and latest publication dates. */
function regulationsOf(node: XmlNode): Regulations {
  const regs = children(node, 'regulation');
  const dates = regs.map((r) => parseDate(attr(r, 'publicationDate'))).filter((d): d is string => !!d).sort();
  return { programmes: [...new Set(regs.map((r) => attr(r, 'programme')).filter(Boolean))], listedOn: dates[0], modifiedAt: dates.at(-1) };
}

function sanctionOf(p: Party, node: XmlNode, regs: Regulations, designated: string | undefined): Entity {
  const regulations = children(node, 'regulation');
  return new EntityBuilder(`${p.id}-sanction`, 'Sanction', DATASET, false)
    .add('entity', p.id)
    .add('authority', AUTHORITY)
    .add('country', 'eu')
    .add('program', ...regs.programmes)
    .add('programId', ...regs.programmes)
    .add('authorityId', attr(node, 'euReferenceNumber'))
    .add('unscId', attr(node, 'unitedNationId'))
    .add('listingDate', designated ?? regs.listedOn)
    .add('startDate', designated ?? regulations.map((r) => parseDate(attr(r, 'entryIntoForceDate'))).sort()[0])
    .add('modifiedAt', regs.modifiedAt)
    .add('provisions', ...regulations.map((r) => attr(r, 'numberTitle')))
    .add('reason', ...remarks(node))
    .add('sourceUrl', ...regulations.flatMap((r) => children(r, 'publicationUrl').map(text)))
    .build();
}

function readRecord(node: XmlNode, id: string, meta: ListMeta): Entity[] {
  const p = new Party(id, schemaOf(node), meta);
  const aliases = children(node, 'nameAlias');
  const primary = primaryAlias(aliases);
  for (const a of aliases) addNameAlias(p, a, a === primary);
  routeElements(p, node);
  const regs = regulationsOf(node);
  const designated = parseDate(attr(node, 'designationDate'));
  p.put('program', ...regs.programmes);
  p.put('programId', ...regs.programmes);
  p.put('createdAt', designated ?? regs.listedOn);
  p.put('modifiedAt', regs.modifiedAt);
  p.put('topics', 'sanction');
  p.put('sourceUrl', SOURCE_URL);
  p.b.add('notes', attr(node, 'designationDetails'), ...p.notes);
  if (p.schema === 'LegalEntity') p.b.add('notes', `subject type: ${children(node, 'subjectType').map((s) => attr(s, 'code')).join(', ') || 'none'}`);
  bump(meta, 'records');
  bump(meta, KIND_COUNT[p.schema]);
  return [p.b.build(), sanctionOf(p, node, regs, designated), ...p.addresses];
}

export const euFsf: SourceFormat = {
  format: 'eu-fsf-xml',
  dataset: DATASET,
  sniff: (_name, head) => /<(\w+:)?export[\s>]/.test(head) && /fpi\/fsd\/export|<(\w+:)?sanctionEntity[\s>]/.test(head),
  async *read(input: SourceInput, meta: ListMeta) {
    const file = input.files[0];
    let rootSeen = false;
    const seen = new Set<string>();
    const records = xmlRecords(file, file, {
      records: new Set(['sanctionEntity']),
      onOuterElement: (name, attrs) => {
        if (name !== 'export') return;
        rootSeen = true;
        meta.published = parseDate(attrs.generationDate ?? '') ?? null;
      },
    });
    for await (const node of records) {
      const logicalId = attr(node, 'logicalId');
      const where = `sanctionEntity ${logicalId || `#${seen.size + 1}`}${attr(node, 'euReferenceNumber') ? ` (${attr(node, 'euReferenceNumber')})` : ''}`;
      if (!rootSeen) throw new SourceError(file, 'not an EU Financial Sanctions File (root element is not export)', where);
      if (!logicalId) throw new SourceError(file, 'sanctionEntity without logicalId', where);
      const id = `eu-fsf-${logicalId}`;
      if (seen.has(logicalId)) throw new SourceError(file, `duplicate entity id ${id} (logicalId ${logicalId} appears twice)`, where);
      seen.add(logicalId);
      try {
        yield* readRecord(node, id, meta);
      } catch (err) {
        throw new SourceError(file, (err as Error).message, where);
      }
    }
    if (!rootSeen) throw new SourceError(file, 'not an EU Financial Sanctions File (no export element)');
    if (!seen.size) throw new SourceError(file, 'no sanctionEntity records');
  },
};
