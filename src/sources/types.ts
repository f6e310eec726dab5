// The contract every list loader implements: read official files as a stream of FtM entities.
import type { Entity } from '../model/entity.js';

/** What a loader learns about the list while reading it. The store records it with the version. */
export interface ListMeta {
  dataset: string;
  format: string;
  /** Publication date read from the file itself (ISO 8601 date or date-time), null when the file has none. */
  published: string | null;
  /** Counts of what was read, by kind: records, aliases, addresses, ... Tests assert them against SOURCES.md. */
  counts: Record<string, number>;
}

/** One list to read: one file, or several that together form one publication (OFAC CSV quartet). */
export interface SourceInput {
  /** Absolute paths; for a multi-file list, the primary file first. */
  files: string[];
}

export interface SourceFormat {
  /** Format id, e.g. 'un-xml', 'ofac-csv'. */
  format: string;
  /** Dataset the format publishes (for FtM JSON lines: 'ftm', the dataset comes from the file). */
  dataset: string;
  /**
   * Recognise a file by its base name (lower-cased) and its first bytes (up to 64 KiB, decoded as
   * latin1 so binary never throws). Return true only when sure: detection order is not relied upon.
   */
  sniff(name: string, head: string): boolean;
  /** Read the list, yielding entities; fill `meta` (published, counts) as they become known. */
  read(input: SourceInput, meta: ListMeta): AsyncIterable<Entity>;
}

/** A file that cannot be read as the list it claims to be. Says which file, where, and what. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly location?: string,
  ) {
    super(`${file}${location ? ` (${location})` : ''}: ${detail}`);
    this.name = 'SourceError';
  }
}

export function bump(meta: ListMeta, key: string, by = 1): void {
  meta.counts[key] = (meta.counts[key] ?? 0) + by;
}
