// Checks shared by the routes: dataset scope, schema names and algorithm names, each failing with the
// status and sentence yente gives (404 "No such dataset.", 400 for what the client can fix).
import { resolveDatasetScope } from '../model/datasets.js';
import { getSchema } from '../model/schema.js';
import { algorithmNames, getAlgorithm, withOverrides } from '../match/index.js';
import { ApiError } from './errors.js';

/** What a dataset or collection name stands for, given the datasets the index serves. */
function resolve(name: string, served: ReadonlySet<string>): string[] | undefined {
  // `default` is everything loaded, as in yente: lists imported from FtM files count too
  if (name === 'default') return [...new Set([...(resolveDatasetScope(name) ?? []), ...served])];
  return resolveDatasetScope(name) ?? (served.has(name) ? [name] : undefined);
}

/** Names resolved per set of served datasets (one set per index generation): every request names a scope. */
const resolved = new WeakMap<ReadonlySet<string>, Map<string, string[] | undefined>>();

function resolveCached(name: string, served: ReadonlySet<string>): string[] | undefined {
  let names = resolved.get(served);
  if (!names) resolved.set(served, (names = new Map()));
  // only names that resolve are kept: a client sending random names must not grow the map
  let scope = names.get(name);
  if (!scope && (scope = resolve(name, served))) names.set(name, scope);
  return scope;
}

/**
 * The datasets a request covers: the path's dataset or collection, narrowed by `include` and without
 * `exclude`. Unknown names in the path are 404; in the filters 400. May be empty (nothing to match).
 */
export function datasetScope(dataset: string, include: string[], exclude: string[], served: ReadonlySet<string>): string[] {
  const scope = resolveCached(dataset, served);
  if (!scope) throw new ApiError(404, 'No such dataset.');
  for (const [param, names] of [['include_dataset', include], ['exclude_dataset', exclude]] as const) {
    const unknown = names.filter((n) => !resolveCached(n, served));
    if (unknown.length) throw new ApiError(400, `Unknown dataset in ${param}: ${unknown.join(', ')}`);
  }
  if (!include.length && !exclude.length) return [...scope];
  const included = include.length ? new Set(include.flatMap((n) => resolveCached(n, served)!)) : undefined;
  const excluded = new Set(exclude.flatMap((n) => resolveCached(n, served)!));
  return scope.filter((d) => (!included || included.has(d)) && !excluded.has(d));
}

export function checkSchemas(names: string[], param: string): string[] {
  const unknown = names.filter((n) => !getSchema(n));
  if (unknown.length) throw new ApiError(400, `Invalid schema in ${param}: ${unknown.join(', ')}`);
  return names;
}

export function checkAlgorithm(name: string): string {
  if (!algorithmNames().includes(name)) throw new ApiError(400, `Invalid algorithm: ${name} (known: ${algorithmNames().join(', ')})`);
  return name;
}

/**
 * A request's feature weight overrides and algorithm config, checked against the algorithm (400 with what
 * is accepted otherwise); empty maps become undefined, so a request without overrides costs nothing.
 */
export function checkOverrides(
  algorithm: string,
  weights: Record<string, number> | undefined,
  config: Record<string, unknown> | undefined,
): { weights?: Record<string, number>; config?: Record<string, unknown> } {
  try {
    withOverrides(getAlgorithm(algorithm), weights, config);
  } catch (err) {
    if (err instanceof RangeError) throw new ApiError(400, err.message);
    throw err;
  }
  const nonEmpty = <T extends object>(o: T | undefined) => (o && Object.keys(o).length ? o : undefined);
  return { weights: nonEmpty(weights), config: nonEmpty(config) };
}

const SINCE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(\.\d+)?)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * `changed_since` as a string that compares with stored `last_change` values (ISO 8601, UTC): a space becomes
 * `T`, and a time zone is converted to UTC ("2026-03-01T10:00+02:00" → "2026-03-01T08:00:00").
 */
export function changedSinceKey(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = SINCE.exec(value);
  if (!m) throw new ApiError(400, `Invalid changed_since: ${value} (expected an ISO date or date and time)`);
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  if (!zone || zone === 'Z') return value.replace(' ', 'T').replace(/Z$/, '');
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  const utc = Date.UTC(+y, +mo - 1, +d, +(h ?? 0), +(mi ?? 0), +(sec ?? 0), frac ? Math.floor(Number(frac) * 1000) : 0) - offsetMinutes * 60_000;
  if (!Number.isFinite(utc)) throw new ApiError(400, `Invalid changed_since: ${value}`);
  return new Date(utc).toISOString().replace(/(\.000)?Z$/, '');
}
