// Screening queries from what users give: a batch row (CSV/JSONL columns) or a bare name, checked and
// cleaned (country names → codes, dates → ISO prefixes) before they reach the matcher.
import { countryCode } from '../model/countries.js';
import { getSchema } from '../model/schema.js';
import { NAME_PROPS, normalizeDate, normalizeGender } from './prepare.js';
import type { ScreenQuery } from './screener.js';

/** A query that cannot be screened, with the reason in words. */
export class QueryError extends Error {}

/** Columns a batch row may carry (extra columns are ignored). */
export interface QueryRecord {
  id?: string | number;
  full_name?: string;
  name?: string;
  first_name?: string;
  middle_name?: string;
  last_name?: string;
  gender?: string;
  date_of_birth?: string;
  place_of_birth?: string;
  nationality?: string;
  country?: string;
  schema?: string;
  id_number?: string;
  [column: string]: unknown;
}

const SCHEMA_ALIASES: Record<string, string> = {
  person: 'Person', individual: 'Person', company: 'Company', organization: 'Organization', organisation: 'Organization',
  entity: 'LegalEntity', legalentity: 'LegalEntity', vessel: 'Vessel', ship: 'Vessel', aircraft: 'Airplane', airplane: 'Airplane',
};

/** A schema as users write it (person, Company, vessel) → FtM schema name. */
export function normalizeSchema(value: string | undefined, fallback = 'LegalEntity'): string {
  const v = value?.trim();
  if (!v) return fallback;
  const mapped = SCHEMA_ALIASES[v.toLowerCase()] ?? v;
  if (!getSchema(mapped)) throw new QueryError(`unknown schema '${v}' (use Person, Organization, Company, Vessel or LegalEntity)`);
  return mapped;
}

/** Longest name accepted from a user: longer is a broken export or an attack, not a name. */
export const MAX_QUERY_NAME_CHARS = 1000;

/** A name must be printable text of sensible length; control characters mean a broken export. */
export function checkName(value: string, column = 'name'): string {
  // zero-width and other format characters are evasion, not breakage: the matcher drops them
  if (/[\p{Cc}]/u.test(value.replace(/[\t\n\r]/g, ' '))) throw new QueryError(`${column} contains control characters`);
  const v = value.replace(/\s+/g, ' ').trim();
  if (!v || !/[\p{L}\p{N}]/u.test(v)) throw new QueryError(`${column} is empty`);
  if (v.length > MAX_QUERY_NAME_CHARS) throw new QueryError(`${column} is ${v.length} characters long (at most ${MAX_QUERY_NAME_CHARS})`);
  return v;
}

/**
 * Most written names one query may carry (name, alias, previousName and weakAlias together). Every name is
 * compared with every name of every candidate: 200 names took 0.25 s of one screening thread, so a request of
 * 100 such queries held it for half a minute. A party rarely has more than a few dozen names.
 */
export const MAX_QUERY_NAMES = 50;

/** What is wrong when a query carries more written names than one screening should compare; undefined when nothing is. */
export function tooManyNames(properties: Record<string, readonly string[] | undefined>): string | undefined {
  let names = 0;
  for (const prop of NAME_PROPS) names += properties[prop]?.length ?? 0;
  return names > MAX_QUERY_NAMES ? `${names} names in one query (${NAME_PROPS.join(', ')} together; at most ${MAX_QUERY_NAMES})` : undefined;
}

/** Throws QueryError when a query carries more written names than one screening should compare. */
export function checkQueryNames(properties: Record<string, readonly string[] | undefined>): void {
  const problem = tooManyNames(properties);
  if (problem) throw new QueryError(problem);
}

function str(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v).trim();
  return s ? s : undefined;
}

/** Several values in one cell: "RU; UA" or "1970-01-01|1971". */
function cells(v: unknown): string[] {
  const s = str(v);
  return s ? s.split(/\s*[;|]\s*/).filter(Boolean) : [];
}

/**
 * A batch row → a ScreenQuery. The name is `full_name` or `name`, else first/middle/last joined. Country
 * names become ISO codes (unknown ones are dropped: a wrong code would penalise), dates ISO prefixes.
 * Throws QueryError when the row has no usable name and no identifier.
 */
export function queryFromRecord(record: QueryRecord): ScreenQuery {
  const props: Record<string, string[]> = {};
  const add = (prop: string, values: string[]) => {
    const vs = values.filter(Boolean);
    if (vs.length) props[prop] = [...new Set([...(props[prop] ?? []), ...vs])];
  };
  const first = str(record.first_name);
  const middle = str(record.middle_name);
  const last = str(record.last_name);
  const full = str(record.full_name) ?? str(record.name);
  const hasParts = !!(first || last);
  const schema = normalizeSchema(str(record.schema), hasParts || record.date_of_birth || record.gender ? 'Person' : 'LegalEntity');
  if (full) add('name', [checkName(full, record.full_name !== undefined ? 'full_name' : 'name')]);
  if (hasParts && schema === 'Person') {
    if (first) add('firstName', [checkName(first, 'first_name')]);
    if (middle) add('middleName', [checkName(middle, 'middle_name')]);
    if (last) add('lastName', [checkName(last, 'last_name')]);
    if (!full) add('name', [[first, middle, last].filter(Boolean).join(' ')]);
  }
  const idNumber = cells(record.id_number);
  if (!props.name && !idNumber.length) {
    const blank = ['full_name', 'name', 'first_name', 'last_name'].find((c) => typeof record[c] === 'string');
    throw new QueryError(blank ? `${blank} is empty` : 'no name (full_name, name, or first_name/last_name) and no id_number');
  }
  if (schema === 'Person') {
    add('birthDate', cells(record.date_of_birth).map((d) => normalizeDate(d)).filter((d): d is string => !!d));
    const g = normalizeGender(str(record.gender));
    if (g) add('gender', [g]);
    add('birthPlace', cells(record.place_of_birth));
    add('nationality', cells(record.nationality).map((c) => countryCode(c)).filter((c): c is string => !!c));
  } else {
    add('country', [...cells(record.nationality), ...cells(record.country)].map((c) => countryCode(c)).filter((c): c is string => !!c));
  }
  if (schema === 'Person' && props.nationality === undefined && record.country) add('country', cells(record.country).map((c) => countryCode(c)).filter((c): c is string => !!c));
  if (idNumber.length) add(schema === 'Vessel' ? 'imoNumber' : 'idNumber', idNumber);
  return { schema, properties: props };
}

/** A bare name (CLI, compare) → query. */
export function queryFromName(name: string, schema = 'LegalEntity', extra: Record<string, string[]> = {}): ScreenQuery {
  return { schema: normalizeSchema(schema), properties: { name: [checkName(name)], ...extra } };
}
