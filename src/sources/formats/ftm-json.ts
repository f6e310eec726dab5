// FollowTheMoney JSON lines, the bulk format of OpenSanctions and yente (`entities.ftm.json`): one entity per
// line, {id, caption, schema, properties, referents, datasets, first_seen, last_seen, last_change, target}.
// Read (validated line by line against the FtM model) and written (`writeFtmLines`, for exports).
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { caption, type Entity } from '../../model/entity.js';
import { getSchema, schemaProperties } from '../../model/schema.js';
import { SourceError, bump, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';

/**
 * An FtM file may hold one dataset or several (an OpenSanctions collection such as `sanctions` or `default`
 * lists each entity's source datasets). When every entity names the same single dataset, the file is a
 * version of that dataset (`meta.dataset`). Otherwise the list is imported under the format's dataset `ftm`
 * and each entity keeps its own `datasets`. The importer looks at `meta.dataset` when the first entity arrives
 * and again at the end, so it is set from the first entity and falls back to `ftm` as soon as one disagrees.
 */
const FORMAT_DATASET = 'ftm';

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Without a `target` flag (FtM files from other tools), matchable things (people, companies...) count as listed. */
function defaultTarget(schema: string): boolean {
  const s = getSchema(schema);
  return !!s && s.matchable && s.isA('Thing');
}

/** One line → an entity, or a SourceError saying what is wrong and on which line. */
export function parseFtmLine(file: string, text: string, line: number): Entity {
  const where = `line ${line}`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new SourceError(file, `invalid JSON: ${(err as Error).message}`, where);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new SourceError(file, 'not a JSON object', where);
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== 'string' || !o.id) throw new SourceError(file, 'entity has no id', where);
  const id = o.id;
  if (typeof o.schema !== 'string' || !getSchema(o.schema)) throw new SourceError(file, `unknown FtM schema ${JSON.stringify(o.schema)} (entity ${id})`, where);
  const schema = o.schema;
  const props = o.properties ?? {};
  if (typeof props !== 'object' || Array.isArray(props)) throw new SourceError(file, `properties of entity ${id} are not an object`, where);
  const allowed = schemaProperties(schema);
  const properties: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(props as Record<string, unknown>)) {
    if (!allowed.has(prop)) throw new SourceError(file, `unknown property ${prop} for schema ${schema} (entity ${id})`, where);
    if (!isStringList(values)) throw new SourceError(file, `property ${prop} of entity ${id} is not a list of strings`, where);
    properties[prop] = values;
  }
  for (const key of ['datasets', 'referents'] as const) {
    if (o[key] !== undefined && !isStringList(o[key])) throw new SourceError(file, `${key} of entity ${id} is not a list of strings`, where);
  }
  if (o.target !== undefined && typeof o.target !== 'boolean') throw new SourceError(file, `target of entity ${id} is not true/false`, where);
  const entity: Entity = {
    id,
    schema,
    properties,
    datasets: (o.datasets as string[] | undefined)?.length ? (o.datasets as string[]) : [FORMAT_DATASET],
    referents: (o.referents as string[] | undefined) ?? [],
    target: (o.target as boolean | undefined) ?? defaultTarget(schema),
  };
  for (const key of ['first_seen', 'last_seen', 'last_change'] as const) {
    if (typeof o[key] === 'string') entity[key] = o[key] as string;
  }
  return entity;
}

async function* read(input: SourceInput, meta: ListMeta): AsyncGenerator<Entity> {
  const file = input.files[0];
  meta.published = null;
  const seen = new Set<string>();
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (let text of lines) {
    line++;
    if (line === 1) text = text.replace(/^\uFEFF/, '');
    if (!text.trim()) continue;
    const entity = parseFtmLine(file, text, line);
    if (seen.has(entity.id)) throw new SourceError(file, `duplicate entity id ${entity.id}`, `line ${line}`);
    seen.add(entity.id);
    noteDataset(meta, entity, seen.size === 1);
    // no publication date in the file: the newest change of any entity stands for it
    if (entity.last_change && (!meta.published || entity.last_change > meta.published)) meta.published = entity.last_change;
    bump(meta, 'entities');
    if (entity.target) bump(meta, 'records');
    yield entity;
  }
  if (seen.size === 0) throw new SourceError(file, 'no entity in the file (empty FtM JSON lines file)');
}

function noteDataset(meta: ListMeta, entity: Entity, first: boolean): void {
  const single = entity.datasets.length === 1 ? entity.datasets[0] : FORMAT_DATASET;
  if (first) meta.dataset = single;
  else if (meta.dataset !== single) meta.dataset = FORMAT_DATASET;
}

/** An entity in yente's line shape (keys in yente's order, caption included). */
export function toFtmJson(e: Entity): Record<string, unknown> {
  return {
    id: e.id,
    caption: caption(e),
    schema: e.schema,
    properties: e.properties,
    referents: e.referents,
    datasets: e.datasets,
    first_seen: e.first_seen,
    last_seen: e.last_seen,
    last_change: e.last_change,
    target: e.target,
  };
}

/** Write entities as FtM JSON lines, waiting when `out` is full. Returns how many were written; `out` stays open. */
export async function writeFtmLines(entities: AsyncIterable<Entity> | Iterable<Entity>, out: Writable): Promise<number> {
  let written = 0;
  for await (const entity of entities) {
    if (!out.write(`${JSON.stringify(toFtmJson(entity))}\n`)) await once(out, 'drain');
    written++;
  }
  return written;
}

export const ftmJson: SourceFormat = {
  format: 'ftm-json',
  dataset: FORMAT_DATASET,
  sniff(_name, head) {
    const text = head.replace(/^\uFEFF|^ï»¿/, '');
    const first = text.split('\n').find((l) => l.trim())?.trim();
    if (!first?.startsWith('{')) return false;
    try {
      const o = JSON.parse(first) as Record<string, unknown>;
      return typeof o.schema === 'string' && !!o.properties && typeof o.properties === 'object';
    } catch {
      // a first line longer than the sniffed head cannot be parsed: judge it by its keys
      return !text.includes('\n') && /"schema"\s*:\s*"/.test(first) && /"properties"\s*:\s*\{/.test(first);
    }
  },
  read,
};
