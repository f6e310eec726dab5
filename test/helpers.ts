// Test helpers: temporary INTERDICT_HOME folders and paths into ../shared (INTERDICT_SHARED).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir, sharedListsDir } from '../src/config.js';
import type { Entity } from '../src/model/entity.js';
import type { ListMeta, SourceFormat } from '../src/sources/types.js';

/** A fresh temp folder set as INTERDICT_HOME for this process; removed by the returned cleanup. */
export function tempHome(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'interdict-test-'));
  process.env.INTERDICT_HOME = dir;
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function listFile(...parts: string[]): string {
  return join(sharedListsDir(), ...parts);
}

export function sharedFile(...parts: string[]): string {
  return join(sharedDir(), ...parts);
}

export function fixture(...parts: string[]): string {
  // compiled tests run from dist/test; fixtures stay in the source tree
  return join(process.cwd(), 'test', 'fixtures', ...parts);
}

/** Read a whole list with one format into memory (tests only). */
export async function readAll(format: SourceFormat, files: string[]): Promise<{ meta: ListMeta; entities: Entity[] }> {
  const meta: ListMeta = { dataset: format.dataset, format: format.format, published: null, counts: {} };
  const entities: Entity[] = [];
  for await (const e of format.read({ files }, meta)) entities.push(e);
  return { meta, entities };
}

/**
 * The work-store backends every storage test runs against: embedded SQLite in a temp home, and
 * PostgreSQL (INTERDICT_TEST_PG, default the machine's local server) in a throw-away schema.
 */
export async function withBackends(run: (sql: import('../src/store/sql.js').Sql, backend: string) => Promise<void>): Promise<void> {
  const { openSql } = await import('../src/store/sql.js');
  const home = tempHome();
  const sqlite = await openSql('');
  try {
    await run(sqlite, 'sqlite');
  } finally {
    await sqlite.close();
    home.cleanup();
  }
  const base = process.env.INTERDICT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `interdict_test_${process.pid}_${Date.now()}`;
  const admin = await openSql(base);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const pgSql = await openSql(`${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  try {
    await run(pgSql, 'postgres');
  } finally {
    await pgSql.close();
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
}
