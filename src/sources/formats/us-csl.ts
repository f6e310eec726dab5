// US Consolidated Screening List (trade.gov, ITA): one CSV combining 13 export-control and sanctions lists
// from Commerce, State and Treasury. One row per party per list: a Treasury party on several Treasury lists
// (SDN + SSI + CAPTA...) has one row on each, all with the same `_id` (the OFAC uid). Those rows are one
// party: it is emitted once, with one Sanction per list.
import { countryCode } from '../../model/countries.js';
import { EntityBuilder, type Entity } from '../../model/entity.js';
import { schemaProperties } from '../../model/schema.js';
import { csvRows } from '../read/csv.js';
import { SourceError, bump, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';

const DATASET = 'us_trade_csl';
const REQUIRED = ['_id', 'source', 'name'];
const COLUMNS = [
  '_id', 'source', 'entity_number', 'type', 'programs', 'name', 'title', 'addresses', 'federal_register_notice',
  'start_date', 'end_date', 'standard_order', 'license_requirement', 'license_policy', 'call_sign', 'vessel_type',
  'gross_tonnage', 'gross_registered_tonnage', 'vessel_flag', 'vessel_owner', 'remarks', 'source_list_url',
  'alt_names', 'citizenships', 'dates_of_birth', 'nationalities', 'places_of_birth', 'source_information_url', 'ids',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string> & { line: number };

const SCHEMA_BY_TYPE: Record<string, string> = { individual: 'Person', entity: 'LegalEntity', vessel: 'Vessel', aircraft: 'Airplane' };

// ---- the component lists ---------------------------------------------------------------------------------

const AGENCIES: Record<string, string> = {
  'treasury department': 'US Department of the Treasury, Office of Foreign Assets Control',
  'bureau of industry and security': 'US Department of Commerce, Bureau of Industry and Security',
  'state department': 'US Department of State',
};

/** FtM topics by list code: BIS's lists are export controls, State's DTC list debarments; the rest sanctions. */
const TOPICS: Record<string, string> = {
  EL: 'export.control', MEU: 'export.control', DPL: 'export.control', UVL: 'export.risk', DTC: 'debarment',
};

interface ListInfo {
  /** The code the list gives itself in brackets: SDN, EL, DTC, DPL, SSI, UVL, ISN, PLC, MEU, CMIC, CAP, NS-MBS, FSE. */
  code: string;
  name: string;
  authority: string;
  topic: string;
}

const listCache = new Map<string, ListInfo>();
/** "Entity List (EL) - Bureau of Industry and Security" → code EL, name "Entity List (EL)", authority BIS. */
export function listInfo(source: string): ListInfo {
  let info = listCache.get(source);
  if (info) return info;
  const dash = source.lastIndexOf(' - ');
  const name = (dash > 0 ? source.slice(0, dash) : source).trim();
  const agency = dash > 0 ? source.slice(dash + 3).trim() : '';
  const bracket = name.match(/\(([^()]+)\)/)?.[1].replace(/\s+List$/i, '').trim();
  const code = bracket ?? name;
  info = { code, name, authority: AGENCIES[agency.toLowerCase()] ?? (agency || name), topic: TOPICS[code] ?? 'sanction' };
  listCache.set(source, info);
  return info;
}

// ---- the `ids` column ------------------------------------------------------------------------------------

/** How an `ids` entry ("CA, BC166787, Passport", "IMO 8898831, Vessel Registration Identification") is kept. */
type IdRule =
  | { prop: string; document?: 'Passport' | 'Identification' }
  | { kind: 'note' | 'date' | 'country' | 'vessel' | 'gender'; prop?: string };

const doc = (prop: string, document: 'Passport' | 'Identification' = 'Identification'): IdRule => ({ prop, document });
const rules = (labels: string[], rule: IdRule) => Object.fromEntries(labels.map((l) => [l.toLowerCase(), rule]));

const ID_RULES: Record<string, IdRule> = {
  ...rules(['Passport', 'Diplomatic Passport', 'British National Overseas Passport', 'Stateless Person Passport'], doc('passportNumber', 'Passport')),
  ...rules(
    [
      'National ID No.', 'Cedula No.', 'C.U.R.P.', 'D.N.I.', 'Personal ID Card', 'Identification Number', 'National Foreign ID Number',
      'Turkish Identification Number', "Citizen's Card Number", 'Numero de Identidad', 'Kenyan ID No.', 'Tazkira National ID Card',
      'Bosnian Personal ID No.', 'CNP (Personal Numerical Code)', 'Moroccan Personal ID No.', 'Refugee ID Card', 'Stateless Person ID Card',
      'UAE Identification', 'Electoral Registry No.', 'Credencial electoral', 'I.F.E.', 'C.U.I.', 'C.U.I.P.', 'N.I.E.',
      'Birth Certificate Number', 'Residency Number', 'Travel Document Number', "Driver's License No.", 'Cartilla de Servicio Militar Nacional',
      'VisaNumberID', 'Immigration No.', 'Pilot License Number', "Seafarer's Identification Document", 'Romanian Permanent Resident',
      'Public Security and Immigration No.', 'SRE Permit No.', 'Military Service Number',
    ],
    doc('idNumber'),
  ),
  ...rules(['SSN'], doc('socialSecurityNumber')),
  ...rules(
    [
      'Tax ID No.', 'R.F.C.', 'RFC', 'NIT #', 'RUC #', 'RIF #', 'C.U.I.T.', 'C.I.F.', 'US FEIN', 'Italian Fiscal Code', 'Fiscal Code',
      'Romanian Tax Registration', 'Paraguayan tax identification number', 'Numero Unico de Identificacao Tributaria (NUIT)', 'RTN',
    ],
    doc('taxNumber'),
  ),
  ...rules(['V.A.T. Number'], doc('vatCode')),
  ...rules(
    [
      'Registration Number', 'Registration ID', 'Company Number', 'UK Company Number', 'Business Registration Number',
      'Business Registration Document #', 'Commercial Registry Number', 'Certificate of Incorporation Number', 'Public Registration Number',
      'Folio Mercantil No.', 'Matricula Mercantil No', 'Chamber of Commerce Number', 'Trade License No.', 'License', 'C.R. No.',
      'Enterprise Number', 'Romanian C.R.', 'Business Number', 'Branch Unit Number', 'LE Number', 'RSIN', 'File Number',
      'Central Registration System Number', 'Dubai Chamber of Commerce Membership No.', 'Istanbul Chamber of Comm. No.',
      'MSB Registration Number', 'Registered Charity No.', 'Government Gazette Number', 'Unified Social Credit Code (USCC)',
      'United Social Credit Code Certificate (USCCC)', 'Tourism License No.', 'Afghan Money Service Provider License Number',
    ],
    doc('registrationNumber'),
  ),
  ...rules(['Gender'], { kind: 'gender' }),
  'website': { prop: 'website' },
  'email address': { prop: 'email' },
  'phone number': { prop: 'phone' },
  'swift/bic': { prop: 'swiftBic' },
  'legal entity number': { prop: 'leiCode' },
  'd-u-n-s number': { prop: 'dunsCode' },
  'isin': { prop: 'isinCode' },
  'equity ticker': { prop: 'ticker' },
  'micex code': { prop: 'ticker' },
  'bik (ru)': { prop: 'bikCode' },
  'mmsi': { prop: 'mmsi' },
  'other vessel call sign': { prop: 'callSign' },
  'other vessel type': { prop: 'type' },
  'vessel registration identification': { kind: 'vessel' },
  'former vessel flag': { kind: 'country', prop: 'pastFlags' },
  'other vessel flag': { kind: 'country', prop: 'flag' },
  'nationality of registration': { kind: 'country', prop: 'jurisdiction' },
  'registration country': { kind: 'country', prop: 'jurisdiction' },
  'aircraft model': { prop: 'model' },
  "aircraft manufacturer's serial number (msn)": { prop: 'serialNumber' },
  'aircraft construction number (also called l/n or s/n or f/n)': { prop: 'serialNumber' },
  'aircraft serial identification': { prop: 'serialNumber' },
  'aircraft tail number': { prop: 'registrationNumber' },
  'previous aircraft tail number': { prop: 'registrationNumber' },
  'aircraft manufacture date': { kind: 'date', prop: 'buildDate' },
  'organization established date': { kind: 'date', prop: 'incorporationDate' },
  'organization type:': { prop: 'sector' },
  'target type': { prop: 'classification' },
  // known, but with no FtM property of their own: kept as "label: value" notes
  ...rules(['Aircraft Operator', 'Aircraft Mode S Transponder Code', 'Issuer Name', 'Chinese Commercial Code', 'UN/LOCODE'], { kind: 'note' }),
};

/** Labels that say how a party is sanctioned (directives, secondary sanctions...): Sanction provisions. */
const SANCTION_LABEL = /sanction|directive|executive order|caatsa|ifca|peesa|transactions prohibited|listing date|effective date|purchase\/sales/i;

export interface IdEntry {
  label: string;
  value: string;
  country?: string;
  issued?: string;
}

/** "MX, 2017-01-16, 110364903, Registration Number" → country, issue date, value, label. */
export function parseIdEntry(entry: string): IdEntry | undefined {
  const parts = entry.split(', ').map((p) => p.trim());
  if (parts.length < 2) return undefined;
  const label = parts.pop()!;
  const out: IdEntry = { label, value: '' };
  if (parts.length >= 2 && /^[A-Z]{2}$/.test(parts[0])) out.country = parts.shift()!.toLowerCase();
  if (parts.length >= 2 && /^\d{4}-\d{2}-\d{2}$/.test(parts[0])) out.issued = parts.shift()!;
  out.value = parts.join(', ');
  return out.value ? out : undefined;
}

// ---- dates -------------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** "17 May 1988" / "1988-05-17" / "1988" → ISO; undefined otherwise. */
function isoDate(text: string): string | undefined {
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) return text;
  const m = text.match(/^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/);
  const mo = m ? MONTHS[m[2].toLowerCase()] : undefined;
  return m && mo ? `${m[3]}-${String(mo).padStart(2, '0')}-${m[1].padStart(2, '0')}` : undefined;
}

/** dates_of_birth values: "1973-03-25", "1973", "circa 1967", "1958 to 1960". */
export function birthDates(text: string): { dates: string[]; approximate: boolean } | undefined {
  const circa = text.match(/^(?:circa|approximately|about)\s+(.*)$/i);
  const body = circa ? circa[1] : text;
  const range = body.match(/^(\d{4})\s*(?:to|-)\s*(\d{4})$/);
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (b < a) return undefined;
    const years = b - a <= 20 ? Array.from({ length: b - a + 1 }, (_, i) => String(a + i)) : [range[1], range[2]];
    return { dates: years, approximate: !!circa };
  }
  const d = isoDate(body);
  return d ? { dates: [d], approximate: !!circa } : undefined;
}

// ---- building a party ------------------------------------------------------------------------------------

const split = (v: string) => v.split(';').map((s) => s.trim()).filter(Boolean);

/** One party being built from its row(s). */
class Party {
  readonly party: EntityBuilder;
  readonly sanctions = new Map<string, EntityBuilder>();
  readonly extra: Entity[] = [];
  private addresses = 0;
  private documents = 0;
  private wallets = 0;
  /** `ids` entries already taken, so a party's repeated rows (one per list) add nothing twice. */
  private seenIds = new Set<string>();

  constructor(
    readonly id: string,
    schema: string,
    private meta: ListMeta,
  ) {
    this.party = new EntityBuilder(id, schema, DATASET);
  }

  /** Put a value where the schema has the property (upgrading LegalEntity to Company for company codes), else in notes. */
  add(prop: string, value: string | undefined, label: string): void {
    if (!value) return;
    const b = this.party;
    if (!schemaProperties(b.entity.schema).has(prop) && b.entity.schema === 'LegalEntity' && schemaProperties('Company').has(prop)) b.setSchema('Company');
    if (schemaProperties(b.entity.schema).has(prop)) b.add(prop, value);
    else b.add('notes', `${label}: ${value}`);
  }

  address(full: string): void {
    if (this.party.entity.properties.address?.includes(full)) return;
    const parts = full.split(',').map((s) => s.trim());
    const last = parts[parts.length - 1];
    const addr = new EntityBuilder(`${this.id}-addr-${++this.addresses}`, 'Address', DATASET, false)
      .add('full', full)
      .add('country', /^[A-Z]{2}$/.test(last) ? countryCode(last) : undefined);
    this.add('address', full, 'Address');
    this.add('addressEntity', addr.entity.id, 'Address');
    this.extra.push(addr.build());
    bump(this.meta, 'addresses');
  }

  identifier(entry: IdEntry, sanction: EntityBuilder): void {
    const rule = ID_RULES[entry.label.toLowerCase()];
    const { label, value } = entry;
    const key = `${label}\n${value}\n${entry.country ?? ''}`;
    if (this.seenIds.has(key)) return;
    this.seenIds.add(key);
    if (!rule) {
      if (SANCTION_LABEL.test(label)) sanction.add('provisions', `${label.replace(/[:\s-]+$/, '')}: ${value}`);
      else {
        bump(this.meta, 'unparsed_ids');
        this.party.add('notes', `${label}: ${value}`);
      }
      return;
    }
    if ('kind' in rule) return this.special(rule, entry);
    this.add(rule.prop, value, label);
    if (rule.document) this.document(rule.document, entry);
  }

  private special(rule: Extract<IdRule, { kind: string }>, entry: IdEntry): void {
    const { label, value } = entry;
    switch (rule.kind) {
      case 'gender': {
        const g = value.toLowerCase();
        if (g === 'male' || g === 'female') this.add('gender', g, label);
        else this.party.add('notes', `${label}: ${value}`);
        return;
      }
      case 'vessel': {
        const imo = value.match(/^IMO\s*(\d{7})$/i);
        if (imo) this.add('imoNumber', `IMO${imo[1]}`, label);
        else this.add('registrationNumber', value, label);
        return;
      }
      case 'country': {
        const code = countryCode(value);
        if (code) this.add(rule.prop!, code, label);
        else this.party.add('notes', `${label}: ${value}`);
        return;
      }
      case 'date': {
        const d = isoDate(value);
        if (d) this.add(rule.prop!, d, label);
        else this.party.add('notes', `${label}: ${value}`);
        return;
      }
      default:
        this.party.add('notes', `${label}: ${value}`);
    }
  }

  /** Identity documents keep what the entry says beyond the number: issuing country, issue date, kind. */
  private document(schema: 'Passport' | 'Identification', entry: IdEntry): void {
    const d = new EntityBuilder(`${this.id}-id-${++this.documents}`, schema, DATASET, false)
      .add('holder', this.id)
      .add('number', entry.value)
      .add('type', entry.label)
      .add('country', entry.country ? countryCode(entry.country) : undefined)
      .add('startDate', entry.issued);
    this.extra.push(d.build());
    bump(this.meta, 'identifiers');
  }

  wallet(currency: string, key: string): void {
    if (this.seenIds.has(key)) return;
    this.seenIds.add(key);
    const w = new EntityBuilder(`${this.id}-wallet-${++this.wallets}`, 'CryptoWallet', DATASET, false)
      .add('publicKey', key)
      .add('currency', currency)
      .add('holder', this.id);
    this.extra.push(w.build());
    // identifier search looks at the party's idNumber, so the address goes there too
    this.add('idNumber', key, `Digital Currency Address - ${currency}`);
    bump(this.meta, 'wallets');
  }

  entities(): Entity[] {
    return [this.party.build(), ...[...this.sanctions.values()].map((s) => s.build()), ...this.extra];
  }
}

function applyRow(p: Party, r: Row, meta: ListMeta): void {
  const b = p.party;
  const list = listInfo(r.source);
  bump(meta, `source:${list.code}`);
  const isPerson = b.entity.schema === 'Person';

  b.add('name', r.name).add('topics', list.topic).add('sourceUrl', r.source_list_url);
  for (const alias of split(r.alt_names)) {
    if (!b.entity.properties.alias?.includes(alias)) bump(meta, 'aliases');
    b.add('alias', alias);
  }
  const programs = split(r.programs);
  b.add('program', list.name, ...programs);
  if (r.title) p.add(isPerson ? 'title' : 'position', r.title, 'Title');
  for (const full of split(r.addresses)) p.address(full);
  for (const raw of split(r.dates_of_birth)) {
    const parsed = birthDates(raw);
    if (!parsed) bump(meta, 'unparsed_birth_dates');
    for (const d of parsed?.dates ?? []) p.add('birthDate', d, 'Date of birth');
    if (!parsed || parsed.approximate) b.add('notes', `Date of birth: ${raw}`);
  }
  for (const place of split(r.places_of_birth)) p.add('birthPlace', place, 'Place of birth');
  for (const [col, prop] of [['citizenships', 'citizenship'], ['nationalities', 'nationality']] as const) {
    for (const raw of split(r[col])) {
      const code = countryCode(raw);
      if (code) p.add(isPerson ? prop : 'country', code, col);
      else b.add('notes', `${col}: ${raw}`);
    }
  }
  if (r.start_date && !(b.entity.properties.createdAt?.[0] && b.entity.properties.createdAt[0] <= r.start_date)) {
    b.entity.properties.createdAt = [r.start_date]; // the earliest listing over the party's lists
  }
  b.add('notes', r.remarks);
  vesselFields(p, r);

  const sanction = sanctionFor(p, r, list);
  sanction.add('programId', ...programs);
  for (const entry of split(r.ids)) {
    const parsed = parseIdEntry(entry);
    if (parsed && /^Digital Currency Address/i.test(parsed.label)) p.wallet(parsed.label.replace(/^Digital Currency Address - /i, ''), parsed.value);
    else if (parsed) p.identifier(parsed, sanction);
    else {
      bump(meta, 'unparsed_ids');
      b.add('notes', entry);
    }
  }
}

function vesselFields(p: Party, r: Row): void {
  p.add('callSign', r.call_sign, 'Call sign');
  p.add('type', r.vessel_type, 'Vessel type');
  p.add('tonnage', r.gross_tonnage, 'Gross tonnage');
  p.add('grossRegisteredTonnage', r.gross_registered_tonnage, 'Gross registered tonnage');
  if (r.vessel_flag) {
    const flag = countryCode(r.vessel_flag);
    if (flag) p.add('flag', flag, 'Vessel flag');
    else p.party.add('notes', `Vessel flag: ${r.vessel_flag}`);
  }
  // the owner is a name, not an entity the file lists: FtM's `owner` needs an entity, so it stays a note
  if (r.vessel_owner) p.party.add('notes', `Vessel owner: ${r.vessel_owner}`);
}

/** The party's Sanction for this row's list: `<id>-sanction` for its first list, `<id>-sanction-<code>` after. */
function sanctionFor(p: Party, r: Row, list: ListInfo): EntityBuilder {
  let s = p.sanctions.get(list.code);
  if (!s) {
    const suffix = p.sanctions.size === 0 ? '' : `-${list.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    s = new EntityBuilder(`${p.id}-sanction${suffix}`, 'Sanction', DATASET, false)
      .add('entity', p.id)
      .add('authority', list.authority)
      .add('program', list.name)
      .add('country', 'us');
    p.sanctions.set(list.code, s);
  }
  s.add('authorityId', r.entity_number)
    .add('listingDate', r.start_date)
    .add('startDate', r.start_date)
    .add('endDate', r.end_date)
    .add('summary', r.federal_register_notice)
    .add('sourceUrl', r.source_list_url)
    .add('programUrl', r.source_information_url);
  if (/^y(es)?$/i.test(r.standard_order)) s.add('provisions', 'Standard Order');
  if (r.license_requirement) s.add('provisions', `License requirement: ${r.license_requirement}`);
  if (r.license_policy) s.add('provisions', `License policy: ${r.license_policy}`);
  return s;
}

// ---- reading ---------------------------------------------------------------------------------------------

function headerIndex(file: string, cells: string[], line: number): Record<Column, number> {
  const names = cells.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) throw new SourceError(file, `not a Consolidated Screening List CSV: the header lacks ${missing.join(', ')}`, `line ${line}`);
  return Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<Column, number>;
}

function toRow(file: string, cells: string[], line: number, index: Record<Column, number>): Row {
  const r = { line } as Row;
  for (const c of COLUMNS) {
    const v = index[c] >= 0 ? (cells[index[c]] ?? '') : '';
    // iconv decodes bytes that are not UTF-8 to U+FFFD: the file is in another encoding (or damaged)
    if (v.includes('\uFFFD')) throw new SourceError(file, `column ${c} holds bytes that are not UTF-8: wrong encoding or damaged file`, `line ${line}`);
    r[c] = v.trim();
  }
  if (!r._id) throw new SourceError(file, `row without _id (name "${r.name}")`, `line ${line}`);
  return r;
}

/** First pass: how many rows each `_id` has, so the rows of a multi-list party can be merged while streaming. */
async function countIds(file: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let idColumn = -1;
  for await (const { line, cells } of csvRows(file, { encoding: 'utf8' })) {
    if (idColumn < 0) {
      idColumn = headerIndex(file, cells, line)._id;
      continue;
    }
    const id = (cells[idColumn] ?? '').trim();
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  if (idColumn < 0) throw new SourceError(file, 'empty file: no header row');
  return counts;
}

async function* read(input: SourceInput, meta: ListMeta): AsyncGenerator<Entity> {
  const file = input.files[0];
  meta.published = null; // the CSV carries no date; the importer falls back to the download's date
  const counts = await countIds(file);
  const open = new Map<string, { party: Party; left: number }>();
  const done = new Set<string>();
  let index: Record<Column, number> | undefined;
  for await (const { line, cells } of csvRows(file, { encoding: 'utf8' })) {
    if (!index) {
      index = headerIndex(file, cells, line);
      continue;
    }
    const r = toRow(file, cells, line, index);
    bump(meta, 'rows');
    if (done.has(r._id)) throw new SourceError(file, `duplicate _id ${r._id}`, `line ${line}`);
    let state = open.get(r._id);
    if (state) bump(meta, 'merged_rows');
    else {
      const schema = SCHEMA_BY_TYPE[r.type.toLowerCase()] ?? 'LegalEntity';
      state = { party: new Party(`us-csl-${r._id}`, schema, meta), left: counts.get(r._id) ?? 1 };
      if (r.type && !SCHEMA_BY_TYPE[r.type.toLowerCase()]) state.party.party.add('notes', `Type: ${r.type}`);
      open.set(r._id, state);
    }
    applyRow(state.party, r, meta);
    if (--state.left > 0) continue;
    open.delete(r._id);
    done.add(r._id);
    bump(meta, 'records');
    yield* state.party.entities();
  }
  if (!index) throw new SourceError(file, 'empty file: no header row');
  if (!meta.counts.rows) throw new SourceError(file, 'no rows below the header');
  if (open.size) throw new SourceError(file, `the file changed while it was read (${open.size} parties incomplete)`);
}

export const usCsl: SourceFormat = {
  format: 'us-csl-csv',
  dataset: DATASET,
  sniff(_name, head) {
    const first = head.replace(/^\uFEFF|^ï»¿/, '').split(/\r?\n/, 1)[0].toLowerCase();
    return first.startsWith('_id,') && first.includes('entity_number') && first.includes('alt_names') && first.includes('source_list_url');
  },
  read,
};
