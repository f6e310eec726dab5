// Downloads list files from their publishers: timeouts, retries with back-off, conditional requests
// (ETag / Last-Modified), and a file is only kept when it arrived whole.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../store/db.js';

export interface DownloadOptions {
  timeoutMs?: number;
  retries?: number;
  /** Base back-off between attempts; doubled each time. */
  backoffMs?: number;
}

export type DownloadResult =
  | { url: string; status: 'downloaded'; file: string; sha256: string; bytes: number }
  | { url: string; status: 'not-modified'; file: string };

export class DownloadError extends Error {}

interface Cached {
  etag: string | null;
  last_modified: string | null;
}

/** Local file name for a URL: its last path segment, lower-cased (OFAC serves SDN.CSV; detection wants sdn.csv). */
export function fileNameFor(url: string): string {
  const name = basename(new URL(url).pathname).toLowerCase();
  return name || 'download';
}

interface Fetched {
  result: DownloadResult;
  etag: string | null;
  lastModified: string | null;
}

async function attempt(url: string, dest: string, cached: Cached | undefined, timeoutMs: number): Promise<Fetched> {
  const headers: Record<string, string> = { 'user-agent': 'interdict (sanctions screening)' };
  if (cached?.etag) headers['if-none-match'] = cached.etag;
  if (cached?.last_modified) headers['if-modified-since'] = cached.last_modified;
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (res.status === 304) return { result: { url, status: 'not-modified', file: dest }, etag: null, lastModified: null };
  if (!res.ok) throw new DownloadError(`${url}: HTTP ${res.status} ${res.statusText}`);
  const body = Buffer.from(await res.arrayBuffer());
  const expected = res.headers.get('content-length');
  // fetch decodes gzip transparently, so Content-Length only describes the body when there was no encoding
  if (expected !== null && Number(expected) !== body.length && !res.headers.get('content-encoding')) {
    throw new DownloadError(`${url}: partial download (${body.length} of ${expected} bytes)`);
  }
  if (body.length === 0) throw new DownloadError(`${url}: empty response`);
  const tmp = `${dest}.part`;
  writeFileSync(tmp, body);
  renameSync(tmp, dest);
  const sha256 = createHash('sha256').update(body).digest('hex');
  return {
    result: { url, status: 'downloaded', file: dest, sha256, bytes: body.length },
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
  };
}

/** Download one URL into `dir`, retrying transient failures (network errors, timeouts, 5xx, 429). */
export async function download(db: Db, url: string, dir: string, opts: DownloadOptions = {}): Promise<DownloadResult> {
  mkdirSync(dir, { recursive: true });
  const dest = join(dir, fileNameFor(url));
  // ask "changed since?" only when we still have the earlier copy to fall back on
  const cached = existsSync(dest) ? (db.prepare('SELECT etag, last_modified FROM downloads WHERE url = ?').get(url) as Cached | undefined) : undefined;
  const retries = opts.retries ?? 3;
  let lastError: Error | undefined;
  for (let i = 0; i <= retries; i++) {
    try {
      const { result, etag, lastModified } = await attempt(url, dest, cached, opts.timeoutMs ?? 60_000);
      if (result.status === 'downloaded') {
        db.prepare('INSERT OR REPLACE INTO downloads (url, etag, last_modified, sha256, fetched_at) VALUES (?, ?, ?, ?, ?)').run(
          url,
          etag,
          lastModified,
          result.sha256,
          new Date().toISOString(),
        );
      }
      return result;
    } catch (err) {
      lastError = err as Error;
      const permanent = err instanceof DownloadError && /HTTP (4\d\d)/.test(lastError.message) && !/HTTP 429/.test(lastError.message);
      if (permanent || i === retries) break;
      await new Promise((r) => setTimeout(r, (opts.backoffMs ?? 1000) * 2 ** i));
    }
  }
  rmSync(`${dest}.part`, { force: true });
  const reason = lastError?.name === 'TimeoutError' ? `${url}: timed out` : (lastError?.message ?? 'unknown error');
  throw new DownloadError(`${reason} (after ${retries + 1} attempts)`);
}

/** Mark a cached download as stale (its file failed to import), so the next update fetches it again. */
export function forget(db: Db, url: string): void {
  db.prepare('DELETE FROM downloads WHERE url = ?').run(url);
}
