// HM Treasury / OFSI "Consolidated List of Asset Freeze Targets" (ConList), retired 28 Jan 2026 in favour
// of the FCDO UK Sanctions List (uk-fcdo.ts). Two layouts, one mapping driven by the header names:
//  - 2022 format (36 columns, ConList.xlsx / ConList.csv): Name 6, Name 1..5, Title, Name Non-Latin Script,
//    ..., Other Information, Group Type, Alias Type, Alias Quality, Regime, Listed On,
//    UK Sanctions List Date Designated, Last Updated, Group ID;
//  - pre-2022 CSV (29 columns, Windows-1252): no Alias Quality, non-Latin script or passport-number columns.
// A "Last Updated,dd/mm/yyyy" line comes first. There is one row per name variation (and per extra DOB or
// address), so rows sharing a Group ID are one listed party; their order in the file is not grouped.
// This file also holds the UK party → FtM mapping that uk-fcdo.ts reuses.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { countryCode } from '../../model/countries.js';
import { EntityBuilder, type Entity } from '../../model/entity.js';
import { schemaProperties } from '../../model/schema.js';
import { csvRows } from '../read/csv.js';
import { parseDate } from '../read/dates.js';
import { xlsxRows } from '../read/xlsx.js';
import { bump, SourceError, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';

// ---------------------------------------------------------------------------------------------------
// The UK party: what ConList rows and UK Sanctions List designations both say about one listed party.
// ---------------------------------------------------------------------------------------------------

export interface UkName {
  /** Name 1 .. Name 6 (Name 6 is the surname, or the whole name of an entity or ship). */
  parts: string[];
  /** Alias Type / NameType: Primary name, Primary name variation, AKA, Alias, FKA, Prime Alias... */
  type: string;
  /** Alias Quality / AliasStrength: Good quality, Low quality (a.k.a), or empty. */
  strength: string;
}
export interface UkDocument {
  number: string;
  info: string;
}
export interface UkAddress {
  /** Address lines 1..6. */
  lines: string[];
  postalCode: string;
  country: string;
}

export interface UkParty {
  /** Group ID (ConList) or Unique ID (UK Sanctions List): the entity id suffix. */
  ref: string;
  /** Individual / Entity / Ship, as written. */
  kind: string;
  names: UkName[];
  nonLatinNames: string[];
  titles: string[];
  birthDates: string[];
  births: Array<{ town: string; country: string }>;
  nationalities: string[];
  genders: string[];
  positions: string[];
  passports: UkDocument[];
  nationalIds: UkDocument[];
  addresses: UkAddress[];
  phones: string[];
  emails: string[];
  websites: string[];
  legalForms: string[];
  registrationNumbers: string[];
  imoNumbers: string[];
  flags: string[];
  pastFlags: string[];
  vesselTypes: string[];
  tonnages: string[];
  buildYears: string[];
  cryptoWallets: string[];
  regimes: string[];
  /** UK Sanctions List references (RUS0123). */
  listRefs: string[];
  /** OFSI Group IDs. */
  groupIds: string[];
  unRefs: string[];
  provisions: string[];
  reasons: string[];
  listedOn: string[];
  designatedOn: string[];
  lastUpdated: string[];
  /** Free text kept as it is (other information, parent companies, owners...). */
  notes: string[];
}

export function newParty(ref: string, kind: string): UkParty {
  return {
    ref, kind, names: [], nonLatinNames: [], titles: [], birthDates: [], births: [], nationalities: [], genders: [],
    positions: [], passports: [], nationalIds: [], addresses: [], phones: [], emails: [], websites: [], legalForms: [],
    registrationNumbers: [], imoNumbers: [], flags: [], pastFlags: [], vesselTypes: [], tonnages: [], buildYears: [],
    cryptoWallets: [], regimes: [], listRefs: [], groupIds: [], unRefs: [], provisions: [], reasons: [], listedOn: [],
    designatedOn: [], lastUpdated: [], notes: [],
  };
}

/** Publisher details that differ between the OFSI ConList and the FCDO list. */
export interface UkSource {
  dataset: string;
  idPrefix: string;
  authority: string;
  sourceUrl: string;
}

// ---------------------------------------------------------------------------------------------------
// Small text helpers shared by both UK loaders.
// ---------------------------------------------------------------------------------------------------

/**
 * Split the lists' numbered multi-values: "(1) Germany. (2) Morocco", "1) Uzbek 2) Afghan",
 * "a) French, b) Tunisian"; "(1)-(2) Indonesia" is one value that applies to items 1 to 2.
 */
export function splitNumbered(text: string): string[] {
  const s = text.replace(/\s+/g, ' ').trim();
  if (!s) return [];
  const marker = /(?:^|\s)\(?(?:\d{1,2}|[a-h])\)(?:\s*-\s*\(?(?:\d{1,2}|[a-h])\))?\s*/g;
  if (!/^\(?(?:\d{1,2}|[a-h])\)/.test(s) && !/\s\(\d{1,2}\)\s/.test(s)) return [cleanItem(s)].filter(Boolean);
  return s.split(marker).map(cleanItem).filter(Boolean);
}

function cleanItem(s: string): string {
  return s.replace(/^[\s,;.]+|[\s,;.]+$/g, '').trim();
}

/** ConList and UKSL dates: dd/mm/yyyy with 00, dd or mm for unknown parts, mm/yyyy, yyyy, ISO. */
export function parseUkDate(raw: string): string | undefined {
  const s = raw.trim();
  const m = s.match(/^(\d{1,2}|dd|00?)\/(\d{1,2}|mm|00?)\/(\d{4})$/i);
  if (m) {
    const day = /^\d+$/.test(m[1]) && Number(m[1]) > 0 ? m[1].padStart(2, '0') : '';
    const month = /^\d+$/.test(m[2]) && Number(m[2]) > 0 ? m[2].padStart(2, '0') : '';
    if (!month) return m[3];
    if (Number(month) > 12 || Number(day) > 31) return undefined;
    return day ? `${m[3]}-${month}-${day}` : `${m[3]}-${month}`;
  }
  const my = s.match(/^(\d{1,2})\/(\d{4})$/);
  if (my) return Number(my[1]) >= 1 && Number(my[1]) <= 12 ? `${my[2]}-${my[1].padStart(2, '0')}` : undefined;
  return parseDate(s.replace(/^(\d{1,2})-([A-Za-z]{3,9})-(\d{4})$/, '$1 $2 $3'));
}

function earliest(dates: string[]): string | undefined {
  return dates.map((d) => parseUkDate(d)).filter((d): d is string => !!d).sort()[0];
}
function latest(dates: string[]): string | undefined {
  return dates.map((d) => parseUkDate(d)).filter((d): d is string => !!d).sort().pop();
}

/** "RUS0123" → "RUS": the regime code the UK reference starts with. */
function regimeCode(ref: string): string | undefined {
  return ref.match(/^([A-Z]{2,4})\d+$/)?.[1];
}

/** Something that looks like a document number inside free text (pre-2022 "Passport Details", "NI Number"). */
export function idTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\w/])[A-Z0-9][A-Z0-9/-]{4,}(?![\w/])/gi)) {
    const t = m[0].replace(/[-/]+$/, '');
    if ((t.match(/\d/g)?.length ?? 0) < 4) continue;
    if (/^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(t)) continue; // a date
    out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// UK party → FtM entities
// ---------------------------------------------------------------------------------------------------

const COMPANY_FORM =
  /compan|limited|\bltd\b|\bllc\b|\bllp\b|\bplc\b|\binc\b|corporat|joint[- ]stock|\b[pcoz]?jsc\b|\b[oaz]ao\b|\booo\b|partnership|enterprise|gmbh|\bs\.?a\.?\b|\bfz[ce]o?\b|\bbank\b|business/i;

function schemaFor(party: UkParty): string | undefined {
  const kind = party.kind.trim().toLowerCase();
  if (kind === 'individual') return 'Person';
  if (kind === 'ship' || kind === 'vessel') return 'Vessel';
  if (kind === 'entity') {
    const companyLike = party.registrationNumbers.length > 0 || party.legalForms.some((f) => COMPANY_FORM.test(f));
    return companyLike ? 'Company' : 'Organization';
  }
  return undefined;
}

/** Name type and alias strength → FtM name property. Undefined when the type is unknown. */
export function nameProperty(type: string, strength: string): string | undefined {
  const t = type.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'primary name' || t === 'prime alias') return 'name';
  if (t === 'fka' || t === 'f.k.a.' || /former|previous/.test(t)) return 'previousName';
  const weak = /^low/i.test(strength.trim());
  if (t === 'aka' || t === 'a.k.a.' || t === 'alias' || t === 'primary name variation' || t === '') return weak ? 'weakAlias' : 'alias';
  return undefined;
}

const NAME_COUNTS: Record<string, string> = { alias: 'aliases', weakAlias: 'weak_aliases', previousName: 'previous_names' };

/** National registry numbers that FtM keeps in their own properties (Russian INN, OGRN, KPP, OKPO). */
const REGISTRY_CODES: Array<[RegExp, string]> = [
  [/\bOGRNIP\b|\bOGRN\b|ОГРН/i, 'ogrnCode'],
  [/\bKPP\b|КПП/i, 'kppCode'],
  [/\bOKPO\b|ОКПО/i, 'okpoCode'],
  [/\bINN\b|ИНН|Russian (?:TIN|Tax)/i, 'innCode'],
  [/\bTIN\b|\bTax\b/i, 'taxNumber'],
];

/** One business registration item → [property, number] pairs; unlabelled text is the number itself. */
function registrationIds(item: string): Array<[string, string]> {
  const numbers = idTokens(item);
  if (!numbers.length) return [['registrationNumber', item]];
  const label = REGISTRY_CODES.find(([re]) => re.test(item));
  return numbers.map((n) => [label ? label[1] : 'registrationNumber', n] as [string, string]);
}

function imoNumber(raw: string): string | undefined {
  const digits = raw.replace(/^\s*IMO[\s:.-]*/i, '').trim();
  return /^\d{7}$/.test(digits) ? `IMO${digits}` : undefined;
}

class PartyBuilder {
  readonly b: EntityBuilder;
  readonly notes: string[] = [];
  private allowed: Set<string>;

  constructor(
    id: string,
    schema: string,
    dataset: string,
    private meta: ListMeta,
  ) {
    this.b = new EntityBuilder(id, schema, dataset);
    this.allowed = schemaProperties(schema);
  }

  /** Add values; a property the schema lacks (a phone for a ship) keeps the value in notes instead. */
  put(prop: string, ...values: Array<string | undefined>): void {
    const vs = values.filter((v): v is string => !!v && !!v.trim());
    if (!vs.length) return;
    if (this.allowed.has(prop)) this.b.add(prop, ...vs);
    else for (const v of vs) this.notes.push(`${prop}: ${v}`);
  }

  /** Country names → codes; unknown names stay in notes and are counted. */
  countries(prop: string, raws: string[]): string[] {
    const codes: string[] = [];
    for (const raw of raws.flatMap(splitNumbered)) {
      // "Germany. Russia", "Estonia, Russia": several countries in one value, when every part is one
      const parts = raw.split(/[.,;]\s+|\s+and\s+/);
      const found = ukCountry(raw) ? [ukCountry(raw)!] : parts.length > 1 ? parts.map(ukCountry) : [undefined];
      if (found.every((c) => c)) {
        for (const code of found as string[]) {
          codes.push(code);
          this.put(prop, code);
        }
      } else {
        this.notes.push(`${prop}: ${raw}`);
        bump(this.meta, 'unparsed_countries');
      }
    }
    return codes;
  }
}

/** countryCode, forgiving the lists' qualifiers: "Pakistan (as at Apr 2009)", "Kuwaiti citizenship". */
export function ukCountry(raw: string): string | undefined {
  const s = raw.trim();
  // "Ukrainian SSR (now Ukraine)", "Former USSR Currently Belarus": the present-day country is the one to match
  const now = s.match(/\b(?:now|currently)\s+(?:the\s+)?([^()]+?)\s*\)?\s*$/i)?.[1];
  return (
    countryCode(s) ??
    countryCode(s.replace(/\s*\([^)]*\)\s*/g, ' ').trim()) ??
    (now ? countryCode(now) : undefined) ??
    countryCode(s.replace(/\s+(citizenship|national|nationality|passport)$/i, '').replace(/^(possibly|probably|believed)\s+/i, ''))
  );
}

function addNames(pb: PartyBuilder, party: UkParty, meta: ListMeta): void {
  const schema = pb.b.entity.schema;
  let primary: UkName | undefined;
  const fallback: string[] = [];
  for (const n of party.names) {
    const full = n.parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
    if (!full) continue;
    let prop = nameProperty(n.type, n.strength);
    if (!prop) {
      prop = 'alias';
      pb.notes.push(`name type "${n.type}": ${full}`);
      bump(meta, 'unknown_name_types');
    }
    if (prop === 'name') primary ??= n;
    else fallback.push(full);
    if (NAME_COUNTS[prop] && !pb.b.entity.properties[prop]?.includes(full)) bump(meta, NAME_COUNTS[prop]);
    pb.put(prop, full);
  }
  if (!pb.b.has('name')) {
    if (!fallback.length) throw new SourceError(meta.format, `party ${party.ref} has no name`);
    pb.put('name', fallback[0]); // no primary name given: the first other name stands in
    bump(meta, 'records_without_primary_name');
  }
  if (primary && schema === 'Person') {
    const [first, ...rest] = primary.parts.slice(0, 5);
    pb.put('firstName', first);
    pb.put('middleName', rest.filter(Boolean).join(' '));
    pb.put('lastName', primary.parts[5]);
  }
  for (const n of party.nonLatinNames) {
    if (!pb.b.entity.properties.alias?.includes(n.trim())) bump(meta, 'non_latin_names');
    pb.put('alias', n);
  }
}

function addPersonDetails(pb: PartyBuilder, party: UkParty, meta: ListMeta): void {
  pb.put('title', ...party.titles);
  for (const raw of party.birthDates) {
    const date = parseUkDate(raw);
    if (date) pb.put('birthDate', date);
    else {
      pb.notes.push(`date of birth: ${raw}`);
      bump(meta, 'unparsed_birth_dates');
    }
  }
  for (const { town, country } of party.births) {
    pb.put('birthPlace', [town, country].filter(Boolean).join(', '));
    if (country) pb.countries('birthCountry', [country]);
  }
  pb.countries('nationality', party.nationalities);
  for (const g of party.genders) {
    const gender = g.trim().toLowerCase();
    if (gender === 'male' || gender === 'female') pb.put('gender', gender);
    else pb.notes.push(`gender: ${g}`);
  }
  pb.put('position', ...party.positions);
  for (const p of party.passports) {
    pb.put('passportNumber', p.number);
    if (p.info) pb.notes.push(`passport${p.number ? ` ${p.number}` : ''}: ${p.info}`);
  }
  for (const d of party.nationalIds) {
    pb.put('idNumber', d.number);
    if (d.info) pb.notes.push(`national identifier${d.number ? ` ${d.number}` : ''}: ${d.info}`);
  }
}

function addOrganisationDetails(pb: PartyBuilder, party: UkParty): void {
  pb.put('legalForm', ...party.legalForms);
  for (const item of party.registrationNumbers) {
    const ids = registrationIds(item);
    for (const [prop, value] of ids) pb.put(prop, value);
    if (ids.length !== 1 || ids[0][1] !== item) pb.notes.push(`business registration: ${item}`);
  }
}

function addVesselDetails(pb: PartyBuilder, party: UkParty): void {
  for (const raw of party.imoNumbers) {
    const imo = imoNumber(raw);
    if (imo) pb.put('imoNumber', imo);
    else pb.notes.push(`IMO number: ${raw}`);
  }
  pb.countries('flag', party.flags);
  pb.countries('pastFlags', party.pastFlags);
  pb.put('type', ...party.vesselTypes);
  pb.put('tonnage', ...party.tonnages);
  for (const y of party.buildYears) {
    const year = y.match(/\b(1[89]\d\d|20\d\d)\b/)?.[1];
    if (year) pb.put('buildDate', year);
    else pb.notes.push(`year built: ${y}`);
  }
}

function addressEntities(pb: PartyBuilder, party: UkParty, src: UkSource, meta: ListMeta): Entity[] {
  const out: Entity[] = [];
  const seen = new Set<string>();
  for (const a of party.addresses) {
    const lines = a.lines.map((l) => l.trim()).filter(Boolean);
    const country = a.country.trim() ? pb.countries('country', [a.country]) : [];
    const full = [...lines, a.postalCode.trim(), a.country.trim()].filter(Boolean).join(', ');
    if (!lines.length && !a.postalCode.trim()) continue; // a bare country is the party's country, not an address
    if (seen.has(full)) continue;
    seen.add(full);
    pb.put('address', full);
    // Lines 1-3 are the street; the last of lines 4-6 is the town (the lists put the city last).
    const tail = a.lines.slice(3).map((l) => l.trim()).filter(Boolean);
    const street = [...a.lines.slice(0, 3).map((l) => l.trim()).filter(Boolean), ...tail.slice(0, -1)].join(', ');
    const addr = new EntityBuilder(`${pb.b.entity.id}-addr-${out.length + 1}`, 'Address', src.dataset, false)
      .add('full', full)
      .add('street', street)
      .add('city', tail[tail.length - 1])
      .add('postalCode', a.postalCode)
      .add('country', country[0])
      .add('sourceUrl', src.sourceUrl);
    out.push(addr.build());
    bump(meta, 'addresses');
  }
  return out;
}

function cryptoWallets(pb: PartyBuilder, party: UkParty, src: UkSource): Entity[] {
  return party.cryptoWallets.map((key, i) => {
    pb.put('idNumber', key); // so identifier search finds the address on the party too
    return new EntityBuilder(`${pb.b.entity.id}-wallet-${i + 1}`, 'CryptoWallet', src.dataset, false)
      .add('publicKey', key)
      .add('holder', pb.b.entity.id)
      .add('topics', 'sanction')
      .add('sourceUrl', src.sourceUrl)
      .build();
  });
}

const KIND_COUNTS: Record<string, string> = { Person: 'individuals', Vessel: 'ships' };

/** One UK party → the party entity, its Sanction, its Address and CryptoWallet entities. */
export function buildUkParty(party: UkParty, src: UkSource, meta: ListMeta): Entity[] {
  const id = `${src.idPrefix}-${party.ref}`;
  let schema = schemaFor(party);
  if (!schema) {
    schema = 'LegalEntity';
    bump(meta, 'unknown_group_types');
  }
  const pb = new PartyBuilder(id, schema, src.dataset, meta);
  if (schema === 'LegalEntity') pb.notes.push(`listed as: ${party.kind}`);
  addNames(pb, party, meta);
  if (schema === 'Person') addPersonDetails(pb, party, meta);
  else {
    // entities and ships rarely carry person fields, but when they do keep them as text
    for (const p of party.positions) pb.notes.push(`position: ${p}`);
    for (const d of party.birthDates) pb.notes.push(`date of birth: ${d}`);
    pb.countries('country', party.nationalities);
  }
  addOrganisationDetails(pb, party);
  addVesselDetails(pb, party);
  pb.put('phone', ...party.phones);
  pb.put('email', ...party.emails);
  pb.put('website', ...party.websites);
  const addresses = addressEntities(pb, party, src, meta);
  const wallets = cryptoWallets(pb, party, src);

  const programIds = party.listRefs.map(regimeCode).filter((c): c is string => !!c);
  const listedOn = earliest(party.listedOn) ?? earliest(party.designatedOn);
  const modifiedAt = latest(party.lastUpdated);
  pb.put('program', ...party.regimes);
  pb.put('programId', ...programIds);
  pb.put('createdAt', listedOn);
  pb.put('modifiedAt', modifiedAt);
  pb.put('topics', 'sanction');
  pb.put('sourceUrl', src.sourceUrl);
  pb.b.add('notes', ...party.notes, ...pb.notes);

  const sanction = new EntityBuilder(`${id}-sanction`, 'Sanction', src.dataset, false)
    .add('entity', id)
    .add('authority', src.authority)
    .add('country', 'gb')
    .add('program', ...party.regimes)
    .add('programId', ...programIds)
    .add('authorityId', ...party.listRefs, ...party.groupIds)
    .add('unscId', ...party.unRefs)
    .add('listingDate', listedOn)
    .add('startDate', earliest(party.designatedOn) ?? listedOn)
    .add('modifiedAt', modifiedAt)
    .add('provisions', ...party.provisions)
    .add('reason', ...party.reasons)
    .add('sourceUrl', src.sourceUrl);

  bump(meta, 'records');
  bump(meta, KIND_COUNTS[schema] ?? 'entities');
  return [pb.b.build(), sanction.build(), ...addresses, ...wallets];
}

// ---------------------------------------------------------------------------------------------------
// ConList rows → UK parties
// ---------------------------------------------------------------------------------------------------

const DATASET = 'gb_hmt_sanctions';
const OFSI: UkSource = {
  dataset: DATASET,
  idPrefix: 'gb-hmt',
  authority: 'HM Treasury, Office of Financial Sanctions Implementation',
  sourceUrl: 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.xlsx',
};
const OFSI_LEGACY: UkSource = { ...OFSI, sourceUrl: 'http://hmt-sanctions.s3.amazonaws.com/sanctionsconlist.csv' };

/** Columns that identify a ConList header row, whichever the layout. */
const HEADER_COLUMNS = ['Name 6', 'Group Type', 'Group ID'];
const HEADER_SEARCH_ROWS = 30;

type Row = { line: number; cells: string[] };

/** Column index by header name (case- and space-insensitive); -1 when the layout lacks the column. */
function columns(header: string[]): (name: string) => number {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase().replace(/\s+/g, ' '), i]));
  return (name) => index.get(name.toLowerCase()) ?? -1;
}

/** Labelled parts of "Other Information": (Label):value. Unlisted labels stay inside the text before them. */
const OTHER_INFO: Record<string, (p: UkParty, value: string) => void> = {
  'UK Sanctions List Ref': (p, v) => {
    const m = v.match(/^([A-Z]{2,4}\d{3,5})\b[.\s]*([\s\S]*)$/);
    if (!m) return void p.notes.push(`UK Sanctions List Ref: ${v}`);
    p.listRefs.push(m[1]);
    const rest = m[2].trim();
    if (/sanctions imposed/i.test(rest)) p.provisions.push(cleanItem(rest)); // "Financial sanctions imposed in addition ...: Trust services"
    else if (rest) p.notes.push(rest);
  },
  'UK Statement of Reasons': (p, v) => p.reasons.push(v),
  'UN Ref': (p, v) => {
    const m = v.match(/^([A-Z]{2}[a-z]?\.\d+)\.?\s*([\s\S]*)$/);
    if (!m) return void p.notes.push(`UN Ref: ${v}`);
    p.unRefs.push(m[1]);
    if (m[2].trim()) p.notes.push(m[2].trim());
  },
  Gender: (p, v) => p.genders.push(v),
  'Phone number': (p, v) => p.phones.push(...splitNumbered(v).flatMap((x) => x.split(/[.;,]\s+/)).map(cleanItem).filter(Boolean)),
  Fax: (p, v) => p.notes.push(`Fax: ${v}`),
  'Email address': (p, v) => {
    const emails = [...v.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)].map((m) => m[0].replace(/\.$/, ''));
    p.emails.push(...emails);
    const rest = emails.reduce((s, e) => s.replace(e, ''), v).replace(/\(\d+\)/g, '');
    if (/\w/.test(rest)) p.notes.push(`Email address: ${v}`);
  },
  Website: (p, v) =>
    p.websites.push(...splitNumbered(v).flatMap((x) => x.split(/\s+/)).map(cleanItem).filter((x) => x.includes('.'))),
  'Type of entity': (p, v) => p.legalForms.push(...splitNumbered(v)),
  'Business Reg No': (p, v) => p.registrationNumbers.push(...splitNumbered(v).flatMap((x) => x.split(/;\s*/)).map(cleanItem).filter(Boolean)),
  'Parent company': (p, v) => p.notes.push(`Parent company: ${v}`),
  Subsidiaries: (p, v) => p.notes.push(`Subsidiaries: ${v}`),
  'IMO number': (p, v) => p.imoNumbers.push(v),
  'Flag of ship': (p, v) => p.flags.push(v),
  'Previous flags': (p, v) => p.pastFlags.push(...v.split(/[.,;]\s*/).map(cleanItem).filter(Boolean)),
  'Type of ship': (p, v) => p.vesselTypes.push(v),
  'Tonnage of ship': (p, v) => p.tonnages.push(v),
  'Length of ship': (p, v) => p.notes.push(`Length of ship: ${v}`),
  'Year built': (p, v) => p.buildYears.push(v),
  'Current owners': (p, v) => p.notes.push(`Current owners: ${v}`),
};
const OTHER_INFO_LABEL = new RegExp(`\\((${Object.keys(OTHER_INFO).join('|')})\\):`, 'i');
const OTHER_INFO_KEY = new Map(Object.keys(OTHER_INFO).map((k) => [k.toLowerCase(), k]));

export function parseOtherInformation(p: UkParty, text: string, meta: ListMeta): void {
  const parts = text.split(OTHER_INFO_LABEL);
  if (parts[0].trim()) {
    p.notes.push(parts[0].trim());
    // pre-2022 lists wrote the UN reference into the prose: "UN Ref QI.A.86.03.", "UN REF:QE.A.146.14."
    for (const m of parts[0].matchAll(/UN\s+Ref(?:erence)?(?:\s+No\.?)?\s*:?\s*([A-Z]{1,3}(?:\.[A-Z0-9]+){2,})/gi)) p.unRefs.push(m[1]);
  }
  for (let i = 1; i < parts.length; i += 2) {
    const label = OTHER_INFO_KEY.get(parts[i].toLowerCase())!;
    const value = parts[i + 1].replace(/\s+$/, '').trim();
    if (value) OTHER_INFO[label](p, value);
    bump(meta, 'other_information_parts');
  }
}

/** Pair document numbers with their details when both are numbered alike; else keep the details as text. */
function documents(numbers: string, details: string): UkDocument[] {
  const nums = splitNumbered(numbers);
  const infos = splitNumbered(details);
  if (!nums.length && !infos.length) return [];
  if (!nums.length) {
    // pre-2022: the number is inside the details ("2255278 (Syria)", "Ration card no. 0094195")
    return infos.flatMap((info) => {
      const ids = idTokens(info);
      return ids.length ? ids.map((number) => ({ number, info })) : [{ number: '', info }];
    });
  }
  if (nums.length === infos.length) return nums.map((number, i) => ({ number, info: infos[i] }));
  return [...nums.map((number) => ({ number, info: '' })), ...(details ? [{ number: '', info: details }] : [])];
}

/** Distinct non-empty value tuples of some columns across a group's rows, in first-seen order. */
function distinct(rows: string[][], columns: number[]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const cells of rows) {
    const values = columns.map((i) => (i < 0 ? '' : (cells[i] ?? '').trim()));
    if (values.every((v) => !v)) continue;
    const key = values.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(values);
  }
  return out;
}

const NAME_COLUMNS = ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Name 6'];
const ADDRESS_COLUMNS = ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6', 'Post/Zip Code', 'Country'];

/** One group's rows → a UK party. Person and other details repeat on every row; each distinct value counts once. */
function partyFromRows(ref: string, rows: string[][], col: (name: string) => number, meta: ListMeta): UkParty {
  const p = newParty(ref, (rows[0][col('Group Type')] ?? '').trim());
  p.groupIds.push(ref);
  const values = (...names: string[]) => distinct(rows, names.map(col));
  const each = (name: string) => values(name).map((v) => v[0]);
  for (const v of values(...NAME_COLUMNS, 'Alias Type', 'Alias Quality')) p.names.push({ parts: v.slice(0, 6), type: v[6], strength: v[7] });
  p.titles.push(...each('Title').flatMap(splitNumbered).flatMap((t) => t.split('/')).map(cleanItem).filter(Boolean));
  p.nonLatinNames.push(...each('Name Non-Latin Script'));
  p.birthDates.push(...each('DOB').flatMap(splitNumbered));
  p.regimes.push(...each('Regime'));
  p.listedOn.push(...each('Listed On'));
  p.designatedOn.push(...each('UK Sanctions List Date Designated'));
  p.lastUpdated.push(...each('Last Updated'));
  for (const v of values(...ADDRESS_COLUMNS)) p.addresses.push({ lines: v.slice(0, 6), postalCode: v[6], country: v[7] });
  for (const [town, country] of values('Town of Birth', 'Country of Birth')) p.births.push(...births(town, country));
  p.nationalities.push(...each('Nationality').flatMap(splitNumbered));
  for (const [number, details] of values('Passport Number', 'Passport Details')) p.passports.push(...documents(number, details));
  for (const [number, details] of values('National Identification Number', 'National Identification Details')) p.nationalIds.push(...documents(number, details));
  for (const details of each('NI Number')) p.nationalIds.push(...documents('', details)); // pre-2022 layout
  p.positions.push(...each('Position').flatMap(splitNumbered));
  for (const other of each('Other Information')) parseOtherInformation(p, other, meta);
  return p;
}

/** Town and country of birth, paired item by item when both are numbered lists of one length. */
function births(town: string, country: string): Array<{ town: string; country: string }> {
  const towns = splitNumbered(town);
  const countries = splitNumbered(country);
  if (towns.length === countries.length) return towns.map((t, i) => ({ town: t, country: countries[i] }));
  if (countries.length === 1) return towns.length ? towns.map((t) => ({ town: t, country: countries[0] })) : [{ town: '', country: countries[0] }];
  return [...towns.map((t) => ({ town: t, country: '' })), ...countries.map((c) => ({ town: '', country: c }))];
}

/** Read ConList rows (any layout): find the header, group rows by Group ID, emit one party per group. */
async function* readConList(rows: AsyncIterable<Row>, file: string, meta: ListMeta, src: UkSource): AsyncGenerator<Entity> {
  let col: ((name: string) => number) | undefined;
  let groupIdAt = -1;
  let groupTypeAt = -1;
  let regimeAt = -1;
  const groups = new Map<string, string[][]>();
  const regimes = new Set<string>();
  let seen = 0;
  for await (const { line, cells } of rows) {
    seen++;
    if (!col) {
      const label = (cells[0] ?? '').trim().toLowerCase();
      if (label === 'last updated' && cells[1]) meta.published = parseUkDate(cells[1]) ?? null;
      const names = new Set(cells.map((c) => c.trim().toLowerCase()));
      if (HEADER_COLUMNS.every((c) => names.has(c.toLowerCase()))) {
        col = columns(cells);
        [groupIdAt, groupTypeAt, regimeAt] = ['Group ID', 'Group Type', 'Regime'].map(col);
      } else if (seen >= HEADER_SEARCH_ROWS) break;
      continue;
    }
    if (cells.every((c) => !c.trim())) continue;
    bump(meta, 'rows');
    const groupId = (cells[groupIdAt] ?? '').trim();
    if (!groupId) throw new SourceError(file, 'row without a Group ID', `row ${line}`);
    const group = groups.get(groupId);
    if (!group) groups.set(groupId, [cells]);
    else {
      // one row per name is normal; one party of two kinds is not
      const [first, kind] = [group[0][groupTypeAt], cells[groupTypeAt]].map((k) => (k ?? '').trim());
      if (first !== kind) throw new SourceError(file, `Group ID ${groupId} is listed both as "${first}" and as "${kind}"`, `row ${line}`);
      group.push(cells);
    }
    const regime = (cells[regimeAt] ?? '').trim();
    if (regime) regimes.add(regime);
  }
  if (!col) throw new SourceError(file, `no ConList header row (with ${HEADER_COLUMNS.map((c) => `"${c}"`).join(', ')}) in the first ${HEADER_SEARCH_ROWS} rows`);
  if (!groups.size) throw new SourceError(file, 'ConList has a header but no rows');
  meta.counts.regimes = regimes.size;
  for (const [groupId, groupRows] of groups) {
    try {
      yield* buildUkParty(partyFromRows(groupId, groupRows, col, meta), src, meta);
    } catch (err) {
      if (err instanceof SourceError) throw new SourceError(file, err.detail, `Group ID ${groupId}`);
      throw new SourceError(file, (err as Error).message, `Group ID ${groupId}`);
    }
  }
}

/** UTF-8 when the whole file decodes as UTF-8, else Windows-1252 (the pre-2022 CSV). */
export async function sniffCsvEncoding(file: string): Promise<'utf8' | 'win1252'> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf8';
  } catch {
    return 'win1252';
  }
}

/**
 * CSV rows, the lines above the header ("Last Updated,dd/mm/yyyy", "Report Date: ...") split by hand.
 * Why: csv-parse takes the first record's width as the expected one and builds an error object for every
 * row that differs, even with relax_column_count; starting at the header saves seconds on a large list.
 */
export async function* csvAfterPreamble(file: string, isHeader: (line: string) => boolean): AsyncGenerator<Row> {
  const encoding = await sniffCsvEncoding(file);
  const head = Buffer.alloc(65536);
  const fh = await open(file, 'r');
  const { bytesRead } = await fh.read(head, 0, head.length, 0).finally(() => fh.close());
  const text = iconv.decode(head.subarray(0, bytesRead), encoding === 'utf8' ? 'utf8' : 'win1252').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).slice(0, -1); // the last one may be cut short
  const at = lines.findIndex(isHeader);
  if (at <= 0) return yield* csvRows(file, { encoding });
  for (let i = 0; i < at; i++) if (lines[i].trim()) yield { line: i + 1, cells: lines[i].split(',').map((c) => c.replace(/^"|"$/g, '').trim()) };
  yield* csvRows(file, { encoding, parse: { from_line: at + 1 } }); // line numbers stay those of the file
}

const isConListHeader = (line: string) => /Name 6/.test(line) && /Group ID/.test(line) && /Group Type/.test(line);

function csvInput(file: string): AsyncGenerator<Row> {
  return csvAfterPreamble(file, isConListHeader);
}

async function* xlsxInput(file: string): AsyncGenerator<Row> {
  for await (const { row, cells } of xlsxRows(file)) yield { line: row, cells };
}

/** Header line of a ConList CSV in the first bytes; `legacy` = the pre-2022 layout (no Alias Quality). */
function conListCsvHead(head: string, legacy: boolean): boolean {
  const headerLine = head.split(/\r?\n/, 30).find(isConListHeader);
  if (!headerLine) return false;
  return legacy === !/Alias Quality|Name Non-Latin Script/i.test(headerLine);
}

export const ofsiXlsx: SourceFormat = {
  format: 'ofsi-xlsx',
  dataset: DATASET,
  // The header sits compressed inside the zip, so only the name can tell.
  sniff: (name, head) => head.startsWith('PK') && /\.xlsx$/.test(name) && /conlist|ofsi|hmt/.test(name),
  read: (input: SourceInput, meta: ListMeta) => readConList(xlsxInput(input.files[0]), input.files[0], meta, OFSI),
};

export const ofsiCsv: SourceFormat = {
  format: 'ofsi-csv',
  dataset: DATASET,
  sniff: (_name, head) => conListCsvHead(head, false),
  read: (input: SourceInput, meta: ListMeta) => readConList(csvInput(input.files[0]), input.files[0], meta, { ...OFSI, sourceUrl: OFSI.sourceUrl.replace(/xlsx$/, 'csv') }),
};

export const ofsiCsvLegacy: SourceFormat = {
  format: 'ofsi-csv-legacy',
  dataset: DATASET,
  sniff: (_name, head) => conListCsvHead(head, true),
  read: (input: SourceInput, meta: ListMeta) => readConList(csvInput(input.files[0]), input.files[0], meta, OFSI_LEGACY),
};
