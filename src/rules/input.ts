// Validating a transaction as sent by a client (`interdict check TX.json`, POST /v1/screen/transaction).
// Every field is optional, but what is there must have the right shape: a malformed transaction fails
// with an error naming the field ("goods[0].hs: expected digits"), and unknown fields are refused
// rather than ignored, so a misspelt "good" cannot turn into a silent clear.
import { getSchema, schemaProperties } from '../model/schema.js';
import { tooManyNames } from '../match/query.js';
import { HsFormatError, normalizeHs } from './hs.js';
import type { Transaction, TxGoods, TxLocation, TxOwnership, TxParty, TxRoute, TxWorker } from './types.js';

export class TransactionError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

type Json = Record<string, unknown>;

const TOP_FIELDS = ['date', 'parties', 'goods', 'route', 'locations', 'workers', 'ownership', 'id', 'reference', 'description', 'notes', 'metadata'];
const PARTY_FIELDS = ['role', 'schema', 'name', 'country', 'address', 'imoNumber', 'idNumber', 'id', 'properties'];
const GOODS_FIELDS = ['hs', 'description', 'origin', 'value', 'currency', 'quantity', 'unit'];
const ROUTE_FIELDS = ['origin', 'via', 'destination', 'ports'];
const LOCATION_FIELDS = ['role', 'address', 'name'];
const WORKER_FIELDS = ['name', 'nationality', 'employer', 'worksite', 'permitIssued', 'id', 'role'];
const OWNERSHIP_FIELDS = ['owner', 'owned', 'percentage'];

/** Today in ISO form (UTC), the default transaction date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const parsed = new WeakSet<Transaction>();

/** Was this object produced by parseTransaction (and so already validated)? */
export function isParsedTransaction(v: unknown): v is Transaction {
  return typeof v === 'object' && v !== null && parsed.has(v as Transaction);
}

export function parseTransaction(raw: unknown, defaultDate = today()): Transaction {
  if (isParsedTransaction(raw)) return raw;
  const tx = object(raw, 'transaction');
  allowOnly(tx, TOP_FIELDS, 'transaction');
  const result: Transaction = {
    date: tx.date === undefined ? defaultDate : date(tx.date, 'date'),
    parties: list(tx.parties, 'parties').map((p, i) => party(p, `parties[${i}]`)),
    goods: list(tx.goods, 'goods').map((g, i) => goods(g, `goods[${i}]`)),
    route: route(tx.route),
    locations: list(tx.locations, 'locations').map((l, i) => location(l, `locations[${i}]`)),
    workers: list(tx.workers, 'workers').map((w, i) => worker(w, `workers[${i}]`)),
    ownership: list(tx.ownership, 'ownership').map((o, i) => ownership(o, `ownership[${i}]`)),
  };
  parsed.add(result);
  return result;
}

function party(raw: unknown, field: string): TxParty {
  const p = object(raw, field);
  const schema = p.schema === undefined ? 'LegalEntity' : string(p.schema, `${field}.schema`);
  const s = getSchema(schema);
  if (!s) throw new TransactionError(`${field}.schema`, `unknown FtM schema "${schema}"`);
  if (!s.matchable && schema !== 'LegalEntity') throw new TransactionError(`${field}.schema`, `schema ${schema} cannot be screened (use Person, Company, Organization, LegalEntity or Vessel)`);
  // further FtM properties are allowed flat ({"birthDate": ...}) or under "properties"
  const ftmProps = schemaProperties(schema);
  for (const key of Object.keys(p)) {
    if (!PARTY_FIELDS.includes(key) && !ftmProps.has(key)) throw new TransactionError(`${field}.${key}`, `unknown field (not a party field nor a ${schema} property)`);
  }
  const properties: Record<string, string[]> = {};
  const extra = p.properties === undefined ? {} : object(p.properties, `${field}.properties`);
  for (const [key, value] of [...Object.entries(p).filter(([k]) => ftmProps.has(k) && !PARTY_FIELDS.includes(k)), ...Object.entries(extra)]) {
    if (!ftmProps.has(key)) throw new TransactionError(`${field}.properties.${key}`, `not a ${schema} property`);
    const values = Array.isArray(value) ? value : [value];
    properties[key] = values.map((v, k) => scalar(v, `${field}.${key}${Array.isArray(value) ? `[${k}]` : ''}`));
  }
  if (p.imoNumber !== undefined && !ftmProps.has('imoNumber')) throw new TransactionError(`${field}.imoNumber`, `schema ${schema} has no IMO number (use "Vessel")`);
  const name = optString(p.name, `${field}.name`);
  const tooMany = tooManyNames({ ...properties, name: [...(name ? [name] : []), ...(properties.name ?? [])] });
  if (tooMany) throw new TransactionError(field, tooMany);
  return {
    id: p.id === undefined ? undefined : scalar(p.id, `${field}.id`),
    role: optString(p.role, `${field}.role`)?.toLowerCase(),
    schema,
    name,
    country: optString(p.country, `${field}.country`),
    address: optString(p.address, `${field}.address`),
    imoNumber: p.imoNumber === undefined ? undefined : imo(p.imoNumber, `${field}.imoNumber`),
    idNumber: p.idNumber === undefined ? undefined : scalar(p.idNumber, `${field}.idNumber`),
    properties,
  };
}

function goods(raw: unknown, field: string): TxGoods {
  const g = object(raw, field);
  allowOnly(g, GOODS_FIELDS, field);
  let hs: string | undefined;
  let hsRaw: string | undefined;
  if (g.hs !== undefined && g.hs !== null && g.hs !== '') {
    hsRaw = typeof g.hs === 'number' ? String(g.hs) : string(g.hs, `${field}.hs`);
    if (typeof g.hs === 'number' && (!Number.isInteger(g.hs) || hsRaw.length % 2 !== 0)) {
      throw new TransactionError(`${field}.hs`, 'expected digits as a string (a JSON number loses leading zeros and decimal places)');
    }
    try {
      hs = normalizeHs(hsRaw);
    } catch (err) {
      if (err instanceof HsFormatError) throw new TransactionError(`${field}.hs`, err.message);
      throw err;
    }
  }
  const value = g.value === undefined ? undefined : number(g.value, `${field}.value`);
  if (value !== undefined && value < 0) throw new TransactionError(`${field}.value`, 'must not be negative');
  return {
    hs,
    hsRaw,
    description: optString(g.description, `${field}.description`),
    origin: optString(g.origin, `${field}.origin`),
    value,
    currency: optString(g.currency, `${field}.currency`),
  };
}

function route(raw: unknown): TxRoute {
  if (raw === undefined || raw === null) return { via: [], ports: [] };
  const r = object(raw, 'route');
  allowOnly(r, ROUTE_FIELDS, 'route');
  return {
    origin: optString(r.origin, 'route.origin'),
    via: list(r.via, 'route.via').map((v, i) => string(v, `route.via[${i}]`)),
    destination: optString(r.destination, 'route.destination'),
    ports: list(r.ports, 'route.ports').map((v, i) => string(v, `route.ports[${i}]`)),
  };
}

function location(raw: unknown, field: string): TxLocation {
  if (typeof raw === 'string') return { address: nonEmpty(raw, field) };
  const l = object(raw, field);
  allowOnly(l, LOCATION_FIELDS, field);
  const address = l.address ?? l.name;
  if (address === undefined) throw new TransactionError(`${field}.address`, 'required');
  return { role: optString(l.role, `${field}.role`), address: nonEmpty(string(address, `${field}.address`), `${field}.address`) };
}

function worker(raw: unknown, field: string): TxWorker {
  const w = object(raw, field);
  allowOnly(w, WORKER_FIELDS, field);
  return {
    name: optString(w.name, `${field}.name`),
    nationality: optString(w.nationality, `${field}.nationality`),
    employer: optString(w.employer, `${field}.employer`),
    worksite: optString(w.worksite, `${field}.worksite`),
    permitIssued: w.permitIssued === undefined || w.permitIssued === null ? undefined : date(w.permitIssued, `${field}.permitIssued`),
  };
}

/** `{"owner", "owned", "percentage"}`, or an FtM Ownership entity (`owner`, `asset`, `percentage` properties). */
function ownership(raw: unknown, field: string): TxOwnership {
  const o = object(raw, field);
  if (o.schema !== undefined) {
    if (o.schema !== 'Ownership') throw new TransactionError(`${field}.schema`, 'expected "Ownership"');
    const props = object(o.properties, `${field}.properties`);
    const first = (k: string) => {
      const v = props[k];
      return Array.isArray(v) ? v[0] : v;
    };
    return {
      owner: nonEmpty(string(first('owner'), `${field}.properties.owner`), `${field}.properties.owner`),
      owned: nonEmpty(string(first('asset'), `${field}.properties.asset`), `${field}.properties.asset`),
      percentage: percentage(first('percentage'), `${field}.properties.percentage`),
    };
  }
  allowOnly(o, OWNERSHIP_FIELDS, field);
  return {
    owner: nonEmpty(string(o.owner, `${field}.owner`), `${field}.owner`),
    owned: nonEmpty(string(o.owned, `${field}.owned`), `${field}.owned`),
    percentage: percentage(o.percentage, `${field}.percentage`),
  };
}

// ---- primitive checks ----

function object(v: unknown, field: string): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new TransactionError(field, 'expected an object');
  return v as Json;
}

function list(v: unknown, field: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new TransactionError(field, 'expected an array');
  return v;
}

function string(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new TransactionError(field, 'expected a string');
  return v;
}

function nonEmpty(v: string, field: string): string {
  if (!v.trim()) throw new TransactionError(field, 'must not be empty');
  return v.trim();
}

function optString(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = string(v, field).trim();
  return s || undefined;
}

function scalar(v: unknown, field: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new TransactionError(field, 'expected a string');
}

function number(v: unknown, field: string): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new TransactionError(field, 'expected a number');
  return n;
}

function percentage(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = number(typeof v === 'string' ? v.replace(/%$/, '') : v, field);
  if (n < 0 || n > 100) throw new TransactionError(field, 'expected a percentage between 0 and 100');
  return n;
}

function date(v: unknown, field: string): string {
  const s = string(v, field).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.exec(s);
  if (!m) throw new TransactionError(field, `expected a date YYYY-MM-DD, got "${s}"`);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw new TransactionError(field, `not a calendar date: "${s}"`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** IMO numbers as written on registers: "IMO 9123456", "9123456"; the 7 digits are kept. */
function imo(v: unknown, field: string): string {
  const s = scalar(v, field);
  const digits = s.replace(/^\s*imo[\s:.-]*/i, '').replace(/\s/g, '');
  if (!/^\d{7}$/.test(digits)) throw new TransactionError(field, `expected a 7-digit IMO number, got "${s}"`);
  return digits;
}

function allowOnly(o: Json, allowed: string[], field: string): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) throw new TransactionError(`${field}.${key}`, `unknown field (expected one of ${allowed.join(', ')})`);
}
