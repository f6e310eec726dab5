// Format auto-detection: from paths (files or folders) to the lists they contain.
// A folder holding OFAC's legacy CSV quartet (sdn.csv + add.csv + alt.csv + sdn_comments.csv, or the
// cons_*.csv set) is one list; every other file is sniffed on its own.
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FORMATS } from './registry.js';
import { SourceError, type SourceFormat, type SourceInput } from './types.js';

export interface DetectedList {
  format: SourceFormat;
  input: SourceInput;
}

/** OFAC legacy CSV companions of a primary file, primary first; missing companions are left out. */
const OFAC_GROUPS: Record<string, string[]> = {
  'sdn.csv': ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv'],
  'cons_prim.csv': ['cons_prim.csv', 'cons_add.csv', 'cons_alt.csv', 'cons_comments.csv'],
};
const COMPANIONS = new Set(Object.values(OFAC_GROUPS).flatMap((g) => g.slice(1)));

async function listFiles(p: string): Promise<string[]> {
  const st = await stat(p).catch(() => undefined);
  if (!st) throw new SourceError(p, 'no such file or folder');
  if (st.isFile()) return [resolve(p)];
  if (!st.isDirectory()) throw new SourceError(p, 'not a file or folder');
  const out: string[] = [];
  for (const e of (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const full = join(p, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else if (e.isFile()) out.push(resolve(full));
  }
  return out;
}

async function head(file: string, bytes = 65536): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('latin1');
  } finally {
    await fh.close();
  }
}

/** Is this file one of the formats we read? Returns the format or undefined. */
export async function sniffFile(file: string): Promise<SourceFormat | undefined> {
  const h = await head(file);
  const name = basename(file).toLowerCase();
  return FORMATS.find((f) => f.sniff(name, h));
}

/**
 * Resolve paths to lists. Files named explicitly must be recognised (else a SourceError says so);
 * inside folders, files that are no list (README, SOURCES.md) are skipped and reported in `skipped`.
 */
export async function detectLists(paths: string[]): Promise<{ lists: DetectedList[]; skipped: string[] }> {
  const lists: DetectedList[] = [];
  const skipped: string[] = [];
  const explicit = new Set<string>();
  const files: string[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => undefined);
    if (st?.isFile()) explicit.add(resolve(p));
    files.push(...(await listFiles(p)));
  }
  const seen = new Set<string>();
  const byLower = new Map(files.map((f) => [join(dirname(f), basename(f).toLowerCase()), f]));
  for (const file of files) {
    if (seen.has(file)) continue;
    const lower = basename(file).toLowerCase();
    const group = OFAC_GROUPS[lower];
    let input: SourceInput = { files: [file] };
    if (group) {
      const siblings = group.map((n) => byLower.get(join(dirname(file), n))).filter((x): x is string => !!x);
      input = { files: siblings };
    } else if (COMPANIONS.has(lower) && byLower.has(join(dirname(file), lower.startsWith('cons_') ? 'cons_prim.csv' : 'sdn.csv'))) {
      continue; // read with its primary file
    }
    const format = await sniffFile(file);
    if (!format) {
      if (explicit.has(file)) throw new SourceError(file, 'not a list format Interdict recognises (UN, OFAC, UK, EU, US CSL, AU, CA, FtM JSON lines)');
      skipped.push(file);
      continue;
    }
    for (const f of input.files) seen.add(f);
    lists.push({ format, input });
  }
  return { lists, skipped };
}
