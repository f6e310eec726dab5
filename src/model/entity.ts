// An entity as yente and OpenSanctions ship it (FtM JSON): schema, multi-valued properties, datasets.
import crypto from 'node:crypto';
import { getSchema, schemaProperties } from './schema.js';

export interface Entity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  /** A listed party (Person, Company, Vessel...), as opposed to a supporting Address or Sanction record. */
  target: boolean;
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
}

export class ModelError extends Error {}

/** Whitespace a value may not keep: any but a plain space, or a run of spaces. */
const UNTIDY_SPACE = /[^\S ]| {2}/;

/** Trimmed, every whitespace run one space. Why the test first: most list values are already tidy, and a
 * failed test is several times cheaper than a global replace that rebuilds the string. */
function tidy(s: string): string {
  const t = s.trim();
  return UNTIDY_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/**
 * Builds an entity while a loader reads a record: checks schema and property names against FtM,
 * trims values, drops empties and duplicates, keeps first-seen order.
 */
export class EntityBuilder {
  readonly entity: Entity;
  private allowed: Set<string>;

  constructor(id: string, schema: string, dataset: string, target = true) {
    if (!getSchema(schema)) throw new ModelError(`unknown FtM schema ${schema}`);
    this.allowed = schemaProperties(schema);
    this.entity = { id, schema, properties: {}, datasets: [dataset], referents: [], target };
  }

  /** Add values to a property; null/undefined/blank values are ignored. */
  add(prop: string, ...values: Array<string | number | null | undefined>): this {
    if (!this.allowed.has(prop)) throw new ModelError(`property ${prop} is not in schema ${this.entity.schema}`);
    for (const raw of values) {
      if (raw === null || raw === undefined) continue;
      const value = tidy(typeof raw === 'string' ? raw : String(raw));
      if (!value) continue;
      const list = (this.entity.properties[prop] ??= []);
      if (!list.includes(value)) list.push(value);
    }
    return this;
  }

  /** Change schema (e.g. LegalEntity → Company once the record says so); keeps compatible properties. */
  setSchema(schema: string): this {
    if (!getSchema(schema)) throw new ModelError(`unknown FtM schema ${schema}`);
    this.allowed = schemaProperties(schema);
    this.entity.schema = schema;
    return this;
  }

  has(prop: string): boolean {
    return (this.entity.properties[prop]?.length ?? 0) > 0;
  }

  build(): Entity {
    return this.entity;
  }
}

/** The name shown for an entity: the first `name` (or the schema's caption property). */
export function caption(entity: Entity): string {
  const props = entity.properties;
  for (const p of captionOrder(entity.schema)) {
    const v = props[p]?.[0];
    if (v) return v;
  }
  return entity.id;
}

const captionOrders = new Map<string, string[]>();
/** Properties that may give a schema's caption, in order (cached: the import asks once per entity). */
function captionOrder(schema: string): string[] {
  let order = captionOrders.get(schema);
  if (!order) {
    order = [...(getSchema(schema)?.caption ?? []), 'name', 'full', 'program', 'summary'];
    captionOrders.set(schema, order);
  }
  return order;
}

/** Property values, empty when absent. */
export function values(entity: Entity, prop: string): string[] {
  return entity.properties[prop] ?? [];
}

/** A stable hash of an entity's content (schema + sorted properties): diffs and "did it change" checks. */
export function contentHash(entity: Entity): string {
  const props = Object.keys(entity.properties)
    .sort()
    .map((k) => {
      const values = entity.properties[k];
      return [k, values.length < 2 ? values : [...values].sort()];
    });
  const text = JSON.stringify([entity.schema, props]);
  // the one-shot hash (Node ≥ 20.12) skips a Hash object per entity; same digest either way
  return (crypto.hash ? crypto.hash('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex')).slice(0, 32);
}
