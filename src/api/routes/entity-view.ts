// A listed party as an analyst reads it: every property grouped into names, identifiers, dates, addresses,
// countries and programmes (by the FtM property type, so nothing is left out), with the records around it
// in the same list version (its Sanction, Address and Identification entities).
import type { Entity } from '../../model/entity.js';
import { caption } from '../../model/entity.js';
import { countryName } from '../../model/countries.js';
import { getSchema } from '../../model/schema.js';
import type { ListStore, ListVersion } from '../../store/lists.js';

export interface PropertyGroup {
  prop: string;
  label: string;
  values: string[];
}

export type GroupName = 'names' | 'identifiers' | 'dates' | 'addresses' | 'countries' | 'programmes' | 'other';
export const GROUP_ORDER: GroupName[] = ['names', 'identifiers', 'dates', 'addresses', 'countries', 'programmes', 'other'];

export interface EntityView {
  id: string;
  schema: string;
  schema_label: string;
  caption: string;
  datasets: string[];
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  groups: Record<GroupName, PropertyGroup[]>;
}

export interface RelatedView extends EntityView {
  /** How it relates: the property label on the party ("Sanctions", "Address"). */
  relation: string;
}

export interface ListedEntity {
  entity: EntityView;
  related: RelatedView[];
  version: Pick<ListVersion, 'id' | 'dataset' | 'version' | 'published' | 'published_source' | 'imported_at' | 'active'>;
}

const PROGRAMME_PROPS = new Set(['program', 'programId', 'authority', 'authorityId', 'unscId', 'listingDate', 'provisions']);
const TYPE_GROUPS: Record<string, GroupName> = { name: 'names', identifier: 'identifiers', date: 'dates', address: 'addresses', country: 'countries' };
// references and bookkeeping: shown as related entities or not at all
const SKIPPED_TYPES = new Set(['entity', 'topic']);

function groupOf(schema: string, prop: string, type: string | undefined): GroupName {
  if (PROGRAMME_PROPS.has(prop) && schema !== 'Sanction') return 'programmes';
  return (type && TYPE_GROUPS[type]) || 'other';
}

/** `kp` → `North Korea (KP)`; codes without a name (`zz`, "global") stay codes. */
function countryLabel(code: string): string {
  const name = countryName(code);
  return name && name.toLowerCase() !== code.toLowerCase() ? `${name} (${code.toUpperCase()})` : code.toUpperCase();
}

/** Every property of an entity, grouped; country codes get their names. */
export function entityView(e: Entity): EntityView {
  const schema = getSchema(e.schema);
  const props = schema?.getProperties();
  const groups = Object.fromEntries(GROUP_ORDER.map((g) => [g, [] as PropertyGroup[]])) as Record<GroupName, PropertyGroup[]>;
  for (const [prop, values] of Object.entries(e.properties)) {
    if (!values?.length) continue;
    const p = props?.get(prop);
    const type = p?.type.name;
    if (type && SKIPPED_TYPES.has(type)) continue;
    const shown = type === 'country' ? values.map(countryLabel) : values;
    groups[groupOf(e.schema, prop, type)].push({ prop, label: p?.label ?? prop, values: shown });
  }
  return {
    id: e.id,
    schema: e.schema,
    schema_label: schema?.label ?? e.schema,
    caption: caption(e),
    datasets: e.datasets,
    first_seen: e.first_seen ?? null,
    last_seen: e.last_seen ?? null,
    last_change: e.last_change ?? null,
    groups,
  };
}

function entityProps(schema: string): Array<{ name: string; label: string; reverse?: string }> {
  const s = getSchema(schema);
  if (!s) return [];
  return [...s.getProperties().values()]
    .filter((p) => p.type.name === 'entity')
    .map((p) => ({ name: p.name, label: p.label, reverse: (p as unknown as { reverse?: { label?: string } }).reverse?.label }));
}

/** Records of the same version pointing at the party (Sanction.entity, Identification.holder...). */
function inbound(store: ListStore, versionId: number, id: string): RelatedView[] {
  const rows = store.db
    .prepare('SELECT data FROM entities WHERE version_id = ? AND target = 0 AND instr(data, ?) > 0')
    .all(versionId, JSON.stringify(id)) as Array<{ data: string }>;
  const out: RelatedView[] = [];
  for (const { data } of rows) {
    const e = JSON.parse(data) as Entity;
    const via = entityProps(e.schema).find((p) => e.properties[p.name]?.includes(id));
    if (via) out.push({ ...entityView(e), relation: via.reverse ?? getSchema(e.schema)?.label ?? e.schema });
  }
  return out;
}

/** Records the party points at (addressEntity → Address). */
function outbound(store: ListStore, versionId: number, e: Entity): RelatedView[] {
  const out: RelatedView[] = [];
  for (const p of entityProps(e.schema)) {
    for (const ref of e.properties[p.name] ?? []) {
      const target = store.entity(versionId, ref);
      if (target) out.push({ ...entityView(target), relation: p.label });
    }
  }
  return out;
}

/** The party as it stood in the given list version (falls back to the active version if that one is gone). */
export function listedEntity(store: ListStore, dataset: string, versionLabel: string, id: string): ListedEntity | undefined {
  const candidates = [store.findVersion(dataset, versionLabel), store.versions(dataset).find((v) => v.active)].filter((v): v is ListVersion => !!v);
  for (const v of candidates) {
    const e = store.entity(v.id, id);
    if (!e) continue;
    const related = [...inbound(store, v.id, id), ...outbound(store, v.id, e)];
    const { dataset: ds, version, published, published_source, imported_at, active } = v;
    return { entity: entityView(e), related, version: { id: v.id, dataset: ds, version, published, published_source, imported_at, active } };
  }
  return undefined;
}
