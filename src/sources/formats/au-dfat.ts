// Australia DFAT Consolidated List (xlsx). One row per name: rows whose Reference shares a numeric base
// ("2", "2a", "2b", "3621h") are one listed party, and every row repeats that party's details (not always
// identically, so details are merged over all rows).
import { countryCode } from '../../model/countries.js';
import { EntityBuilder, type Entity } from '../../model/entity.js';
import { schemaProperties } from '../../model/schema.js';
import { excelSerialToIso, xlsxRows } from '../read/xlsx.js';
import { SourceError, bump, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';

const DATASET = 'au_dfat_sanctions';
const AUTHORITY = 'Australian Department of Foreign Affairs and Trade';
const SOURCE_URL = 'https://www.dfat.gov.au/international-relations/security/sanctions/consolidated-list';

const COLUMNS = {
  reference: 'Reference',
  name: 'Name of Individual or Entity',
  type: 'Type',
  nameType: 'Name Type',
  strength: 'Alias Strength',
  dob: 'Date of Birth',
  pob: 'Place of Birth',
  citizenship: 'Citizenship',
  address: 'Address',
  info: 'Additional Information',
  listing: 'Listing Information',
  imo: 'IMO Number',
  committees: 'Committees',
  controlDate: 'Control Date',
  instrument: 'Instrument of Designation',
  financial: 'Targeted Financial Sanction',
  travelBan: 'Travel Ban',
  armsEmbargo: 'Arms Embargo',
  maritime: 'Maritime Restriction',
} as const;
type Column = keyof typeof COLUMNS;
type Row = Record<Column, string> & { row: number };

const REQUIRED: Column[] = ['reference', 'name', 'type', 'nameType'];
/** The restriction columns hold true/false; a true one becomes a Sanction provision named after its column. */
const PROVISIONS: Column[] = ['financial', 'travelBan', 'armsEmbargo', 'maritime'];
const SCHEMA_BY_TYPE: Record<string, string> = { individual: 'Person', entity: 'LegalEntity', vessel: 'Vessel' };
/** How far down the sheet the header may sit (DFAT has, at times, put title rows above it). */
const HEADER_SEARCH_ROWS = 50;

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** exceljs leaves OOXML escapes such as `_x000D_` (a carriage return) in cell text. */
function decodeCell(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\r\n?/g, '\n') : s;
}

// ---- dates ---------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const pad = (n: number) => String(n).padStart(2, '0');

function month(word: string): number | undefined {
  return MONTHS[word.slice(0, 3).toLowerCase()];
}

/** A real calendar date as YYYY-MM-DD, or undefined (31/02 is not a date). */
function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2100) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

const plausibleYear = (y: number) => y >= 1800 && y <= 2100;

/** An Excel serial day (the sheet stores many dates as numbers, e.g. 46077) → ISO date. */
function serialDate(text: string): string | undefined {
  const n = Number(text);
  return /^\d{5}(\.\d+)?$/.test(text) && n < 73051 ? excelSerialToIso(Math.floor(n)) : undefined;
}

/** One date token of the Date of Birth column; several values when it is a range. */
function dobToken(token: string): string[] | undefined {
  let m: RegExpMatchArray | null;
  if ((m = token.match(/^(?:between\s+)?(\d{4})\s*(?:and|to|-|–)\s*(\d{4})$/i))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (!plausibleYear(a) || !plausibleYear(b) || b < a) return undefined;
    // a short range lists each year (matching on any of them); a long one keeps only its bounds
    return b - a <= 20 ? Array.from({ length: b - a + 1 }, (_, i) => String(a + i)) : [String(a), String(b)];
  }
  if (/^\d{4}$/.test(token)) return plausibleYear(Number(token)) ? [token] : undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(token)) return [token]; // a cell typed as a date
  if (/^\d{5}$/.test(token)) {
    const d = serialDate(token);
    return d ? [d] : undefined;
  }
  if ((m = token.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/))) {
    const d = isoDate(Number(m[3]), Number(m[2]), Number(m[1])); // DFAT writes day/month/year
    return d ? [d] : undefined;
  }
  if ((m = token.match(/^(\d{1,2})\/(\d{4})$/))) {
    const mo = Number(m[1]);
    return mo >= 1 && mo <= 12 && plausibleYear(Number(m[2])) ? [`${m[2]}-${pad(mo)}`] : undefined;
  }
  if ((m = token.match(/^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/))) {
    const mo = month(m[2]);
    const d = mo ? isoDate(Number(m[3]), mo, Number(m[1])) : undefined;
    return d ? [d] : undefined;
  }
  if ((m = token.match(/^([A-Za-z]+)\.?\s+(\d{4})$/))) {
    const mo = month(m[1]);
    return mo && plausibleYear(Number(m[2])) ? [`${m[2]}-${pad(mo)}`] : undefined;
  }
  return undefined;
}

export interface ParsedDates {
  dates: string[];
  /** "Approximately 1953", "circa 1960": the year is kept, the wording goes to notes. */
  approximate: boolean;
  /** Pieces no pattern recognised (kept in notes, counted). */
  unparsed: string[];
}

/**
 * The Date of Birth column: lists of dates separated by commas, new lines or spaces, in day/month/year,
 * month/year, year, "5 May 1957", "Approximately 1960", "Between 1963 and 1968" or Excel serial form.
 */
export function parseDobText(raw: string): ParsedDates {
  const out: ParsedDates = { dates: [], approximate: false, unparsed: [] };
  const chunks = raw.replace(/\u00a0/g, ' ').split(/[,;\n]+|\.(?=\s*\d{4}\b)/);
  for (const chunk of chunks) {
    let text = chunk.trim();
    if (!text) continue;
    const approx = text.match(/^(?:approximately|approx\.?|circa|ca\.|about|c\.)\s*/i);
    if (approx) {
      out.approximate = true;
      text = text.slice(approx[0].length);
    }
    const whole = dobToken(text);
    if (whole) {
      out.dates.push(...whole);
      continue;
    }
    // "08/08/1945 09/09/1946": several dates in one chunk, separated by spaces only
    for (const piece of text.split(/\s+/)) {
      const dates = dobToken(piece);
      if (dates) out.dates.push(...dates);
      else out.unparsed.push(piece);
    }
  }
  out.dates = [...new Set(out.dates)];
  return out;
}

/** The first full date written in a sentence ("Listed on 2 Sep. 2014 (relisted ...)"), or a bare Excel serial. */
export function firstDateIn(text: string): string | undefined {
  const serial = serialDate(text.trim());
  if (serial) return serial;
  const found: Array<{ at: number; date: string }> = [];
  for (const m of text.matchAll(/\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/g)) {
    const mo = month(m[2]);
    const d = mo && m[2].length >= 3 ? isoDate(Number(m[3]), mo, Number(m[1])) : undefined;
    if (d) found.push({ at: m.index!, date: d });
  }
  for (const m of text.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) {
    const d = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (d) found.push({ at: m.index!, date: d });
  }
  return found.sort((a, b) => a.at - b.at)[0]?.date;
}

// ---- free text -------------------------------------------------------------------------------------

/**
 * Address and Place of Birth cells may hold several places: UN-style "a) ... b) ..." enumerations, or
 * places separated by semicolons.
 */
export function splitPlaces(raw: string): string[] {
  const text = raw.replace(/\u00a0/g, ' ').trim();
  if (!text) return [];
  const enumerated = text.split(/(?:^|\s)[a-zA-Z]\)\s+/).map((s) => s.trim());
  const parts = enumerated.length > 1 ? enumerated : text.split(/;/);
  return parts
    .map((p) => p.replace(/\s+/g, ' ').replace(/^[;,.\s]+|[;,\s]+$/g, '').replace(/^\((.*)\)$/, '$1').trim())
    .filter(Boolean);
}

/** The UN reference an Additional Information text opens with ("TAi.002. Title: ...", "KPi030 Passport"). */
export function unReference(info: string): string | undefined {
  const m = info.match(/^\s*([A-Z]{2}[ie])\.?\s?(\d{1,3})(?![0-9])/);
  return m ? `${m[1]}.${m[2].padStart(3, '0')}` : undefined;
}

/** Citizenship cells: "Russia, Ukraine", "a) Sudan b) South Sudan", "Somalia: Sweden", demonyms. */
function citizenships(raw: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of raw.split(/[,;:\n]|(?:^|\s)[a-z]\)\s*/)) {
    const text = part.trim();
    if (!text) continue;
    const code = country(text);
    if (code) codes.push(code);
    else unknown.push(text);
  }
  return { codes, unknown };
}

/** Spellings this list uses that the shared country table does not know (adjectives, old names, typos). */
const LIST_SPELLINGS: Record<string, string> = {
  iranian: 'ir', russian: 'ru', german: 'de', swiss: 'ch', serbian: 'rs', croatian: 'hr', montenegrin: 'me',
  'united kingdom of great britain': 'gb', 'guinea-bisau': 'gw', 'gaza strip': 'ps', phillippines: 'ph',
};

function country(text: string): string | undefined {
  return countryCode(text) ?? LIST_SPELLINGS[norm(text).replace(/\.$/, '')];
}

/** A place's country: the whole text ("Iraq"), else its last comma-separated part, else its last words. */
function placeCountry(place: string): string | undefined {
  const text = place.replace(/\([^()]*\)/g, ' ').trim();
  const whole = country(text);
  if (whole) return whole;
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const byPart = country(last);
  if (byPart) return byPart;
  const words = last.split(/\s+/);
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const code = country(words.slice(-n).join(' '));
    if (code) return code;
  }
  return undefined;
}

// ---- reading -----------------------------------------------------------------------------------------

/** Column positions from a header row; undefined when the row is not the header. */
function headerIndex(cells: string[]): Record<Column, number> | undefined {
  const names = cells.map((c) => norm(decodeCell(c)));
  if (!names.includes(norm(COLUMNS.reference)) || !names.includes(norm(COLUMNS.name))) return undefined;
  const index = {} as Record<Column, number>;
  for (const [key, title] of Object.entries(COLUMNS) as Array<[Column, string]>) index[key] = names.indexOf(norm(title));
  return index;
}

/** Numeric base of a reference: "3621h" → "3621". References that are not number+letters stay whole. */
export function baseReference(ref: string): string {
  const m = ref.match(/^(\d+)[a-z]*$/i);
  return m ? m[1] : ref;
}

async function readGroups(file: string, meta: ListMeta): Promise<Map<string, Row[]>> {
  let index: Record<Column, number> | undefined;
  const groups = new Map<string, Row[]>();
  const references = new Set<string>();
  let sawRow = false;
  for await (const { row, cells } of xlsxRows(file)) {
    sawRow = true;
    if (!index) {
      index = headerIndex(cells);
      if (!index && row >= HEADER_SEARCH_ROWS) break;
      if (index) {
        const missing = REQUIRED.filter((c) => index![c] < 0).map((c) => COLUMNS[c]);
        if (missing.length) throw new SourceError(file, `header row lacks column(s) ${missing.join(', ')}`, `row ${row}`);
      }
      continue;
    }
    if (cells.every((c) => !c)) continue;
    const r = { row } as Row;
    for (const key of Object.keys(COLUMNS) as Column[]) r[key] = index[key] >= 0 ? decodeCell(cells[index[key]] ?? '').trim() : '';
    if (!r.reference) throw new SourceError(file, `row has no Reference (name "${r.name}")`, `row ${row}`);
    if (references.has(r.reference)) throw new SourceError(file, `duplicate reference ${r.reference}`, `row ${row}`);
    references.add(r.reference);
    bump(meta, 'rows');
    const base = baseReference(r.reference);
    const group = groups.get(base);
    if (group) group.push(r);
    else groups.set(base, [r]);
  }
  if (!sawRow) throw new SourceError(file, 'the workbook has no rows');
  if (!index) throw new SourceError(file, `no header row with columns "${COLUMNS.reference}" and "${COLUMNS.name}" in the first ${HEADER_SEARCH_ROWS} rows: not the DFAT consolidated list`);
  if (groups.size === 0) throw new SourceError(file, 'no entries below the header row');
  return groups;
}

/** Distinct non-empty values of a column over a party's rows. */
function distinct(rows: Row[], col: Column): string[] {
  return [...new Set(rows.map((r) => r[col]).filter(Boolean))];
}

const NAME_TYPE_COUNTS: Record<string, string> = { 'primary name': 'primary_names', 'original script': 'original_script_names', alias: 'aliases' };
const TYPE_COUNTS: Record<string, string> = { individual: 'rows_individual', entity: 'rows_entity', vessel: 'rows_vessel', '': 'rows_type_blank' };

function countRows(rows: Row[], meta: ListMeta): void {
  for (const r of rows) {
    bump(meta, NAME_TYPE_COUNTS[norm(r.nameType)] ?? 'names_other_type');
    bump(meta, TYPE_COUNTS[norm(r.type)] ?? 'rows_other_type');
    if (norm(r.strength) === 'weak') bump(meta, 'weak_aliases');
    if (!r.name) bump(meta, 'rows_without_name');
  }
}

/** Add a value where the schema has the property, else keep it as a note (never dropped). */
function addOrNote(b: EntityBuilder, prop: string, value: string, label: string): void {
  if (schemaProperties(b.entity.schema).has(prop)) b.add(prop, value);
  else b.add('notes', `${label}: ${value}`);
}

function buildParty(file: string, base: string, rows: Row[], meta: ListMeta): Entity[] {
  countRows(rows, meta);
  const primaries = rows.filter((r) => norm(r.nameType) === 'primary name' && r.name);
  const nameRow = primaries[0] ?? rows.find((r) => r.name);
  if (!nameRow) throw new SourceError(file, `reference ${base} has no name in any of its rows`, `row ${rows[0].row}`);
  // two references lack a Primary Name row (only alias / original-script rows); one has two
  if (!primaries.length) bump(meta, 'records_without_primary_name');
  if (primaries.length > 1) bump(meta, 'extra_primary_names', primaries.length - 1);
  const typeText = norm(nameRow.type || rows.find((r) => r.type)?.type || '');
  for (const r of rows) if (!r.type) bump(meta, 'rows_type_inherited');
  const schema = SCHEMA_BY_TYPE[typeText] ?? 'LegalEntity';
  const id = `au-dfat-${base}`;
  const party = new EntityBuilder(id, schema, DATASET);
  if (!SCHEMA_BY_TYPE[typeText]) party.add('notes', `Type: ${nameRow.type || '(blank)'}`);
  party.add('name', nameRow.name).add('topics', 'sanction').add('sourceUrl', SOURCE_URL);

  for (const r of rows) {
    if (r === nameRow) continue;
    const weak = norm(r.nameType) === 'alias' && norm(r.strength) === 'weak';
    party.add(weak ? 'weakAlias' : 'alias', r.name);
  }
  const isPerson = schema === 'Person';

  for (const raw of distinct(rows, 'dob')) {
    const parsed = parseDobText(raw);
    for (const d of parsed.dates) addOrNote(party, 'birthDate', d, 'Date of birth');
    if (parsed.unparsed.length) bump(meta, 'unparsed_birth_dates');
    if (parsed.approximate || parsed.unparsed.length) party.add('notes', `Date of birth: ${raw}`);
  }
  for (const raw of distinct(rows, 'pob')) for (const place of splitPlaces(raw)) addOrNote(party, 'birthPlace', place, 'Place of birth');
  for (const raw of distinct(rows, 'citizenship')) {
    const { codes, unknown } = citizenships(raw);
    party.add(isPerson ? 'citizenship' : 'country', ...codes);
    if (unknown.length) {
      bump(meta, 'unparsed_citizenships');
      party.add('notes', `Citizenship: ${raw}`);
    }
  }

  const entities: Entity[] = [];
  let addressNo = 0;
  for (const raw of distinct(rows, 'address')) {
    for (const place of splitPlaces(raw)) {
      if (party.entity.properties.address?.includes(place)) continue;
      const addr = new EntityBuilder(`${id}-addr-${++addressNo}`, 'Address', DATASET, false).add('full', place).add('country', placeCountry(place));
      party.add('address', place).add('addressEntity', addr.entity.id);
      entities.push(addr.build());
      bump(meta, 'addresses');
    }
  }
  for (const raw of distinct(rows, 'imo')) {
    const value = /^\d{7}$/.test(raw) ? `IMO${raw}` : raw;
    addOrNote(party, 'imoNumber', value, 'IMO number');
  }

  const infos = distinct(rows, 'info');
  party.add('notes', ...infos);
  const unscIds = infos.map(unReference).filter((x): x is string => !!x);
  for (const info of infos) {
    const g = info.match(/\bgender:\s*(male|female)\b/i);
    if (g && isPerson) party.add('gender', g[1].toLowerCase());
  }
  const listings = distinct(rows, 'listing');
  party.add('notes', ...listings);
  const listingDates = listings.map(firstDateIn).filter((x): x is string => !!x).sort();
  party.add('createdAt', listingDates[0]);
  const programs = distinct(rows, 'committees');
  party.add('program', ...programs);
  const controlDates = distinct(rows, 'controlDate')
    .map((c) => serialDate(c) ?? (/^\d{4}-\d{2}-\d{2}$/.test(c) ? c : undefined))
    .filter((x): x is string => !!x)
    .sort();
  const modified = controlDates[controlDates.length - 1];
  party.add('modifiedAt', modified);
  if (modified && (!meta.published || modified > meta.published)) meta.published = modified;

  const sanction = new EntityBuilder(`${id}-sanction`, 'Sanction', DATASET, false)
    .add('entity', id)
    .add('authority', AUTHORITY)
    .add('authorityId', base)
    .add('country', 'au')
    .add('program', ...programs)
    .add('unscId', ...unscIds)
    .add('listingDate', listingDates[0])
    .add('summary', ...distinct(rows, 'instrument'))
    .add('description', ...listings)
    .add('modifiedAt', modified)
    .add('sourceUrl', SOURCE_URL);
  for (const col of PROVISIONS) {
    const flags = distinct(rows, col).map(norm);
    if (flags.includes('true')) sanction.add('provisions', COLUMNS[col]);
    const odd = flags.filter((f) => f !== 'true' && f !== 'false');
    if (odd.length) {
      bump(meta, 'unparsed_restrictions');
      sanction.add('provisions', `${COLUMNS[col]}: ${odd.join(', ')}`);
    }
  }
  bump(meta, 'records');
  return [party.build(), sanction.build(), ...entities];
}

async function* read(input: SourceInput, meta: ListMeta): AsyncGenerator<Entity> {
  const file = input.files[0];
  // The workbook has no publication field: the newest Control Date (when DFAT last changed an entry)
  // stands for its date. It is set while parties are built, before the last one is yielded.
  meta.published = null;
  const groups = await readGroups(file, meta);
  for (const [base, rows] of groups) yield* buildParty(file, base, rows, meta);
}

export const auDfat: SourceFormat = {
  format: 'au-dfat-xlsx',
  dataset: DATASET,
  sniff(name, head) {
    // an xlsx is a zip: its sheet text is compressed, so only the (official or older) file name tells
    return head.startsWith('PK') && /\.xlsx$/.test(name) && /australian.?sanctions|^regs8\b|dfat/.test(name);
  },
  read,
};
