// A yente query example ({schema, properties}) → the ScreenQuery the matcher takes, cleaned as yente's
// `Entity.from_example` does: unknown properties dropped, values cleaned by their FtM type (country names →
// ISO codes, dates → ISO prefixes, genders → male/female) and unusable values dropped, full names built from
// name parts. The cleaned example is echoed back in the response's `query`.
import { countryCode } from '../model/countries.js';
import { getSchema, schemaProperties } from '../model/schema.js';
import { normalizeDate, tooManyNames, type ScreenQuery } from '../match/index.js';
import { ApiError } from './errors.js';

export interface EntityExample {
  id?: string | null;
  schema: string;
  properties: Record<string, unknown>;
}

/** The most any single value may hold: longer input is noise or an attack. */
const MAX_VALUE_CHARS = 1000;
const MAX_VALUES_PER_PROPERTY = 50;
/** yente's base schema: a query of this schema may match any matchable one. */
export const BASE_SCHEMA = 'Thing';

const typeCache = new Map<string, Map<string, string>>();
/** Property name → FtM type name (country, date, name...) for a schema. */
function propertyTypes(schema: string): Map<string, string> {
  let types = typeCache.get(schema);
  if (!types) {
    types = new Map();
    const s = getSchema(schema)!;
    for (const [name, prop] of s.getProperties()) types.set(name, prop.type.name);
    typeCache.set(schema, types);
  }
  return types;
}

/** Anything cleanText would change besides the length: a control character, whitespace other than single inner spaces. */
const UNCLEAN = /[\p{Cc}]|[^\S ]| {2}|^ | $/u;

function cleanText(value: string): string {
  // most values are clean already: one test instead of three rewrites of the string
  if (!UNCLEAN.test(value)) return value.slice(0, MAX_VALUE_CHARS);
  // control characters are broken exports; they never help a match
  return value.replace(/[\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE_CHARS);
}

function cleanGender(value: string): string | undefined {
  const v = value.toLowerCase();
  if (['m', 'male', 'man'].includes(v)) return 'male';
  if (['f', 'female', 'woman'].includes(v)) return 'female';
  if (v === 'other') return 'other';
  return undefined;
}

/** Clean one value by its FtM type; undefined drops it (as FtM's fuzzy cleaning drops what it cannot parse). */
function cleanValue(type: string, raw: string): string | undefined {
  const text = cleanText(raw);
  if (!text) return undefined;
  switch (type) {
    case 'country':
      return countryCode(text);
    case 'date':
      return normalizeDate(text);
    case 'gender':
      return cleanGender(text);
    default:
      return text;
  }
}

function rawValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
}

// As FtM's combine_names: a full name from its parts, in the usual written order
const NAME_PARTS = ['firstName', 'secondName', 'middleName', 'fatherName', 'lastName'];

/** Clean a query example; throws ApiError(400) for an unknown or non-matchable schema, or too many names. */
export function cleanExample(example: EntityExample): { query: ScreenQuery; echo: EntityExample } {
  const schemaName = example.schema;
  const schema = getSchema(schemaName);
  if (!schema) throw new ApiError(400, `Cannot parse example entity: unknown schema '${schemaName}'`);
  if (schemaName !== BASE_SCHEMA && !schema.matchable) throw new ApiError(400, `Cannot parse example entity: Non-matchable schema for query: ${schemaName}`);
  const types = propertyTypes(schemaName);
  const allowed = schemaProperties(schemaName);
  const properties: Record<string, string[]> = {};
  for (const [prop, value] of Object.entries(example.properties ?? {})) {
    if (!allowed.has(prop)) continue; // yente logs and skips properties the schema does not have
    const type = types.get(prop)!;
    const cleaned = new Set<string>();
    for (const raw of rawValues(value).slice(0, MAX_VALUES_PER_PROPERTY)) {
      const v = cleanValue(type, raw);
      if (v) cleaned.add(v);
    }
    if (cleaned.size) properties[prop] = [...cleaned];
  }
  if (!properties.name && allowed.has('name')) {
    const full = NAME_PARTS.flatMap((p) => properties[p]?.slice(0, 1) ?? []).join(' ');
    if (full) properties.name = [full];
  }
  const tooMany = tooManyNames(properties);
  if (tooMany) throw new ApiError(400, `Cannot parse example entity: ${tooMany}`);
  const query: ScreenQuery = { schema: schemaName, properties };
  // yente echoes the example as its pydantic model: `id` is always there, null when the client sent none
  const echo: EntityExample = { id: example.id ?? null, schema: schemaName, properties };
  return { query, echo };
}
