// Import one list into the store as a new version, all or nothing: every row is written inside one
// SQLite transaction that commits only once the whole file has been read, so a truncated, malformed or
// wrongly encoded file (or a kill -9) leaves the active version untouched. The file is parsed on this
// thread, or by a ReadPool's worker threads (read-pool.ts) while this thread writes the list before it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DetectedList } from '../sources/detect.js';
import { SourceError, type ListMeta } from '../sources/types.js';
import type { ListStore, ListVersion } from './lists.js';
import type { ReadPool } from './read-pool.js';
import { batchRows, readInThread, rowJson, type RowBatch } from './rows.js';

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
  /** Read the list through these worker threads (parsing overlaps the writes); else on this thread. */
  pool?: ReadPool;
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

/** A detected list's fingerprint, computed once (`needsImport` then `importList` hash the files once). */
const fingerprints = new WeakMap<DetectedList, ReturnType<typeof fingerprint>>();
function listFingerprint(list: DetectedList): ReturnType<typeof fingerprint> {
  let fp = fingerprints.get(list);
  if (!fp) {
    fp = fingerprint(list.input.files);
    fingerprints.set(list, fp);
    fp.catch(() => fingerprints.delete(list));
  }
  return fp;
}

/** False when these very files are already a version in the store (importing them would be a no-op). */
export async function needsImport(store: ListStore, list: DetectedList): Promise<boolean> {
  return !store.findAnyBySha((await listFingerprint(list)).sha256);
}

/** Read ahead, in `pool`'s threads, the lists that are not in the store yet; `importList` them in this order. */
export async function prefetchLists(store: ListStore, pool: ReadPool, lists: DetectedList[]): Promise<void> {
  const fresh: DetectedList[] = [];
  for (const list of lists) if (await needsImport(store, list).catch(() => true)) fresh.push(list);
  pool.prefetch(fresh);
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
  target: number;
  first_seen: string | null;
  last_change: string | null;
}

function previousOf(store: ListStore, versionId: number | undefined): Map<string, Previous> {
  if (versionId === undefined) return new Map();
  const rows = store.db
    .prepare(`SELECT id, hash, target, json_extract(data, '$.first_seen') AS first_seen, json_extract(data, '$.last_change') AS last_change FROM entities WHERE version_id = ?`)
    .all(versionId) as Array<Previous & { id: string }>;
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Listed parties added, removed and changed against the previous version, as `diffVersions` counts them
 * (targets only), tallied while writing instead of reading both versions back.
 */
class ChangeCount {
  added = 0;
  changed = 0;
  private kept = 0;
  constructor(private readonly previous: Map<string, Previous>) {}

  target(id: string, hash: string): void {
    const prev = this.previous.get(id);
    if (!prev?.target) this.added++;
    else {
      this.kept++;
      if (prev.hash !== hash) this.changed++;
    }
  }

  result(): { added: number; removed: number; changed: number } {
    let before = 0;
    for (const p of this.previous.values()) if (p.target) before++;
    return { added: this.added, removed: before - this.kept, changed: this.changed };
  }
}

export async function importList(store: ListStore, list: DetectedList, opts: ImportOptions = {}): Promise<ImportResult> {
  let fp: Awaited<ReturnType<typeof fingerprint>>;
  try {
    fp = await listFingerprint(list);
  } catch (err) {
    opts.pool?.discard(list);
    throw err;
  }
  const existing = store.findAnyBySha(fp.sha256);
  if (existing) {
    opts.pool?.discard(list);
    return { status: 'unchanged', version: existing };
  }
  const reading = opts.pool ? opts.pool.read(list) : readInThread(list);
  try {
    return await write(store, list, reading.meta, reading.batches, fp.sha256, fp.files, opts);
  } finally {
    reading.close();
  }
}

async function write(
  store: ListStore,
  { format, input }: DetectedList,
  meta: ListMeta,
  batches: AsyncIterable<RowBatch>,
  sha256: string,
  files: ListVersion['files'],
  opts: ImportOptions,
): Promise<ImportResult> {
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
    let changes: ChangeCount | undefined;
    let prevActiveId: number | undefined;
    let entities = 0;
    let targets = 0;
    for await (const batch of batches) {
      for (const { id, schema, caption, target, hash, json, firstSeen: fileFirstSeen, lastChange: fileLastChange } of batchRows(batch)) {
        if (!previous) {
          // the dataset is known once reading starts (FtM files name theirs in the first entity)
          prevActiveId = store.activeVersionIds(versionId).get(meta.dataset);
          previous = previousOf(store, prevActiveId);
          changes = new ChangeCount(previous);
        }
        if (seen.has(id)) throw new SourceError(input.files[0], `duplicate entity id ${id}`);
        seen.add(id);
        const prev = previous.get(id);
        const firstSeen = prev?.first_seen ?? fileFirstSeen ?? importedAt;
        const lastChange = prev && prev.hash === hash ? (prev.last_change ?? importedAt) : (fileLastChange ?? importedAt);
        insert.run(versionId, id, schema, caption, target ? 1 : 0, hash, rowJson(json, firstSeen, lastChange, importedAt));
        entities++;
        if (target) {
          targets++;
          changes!.target(id, hash);
        }
        if (entities % 2000 === 0) opts.onProgress?.(entities);
      }
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
    if (prevActiveId === undefined || !changes) return { status: 'imported', version };
    return { status: 'imported', version, changes: changes.result() };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
