// UN Security Council Consolidated List XML (scsanctions.un.org; schema sc-sanctions.xsd).
// Root CONSOLIDATED_LIST@dateGenerated; INDIVIDUALS/INDIVIDUAL and ENTITIES/ENTITY records, one per listed
// party, keyed by REFERENCE_NUMBER (KPi.033: committee code KP, i = individual, e = entity).
// Every child element of a record is routed through ELEMENTS below; an element the table does not know
// goes to `notes` and is counted, so a schema change never loses data silently.
import { EntityBuilder, type Entity } from '../../model/entity.js';
import { countryCode } from '../../model/countries.js';
import { schemaProperties } from '../../model/schema.js';
import { parseDate, yearRange } from '../read/dates.js';
import { children, childText, text, xmlRecords, type XmlNode } from '../read/xml.js';
import { bump, SourceError, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';

const DATASET = 'un_sc_sanctions';
const SOURCE_URL = 'https://scsanctions.un.org/resources/xml/en/consolidated.xml';
const AUTHORITY = 'United Nations Security Council';

/** A listed party being read: its entity, free-text notes and supporting Address entities. */
class Party {
  readonly b: EntityBuilder;
  readonly notes: string[] = [];
  readonly addresses: Entity[] = [];
  private readonly props: Set<string>;

  constructor(
    readonly id: string,
    schema: string,
    readonly meta: ListMeta,
  ) {
    this.b = new EntityBuilder(id, schema, DATASET);
    this.props = schemaProperties(schema);
  }

  /** Add values; a property the schema lacks (a title on an entity) keeps its text in notes. */
  put(prop: string, ...values: Array<string | undefined>): void {
    if (this.props.has(prop)) this.b.add(prop, ...values);
    else for (const v of values) if (v) this.notes.push(`${prop}: ${v}`);
  }

  /** A country name as an ISO code; names countryCode() does not know stay in notes and are counted. */
  country(prop: string, raw: string): void {
    if (!raw) return;
    const code = countryCode(raw);
    if (code) this.put(prop, code);
    else {
      this.notes.push(`${prop}: ${raw}`);
      bump(this.meta, 'unmapped_countries');
    }
  }
}

/** The texts of <X><VALUE>..</VALUE></X>. */
function valuesOf(el: XmlNode): string[] {
  return children(el, 'VALUE').map(text).filter(Boolean);
}

/** A date as the list writes it, including XML Schema dates with a zone ("2015-03-27-04:00"). */
function listDate(raw: string): string | undefined {
  return parseDate(raw.replace(/^(\d{4}-\d\d-\d\d)(?:Z|[+-]\d\d:\d\d)$/, '$1'));
}

// ---------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------

const NAME_PARTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'];

/**
 * The UN numbers name parts in the order the name is written; it does not say which is the family
 * name (KPi.033 is FIRST_NAME "RI", the family name, SECOND_NAME "WON HO"). So the parts are kept by
 * position, and only a name of three or more parts gets a `lastName` (its final part).
 */
function addNames(p: Party, node: XmlNode, isPerson: boolean): void {
  const parts = NAME_PARTS.map((n) => childText(node, n));
  p.put('name', parts.filter(Boolean).join(' '));
  if (!isPerson) return;
  const [first, second, third, fourth] = parts;
  p.put('firstName', first);
  p.put('secondName', second);
  if (fourth) p.put('middleName', third);
  if (parts.filter(Boolean).length >= 3) p.put('lastName', fourth || third);
}

/** ALIAS/QUALITY → property: "Low" quality names are weak aliases, f.k.a. are former names. */
const ALIAS_QUALITY: Record<string, string> = { good: 'alias', 'a.k.a.': 'alias', '': 'alias', low: 'weakAlias', 'f.k.a.': 'previousName' };

/** Split off a balanced trailing "(...)" group: [text before it, text inside it]. */
function trailingGroup(s: string): [string, string] | undefined {
  if (!s.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ')') depth++;
    else if (s[i] === '(' && --depth === 0) return [s.slice(0, i).trim(), s.slice(i + 1, -1)];
  }
  return undefined;
}

const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** "حسن غول (Hassan Ghul)" or "Jin Tiesan (金铁三)": one name in two scripts, the second in brackets. */
function isScriptPair(head: string, inner: string): boolean {
  return !!head && NON_LATIN.test(head) !== NON_LATIN.test(inner.replace(/^original script:/i, ''));
}

/**
 * One ALIAS_NAME can hold several names: "A; B; C", "a) A b) B", or a name with its other-script form
 * in brackets: "حسن غول (Hassan Ghul; Hassan Gul)", "Amir Khazmat (original script: Амир Хазмат)".
 * Other bracketed text ("EL PARA (COMBAT NAME)", acronyms) is part of the name as the list writes it.
 */
export function splitAliasNames(raw: string): string[] {
  const clean = raw.replace(/[\s,;]+$/, '');
  const group = trailingGroup(clean);
  const split = group && (group[1].includes(';') || isScriptPair(...group));
  const parts = split ? [group[0], ...group[1].split(';')] : clean.split(';');
  return parts
    .flatMap((p) => p.split(/\s+[a-z]\)\s+/))
    .map((p) => p.replace(/\(original script\)|^original script:/i, '').replace(/^[a-z]?\)\s+/, '').trim())
    .filter(Boolean);
}

/** Alias notes that hold the name in another script: "original script: Абу Банат", "In Arabic: سيف العدل". */
const SCRIPT_NOTE = /(?:original script|in arabic(?: script)?)\s*:\s*(.+)$/i;

function addAlias(p: Party, el: XmlNode): void {
  bump(p.meta, el.name === 'INDIVIDUAL_ALIAS' ? 'aliases_individual' : 'aliases_entity');
  const raw = childText(el, 'ALIAS_NAME');
  if (!raw) return;
  const quality = childText(el, 'QUALITY').toLowerCase();
  const prop = ALIAS_QUALITY[quality];
  if (!prop) p.notes.push(`alias (quality ${quality}): ${raw}`);
  const names = splitAliasNames(raw);
  const note = childText(el, 'NOTE');
  const scriptName = note.match(SCRIPT_NOTE)?.[1];
  if (scriptName) names.push(scriptName);
  const rest = note.replace(SCRIPT_NOTE, '').replace(/[\s.,;]+$/, ''); // "Previously listed as. In Arabic: ..."
  if (rest) p.notes.push(`alias ${raw}: ${rest}`);
  p.put(prop ?? 'alias', ...names);
  bump(p.meta, 'alias_names', names.length);
  aliasBirth(p, el, raw);
}

/** Some aliases carry their own birth details (a false identity's date of birth): keep them as the person's. */
function aliasBirth(p: Party, el: XmlNode, alias: string): void {
  const dob = childText(el, 'DATE_OF_BIRTH');
  const place = [childText(el, 'CITY_OF_BIRTH'), childText(el, 'COUNTRY_OF_BIRTH')].filter(Boolean).join(', ');
  if (dob) p.put('birthDate', listDate(dob));
  if (place) p.put('birthPlace', place);
  p.country('birthCountry', childText(el, 'COUNTRY_OF_BIRTH'));
  if (dob || place) p.notes.push(`alias ${alias}: born ${[dob, place].filter(Boolean).join(' in ')}`);
}

// ---------------------------------------------------------------------------------------------------
// Birth, documents, addresses
// ---------------------------------------------------------------------------------------------------

/** "Between Aug. and Sep. 1958" → the two months. */
function monthRange(note: string): string[] {
  const m = note.match(/^between (\w+)\.? and (\w+)\.? (\d{4})$/i);
  return m ? [parseDate(`${m[1]} ${m[3]}`), parseDate(`${m[2]} ${m[3]}`)].filter((d): d is string => !!d) : [];
}

/**
 * INDIVIDUAL_DATE_OF_BIRTH: TYPE_OF_DATE EXACT (DATE or YEAR), APPROXIMATELY (YEAR) or BETWEEN
 * (FROM_YEAR, TO_YEAR: every year of the range). Dates written only in NOTE ("Nov. 1958") are parsed
 * when possible; the rest stays in notes and is counted as unparsed.
 */
function addBirthDate(p: Party, el: XmlNode): void {
  const type = childText(el, 'TYPE_OF_DATE').toUpperCase();
  const date = childText(el, 'DATE');
  const year = childText(el, 'YEAR');
  const from = Number(childText(el, 'FROM_YEAR'));
  const to = Number(childText(el, 'TO_YEAR'));
  const note = childText(el, 'NOTE');
  const found = birthDates(date, year, from, to, note);
  p.put('birthDate', ...found);
  const given = date || year || (from && to ? `${from} to ${to}` : '');
  const raw = [type.toLowerCase(), given, note].filter(Boolean).join(' ');
  if (!given && !note) return; // the empty <INDIVIDUAL_DATE_OF_BIRTH> many records carry
  if (type === 'APPROXIMATELY' || type === 'BETWEEN' || note || !found.length) p.notes.push(`date of birth: ${raw}`);
  if (!found.length) bump(p.meta, 'unparsed_birth_dates');
}

function birthDates(date: string, year: string, from: number, to: number, note: string): string[] {
  const ok = (d: string | undefined): d is string => !!d;
  if (date) return [listDate(date)].filter(ok);
  if (year) return [(note && parseDate(`${note} ${year}`)) || parseDate(year)].filter(ok); // YEAR 1958 + NOTE "Sep."
  if (from && to) return yearRange(from, to);
  if (note) return [parseDate(note), ...monthRange(note)].filter(ok);
  return [];
}

function addBirthPlace(p: Party, el: XmlNode): void {
  const place = ['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY'].map((n) => childText(el, n)).filter(Boolean).join(', ');
  p.put('birthPlace', place);
  p.country('birthCountry', childText(el, 'COUNTRY'));
  const note = childText(el, 'NOTE');
  if (note) p.notes.push(`place of birth: ${note}`);
}

/** Document type → identifier property, first match wins. */
const DOCUMENT_PROPERTY: Array<[RegExp, string]> = [
  [/social security/i, 'socialSecurityNumber'],
  [/fiscal code|tax/i, 'taxNumber'],
  [/passport|passeport|pasaporte/i, 'passportNumber'],
];

/** The most specific text decides: TYPE_OF_DOCUMENT2, then the NUMBER's own words ("Qatari passport number ..."). */
function documentProperty(...texts: string[]): string {
  for (const t of texts) for (const [pattern, prop] of DOCUMENT_PROPERTY) if (pattern.test(t)) return prop;
  return 'idNumber';
}

/**
 * NUMBER is sometimes prose: "CAR diplomatic passport no. D00000898", "381110042 (Expired 25 Jan. 2016)",
 * "R00012098, South Sudan", "Libya B/002210". Keep the identifier itself; the prose stays in notes.
 */
export function documentNumber(raw: string): string {
  const s = raw.replace(/\s*\([^)]*\)$/, '').replace(/,\s*[^,\d]+$/, '').trim();
  const afterKeyword = s.match(/(?:number|no\.?|n°|:)\s*:?\s*([^:]*?\d[^:]*)$/i)?.[1];
  if (afterKeyword) return afterKeyword.trim();
  if (!/\p{Ll}{3,}/u.test(s)) return s;
  return s.match(/(?:\b[A-Z]{1,2}\s)?\S*\d\S*(?:\s+\S*\d\S*)*$/)?.[0] ?? s;
}

const DOCUMENT_DETAILS = ['TYPE_OF_DOCUMENT2', 'ISSUING_COUNTRY', 'COUNTRY_OF_ISSUE', 'CITY_OF_ISSUE', 'DATE_OF_ISSUE', 'NOTE'];

/** INDIVIDUAL_DOCUMENT → the number in its identifier property, the whole description in notes. */
function addDocument(p: Party, el: XmlNode): void {
  const type = childText(el, 'TYPE_OF_DOCUMENT');
  const type2 = childText(el, 'TYPE_OF_DOCUMENT2');
  const number = childText(el, 'NUMBER');
  const details = DOCUMENT_DETAILS.map((n) => [n, childText(el, n)])
    .filter(([, v]) => v)
    .map(([n, v]) => `${n.toLowerCase().replace(/_/g, ' ')}: ${v}`);
  if (!type && !number && !details.length) return; // the empty <INDIVIDUAL_DOCUMENT/> most records carry
  bump(p.meta, 'documents');
  if (number) p.put(documentProperty(type2, number, type), documentNumber(number));
  else bump(p.meta, 'documents_without_number');
  p.notes.push(`${type || 'document'}${number ? ` ${number}` : ''}${details.length ? ` (${details.join('; ')})` : ''}`);
}

/** An ENTITY_ADDRESS/INDIVIDUAL_ADDRESS → an Address entity and the full text on the party. */
function addAddress(p: Party, el: XmlNode): void {
  const street = childText(el, 'STREET');
  const city = childText(el, 'CITY');
  let region = childText(el, 'STATE_PROVINCE');
  let postal = childText(el, 'ZIP_CODE');
  const countryRaw = childText(el, 'COUNTRY');
  const note = childText(el, 'NOTE');
  if (postal && !/\d/.test(postal)) [region, postal] = [[region, postal].filter(Boolean).join(', '), '']; // "Chaman, Baluchistan Province"
  const full = [street, city, region, postal, countryRaw].filter(Boolean).join(', ');
  if (!full) {
    if (note) p.notes.push(`address: ${note}`);
    return;
  }
  const country = countryCode(countryRaw);
  p.country('country', countryRaw);
  p.put('address', full);
  const address = new EntityBuilder(`${p.id}-addr-${p.addresses.length + 1}`, 'Address', DATASET, false)
    .add('full', full)
    .add('street', street)
    .add('city', city)
    .add('region', region)
    .add('postalCode', postal)
    .add('country', country)
    .add('remarks', note);
  p.addresses.push(address.build());
  bump(p.meta, 'addresses');
}

// ---------------------------------------------------------------------------------------------------
// The element table
// ---------------------------------------------------------------------------------------------------

type Handler = (p: Party, el: XmlNode) => void;

/** How each child element of INDIVIDUAL/ENTITY lands in FtM. */
const ELEMENTS: Record<string, Handler> = {
  NAME_ORIGINAL_SCRIPT: (p, el) => p.put('alias', text(el)), // Arabic, Cyrillic... spelling of the name
  TITLE: (p, el) => p.put('title', ...valuesOf(el)),
  DESIGNATION: (p, el) => p.put('position', ...valuesOf(el)),
  NATIONALITY: (p, el) => valuesOf(el).forEach((v) => p.country('nationality', v)),
  GENDER: (p, el) => {
    const g = text(el).toLowerCase();
    if (g === 'male' || g === 'female') p.put('gender', g);
    else if (g) p.notes.push(`gender: ${text(el)}`);
  },
  COMMENTS1: (p, el) => p.put('notes', text(el)),
  UN_LIST_TYPE: (p, el) => p.put('program', text(el)),
  LISTED_ON: (p, el) => {
    const date = listDate(text(el));
    if (date) p.put('createdAt', date);
    else if (text(el)) {
      p.notes.push(`listed on: ${text(el)}`);
      bump(p.meta, 'unparsed_dates');
    }
  },
  LAST_DAY_UPDATED: (p, el) => {
    const dates = valuesOf(el).map(listDate).filter((d): d is string => !!d).sort();
    p.put('modifiedAt', dates.at(-1));
  },
  INDIVIDUAL_ALIAS: addAlias,
  ENTITY_ALIAS: addAlias,
  INDIVIDUAL_DATE_OF_BIRTH: addBirthDate,
  INDIVIDUAL_PLACE_OF_BIRTH: addBirthPlace,
  INDIVIDUAL_DOCUMENT: addDocument,
  INDIVIDUAL_ADDRESS: addAddress,
  ENTITY_ADDRESS: addAddress,
};

/** Elements read elsewhere (names, reference, list type on the Sanction) or carrying no list content. */
const READ_ELSEWHERE = new Set([...NAME_PARTS, 'REFERENCE_NUMBER', 'LIST_TYPE', 'DATAID', 'VERSIONNUM', 'SORT_KEY', 'SORT_KEY_LAST_MOD']);

function routeElements(p: Party, node: XmlNode): void {
  for (const el of node.children) {
    const handler = ELEMENTS[el.name];
    if (handler) handler(p, el);
    else if (!READ_ELSEWHERE.has(el.name)) {
      const value = [text(el), ...el.children.map(text)].filter(Boolean).join('; ');
      if (!value) continue;
      p.notes.push(`${el.name}: ${value}`);
      bump(p.meta, 'unknown_elements');
    }
  }
}

/** The committee code of a reference (KPi.033 → KP), the list's own programme id. */
const programCode = (ref: string) => ref.match(/^([A-Z]{2})[ie]\./)?.[1];

function sanctionOf(p: Party, node: XmlNode, ref: string): Entity {
  const listedOn = listDate(childText(node, 'LISTED_ON'));
  const listTypes = children(node, 'LIST_TYPE').flatMap(valuesOf);
  return new EntityBuilder(`${p.id}-sanction`, 'Sanction', DATASET, false)
    .add('entity', p.id)
    .add('authority', AUTHORITY)
    .add('country', 'zz')
    .add('program', childText(node, 'UN_LIST_TYPE'))
    .add('programId', programCode(ref))
    .add('authorityId', ref)
    .add('unscId', ref)
    .add('listingDate', listedOn)
    .add('startDate', listedOn)
    .add('modifiedAt', ...(p.b.entity.properties.modifiedAt ?? []))
    .add('status', ...listTypes) // "UN List"
    .add('reason', childText(node, 'COMMENTS1'))
    .add('sourceUrl', SOURCE_URL)
    .build();
}

function readRecord(node: XmlNode, ref: string, meta: ListMeta): Entity[] {
  const isPerson = node.name === 'INDIVIDUAL';
  const p = new Party(`un-${ref}`, isPerson ? 'Person' : 'LegalEntity', meta);
  addNames(p, node, isPerson);
  routeElements(p, node);
  p.put('programId', programCode(ref));
  p.put('topics', 'sanction');
  p.put('sourceUrl', SOURCE_URL);
  p.b.add('notes', ...p.notes);
  bump(meta, 'records');
  bump(meta, isPerson ? 'individuals' : 'entities');
  if (childText(node, 'UN_LIST_TYPE') === 'DPRK') bump(meta, 'dprk');
  return [p.b.build(), sanctionOf(p, node, ref), ...p.addresses];
}

export const unXml: SourceFormat = {
  format: 'un-xml',
  dataset: DATASET,
  sniff: (_name, head) => /<CONSOLIDATED_LIST[\s>]/.test(head),
  async *read(input: SourceInput, meta: ListMeta) {
    const file = input.files[0];
    let rootSeen = false;
    const seen = new Set<string>();
    const records = xmlRecords(file, file, {
      records: new Set(['INDIVIDUAL', 'ENTITY']),
      onOuterElement: (name, attrs) => {
        if (name !== 'CONSOLIDATED_LIST') return;
        rootSeen = true;
        meta.published = parseDate(attrs.dateGenerated ?? '') ?? null;
      },
    });
    for await (const node of records) {
      if (!rootSeen) throw new SourceError(file, 'not a UN consolidated list (root element is not CONSOLIDATED_LIST)');
      const ref = childText(node, 'REFERENCE_NUMBER');
      const where = `${node.name} ${ref || `DATAID ${childText(node, 'DATAID')}`}`;
      if (!ref) throw new SourceError(file, 'record without REFERENCE_NUMBER', where);
      if (seen.has(ref)) throw new SourceError(file, `duplicate entity id un-${ref} (REFERENCE_NUMBER ${ref} appears twice)`, where);
      seen.add(ref);
      try {
        yield* readRecord(node, ref, meta);
      } catch (err) {
        throw new SourceError(file, (err as Error).message, where);
      }
    }
    if (!rootSeen) throw new SourceError(file, 'not a UN consolidated list (no CONSOLIDATED_LIST element)');
    if (!seen.size) throw new SourceError(file, 'no INDIVIDUAL or ENTITY records (a UN list is never empty)');
  },
};
