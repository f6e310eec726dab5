// What the lists look like to API clients: yente's `/catalog` (datasets, versions, whether the index is
// current) and our `/v1/lists` and `/v1/lists/{dataset}/diff`.
import { createHash } from 'node:crypto';
import { countryName } from '../model/countries.js';
import { COLLECTIONS, DATASETS } from '../model/datasets.js';
import { diffVersions, type ListDiff } from '../store/diff.js';
import type { ListStore, ListVersion } from '../store/lists.js';
import { ApiError } from './errors.js';

export interface VersionSummary {
  id: number;
  version: string;
  published: string | null;
  published_source: ListVersion['published_source'];
  imported_at: string;
  sha256: string;
  format: string;
  entities: number;
  targets: number;
  counts: Record<string, number>;
  active: boolean;
}

export function versionSummary(v: ListVersion): VersionSummary {
  const { id, version, published, published_source, imported_at, sha256, format, entities, targets, counts, active } = v;
  return { id, version, published, published_source, imported_at, sha256, format, entities, targets, counts, active };
}

/** yente's catalog entry, plus every stored version of the dataset. */
export interface CatalogDataset {
  name: string;
  title: string;
  summary: string | null;
  /** yente's DataPublisher: `country_label` is the country's English name. */
  publisher: { name: string; url: string | null; country: string | null; country_label: string | null } | null;
  url: string | null;
  load: boolean;
  entities_url: string | null;
  version: string | null;
  index_version: string | null;
  index_current: boolean;
  children: string[];
  updated_at: string | null;
  last_export: string | null;
  entity_count: number;
  /** yente's count of Things (people, organisations, vessels...): the listed parties. */
  thing_count: number;
  target_count: number;
  versions: VersionSummary[];
}

export interface Catalog {
  datasets: CatalogDataset[];
  current: string[];
  outdated: string[];
  index_stale: boolean;
}

/** A collection's version: its newest member's date and a hash of every member's version. */
function compositeVersion(labels: string[]): string | null {
  if (labels.length === 0) return null;
  const sorted = [...labels].sort();
  const newest = sorted.map((l) => l.slice(0, 10)).sort().at(-1)!;
  return `${newest}-${createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 8)}`;
}

/**
 * The catalog: every dataset and collection Interdict knows, with the version active in the store and
 * the version the serving index was built from (they differ for a few seconds after an import).
 */
export function buildCatalog(store: ListStore, indexVersionIds: Map<string, number>): Catalog {
  const all = store.versions();
  const byDataset = new Map<string, ListVersion[]>();
  for (const v of all) byDataset.set(v.dataset, [...(byDataset.get(v.dataset) ?? []), v]);
  const label = new Map(all.map((v) => [v.id, v.version]));
  const datasets: CatalogDataset[] = [];
  // the official lists Interdict knows, then anything else imported (FtM files)
  const infos = [
    ...Object.values(DATASETS).map((d) => ({
      name: d.name,
      title: d.title,
      publisher: { name: d.publisher, url: null, country: d.publisherCountry, country_label: d.publisherCountry ? countryName(d.publisherCountry) : null },
      url: d.urls[0] ?? null,
    })),
    ...[...byDataset.keys()].filter((name) => !DATASETS[name]).map((name) => ({ name, title: name, publisher: null, url: null })),
  ];
  for (const info of infos) {
    const versions = byDataset.get(info.name) ?? [];
    const active = versions.find((v) => v.active);
    const indexed = indexVersionIds.get(info.name);
    const indexVersion = indexed !== undefined ? (label.get(indexed) ?? null) : null;
    datasets.push({
      name: info.name,
      title: info.title,
      summary: null,
      publisher: info.publisher,
      url: info.url,
      load: !!active,
      entities_url: null,
      version: active?.version ?? null,
      index_version: indexVersion,
      index_current: !!active && indexVersion === active.version,
      children: [],
      updated_at: active?.published ?? null,
      last_export: active?.imported_at ?? null,
      entity_count: active?.entities ?? 0,
      thing_count: active?.targets ?? 0,
      target_count: active?.targets ?? 0,
      versions: versions.map(versionSummary),
    });
  }
  const extra = infos.filter((d) => !DATASETS[d.name]).map((d) => d.name);
  for (const [name, listed] of Object.entries(COLLECTIONS)) {
    const children = name === 'default' ? [...listed, ...extra] : listed;
    const members = datasets.filter((d) => children.includes(d.name) && d.load);
    const version = compositeVersion(members.map((d) => d.version!));
    const indexVersion = compositeVersion(members.flatMap((d) => (d.index_version ? [d.index_version] : [])));
    datasets.push({
      name,
      title: name === 'default' ? 'Default collection' : 'Sanctions lists',
      summary: name === 'default' ? 'Every list loaded' : 'The official sanctions lists Interdict loads',
      publisher: null,
      url: null,
      load: members.length > 0,
      entities_url: null,
      version,
      index_version: indexVersion,
      index_current: members.length > 0 && version === indexVersion,
      children,
      updated_at: members.map((d) => d.updated_at ?? '').sort().at(-1) || null,
      last_export: members.map((d) => d.last_export ?? '').sort().at(-1) || null,
      entity_count: members.reduce((n, d) => n + d.entity_count, 0),
      thing_count: members.reduce((n, d) => n + d.thing_count, 0),
      target_count: members.reduce((n, d) => n + d.target_count, 0),
      versions: [],
    });
  }
  const current = datasets.filter((d) => d.load && d.index_current).map((d) => d.name);
  const outdated = datasets.filter((d) => d.load && !d.index_current).map((d) => d.name);
  return { datasets, current, outdated, index_stale: outdated.length > 0 };
}

/** Differences between two versions of a list (default: the two newest). */
export function listDiff(store: ListStore, dataset: string, oldRef?: string, newRef?: string): ListDiff {
  const versions = store.versions(dataset);
  if (versions.length === 0) throw new ApiError(404, DATASETS[dataset] ? `No versions of ${dataset} in the store` : 'No such dataset.');
  const pick = (ref: string, which: string) => store.findVersion(dataset, ref) ?? fail(404, `No version '${ref}' of ${dataset} (${which}); see GET /v1/lists`);
  const newer = newRef ? pick(newRef, 'new') : versions[0];
  const older = oldRef ? pick(oldRef, 'old') : (versions.find((v) => v.id !== newer.id) ?? fail(400, `${dataset} has only one version: nothing to compare`));
  return diffVersions(store, older, newer);
}

function fail(status: number, detail: string): never {
  throw new ApiError(status, detail);
}
