// Import one list into the store as a new version, all or nothing: the whole read runs inside one
// SQLite transaction, so a truncated, malformed or wrongly encoded file (or a kill -9) leaves the active
// version untouched.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DetectedList } from '../sources/detect.js';
import { SourceError, type ListMeta } from '../sources/types.js';
import type { ListStore, ListVersion } from './lists.js';
import { caption, contentHash } from '../model/entity.js';
import { diffVersions } from './diff.js';

export interface ImportOptions {
  /** Publication date given by the user; wins over what the file says. */
  published?: string;
  /**
   * A new version with far fewer listed parties than the active one is more likely a cut file than a
   * real publication; refuse it unless allowed.
   */
  allowShrink?: boolean;
  /** Fraction of the active version's parties below which a new version counts as shrunk. */
  shrinkLimit?: number;
  onProgress?: (entities: number) => void;
}

export interface ImportResult {
  status: 'imported' | 'unchanged';
  version: ListVersion;
  /** Ids added/removed/changed against the version that was active before (imported only). */
  changes?: { added: number; removed: number; changed: number };
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** One file's sha256 for a single-file list (matches what publishers and SOURCES.md print); else a hash of hashes. */
async function fingerprint(files: string[]): Promise<{ sha256: string; files: ListVersion['files'] }> {
  const parts = await Promise.all(files.map(async (f) => ({ name: basename(f), sha256: await sha256File(f), bytes: (await stat(f)).size })));
  const sha256 = parts.length === 1 ? parts[0].sha256 : createHash('sha256').update(parts.map((p) => `${p.name}:${p.sha256}\n`).join('')).digest('hex');
  return { sha256, files: parts };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** A date written in the file's folder or name (e.g. `sdn-csv-2023-12-28/`), used when the file has none. */
function dateFromPath(file: string): string | undefined {
  const all = [...file.matchAll(/(?<!\d)((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)/g)];
  const m = all[all.length - 1];
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

async function publication(meta: ListMeta, files: string[], opts: ImportOptions): Promise<Pick<ListVersion, 'published' | 'published_source'>> {
  if (opts.published) {
    if (!ISO_DATE.test(opts.published)) throw new SourceError(files[0], `--published must be an ISO date (YYYY-MM-DD), got ${opts.published}`);
    return { published: opts.published, published_source: 'user' };
  }
  if (meta.published) return { published: meta.published, published_source: 'file' };
  const fromPath = dateFromPath(files[0]);
  if (fromPath) return { published: fromPath, published_source: 'path' };
  return { published: (await stat(files[0])).mtime.toISOString().slice(0, 10), published_source: 'mtime' };
}

interface Previous {
  hash: string;
  first_seen: string | null;
  last_change: string | null;
}

function previousOf(store: ListStore, versionId: number | undefined): Map<string, Previous> {
  if (versionId === undefined) return new Map();
  const rows = store.db
    .prepare(`SELECT id, hash, json_extract(data, '$.first_seen') AS first_seen, json_extract(data, '$.last_change') AS last_change FROM entities WHERE version_id = ?`)
    .all(versionId) as Array<Previous & { id: string }>;
  return new Map(rows.map((r) => [r.id, r]));
}

export async function importList(store: ListStore, list: DetectedList, opts: ImportOptions = {}): Promise<ImportResult> {
  const { format, input } = list;
  const { sha256, files } = await fingerprint(input.files);
  const existing = store.findAnyBySha(sha256);
  if (existing) return { status: 'unchanged', version: existing };

  const meta: ListMeta = { dataset: format.dataset, format: format.format, published: null, counts: {} };
  const db = store.db;
  const importedAt = new Date().toISOString();
  db.exec('BEGIN IMMEDIATE');
  try {
    const versionId = Number(
      db
        .prepare(`INSERT INTO list_versions (dataset, format, published, published_source, sha256, files, entities, targets, counts, imported_at) VALUES (?, ?, NULL, 'file', ?, ?, 0, 0, '{}', ?)`)
        .run(format.dataset, format.format, sha256, JSON.stringify(files), importedAt).lastInsertRowid,
    );
    const insert = db.prepare('INSERT INTO entities (version_id, id, schema, caption, target, hash, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const seen = new Set<string>();
    let previous: Map<string, Previous> | undefined;
    let prevActiveId: number | undefined;
    let entities = 0;
    let targets = 0;
    for await (const entity of format.read(input, meta)) {
      if (!previous) {
        // the dataset is known once reading starts (FtM files name theirs in the first entity)
        prevActiveId = store.activeVersionIds(versionId).get(meta.dataset);
        previous = previousOf(store, prevActiveId);
      }
      if (seen.has(entity.id)) throw new SourceError(input.files[0], `duplicate entity id ${entity.id}`);
      seen.add(entity.id);
      const hash = contentHash(entity);
      const prev = previous.get(entity.id);
      entity.first_seen = prev?.first_seen ?? entity.first_seen ?? importedAt;
      entity.last_change = prev && prev.hash === hash ? (prev.last_change ?? importedAt) : (entity.last_change ?? importedAt);
      entity.last_seen = importedAt;
      insert.run(versionId, entity.id, entity.schema, caption(entity), entity.target ? 1 : 0, hash, JSON.stringify(entity));
      entities++;
      if (entity.target) targets++;
      if (entities % 2000 === 0) opts.onProgress?.(entities);
    }
    opts.onProgress?.(entities);
    if (targets === 0) throw new SourceError(input.files[0], `no listed party found: the file is empty or not a complete ${format.format} list`);
    const prevTargets = prevActiveId === undefined ? 0 : (db.prepare('SELECT targets FROM list_versions WHERE id = ?').get(prevActiveId) as { targets: number }).targets;
    const limit = opts.shrinkLimit ?? 0.5;
    const pub = await publication(meta, input.files, opts);
    const prevPub = prevActiveId === undefined ? null : (db.prepare('SELECT published FROM list_versions WHERE id = ?').get(prevActiveId) as { published: string | null }).published;
    const becomesActive = !prevPub || (pub.published ?? '') >= prevPub;
    if (becomesActive && !opts.allowShrink && prevTargets > 0 && targets < prevTargets * limit) {
      throw new SourceError(
        input.files[0],
        `only ${targets} listed parties against ${prevTargets} in the active version: the file looks truncated (use --allow-shrink if this publication really is that small)`,
      );
    }
    db.prepare(`UPDATE list_versions SET dataset = ?, published = ?, published_source = ?, entities = ?, targets = ?, counts = ? WHERE id = ?`).run(
      meta.dataset,
      pub.published,
      pub.published_source,
      entities,
      targets,
      JSON.stringify(meta.counts),
      versionId,
    );
    db.exec('COMMIT');
    const version = store.versions(meta.dataset).find((v) => v.id === versionId)!;
    const before = prevActiveId === undefined ? undefined : store.versions(meta.dataset).find((v) => v.id === prevActiveId);
    if (!before) return { status: 'imported', version };
    const d = diffVersions(store, before, version);
    return { status: 'imported', version, changes: { added: d.added.length, removed: d.removed.length, changed: d.changed.length } };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
