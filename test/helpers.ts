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
