// The shared official lists (../shared/data/lists) in a list store, for the evaluation and the benchmark.
// Imported once into $INTERDICT_EVAL_HOME (default: a folder under the OS temp dir) and reused while the
// list files are unchanged: importing ~30 MB of lists takes far longer than screening them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedListsDir } from '../src/config.js';
import { detectLists } from '../src/sources/detect.js';
import { importList } from '../src/store/import.js';
import { ListStore } from '../src/store/lists.js';

/** A store holding every shared list (or only the files under `subpath`), the active version per dataset. */
export async function sharedListStore(subpath = '', log: (line: string) => void = () => {}): Promise<ListStore> {
  const home = process.env.INTERDICT_EVAL_HOME ?? join(tmpdir(), `interdict-eval-${subpath.replace(/\W+/g, '_') || 'all'}`);
  mkdirSync(home, { recursive: true });
  process.env.INTERDICT_HOME = home;
  const { openDb } = await import('../src/store/db.js');
  const store = new ListStore(openDb());
  const { lists } = await detectLists([join(sharedListsDir(), subpath)]);
  const stamp = join(home, 'imported.json');
  const key = JSON.stringify(lists.map((l) => l.input.files));
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key && store.activeVersions().length > 0) return store;
  for (const list of lists) {
    const t = performance.now();
    try {
      const r = await importList(store, list, { allowShrink: true });
      log(`imported ${list.format.format} ${list.input.files[0].slice(sharedListsDir().length + 1)}: ${r.version.targets} parties (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    } catch (err) {
      log(`could not import ${list.input.files[0]}: ${(err as Error).message}`);
    }
  }
  writeFileSync(stamp, key);
  return store;
}
