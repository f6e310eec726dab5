// One immutable view of the lists a server answers from: the Screener over the listed parties of a fixed set
// of list versions, plus what `/entities` needs to nest adjacent records (sanctions, addresses, identity
// documents) under a party the way yente does. A hot swap builds a new Snapshot; an old one is never changed.
import type { Entity } from '../model/entity.js';
import { countryName } from '../model/countries.js';
import { DATASETS } from '../model/datasets.js';
import { getSchema, isA, propertiesOfType } from '../model/schema.js';
import type { ListStore } from '../store/lists.js';
import { DEFAULT_CANDIDATES, Screener, getAlgorithm, nameCachePath, withOverrides, type ScreenOptions, type ScreenQuery } from '../match/index.js';
import type { AdjacentOutcome, FacetValue, MatchOptions, MatchOutcome, SearchOutcome, SearchParams, SnapshotInfo } from './protocol.js';
import { compileFilters, fieldReader, sortEntities } from './search-filters.js';
import { entityResponse, scoredResponse, type EntityResponse, type PropertyValue } from './serialize.js';

/** A record pointing at a party: which record, in which version, through which property. */
interface InboundRef {
  id: string;
  versionId: number;
  prop: string;
}

/** Free-text search: scores below this are not search hits. */
const SEARCH_CUTOFF = 0.5;
/** Most hits one search scores (offset + limit beyond it are answered from this window). */
const MAX_SEARCH_WINDOW = 1000;
const MAX_FACET_VALUES = 30;

/** Properties of a schema that hold entity ids (addressEntity, holder, entity...). */
const entityProps = (schema: string) => propertiesOfType(schema, 'name', 'entity');

/** The name under which a record pointing at a party appears on it (Sanction.entity → sanctions). */
function reverseName(schema: string, prop: string): string | undefined {
  const p = getSchema(schema)?.getProperties().get(prop);
  return p?.hasReverse ? p.getReverse().name : undefined;
}

/**
 * Records pointing at each party (Sanction.entity, Identification.holder...), for nesting. Collected from
 * the non-target records page by page after the index is ready, so a hot swap does not wait for it; a
 * nested `/entities` call before it is complete finishes it first.
 */
class InboundRefs {
  private readonly refs = new Map<string, InboundRef[]>();
  private readonly pending: Array<{ versionId: number; after: string }>;
  private readonly page;

  constructor(store: ListStore, versionIds: number[]) {
    this.pending = versionIds.map((versionId) => ({ versionId, after: '' }));
    this.page = store.db.prepare('SELECT id, schema, data FROM entities WHERE version_id = ? AND target = 0 AND id > ? ORDER BY id LIMIT ?');
  }

  add(e: Pick<Entity, 'id' | 'schema' | 'properties'>, versionId: number): void {
    for (const prop of entityProps(e.schema)) {
      for (const ref of e.properties[prop] ?? []) {
        let list = this.refs.get(ref);
        if (!list) this.refs.set(ref, (list = []));
        list.push({ id: e.id, versionId, prop });
      }
    }
  }

  /** Read one page of records; false once everything is read. */
  step(rows = 2000): boolean {
    const cursor = this.pending[0];
    if (!cursor) return false;
    const page = this.page.all(cursor.versionId, cursor.after, rows) as Array<{ id: string; schema: string; data: string }>;
    for (const r of page) this.add({ id: r.id, schema: r.schema, properties: (JSON.parse(r.data) as Entity).properties }, cursor.versionId);
    if (page.length < rows) this.pending.shift();
    else cursor.after = page[page.length - 1].id;
    return this.pending.length > 0;
  }

  get(id: string): InboundRef[] {
    while (this.step());
    return this.refs.get(id) ?? [];
  }
}

export class Snapshot {
  private constructor(
    private readonly store: ListStore,
    readonly versionIds: number[],
    private readonly targets: Entity[],
    readonly screener: Screener,
    private readonly inbound: InboundRefs,
    private readonly canonical: Map<string, string>,
    readonly buildMs: number,
  ) {}

  /** Read the listed parties of the given versions and index them. Blocking: run it off the HTTP thread. */
  static build(store: ListStore, versionIds: number[]): Snapshot {
    const start = performance.now();
    const targets: Entity[] = [];
    const inbound = new InboundRefs(store, versionIds);
    const canonical = new Map<string, string>();
    for (const versionId of versionIds) {
      for (const e of store.entitiesOf(versionId)) {
        targets.push(e);
        inbound.add(e, versionId);
        for (const r of e.referents ?? []) if (r !== e.id) canonical.set(r, e.id);
      }
    }
    const screener = Screener.fromEntities(targets, { nameCacheFile: nameCachePath(store.db.name) });
    return new Snapshot(store, versionIds, targets, screener, inbound, canonical, performance.now() - start);
  }

  /** Collect one more page of adjacent-record links (call when idle); false once complete. */
  prepareNesting(): boolean {
    return this.inbound.step();
  }

  info(): SnapshotInfo {
    return { entities: this.screener.size, vocabulary: this.screener.vocabulary, buildMs: Math.round(this.buildMs), versionIds: this.versionIds };
  }

  match(queries: ScreenQuery[], o: MatchOptions): MatchOutcome[] {
    const since = o.changedSince;
    const engine: ScreenOptions = {
      threshold: o.threshold,
      cutoff: o.cutoff,
      limit: o.limit,
      candidates: Math.max(DEFAULT_CANDIDATES, o.limit),
      // the request's weights and config cross the thread boundary as data; the algorithm is derived here
      algorithm: withOverrides(getAlgorithm(o.algorithm), o.weights, o.config),
      datasets: o.datasets,
      excludeSchema: o.excludeSchema,
      excludeIds: o.excludeIds,
      topics: o.topics,
      // part of candidate selection: only recently changed parties compete for the limit
      filter: since ? (e) => (e.last_change ?? '') >= since : undefined,
    };
    return queries.map((q) => {
      // as yente: total counts every candidate that matched, not only those on the page, and is exact
      const { results, matches } = this.screener.screenCounted(q, engine);
      return { results: results.map(scoredResponse), total: { value: matches, relation: 'eq' } };
    });
  }

  search(p: SearchParams): SearchOutcome {
    const datasets = new Set(p.datasets);
    const filtered = compileFilters(p.filters, p.filterOp);
    const inScope = (e: Entity) =>
      isA(e.schema, p.schema) &&
      !p.excludeSchema.includes(e.schema) &&
      e.datasets.some((d) => datasets.has(d)) &&
      (!filtered || filtered(e)) &&
      (!p.changedSince || (e.last_change ?? '') >= p.changedSince);
    let hits: Entity[];
    let relation: 'eq' | 'gte' = 'eq';
    if (p.q.trim()) {
      const window = Math.min(MAX_SEARCH_WINDOW, Math.max(100, p.offset + p.limit));
      // every filter (countries and changed_since too) is part of candidate selection, so the window is never short
      const scored = this.screener.screen(
        { schema: p.schema, properties: { name: [p.q] } },
        { algorithm: 'name-based', limit: window, candidates: window, cutoff: SEARCH_CUTOFF, datasets: p.datasets, excludeSchema: p.excludeSchema, filter: inScope },
      );
      if (scored.length >= window) relation = 'gte';
      hits = scored.map((r) => r.entity);
    } else {
      hits = this.targets.filter(inScope);
    }
    // sorted before paging, so pages follow the sort (ties keep relevance, as yente sorts by score last)
    if (p.sort.length) hits = sortEntities(hits, p.sort);
    return {
      results: hits.slice(p.offset, p.offset + p.limit).map((e) => entityResponse(e)),
      total: { value: hits.length, relation },
      facets: facets(hits, p.facets),
    };
  }

  /** One entity by id, listed party or adjacent record; a referent answers with its canonical id. */
  entity(id: string, nested: boolean): { entity?: EntityResponse; redirect?: string } {
    const found = this.lookup(id);
    if (!found) {
      const canonical = this.canonical.get(id);
      return canonical ? { redirect: canonical } : {};
    }
    return { entity: nested ? this.nestedResponse(found) : entityResponse(found) };
  }

  private lookup(id: string, versionId?: number): Entity | undefined {
    const target = this.screener.entity(id);
    if (target) return target;
    if (versionId !== undefined) return this.store.entity(versionId, id);
    for (const v of this.versionIds) {
      const e = this.store.entity(v, id);
      if (e) return e;
    }
    return undefined;
  }

  /**
   * yente's `/entities/{id}/adjacent[/{prop}]`: the party (not nested) and, per property, a page of the records
   * `nested` puts under it. `prop` must be an entity-valued property of the party's schema.
   */
  adjacent(id: string, prop: string | undefined, limit: number, offset: number): AdjacentOutcome {
    const root = this.lookup(id);
    if (!root) {
      const canonical = this.canonical.get(id);
      return canonical ? { redirect: canonical } : {};
    }
    if (prop !== undefined && !entityProps(root.schema).includes(prop)) return { entity: entityResponse(root), noSuchProperty: true };
    const adjacent: AdjacentOutcome['adjacent'] = {};
    for (const [name, values] of Object.entries(this.adjacentValues(root))) {
      if (prop !== undefined && name !== prop) continue;
      adjacent[name] = { results: values.slice(offset, offset + limit), total: { value: values.length, relation: 'eq' }, limit, offset };
    }
    if (prop !== undefined) adjacent[prop] ??= { results: [], total: { value: 0, relation: 'eq' }, limit, offset };
    return { entity: entityResponse(root), adjacent };
  }

  /** As yente: records the party points at and records pointing at it, in full, one level deep. */
  private nestedResponse(root: Entity): EntityResponse {
    return entityResponse(root, { ...root.properties, ...this.adjacentValues(root) });
  }

  /** The records a party points at (ids left as they are when not found) and those pointing at it, by property. */
  private adjacentValues(root: Entity): Record<string, PropertyValue[]> {
    const props: Record<string, PropertyValue[]> = {};
    const placed = new Set<string>([root.id]);
    for (const prop of entityProps(root.schema)) {
      if (!root.properties[prop]) continue;
      props[prop] = root.properties[prop].map((ref) => {
        const adjacent = this.lookup(ref);
        if (!adjacent) return ref;
        placed.add(ref);
        return this.adjacentResponse(adjacent, root.id);
      });
    }
    for (const ref of this.inbound.get(root.id)) {
      if (placed.has(ref.id)) continue;
      const adjacent = this.lookup(ref.id, ref.versionId);
      const reverse = adjacent && reverseName(adjacent.schema, ref.prop);
      if (!adjacent || !reverse) continue;
      placed.add(ref.id);
      (props[reverse] ??= []).push(this.adjacentResponse(adjacent, root.id));
    }
    return props;
  }

  /** An adjacent record: its link back to the party is dropped, its other links resolved (not nested further). */
  private adjacentResponse(e: Entity, rootId: string): EntityResponse {
    const props: Record<string, PropertyValue[]> = { ...e.properties };
    for (const prop of entityProps(e.schema)) {
      const refs = (e.properties[prop] ?? []).filter((r) => r !== rootId);
      if (refs.length === 0) {
        delete props[prop];
        continue;
      }
      props[prop] = refs.map((r) => {
        const other = this.lookup(r);
        return other ? entityResponse(other) : r;
      });
    }
    return entityResponse(e, props);
  }
}

const FACET_LABELS: Record<string, string> = { countries: 'Countries', topics: 'Topics', datasets: 'Data sources', schema: 'Entity types', identifiers: 'Identifiers', genders: 'Genders' };

function facets(hits: Entity[], wanted: string[]): SearchOutcome['facets'] {
  const out: SearchOutcome['facets'] = {};
  for (const facet of wanted) {
    const counts = new Map<string, number>();
    // a facet counts a field's values as a filter on it reads them (every facet name is a filter field)
    const read = fieldReader(facet)!;
    for (const e of hits) for (const v of read(e)) counts.set(v, (counts.get(v) ?? 0) + 1);
    const values: FacetValue[] = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_FACET_VALUES)
      .map(([name, count]) => ({ name, label: facetLabel(facet, name), count }));
    out[facet] = { label: FACET_LABELS[facet] ?? facet, values };
  }
  return out;
}

function facetLabel(facet: string, name: string): string {
  if (facet === 'countries') return countryName(name);
  if (facet === 'datasets') return DATASETS[name]?.title ?? name;
  if (facet === 'schema') return getSchema(name)?.label ?? name;
  return name;
}
