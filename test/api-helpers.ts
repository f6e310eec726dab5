// Helpers for the HTTP API tests: a temp store with real lists, a real server on 127.0.0.1 and a random
// port, and a small JSON fetch wrapper.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLists } from '../src/sources/detect.js';
import { openDb } from '../src/store/db.js';
import { ListStore } from '../src/store/lists.js';
import { importList } from '../src/store/import.js';
import { createServer, type Server, type ServeOptions } from '../src/api/server.js';
import { listFile, tempHome } from './helpers.js';

/** Import list files into the store of the current INTERDICT_HOME (in this process). */
export async function importFiles(paths: string[], published?: string): Promise<void> {
  const store = new ListStore(openDb());
  try {
    const { lists } = await detectLists(paths);
    for (const list of lists) await importList(store, list, { allowShrink: true, published });
  } finally {
    store.db.close();
  }
}

/** Run `interdict import` in a child process (a real concurrent import, as an operator would run it). */
export function importInChild(paths: string[], extra: string[] = []): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'src', 'cli', 'main.js'), 'import', ...paths, ...extra], { env: process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

export interface Api {
  url: string;
  server: Server;
  home: string;
  close(): Promise<void>;
}

/** A temp home with the given lists imported and a server on a random loopback port, ready to answer. */
export async function startApi(lists: string[] = [listFile('un', 'consolidated.xml')], options: Partial<ServeOptions> = {}): Promise<Api> {
  const home = tempHome();
  if (lists.length) await importFiles(lists);
  const server = await createServer({ port: 0, logger: false, pollIntervalMs: 200, rateLimit: 0, ...options });
  const url = await server.start();
  await waitReady(url);
  return {
    url,
    server,
    home: home.dir,
    async close() {
      await server.close();
      home.cleanup();
    },
  };
}

export async function waitReady(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await fetch(`${url}/readyz`).catch(() => undefined);
    if (r?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`server at ${url} not ready after ${timeoutMs} ms`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** fetch + JSON; `body` objects are sent as JSON. */
export async function call<T = any>(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  let body: string | undefined = init.raw;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const r = await fetch(url, { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (metrics, docs)
  }
  return { status: r.status, body: parsed as T, headers: r.headers };
}

/** A copy of the UN list in `dir` with one party removed and a later publication date: a second version. */
export function unWithoutFirstIndividual(dir: string): { file: string; removedRef: string } {
  const xml = readFileSync(listFile('un', 'consolidated.xml'), 'utf8');
  const start = xml.indexOf('<INDIVIDUAL>');
  const end = xml.indexOf('</INDIVIDUAL>', start) + '</INDIVIDUAL>'.length;
  const removedRef = /<REFERENCE_NUMBER>([^<]+)<\/REFERENCE_NUMBER>/.exec(xml.slice(start, end))![1];
  const next = (xml.slice(0, start) + xml.slice(end)).replace(/dateGenerated="[^"]+"/, 'dateGenerated="2026-03-15T00:00:00.000Z"');
  const file = join(dir, 'consolidated.xml');
  writeFileSync(file, next);
  return { file, removedRef };
}
