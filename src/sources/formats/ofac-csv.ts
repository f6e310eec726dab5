// OFAC legacy CSV, for the SDN list (sdn.csv + add.csv + alt.csv + sdn_comments.csv) and the
// Consolidated non-SDN list (cons_prim.csv + cons_add.csv + cons_alt.csv + cons_comments.csv).
// No header; "-0-" is null; Windows-1252; CRLF; a 0x1A (Ctrl-Z) byte ends the file. Remarks longer than
// 1000 characters are cut and continue in the comments file. detect.ts passes the primary file first.
import { basename } from 'node:path';
import type { Entity } from '../../model/entity.js';
import { csvRows } from '../read/csv.js';
import { SourceError, bump, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';
import { OfacParty, schemaForType } from './ofac-party.js';

/** A cell's value: OFAC writes null as "-0-" (often with a trailing space). */
function cell(s: string | undefined): string | undefined {
  const t = (s ?? '').trim();
  return t === '' || t === '-0-' ? undefined : t;
}

const REMARKS_LIMIT = 1000;

interface Row {
  line: number;
  /** Values, "-0-" as undefined. */
  cells: Array<string | undefined>;
  /** Untrimmed text: a Remarks cut at 1000 characters may end in the space before its continuation. */
  raw: string[];
}

/**
 * Rows of one OFAC CSV file with exactly `columns` cells each; stops at the 0x1A end marker, and
 * reports through `seen` whether there was one (a file cut at a row boundary has none).
 */
async function* ofacRows(file: string, columns: number, what: string, seen = { endMarker: false }): AsyncGenerator<Row> {
  for await (const { line, cells } of csvRows(file, { encoding: 'win1252' })) {
    if (cells.length === 1 && cells[0].trim() === '\x1a') {
      seen.endMarker = true;
      continue;
    }
    if (seen.endMarker) throw new SourceError(file, 'data after the end-of-file marker (0x1A)', `line ${line}`);
    if (cells.length !== columns) {
      throw new SourceError(file, `expected ${columns} columns of an OFAC ${what} row, found ${cells.length} (truncated or not an OFAC CSV file)`, `line ${line}`);
    }
    if (!/^\d+$/.test(cells[0].trim())) throw new SourceError(file, `ent_num "${cells[0].slice(0, 20)}" is not a number`, `line ${line}`);
    yield { line, cells: cells.map(cell), raw: cells };
  }
}

/** A companion row kept until its primary entry is read. */
type Pending = Row;

type Role = 'addresses' | 'aliases' | 'comments';
const ROLES: Record<Role, { pattern: RegExp; columns: number; what: string; mayBeEmpty: boolean }> = {
  addresses: { pattern: /add\.csv$/, columns: 6, what: 'address', mayBeEmpty: false },
  aliases: { pattern: /alt\.csv$/, columns: 5, what: 'alias', mayBeEmpty: false },
  comments: { pattern: /comments\.csv$/, columns: 2, what: 'comments', mayBeEmpty: true },
};

/** A companion file's rows by ent_num. Companions are small (about 1 MB) and their order is not the primary's. */
async function readCompanion(file: string, role: Role): Promise<Map<string, Pending[]>> {
  const spec = ROLES[role];
  const byEnt = new Map<string, Pending[]>();
  let rows = 0;
  for await (const row of ofacRows(file, spec.columns, spec.what)) {
    const ent = row.cells[0]!;
    let list = byEnt.get(ent);
    if (!list) byEnt.set(ent, (list = []));
    list.push(row);
    rows++;
  }
  if (rows === 0 && !spec.mayBeEmpty) throw new SourceError(file, `empty file: no ${spec.what} rows`);
  return byEnt;
}

function roleOf(file: string): Role {
  const name = basename(file).toLowerCase();
  const role = (Object.keys(ROLES) as Role[]).find((r) => ROLES[r].pattern.test(name));
  if (!role) throw new SourceError(file, 'not an OFAC CSV companion file (expected *add.csv, *alt.csv or *comments.csv)');
  return role;
}

/** "SDGT] [NS-PLC" → SDGT, NS-PLC. */
export function splitPrograms(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, '').trim())
    .filter(Boolean);
}

const ALIAS_PROPS: Record<string, 'alias' | 'previousName' | 'name'> = { aka: 'alias', fka: 'previousName', nka: 'name' };

async function* readOfacCsv(input: SourceInput, meta: ListMeta, dataset: string): AsyncGenerator<Entity> {
  const [primary, ...others] = input.files;
  const companions: Partial<Record<Role, { file: string; rows: Map<string, Pending[]> }>> = {};
  for (const file of others) {
    const role = roleOf(file);
    if (companions[role]) throw new SourceError(file, `a second ${role} file for ${basename(primary)}`);
    companions[role] = { file, rows: await readCompanion(file, role) };
  }
  meta.published = null; // the legacy CSV files carry no publication date

  const seen = new Set<string>();
  const end = { endMarker: false };
  for await (const row of ofacRows(primary, 12, 'entry', end)) {
    const [ent, name, type, program, title, callSign, vessType, tonnage, grt, vessFlag, vessOwner, remarks] = row.cells as string[];
    if (seen.has(ent)) throw new SourceError(primary, `duplicate ent_num ${ent}`, `line ${row.line}`);
    seen.add(ent);
    if (!name) throw new SourceError(primary, `entry ${ent} has no SDN_Name`, `line ${row.line}`);

    const schema = schemaForType(type ?? '-0-', name);
    const party = new OfacParty(meta, ent, schema ?? 'LegalEntity', dataset);
    bump(meta, 'records');
    bump(meta, `type_${type ? type.toLowerCase() : 'entity'}`);
    if (!schema) {
      bump(meta, 'unknown_types');
      party.note(`SDN_Type ${type}`);
    }
    party.setListName(name);
    if (schema === 'Airplane' && /^[A-Z0-9]{1,2}-?[A-Z0-9]{2,5}$/.test(name)) party.applyTyped('Aircraft Tail Number', name);
    for (const tag of splitPrograms(program)) party.addProgram(tag);

    // The vessel columns and Title use the same labels as the Remarks and the XML formats
    const columns: Array<[string, string | undefined]> = [
      ['Title', title],
      ['Vessel Call Sign', callSign],
      ['Vessel Type', vessType],
      ['Vessel Tonnage', tonnage],
      ['Vessel Gross Registered Tonnage', grt],
      ['Vessel Flag', vessFlag],
      ['Vessel Owner', vessOwner],
    ];
    for (const [label, value] of columns) if (value) party.applyTyped(label, value);

    applyRemarks(party, remarks && row.raw[11], take(companions.comments?.rows, ent), meta);
    for (const alt of take(companions.aliases?.rows, ent)) {
      const [, , altType, altName, altRemarks] = alt.cells;
      const prop = ALIAS_PROPS[(altType ?? '').toLowerCase().replace(/\./g, '')];
      bump(meta, 'aliases');
      if (!altName) continue;
      if (prop) party.addName(prop, altName);
      else {
        bump(meta, 'unknown_alias_types');
        party.note(`${altType} ${altName}`);
      }
      if (altRemarks) party.note(`${altName}: ${altRemarks}`);
    }
    for (const add of take(companions.addresses?.rows, ent)) {
      const [, addNum, street, city, country, addRemarks] = add.cells;
      bump(meta, 'addresses');
      // "City/State/Province/Postal Code" is one column: it goes to `city` whole, as OFAC does not split it
      party.addAddress(addNum!, { street, city, country, remarks: addRemarks });
    }
    yield* party.finish();
  }
  if (seen.size === 0) throw new SourceError(primary, 'empty file: no OFAC entries');
  // OFAC ends its files with 0x1A; without it the file may have been cut between two rows (or re-saved)
  if (!end.endMarker) bump(meta, 'missing_end_marker');
  for (const role of Object.keys(companions) as Role[]) checkOrphans(companions[role]!.file, companions[role]!.rows, role, meta);
}

function take(rows: Map<string, Pending[]> | undefined, ent: string): Pending[] {
  const list = rows?.get(ent) ?? [];
  rows?.delete(ent);
  return list;
}

/** Remarks plus their continuation; a 1000-character Remarks without continuation was cut mid-value. */
function applyRemarks(party: OfacParty, remarks: string | undefined, comments: Pending[], meta: ListMeta): void {
  const continuation = comments.map((c) => c.raw[1]).join('');
  if (comments.length) bump(meta, 'comments', comments.length);
  const text = ((remarks ?? '') + continuation).trim();
  if (!text) return;
  if (continuation && remarks?.length === REMARKS_LIMIT) bump(meta, 'remarks_completed');
  party.applyRemarks(text, !continuation && (remarks?.length ?? 0) >= REMARKS_LIMIT);
}

/** Companion rows whose ent_num is not in the primary file mean the files are from different publications. */
function checkOrphans(file: string, left: Map<string, Pending[]>, role: Role, meta: ListMeta): void {
  const orphans = [...left.values()].flat();
  meta.counts[`orphan_${role}`] = orphans.length;
  if (orphans.length === 0) return;
  const first = orphans.sort((a, b) => a.line - b.line)[0];
  throw new SourceError(
    file,
    `${orphans.length} ${role} row(s) name an ent_num that is not in the primary file (first: ${first.cells[0]}); the files are not from the same publication`,
    `line ${first.line}`,
  );
}

/** The first line of a primary file: ent_num, "name", type ("individual", "vessel", "aircraft" or -0-), ... */
const PRIMARY_ROW = /^\d+,"[^"]*",(?:"(?:individual|vessel|aircraft)"|-0- ?),/;

function ofacCsvFormat(format: string, dataset: string, primaryName: string, isMine: (name: string) => boolean): SourceFormat {
  return {
    format,
    dataset,
    sniff: (name, head) => name === primaryName || (name.endsWith('.csv') && isMine(name) && PRIMARY_ROW.test(head)),
    read: (input, meta) => readOfacCsv(input, meta, dataset),
  };
}

/** SDN list; a primary-looking CSV with an unknown name is taken as SDN unless its name says "cons". */
export const ofacSdnCsv = ofacCsvFormat('ofac-sdn-csv', 'us_ofac_sdn', 'sdn.csv', (name) => !name.includes('cons'));
export const ofacConsCsv = ofacCsvFormat('ofac-cons-csv', 'us_ofac_cons', 'cons_prim.csv', (name) => name.includes('cons'));
