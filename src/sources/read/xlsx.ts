// Streaming xlsx rows through exceljs's WorkbookReader (the maintained reader; the `xlsx` 0.18 package
// on npm is unmaintained). Cells come back as plain strings; dates as ISO dates.
import ExcelJS from 'exceljs';
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
 * Rows of the first worksheet, each an array of cell strings (index 0 = column A).
 * A file that is not an xlsx workbook fails with a SourceError naming it.
 */
export async function* xlsxRows(file: string): AsyncGenerator<{ row: number; cells: string[] }> {
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
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
  }
  if (sheets === 0) throw new SourceError(file, 'xlsx workbook has no worksheet');
}

/** Excel serial day number (1900 date system) → ISO date. */
export function excelSerialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}
