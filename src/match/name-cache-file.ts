// Prepared names kept on disk between runs. Preparing every listed name (annotations, transliteration,
// legal forms) is most of an index build; a server or CLI start-up reads them back instead. Entries are
// keyed by the written name, not by list version, so after a list update only its new names are prepared.
// The file is stamped with a fingerprint of the code and libraries that prepare names: after any change it
// is stale and ignored, never half-trusted. A missing, stale or damaged file only costs a full preparation.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NameCache, type StoredName } from './prepare.js';

const FORMAT = 1;

interface NameCacheFile {
  format: number;
  fingerprint: string;
  names: Array<[string, StoredName[]]>;
}

let fingerprint: string | undefined;

/**
 * A hash of what preparing a name depends on: the compiled text, model and match modules, and the pinned
 * library versions (transliteration, phonetic keys, countries) in package.json.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(`format ${FORMAT}\n`);
  const src = fileURLToPath(new URL('../', import.meta.url));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) hash.update(`${path.slice(src.length)}\n`).update(readFileSync(path));
    }
  };
  for (const dir of ['text', 'model', 'match']) walk(join(src, dir));
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { dependencies?: object };
    hash.update(JSON.stringify(pkg.dependencies ?? {}));
  } catch {
    // an installation without package.json: the code hash alone
  }
  return (fingerprint = hash.digest('hex').slice(0, 32));
}

/** Where the prepared names of a store kept at `dbPath` live (beside it); undefined for a store in memory. */
export function nameCachePath(dbPath: string): string | undefined {
  return dbPath === ':memory:' || dbPath === '' ? undefined : join(dirname(dbPath), 'cache', 'prepared-names.json');
}

/** A NameCache holding the file's entries; empty when the file is missing, stale or unreadable. */
export function readNameCache(path: string | undefined): NameCache {
  if (!path) return new NameCache();
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as NameCacheFile;
    if (file.format !== FORMAT || file.fingerprint !== codeFingerprint() || !Array.isArray(file.names)) return new NameCache();
    return new NameCache(file.names);
  } catch {
    return new NameCache();
  }
}

/**
 * Store the cache's entries when it prepared names the file did not have. Written to a temporary file and
 * renamed, so a reader (another worker, a crash midway) sees the old file or the new one, never a part.
 * Returns whether it wrote; a failure to write (read-only home, full disk) is not an error of the build.
 */
export function writeNameCache(path: string | undefined, cache: NameCache): boolean {
  if (!path || cache.misses === 0) return false;
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const file: NameCacheFile = { format: FORMAT, fingerprint: codeFingerprint(), names: [...cache.entries()] };
    writeFileSync(temporary, JSON.stringify(file));
    renameSync(temporary, path);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}
