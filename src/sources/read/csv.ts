// CSV rows as arrays of strings, decoded from the list's encoding (OFAC legacy CSV is Windows-1252).
import { createReadStream } from 'node:fs';
import { parse, type Options } from 'csv-parse';
import iconv from 'iconv-lite';
import { SourceError } from '../types.js';

export interface CsvOptions {
  encoding?: 'utf8' | 'win1252';
  /** Extra csv-parse options (delimiter, relax_column_count...). */
  parse?: Options;
}

/** Stream rows of a CSV file; a broken quote or bad row fails with a SourceError giving the line. */
export async function* csvRows(file: string, opts: CsvOptions = {}): AsyncGenerator<{ line: number; cells: string[] }> {
  const raw = createReadStream(file);
  const decoded = opts.encoding === 'win1252' ? raw.pipe(iconv.decodeStream('win1252')) : raw.pipe(iconv.decodeStream('utf8', { stripBOM: true }) as never);
  const parser = (decoded as NodeJS.ReadableStream).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, ...opts.parse }),
  );
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: rec.info.lines, cells: rec.record };
    }
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new SourceError(file, `malformed CSV: ${e.message}`, e.lines ? `line ${e.lines}` : undefined);
  }
}
