// Dates as lists write them → FtM date prefixes (YYYY, YYYY-MM, YYYY-MM-DD).
const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', sept: '09', oct: '10', nov: '11', dec: '12',
};

/** Parse one date in the common list forms; undefined when it is not a date. */
export function parseDate(raw: string): string | undefined {
  const s = raw.trim().replace(/\.$/, '');
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/))) return `${m[1]}-${m[2]}-${m[3]}`;
  if ((m = s.match(/^(\d{4})-(\d{2})$/))) return `${m[1]}-${m[2]}`;
  if ((m = s.match(/^(\d{4})$/))) return m[1];
  // dd/mm/yyyy (UK, AU) with 00 for unknown parts
  if ((m = s.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/))) {
    const [d, mo, y] = [m[1].padStart(2, '0'), m[2].padStart(2, '0'), m[3]];
    if (mo === '00') return y;
    if (d === '00') return `${y}-${mo}`;
    return `${y}-${mo}-${d}`;
  }
  // 01 Jan 1960, 1 January 1960, Jan 1960
  if ((m = s.match(/^(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?\s+(\d{4})$/))) {
    const mo = MONTHS[m[2].slice(0, 3).toLowerCase()] ?? MONTHS[m[2].slice(0, 4).toLowerCase()];
    if (!mo) return undefined;
    return m[1] ? `${m[3]}-${mo}-${m[1].padStart(2, '0')}` : `${m[3]}-${mo}`;
  }
  return undefined;
}

/** Every year of an inclusive range (birth years "between 1960 and 1965"); capped to stay sane. */
export function yearRange(from: number, to: number): string[] {
  if (!(from <= to) || to - from > 20) return [String(from), String(to)];
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}
