// The Screener: every listed party of the active list versions, prepared and indexed in memory, and
// `screen(query)` = candidate generation (index) + scoring (algorithm) + ranking.
import type { Entity } from '../model/entity.js';
import { schemataCanMatch } from '../model/schema.js';
import type { ListStore } from '../store/lists.js';
import { CandidateIndex, type CandidateQuery, type IndexDocument } from '../index/candidates.js';
import { resolveAlgorithm, type Algorithm } from './algorithms.js';
import { markComparable, prepareEntity, type PreparedEntity } from './prepare.js';
import { nameCachePath, readNameCache, writeNameCache } from './name-cache-file.js';
import { featureInput, type FeatureInput } from './features.js';
import { rememberPairs } from './names.js';
import { quietScore, scoreInput, type Explanation } from './score.js';
import { checkQueryNames } from './query.js';

/** What is screened: the yente query shape (an FtM schema and properties). */
export interface ScreenQuery {
  schema: string;
  properties: Record<string, string[]>;
}

export interface ScreenOptions {
  /** Score at or above which a result is a match (default 0.7). */
  threshold?: number;
  /** Most results returned (default 10). */
  limit?: number;
  /** Lowest score returned (default 0.5; 0 returns every scored candidate). */
  cutoff?: number;
  /**
   * Scoring algorithm: interdict-v1 (alias logic-v2, default) or name-based, by name; or an Algorithm object,
   * e.g. one with request overrides (`withOverrides`).
   */
  algorithm?: string | Algorithm;
  /** Only parties from these datasets. */
  datasets?: string[];
  /** Never return parties of these schemata. */
  excludeSchema?: string[];
  /** Never return these entity ids (already cleared parties). */
  excludeIds?: string[];
  /** Only parties carrying one of these topics (e.g. sanction, role.pep). */
  topics?: string[];
  /**
   * Only parties this accepts (e.g. changed since a date). Applied while candidates are selected, before the
   * `candidates` and `limit` cuts, so the filter never leaves a result list short.
   */
  filter?: (entity: Entity) => boolean;
  /** How many index candidates are scored (default 50). */
  candidates?: number;
  /** Index candidates sharing less than this share of the query's name information are not scored. */
  minCoverage?: number;
}

export interface ScreenResult {
  entity: Entity;
  score: number;
  match: boolean;
  explanations: Explanation[];
  features: Record<string, number>;
}

export const DEFAULT_THRESHOLD = 0.7;
export const DEFAULT_LIMIT = 10;
export const DEFAULT_CUTOFF = 0.5;
export const DEFAULT_CANDIDATES = 50;
export const DEFAULT_MIN_COVERAGE = 0.45;

export class Screener {
  private readonly entities: Entity[];
  private readonly prepared: PreparedEntity[];
  private readonly index: CandidateIndex;
  private readonly byId = new Map<string, number>();
  /**
   * Each party's schema (an index into `schemata`) and datasets (one bit each, while there are at most 32), read by
   * the candidate filter: typed arrays instead of the entity objects, which the filter would otherwise fetch from
   * memory for every candidate it looks at (about 19 per query; with a dataset scope, a quarter of candidate search).
   */
  private readonly schemata: string[] = [];
  private readonly schemaOf: Uint16Array;
  private readonly datasetBit = new Map<string, number>();
  private readonly datasetMask: Uint32Array;
  /** Per query schema, per index of `schemata`: 1 when parties of that schema may match it. */
  private readonly schemaAccept = new Map<string, Uint8Array>();
  /** Milliseconds spent preparing and indexing (reading and writing the prepared-name file included). */
  readonly buildMs: number;
  /** Written names prepared afresh; the others were read from the prepared-name file. */
  readonly namesPrepared: number;

  private constructor(entities: Entity[], nameCacheFile: string | undefined) {
    const start = performance.now();
    this.entities = entities;
    const schemaIndex = new Map<string, number>();
    this.schemaOf = new Uint16Array(entities.length);
    this.datasetMask = new Uint32Array(entities.length);
    entities.forEach((e, i) => {
      let k = schemaIndex.get(e.schema);
      if (k === undefined) schemaIndex.set(e.schema, (k = this.schemata.push(e.schema) - 1));
      this.schemaOf[i] = k;
      for (const d of e.datasets) {
        let bit = this.datasetBit.get(d);
        if (bit === undefined) this.datasetBit.set(d, (bit = this.datasetBit.size));
        if (bit < 32) this.datasetMask[i] |= 1 << bit;
      }
    });
    // one cache for the build: the same names recur across lists; dropped afterwards
    const names = readNameCache(nameCacheFile);
    this.prepared = entities.map((e) => prepareEntity(e, names));
    for (const p of this.prepared) for (const n of p.names) markComparable(n);
    entities.forEach((e, i) => this.byId.set(e.id, i));
    // one document at a time: each dies young, instead of all 40,000 being promoted to the old generation together
    this.index = CandidateIndex.build(indexDocuments(this.prepared));
    this.namesPrepared = names.misses;
    writeNameCache(nameCacheFile, names);
    this.buildMs = performance.now() - start;
  }

  /**
   * Every listed party (target entity) of the active versions, optionally of some datasets only. Names
   * prepared by an earlier build are read from the file beside the store.
   */
  static fromStore(store: ListStore, opts: { datasets?: string[] } = {}): Screener {
    return new Screener([...store.activeEntities(opts.datasets)], nameCachePath(store.db.name));
  }

  /**
   * From entities in memory (targets only are screened against); with `nameCacheFile`, names prepared by an
   * earlier build are read from that file and new ones added to it.
   */
  static fromEntities(entities: Iterable<Entity>, opts: { nameCacheFile?: string } = {}): Screener {
    return new Screener([...entities].filter((e) => e.target !== false), opts.nameCacheFile);
  }

  get size(): number {
    return this.entities.length;
  }

  /** Distinct indexed name tokens. */
  get vocabulary(): number {
    return this.index.vocabulary;
  }

  entity(id: string): Entity | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entities[i];
  }

  /** Prepared names of every listed party (for baselines and diagnostics). */
  *preparedNames(): Generator<{ entity: number; latin: string }> {
    for (let i = 0; i < this.prepared.length; i++) for (const n of this.prepared[i].names) yield { entity: i, latin: n.latin };
  }

  /** Screen one query: results by descending score. Throws QueryError for a query of more than MAX_QUERY_NAMES names. */
  screen(query: ScreenQuery, opts: ScreenOptions = {}): ScreenResult[] {
    return this.screenCounted(query, opts).results;
  }

  /**
   * `screen`, with how many candidates matched (scored at or above the threshold) in all, beyond `limit` too:
   * yente's `total`.
   */
  screenCounted(query: ScreenQuery, opts: ScreenOptions = {}): { results: ScreenResult[]; matches: number } {
    checkQueryNames(query.properties);
    return this.screenPreparedCounted(prepareEntity(query), opts);
  }

  /** Screen an already prepared query (batch callers that prepare once and screen several ways). */
  screenPrepared(q: PreparedEntity, opts: ScreenOptions = {}): ScreenResult[] {
    return this.screenPreparedCounted(q, opts).results;
  }

  private screenPreparedCounted(q: PreparedEntity, opts: ScreenOptions): { results: ScreenResult[]; matches: number } {
    const algorithm = resolveAlgorithm(opts.algorithm);
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    const cutoff = opts.cutoff ?? DEFAULT_CUTOFF;
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const accept = this.acceptor(q.schema, opts);
    const candidates = this.index.search(candidateQuery(q), { k: opts.candidates ?? DEFAULT_CANDIDATES, accept, minCoverage: opts.minCoverage ?? DEFAULT_MIN_COVERAGE });
    // score everything quietly, then explain only what is returned (from the same name comparisons)
    const scored: Array<{ doc: number; score: number; input: FeatureInput }> = [];
    rememberPairs(q, () => {
      for (const { doc } of candidates) {
        const input = featureInput(q, this.prepared[doc], algorithm.names, false);
        const score = quietScore(input, algorithm);
        if (score >= cutoff && score > 0) scored.push({ doc, score, input });
      }
    });
    scored.sort((a, b) => b.score - a.score || this.entities[a.doc].id.localeCompare(this.entities[b.doc].id));
    // the quiet score is the explained score (test/match-score), so matches are counted without explaining them
    let matches = 0;
    for (const s of scored) if (s.score >= threshold) matches++;
    const results = scored.slice(0, limit).map(({ doc, input }) => {
      const r = scoreInput({ ...input, explain: true }, algorithm);
      return { entity: this.entities[doc], score: r.score, match: r.score >= threshold, explanations: r.explanations, features: r.features };
    });
    return { results, matches };
  }

  /** Filter for index candidates: schema compatibility plus the caller's dataset/schema/id/topic/entity filters. */
  private acceptor(querySchema: string, opts: ScreenOptions): (doc: number) => boolean {
    let mayMatch = this.schemaAccept.get(querySchema);
    if (!mayMatch) this.schemaAccept.set(querySchema, (mayMatch = Uint8Array.from(this.schemata, (s) => (schemataCanMatch(querySchema, s) ? 1 : 0))));
    // the cache holds schema compatibility only: the caller's exclusions differ from call to call
    let schemaOk = mayMatch;
    if (opts.excludeSchema?.length) {
      const excluded = new Set(opts.excludeSchema);
      schemaOk = mayMatch.map((ok, k) => (excluded.has(this.schemata[k]) ? 0 : ok));
    }
    const schemaOf = this.schemaOf;
    // datasets by bit while every one has a bit (up to 32); beyond that, by name
    let byBits = false;
    let datasetBits = 0;
    let datasetNames: Set<string> | undefined;
    if (opts.datasets?.length) {
      if (this.datasetBit.size <= 32) {
        byBits = true;
        for (const d of opts.datasets) {
          const bit = this.datasetBit.get(d);
          if (bit !== undefined) datasetBits |= 1 << bit;
        }
      } else datasetNames = new Set(opts.datasets);
    }
    const datasetMask = this.datasetMask;
    const excluded = opts.excludeIds?.length ? new Set(opts.excludeIds) : undefined;
    const topics = opts.topics?.length ? new Set(opts.topics) : undefined;
    const filter = opts.filter;
    const byEntity = datasetNames || excluded || topics || filter;
    return (doc) => {
      if (schemaOk[schemaOf[doc]] === 0) return false;
      if (byBits && (datasetMask[doc] & datasetBits) === 0) return false;
      if (!byEntity) return true;
      const e = this.entities[doc];
      if (datasetNames && !e.datasets.some((d) => datasetNames.has(d))) return false;
      if (excluded && excluded.has(e.id)) return false;
      if (topics && !(e.properties.topics ?? []).some((t) => topics.has(t))) return false;
      if (filter && !filter(e)) return false;
      return true;
    };
  }
}

function* indexDocuments(prepared: readonly PreparedEntity[]): Generator<IndexDocument> {
  for (const p of prepared) yield indexDocument(p);
}

function indexDocument(p: PreparedEntity): IndexDocument {
  const tokens: IndexDocument['tokens'] = [];
  for (const n of p.names) {
    n.tokens.forEach((token, i) => tokens.push({ token, phonetic: n.phonetic[i] }));
    if (n.tokens.length > 1) tokens.push({ token: n.joined, phonetic: '', joined: true });
  }
  return { tokens, identifiers: [...p.identifiers.values()].flat() };
}

function candidateQuery(q: PreparedEntity): CandidateQuery {
  return {
    names: q.names.map((n) => ({ tokens: n.tokens, phonetic: n.phonetic, guessedVowels: n.abjad })),
    identifiers: [...q.identifiers.values()].flat(),
  };
}
