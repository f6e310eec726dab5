// The FollowTheMoney data model, as shipped by @alephdata/followthemoney, so our entities have the
// same schemata and property names as OpenSanctions and yente.
import { Model, defaultModel, type Schema } from '@alephdata/followthemoney';

export const ftm = new Model(defaultModel);

export function getSchema(name: string): Schema | undefined {
  try {
    return ftm.getSchema(name);
  } catch {
    return undefined;
  }
}

/** True when `schema` is `parent` or inherits from it (Company is a LegalEntity, Person a LegalEntity...). */
export function isA(schema: string, parent: string): boolean {
  const s = getSchema(schema);
  return !!s && s.isA(parent);
}

/**
 * Whether a query of schema `query` may match a listed entity of schema `candidate`: as in FtM's
 * `can_match`, one must be the other or descend from it (a LegalEntity query matches a Person or a
 * Company; a Person query never matches a Vessel).
 */
export function schemataCanMatch(query: string, candidate: string): boolean {
  const q = getSchema(query);
  const c = getSchema(candidate);
  if (!q || !c || !c.matchable) return false;
  return q.isA(c) || c.isA(q);
}

const propertyCache = new Map<string, Set<string>>();
/** Property names valid for a schema (cached; the FtM lookup walks inheritance every time). */
export function schemaProperties(schema: string): Set<string> {
  let props = propertyCache.get(schema);
  if (!props) {
    const s = getSchema(schema);
    props = new Set(s ? [...s.getProperties().keys()] : []);
    propertyCache.set(schema, props);
  }
  return props;
}

const typedCache = new Map<string, string[]>();
/**
 * Names of a schema's properties whose type is `value`, by type name (`entity`: ids of other records; `country`)
 * or by type group (`countries`, `identifiers`, `genders`...); cached.
 */
export function propertiesOfType(schema: string, by: 'name' | 'group', value: string): string[] {
  const key = `${by}:${value}:${schema}`;
  let props = typedCache.get(key);
  if (!props) {
    const s = getSchema(schema);
    props = s ? [...s.getProperties().values()].filter((p) => (by === 'name' ? p.type.name : p.type.group) === value).map((p) => p.name) : [];
    typedCache.set(key, props);
  }
  return props;
}
