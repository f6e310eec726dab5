// yente's search filters and sort keys over listed parties. yente passes them to its search index as field
// names: the entity's own fields (schema, datasets, referents, target), FollowTheMoney type groups (countries,
// topics, identifiers, genders, names, dates...) and `properties.<name>`. Here the same names are read from the
// entity; an unknown field is a 400, not an empty result, so a client learns its filter was not applied.
import { caption, type Entity } from '../model/entity.js';
import { ftm, propertiesOfType } from '../model/schema.js';
import { ApiError } from './errors.js';

/** Fields of the entity record itself (yente's index fields of the same names). */
const RECORD_FIELDS: Record<string, (e: Entity) => string[]> = {
  schema: (e) => [e.schema],
  datasets: (e) => e.datasets,
  referents: (e) => e.referents ?? [],
  target: (e) => [String(e.target)],
  entity_id: (e) => [e.id],
  caption: (e) => [caption(e)],
};

/** Every type group of the FollowTheMoney model (countries, identifiers, genders, names, dates...). */
const TYPE_GROUPS = new Set(Object.values(ftm.types).flatMap((t) => (t.group ? [t.group] : [])));
/** Every property name of the model, for `properties.<name>`. */
const PROPERTY_NAMES = new Set(Object.values(ftm.schemata).flatMap((s) => (s ? [...s.getProperties().keys()] : [])));

/** Whether a field's values are dates, matched by prefix ("1985" finds 1985-04-21). */
function isDateField(field: string): boolean {
  if (field === 'dates') return true;
  if (!field.startsWith('properties.')) return false;
  const name = field.slice('properties.'.length);
  return Object.values(ftm.schemata).some((s) => s?.getProperties().get(name)?.type.name === 'date');
}

/** How to read a field's values from a party; undefined for a field this service does not know. */
export function fieldReader(field: string): ((e: Entity) => string[]) | undefined {
  if (RECORD_FIELDS[field]) return RECORD_FIELDS[field];
  if (field.startsWith('properties.')) {
    const name = field.slice('properties.'.length);
    return PROPERTY_NAMES.has(name) ? (e) => e.properties[name] ?? [] : undefined;
  }
  if (TYPE_GROUPS.has(field)) {
    // the group's properties per schema, looked up once per reader: a search or facet reads every party in scope
    const bySchema = new Map<string, string[]>();
    return (e) => {
      let props = bySchema.get(e.schema);
      if (!props) bySchema.set(e.schema, (props = propertiesOfType(e.schema, 'group', field)));
      const values = props.length === 1 ? e.properties[props[0]] : props.flatMap((p) => e.properties[p] ?? []);
      return !values ? [] : values.length < 2 ? values : [...new Set(values)];
    };
  }
  return undefined;
}

const KNOWN = () => `${Object.keys(RECORD_FIELDS).join(', ')}, a type group (${[...TYPE_GROUPS].sort().join(', ')}) or properties.<name>`;

/**
 * yente's `filter=field:value` parameters as [field, value] pairs; 400 for a malformed one or an unknown field. An
 * empty value filters nothing (yente drops empty values).
 */
export function parseFilters(raw: string[]): Array<[string, string]> {
  return raw.flatMap((flt): Array<[string, string]> => {
    const at = flt.indexOf(':');
    if (at <= 0) throw new ApiError(400, `Invalid filter: ${JSON.stringify(flt)} (expected field:value)`);
    const field = flt.slice(0, at);
    if (!fieldReader(field)) throw new ApiError(400, `Invalid filter: unknown field ${JSON.stringify(field)} (known: ${KNOWN()})`);
    const value = flt.slice(at + 1);
    return value ? [[field, value]] : [];
  });
}

/** One predicate for all filters: per field, any value (OR) or every value (AND); fields always combine with AND. */
export function compileFilters(filters: Array<[string, string]>, op: 'OR' | 'AND'): ((e: Entity) => boolean) | undefined {
  if (filters.length === 0) return undefined;
  const byField = new Map<string, string[]>();
  for (const [field, value] of filters) byField.set(field, [...(byField.get(field) ?? []), value.toLowerCase()]);
  const tests = [...byField].map(([field, wanted]) => {
    const read = fieldReader(field)!;
    const date = isDateField(field);
    const hit = (values: string[], w: string) => values.some((v) => (date ? v.toLowerCase().startsWith(w) : v.toLowerCase() === w));
    return (e: Entity) => {
      const values = read(e);
      return op === 'AND' ? wanted.every((w) => hit(values, w)) : wanted.some((w) => hit(values, w));
    };
  });
  return (e) => tests.every((t) => t(e));
}

/** Fields a search may be sorted by: time stamps, caption, schema, id, any property (its first value). */
const SORT_FIELDS = new Set(['caption', 'schema', 'entity_id', 'first_seen', 'last_seen', 'last_change']);

function sortReader(field: string): ((e: Entity) => string | undefined) | undefined {
  if (field === 'first_seen' || field === 'last_seen' || field === 'last_change') return (e) => e[field] ?? undefined;
  if (!SORT_FIELDS.has(field) && !field.startsWith('properties.')) return undefined;
  const read = fieldReader(field);
  return read && ((e) => read(e)[0]);
}

/** A sort key, `field` or `field:order` (the field may hold colons; the order follows the last one). */
function parseSort(key: string): { field: string; order: string } {
  const cut = key.lastIndexOf(':');
  return cut < 0 ? { field: key, order: 'asc' } : { field: key.slice(0, cut), order: key.slice(cut + 1) };
}

/** yente's `sort` (`field` or `field:asc|desc`, then relevance); 400 for an unknown field or order. */
export function checkSort(sort: string[]): void {
  for (const s of sort) {
    const { field, order } = parseSort(s);
    if (order !== 'asc' && order !== 'desc') throw new ApiError(400, `Invalid sort order in ${JSON.stringify(s)}: asc or desc`);
    if (field !== '_score' && !sortReader(field)) throw new ApiError(400, `Invalid sort field in ${JSON.stringify(s)} (known: _score, ${[...SORT_FIELDS].join(', ')}, properties.<name>)`);
  }
}

/** Sort parties in place by the keys (a missing value last, as yente), keeping the given order on ties. */
export function sortEntities(hits: Entity[], sort: string[]): Entity[] {
  const keys = sort.flatMap((s) => {
    const { field, order } = parseSort(s);
    return field === '_score' ? [] : [{ read: sortReader(field)!, desc: order === 'desc' }];
  });
  if (keys.length === 0) return hits;
  const rank = new Map(hits.map((e, i) => [e, i]));
  return hits.sort((a, b) => {
    for (const { read, desc } of keys) {
      const x = read(a);
      const y = read(b);
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const c = x < y ? -1 : 1;
      return desc ? -c : c;
    }
    return rank.get(a)! - rank.get(b)!;
  });
}
