// What the store writes for each entity, computed where the list is read: in a worker thread when the
// import reads through a ReadPool (read-pool.ts), else on the importing thread. Both paths share this code,
// so a list imports to the same rows either way.
import { caption, contentHash, ModelError, type Entity } from '../model/entity.js';
import type { DetectedList } from '../sources/detect.js';
import { SourceError, type ListMeta } from '../sources/types.js';

/**
 * Rows of entities as the store writes them, in columns. Why columns and one JSON string per batch: rows
 * from worker threads wait in the importing thread's heap until their list's turn; one large string per
 * batch is allocated outside the young generation and never copied by a scavenge, where a string per
 * entity would be copied twice on its way to the old generation (seconds of GC over all lists).
 */
export interface RowBatch {
  ids: string[];
  schemas: string[];
  captions: string[];
  /** 1 for a listed party. */
  targets: Uint8Array;
  /** Content hashes, HASH_CHARS characters each, in row order (joined when the batch crosses threads). */
  hashes: string | string[];
  /** Each entity as JSON without first_seen/last_change/last_seen (the import fills those in); joined by
   * '\n' when the batch crosses threads (JSON text never holds a raw newline). */
  json: string | string[];
  /** first_seen / last_change given by the file itself (FtM JSON lines), by row index. */
  dates?: Record<number, [firstSeen: string | undefined, lastChange: string | undefined]>;
}

const HASH_CHARS = 32;
/** JSON characters per batch: above V8's large-object size, small enough to stream. */
const BATCH_JSON_CHARS = 256 * 1024;
const BATCH_MAX_ROWS = 2048;

export class BatchBuilder {
  private ids: string[] = [];
  private schemas: string[] = [];
  private captions: string[] = [];
  private targets: number[] = [];
  private hashes: string[] = [];
  private jsons: string[] = [];
  private dates: RowBatch['dates'];
  private chars = 0;

  get size(): number {
    return this.ids.length;
  }

  get full(): boolean {
    return this.chars >= BATCH_JSON_CHARS || this.ids.length >= BATCH_MAX_ROWS;
  }

  add(entity: Entity): void {
    const hash = contentHash(entity);
    if (hash.length !== HASH_CHARS) throw new Error(`content hash of ${HASH_CHARS} characters expected, got ${hash.length}`);
    if (entity.first_seen !== undefined || entity.last_change !== undefined) (this.dates ??= {})[this.ids.length] = [entity.first_seen, entity.last_change];
    this.ids.push(entity.id);
    this.schemas.push(entity.schema);
    this.captions.push(caption(entity));
    this.targets.push(entity.target ? 1 : 0);
    this.hashes.push(hash);
    delete entity.first_seen;
    delete entity.last_change;
    delete entity.last_seen;
    const json = JSON.stringify(entity);
    this.jsons.push(json);
    this.chars += json.length + 1;
  }

  /** The rows added since the last take; `packed` for a batch that will cross threads. */
  take(packed: boolean): RowBatch {
    const batch: RowBatch = {
      ids: this.ids,
      schemas: this.schemas,
      captions: this.captions,
      targets: Uint8Array.from(this.targets),
      hashes: packed ? this.hashes.join('') : this.hashes,
      json: packed ? this.jsons.join('\n') : this.jsons,
    };
    if (this.dates) batch.dates = this.dates;
    this.ids = [];
    this.schemas = [];
    this.captions = [];
    this.targets = [];
    this.hashes = [];
    this.jsons = [];
    this.dates = undefined;
    this.chars = 0;
    return batch;
  }
}

export interface EntityRow {
  id: string;
  schema: string;
  caption: string;
  target: boolean;
  hash: string;
  json: string;
  firstSeen?: string;
  lastChange?: string;
}

/** The rows of a batch, one at a time (one object reused: the import copies what it keeps). */
export function* batchRows(batch: RowBatch): Generator<EntityRow> {
  const jsons = typeof batch.json === 'string' ? batch.json.split('\n') : batch.json;
  const { hashes } = batch;
  const row: EntityRow = { id: '', schema: '', caption: '', target: false, hash: '', json: '' };
  for (let i = 0; i < batch.ids.length; i++) {
    row.id = batch.ids[i];
    row.schema = batch.schemas[i];
    row.caption = batch.captions[i];
    row.target = batch.targets[i] === 1;
    row.hash = typeof hashes === 'string' ? hashes.slice(i * HASH_CHARS, (i + 1) * HASH_CHARS) : hashes[i];
    row.json = jsons[i];
    [row.firstSeen, row.lastChange] = batch.dates?.[i] ?? [undefined, undefined];
    yield row;
  }
}

/** The stored JSON: the row's entity with its dates appended (keys in the order the import always set them). */
export function rowJson(json: string, firstSeen: string, lastChange: string, lastSeen: string): string {
  return `${json.slice(0, -1)},"first_seen":${JSON.stringify(firstSeen)},"last_change":${JSON.stringify(lastChange)},"last_seen":${JSON.stringify(lastSeen)}}`;
}

/** One list being read: batches of rows in file order; `meta` fills in as reading goes. */
export interface ListReading {
  meta: ListMeta;
  batches: AsyncIterable<RowBatch>;
  /** Stop reading (when the import ends early) and free what the reading holds. */
  close(): void;
}

export function newMeta(list: DetectedList): ListMeta {
  return { dataset: list.format.dataset, format: list.format.format, published: null, counts: {} };
}

/** Read a list's rows in batches; on a failure, the rows read before it come first, then the error. */
export async function* rowBatches(list: DetectedList, meta: ListMeta): AsyncGenerator<RowBatch> {
  const batch = new BatchBuilder();
  try {
    for await (const entity of list.format.read(list.input, meta)) {
      batch.add(entity);
      if (batch.full) yield batch.take(false);
    }
  } catch (err) {
    // the import checks these rows (duplicate ids) before it sees the error, as it did entity by entity
    if (batch.size) yield batch.take(false);
    throw err;
  }
  if (batch.size) yield batch.take(false);
}

/** Read a list on this thread. */
export function readInThread(list: DetectedList): ListReading {
  const meta = newMeta(list);
  const batches = rowBatches(list, meta);
  return { meta, batches, close: () => void batches.return(undefined).catch(() => undefined) };
}

/** An error as it can cross a thread boundary (structured clone keeps neither the class nor its fields). */
export type PackedError =
  | { kind: 'source'; file: string; detail: string; location?: string }
  | { kind: 'model'; message: string }
  | { kind: 'other'; name: string; message: string; code?: string };

export function packError(err: unknown): PackedError {
  if (err instanceof SourceError) return { kind: 'source', file: err.file, detail: err.detail, location: err.location };
  if (err instanceof ModelError) return { kind: 'model', message: err.message };
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as Error & { code?: unknown }).code;
  return { kind: 'other', name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) };
}

export function unpackError(p: PackedError): Error {
  if (p.kind === 'source') return new SourceError(p.file, p.detail, p.location);
  if (p.kind === 'model') return new ModelError(p.message);
  const e = new Error(p.message) as Error & { code?: string };
  e.name = p.name;
  if (p.code) e.code = p.code;
  return e;
}
