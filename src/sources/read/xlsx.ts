// Streaming xlsx rows through exceljs's WorkbookReader (the maintained reader; the `xlsx` 0.18 package
// on npm is unmaintained). Cells come back as plain strings; dates as ISO dates.
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { SourceError } from '../types.js';

export type CellValue = string;

function cellToString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join('');
    if ('text' in o) return String(o.text);
    if ('result' in o) return cellToString(o.result);
    if ('error' in o) return '';
  }
  return String(v);
}

/**
 * The workbook's zip entries re-sent as plain local headers + raw data, shared strings first.
 * Why: exceljs streams through unzipper, which fails with "invalid signature: 0x8074b50" on zips that
 * set the data-descriptor flag *and* fill in the sizes (OFSI's ConList.xlsx does: unzipper trusts the
 * sizes, then trips on the descriptor). yauzl reads the central directory instead, so a truncated file
 * fails at once, and putting sharedStrings.xml first spares exceljs a temp copy of the sheet.
 */
async function openXlsxZip(file: string): Promise<{ stream: Readable; failure: () => Error | undefined }> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  const rank = (n: string) => (n.endsWith('sharedStrings.xml') ? 0 : n.includes('worksheets/') ? 2 : 1);
  entries.sort((a, b) => rank(a.fileName) - rank(b.fileName));
  let failure: Error | undefined;
  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      for (const e of entries) {
        const name = Buffer.from(e.fileName, 'utf8');
        const h = Buffer.alloc(30);
        h.writeUInt32LE(0x04034b50, 0);
        h.writeUInt16LE(20, 4);
        h.writeUInt16LE((e.generalPurposeBitFlag & ~0x08) | 0x800, 6); // sizes known, UTF-8 name
        h.writeUInt16LE(e.compressionMethod, 8);
        h.writeUInt16LE(e.lastModFileTime, 10);
        h.writeUInt16LE(e.lastModFileDate, 12);
        h.writeUInt32LE(e.crc32, 14);
        h.writeUInt32LE(e.compressedSize, 18);
        h.writeUInt32LE(e.uncompressedSize, 22);
        h.writeUInt16LE(name.length, 26);
        yield Buffer.concat([h, name]);
        const raw = await zip.openReadStreamPromise(e, { decodeFileData: false });
        for await (const chunk of raw) yield chunk as Buffer;
      }
    } catch (err) {
      failure = err as Error; // end the stream instead: exceljs pipes it, and a piped error would hang
    } finally {
      zip.close();
    }
  }
  return { stream: Readable.from(bytes()), failure: () => failure };
}

/** exceljs, loaded on first use: it is the largest module the loaders use, and most imports read no xlsx. */
let excelJs: Promise<typeof ExcelJS> | undefined;
function loadExcelJs(): Promise<typeof ExcelJS> {
  excelJs ??= import('exceljs').then((m) => m.default);
  return excelJs;
}

/**
 * Rows of the first worksheet, each an array of cell strings (index 0 = column A).
 * A file that is not an xlsx workbook fails with a SourceError naming it.
 */
export async function* xlsxRows(file: string): AsyncGenerator<{ row: number; cells: string[] }> {
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  let zipFailure: () => Error | undefined;
  let zipStream: Readable;
  try {
    const excel = await loadExcelJs();
    const zip = await openXlsxZip(file);
    zipFailure = zip.failure;
    zipStream = zip.stream;
    reader = new excel.stream.xlsx.WorkbookReader(zip.stream, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
  } catch (err) {
    throw new SourceError(file, `not a readable xlsx workbook: ${(err as Error).message}`);
  }
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellToString(values[i]).trim());
        yield { row: row.number, cells };
      }
      break; // lists are published on the first sheet
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError(file, `not a readable xlsx workbook: ${(err as Error).message}`);
  } finally {
    zipStream.destroy(); // closes the zip file when the caller stops early or only the first sheet is read
  }
  const failure = zipFailure();
  if (failure) throw new SourceError(file, `not a readable xlsx workbook: ${failure.message}`);
  if (sheets === 0) throw new SourceError(file, 'xlsx workbook has no worksheet');
}

/** Excel serial day number (1900 date system) → ISO date. */
export function excelSerialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}
