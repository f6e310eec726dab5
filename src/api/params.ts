// Checks shared by the routes: dataset scope, schema names and algorithm names, each failing with the
// status and sentence yente gives (404 "No such dataset.", 400 for what the client can fix).
import { resolveDatasetScope } from '../model/datasets.js';
import { getSchema } from '../model/schema.js';
import { algorithmNames } from '../match/index.js';
import { ApiError } from './errors.js';

/** What a dataset or collection name stands for, given the datasets the index serves. */
function resolve(name: string, served: Set<string>): string[] | undefined {
  // `default` is everything loaded, as in yente: lists imported from FtM files count too
  if (name === 'default') return [...new Set([...(resolveDatasetScope(name) ?? []), ...served])];
  return resolveDatasetScope(name) ?? (served.has(name) ? [name] : undefined);
}

/**
 * The datasets a request covers: the path's dataset or collection, narrowed by `include` and without
 * `exclude`. Unknown names in the path are 404; in the filters 400. May be empty (nothing to match).
 */
export function datasetScope(dataset: string, include: string[], exclude: string[], served: Iterable<string>): string[] {
  const known = new Set(served);
  const scope = resolve(dataset, known);
  if (!scope) throw new ApiError(404, 'No such dataset.');
  for (const [param, names] of [['include_dataset', include], ['exclude_dataset', exclude]] as const) {
    const unknown = names.filter((n) => !resolve(n, known));
    if (unknown.length) throw new ApiError(400, `Unknown dataset in ${param}: ${unknown.join(', ')}`);
  }
  const included = include.length ? new Set(include.flatMap((n) => resolve(n, known)!)) : undefined;
  const excluded = new Set(exclude.flatMap((n) => resolve(n, known)!));
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
