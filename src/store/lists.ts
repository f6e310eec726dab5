// List versions: every import is one version (dataset, publication date, sha256, counts). The newest
// publication of a dataset is active; older versions stay for "as of" screening and diffs.
import type { Entity } from '../model/entity.js';
import type { Db } from './db.js';

export interface ListVersion {
  id: number;
  dataset: string;
  /** Human-readable version label: `<published>-<sha8>` (e.g. `2026-02-27-66b392a4`). */
  version: string;
  format: string;
  published: string | null;
  /** Where the publication date came from: the file itself, the file's path name, its mtime, or the user. */
  published_source: 'file' | 'path' | 'mtime' | 'user';
  sha256: string;
  files: Array<{ name: string; sha256: string; bytes: number }>;
  entities: number;
  targets: number;
  counts: Record<string, number>;
  imported_at: string;
  active: boolean;
}

interface VersionRow {
  id: number;
  dataset: string;
  format: string;
  published: string | null;
  published_source: ListVersion['published_source'];
  sha256: string;
  files: string;
  entities: number;
  targets: number;
  counts: string;
  imported_at: string;
}

export function versionLabel(r: { published: string | null; sha256: string }): string {
  return `${r.published ? r.published.slice(0, 10) : 'undated'}-${r.sha256.slice(0, 8)}`;
}

// Newest publication wins; among equal dates, the later import.
const ORDER = `ORDER BY COALESCE(published, '') DESC, imported_at DESC, id DESC`;

export class ListStore {
  constructor(readonly db: Db) {}

  private toVersion(r: VersionRow, activeIds: Set<number>): ListVersion {
    return {
      ...r,
      version: versionLabel(r),
      files: JSON.parse(r.files),
      counts: JSON.parse(r.counts),
      active: activeIds.has(r.id),
    };
  }

  /** Id of the active version of every dataset (`except`: ignore a version still being imported). */
  activeVersionIds(except = -1): Map<string, number> {
    const rows = this.db
      .prepare(`SELECT dataset, id FROM (SELECT dataset, id, ROW_NUMBER() OVER (PARTITION BY dataset ${ORDER}) AS rn FROM list_versions WHERE id <> ?) WHERE rn = 1`)
      .all(except) as Array<{ dataset: string; id: number }>;
    return new Map(rows.map((r) => [r.dataset, r.id]));
  }

  /** All versions, newest first per dataset. */
  versions(dataset?: string): ListVersion[] {
    const active = new Set(this.activeVersionIds().values());
    const rows = (
      dataset
        ? this.db.prepare(`SELECT * FROM list_versions WHERE dataset = ? ${ORDER}`).all(dataset)
        : this.db.prepare(`SELECT * FROM list_versions ORDER BY dataset, ${ORDER.slice(9)}`).all()
    ) as VersionRow[];
    return rows.map((r) => this.toVersion(r, active));
  }

  activeVersions(): ListVersion[] {
    return this.versions().filter((v) => v.active);
  }

  /** Find a version of a dataset by label (`2023-12-28-d768d28e`), sha256 prefix or numeric id. */
  findVersion(dataset: string, ref: string): ListVersion | undefined {
    return this.versions(dataset).find(
      (v) => v.version === ref || String(v.id) === ref || (ref.length >= 6 && v.sha256.startsWith(ref)) || v.published?.slice(0, 10) === ref,
    );
  }

  findBySha(dataset: string, sha256: string): ListVersion | undefined {
    return this.versions(dataset).find((v) => v.sha256 === sha256);
  }

  /** Any dataset's version with this content hash (re-importing the same file is a no-op). */
  findAnyBySha(sha256: string): ListVersion | undefined {
    const r = this.db.prepare('SELECT dataset FROM list_versions WHERE sha256 = ?').get(sha256) as { dataset: string } | undefined;
    return r ? this.findBySha(r.dataset, sha256) : undefined;
  }

  /** Entities of one version (targets only unless `all`). */
  *entitiesOf(versionId: number, all = false): Generator<Entity> {
    const stmt = this.db.prepare(`SELECT data FROM entities WHERE version_id = ? ${all ? '' : 'AND target = 1'}`);
    for (const r of stmt.iterate(versionId) as Iterable<{ data: string }>) yield JSON.parse(r.data) as Entity;
  }

  /** Entities of the active versions of the given datasets (default: all). */
  *activeEntities(datasets?: string[], all = false): Generator<Entity> {
    for (const [dataset, id] of this.activeVersionIds()) {
      if (datasets && !datasets.includes(dataset)) continue;
      yield* this.entitiesOf(id, all);
    }
  }

  /** One entity by id from the active versions (any dataset). */
  activeEntity(id: string): Entity | undefined {
    for (const versionId of this.activeVersionIds().values()) {
      const r = this.db.prepare('SELECT data FROM entities WHERE version_id = ? AND id = ?').get(versionId, id) as { data: string } | undefined;
      if (r) return JSON.parse(r.data) as Entity;
    }
    return undefined;
  }

  /** Map of entity id → content hash for a version (for diffs and change detection). */
  hashes(versionId: number, targetsOnly = true): Map<string, string> {
    const rows = this.db
      .prepare(`SELECT id, hash FROM entities WHERE version_id = ? ${targetsOnly ? 'AND target = 1' : ''}`)
      .all(versionId) as Array<{ id: string; hash: string }>;
    return new Map(rows.map((r) => [r.id, r.hash]));
  }

  entity(versionId: number, id: string): Entity | undefined {
    const r = this.db.prepare('SELECT data FROM entities WHERE version_id = ? AND id = ?').get(versionId, id) as { data: string } | undefined;
    return r ? (JSON.parse(r.data) as Entity) : undefined;
  }
}
