// CSV rows as arrays of strings, decoded from the list's encoding (OFAC legacy CSV is Windows-1252).
import { createReadStream } from 'node:fs';
import { Parser, type Options } from 'csv-parse';
import iconv from 'iconv-lite';
import { SourceError } from '../types.js';

export interface CsvOptions {
  encoding?: 'utf8' | 'win1252';
  /** Extra csv-parse options (delimiter, relax_column_count...). */
  parse?: Options;
}

type Row = { line: number; cells: string[] };

/**
 * csv-parse emitting `{ line, cells }`. Why not its `info` option: that copies the info object twice per
 * record; the live counter read as each record is pushed holds the same line number.
 */
class RowParser extends Parser {
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    return super.push(record === null ? null : ({ line: this.info.lines, cells: record as string[] } satisfies Row), encoding);
  }
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, ‚, „, ", ", –, —, ™, Š, Ž...). */
const WIN1252_HIGH = iconv.decode(Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i)), 'win1252');
const C1 = /[\x80-\x9f]/;

function win1252(cell: string): string {
  return C1.test(cell) ? cell.replace(/[\x80-\x9f]/g, (c) => WIN1252_HIGH[c.charCodeAt(0) - 0x80]) : cell;
}

/** Stream rows of a CSV file; a broken quote or bad row fails with a SourceError giving the line. */
export async function* csvRows(file: string, opts: CsvOptions = {}): AsyncGenerator<Row> {
  // csv-parse reads the bytes itself (no decoding stream in between): UTF-8 as is, Windows-1252 as
  // Latin-1 (the same bytes for every CSV delimiter and quote) with the 0x80–0x9F characters put right
  const cp1252 = opts.encoding === 'win1252';
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const parser = new RowParser({
    bom: !cp1252, // a UTF-8 byte order mark means nothing to a Windows-1252 file (it reads as "ï»¿")
    encoding: cp1252 ? 'latin1' : 'utf8',
    relax_column_count: true,
    skip_empty_lines: true,
    ...opts.parse,
  });
  raw.on('error', (err) => parser.destroy(err));
  raw.pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<Row>) {
      if (cp1252) for (let i = 0; i < row.cells.length; i++) row.cells[i] = win1252(row.cells[i]);
      yield row;
    }
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new SourceError(file, `malformed CSV: ${e.message}`, e.lines ? `line ${e.lines}` : undefined);
  } finally {
    raw.destroy();
  }
}
