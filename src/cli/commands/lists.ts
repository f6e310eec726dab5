// `interdict import`, `interdict lists`, `interdict lists diff`, `interdict export`: the list store from the shell.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { detectLists } from '../../sources/detect.js';
import { openDb } from '../../store/db.js';
import { ListStore } from '../../store/lists.js';
import { importList, prefetchLists, type ImportResult } from '../../store/import.js';
import { ReadPool } from '../../store/read-pool.js';
import { diffVersions } from '../../store/diff.js';
import { recordAudit } from '../../audit/log.js';
import { autoMonitorEnabled, runMonitoring } from './cases.js';
import { CliError, printJson, printTable, progress } from '../output.js';

export function openListStore(): ListStore {
  return new ListStore(openDb());
}

interface ImportFlags {
  json?: boolean;
  published?: string;
  allowShrink?: boolean;
}

/** Import every list found under `paths`; stops at the first bad list (earlier good ones stay imported). */
export async function runImport(paths: string[], flags: ImportFlags): Promise<{ results: ImportResult[]; skipped: string[] }> {
  const store = openListStore();
  const { lists, skipped } = await detectLists(paths);
  if (lists.length === 0) throw new CliError(`no list file found in ${paths.join(', ')}`);
  const results: ImportResult[] = [];
  // worker threads parse the next lists while this thread writes the current one (see store/read-pool.ts)
  const pool = new ReadPool();
  try {
    await prefetchLists(store, pool, lists);
    for (const list of lists) {
      const bar = flags.json ? progress('', 0) : progress(`${list.format.format} ${list.input.files[0]}`);
      try {
        const result = await importList(store, list, { published: flags.published, allowShrink: flags.allowShrink, onProgress: (n) => bar.update(n), pool });
        results.push(result);
        await recordAudit({ action: 'list.import', subject: result.version.dataset, details: { status: result.status, version: result.version.version, files: list.input.files, changes: result.changes ?? null } });
      } catch (err) {
        await recordAudit({ action: 'list.import.failed', subject: list.format.dataset, details: { files: list.input.files, error: (err as Error).message } });
        throw err;
      } finally {
        bar.stop();
      }
      if (!flags.json) printImportResult(results[results.length - 1], list.input.files);
    }
  } finally {
    await pool.close();
  }
  return { results, skipped };
}

function printImportResult(r: ImportResult, files: string[]): void {
  const v = r.version;
  if (r.status === 'unchanged') {
    console.log(`${v.dataset}: unchanged (${files[0]} is version ${v.version}, already imported)`);
    return;
  }
  const ch = r.changes ? `; vs previous active: +${r.changes.added} -${r.changes.removed} ~${r.changes.changed}` : '';
  console.log(
    `${v.dataset}: imported version ${v.version} (published ${v.published ?? '?'} [${v.published_source}]) — ${v.targets} listed parties, ${v.entities} entities${v.active ? ', active' : ', not active (a newer publication is active)'}${ch}`,
  );
}

export function registerListCommands(program: Command): void {
  program
    .command('import')
    .description('import official list files or folders (format auto-detected); each import is a list version')
    .argument('<paths...>', 'files or folders')
    .option('--json', 'machine-readable summary')
    .option('--published <date>', 'publication date to record when the file carries none (YYYY-MM-DD)')
    .option('--allow-shrink', 'accept a version with far fewer parties than the active one')
    .action(async (paths: string[], flags: ImportFlags) => {
      const { results, skipped } = await runImport(paths, flags);
      if (results.some((r) => r.status === 'imported')) await monitorAfterListChange(!!flags.json);
      if (flags.json) {
        printJson({
          imported: results.map((r) => ({ status: r.status, ...summary(r.version), changes: r.changes ?? null })),
          skipped,
        });
      } else if (skipped.length) console.log(`skipped (not a list): ${skipped.join(', ')}`);
    });

  const lists = program.command('lists').description('list versions in the store').option('--json', 'JSON output').option('--all', 'include inactive versions');
  lists.action((flags: { json?: boolean; all?: boolean }) => {
    const store = openListStore();
    const versions = flags.all || flags.json ? store.versions() : store.activeVersions();
    if (flags.json) printJson(versions.map(summary));
    else printTable(versions.map(summary), ['dataset', 'version', 'published', 'entities', 'active']);
  });
  lists
    .command('diff')
    .description('parties added, removed and changed between two versions (default: the two newest)')
    .argument('<dataset>')
    .argument('[old]', 'older version (label, id or publication date)')
    .argument('[new]', 'newer version')
    .option('--json', 'JSON output')
    .action((dataset: string, oldRef: string | undefined, newRef: string | undefined, flags: { json?: boolean }) => {
      const store = openListStore();
      const versions = store.versions(dataset);
      if (versions.length === 0) throw new CliError(`no versions of dataset ${dataset} in the store`);
      const pick = (ref: string) => store.findVersion(dataset, ref) ?? fail(`no version ${ref} of ${dataset} (see: interdict lists --all)`);
      const newer = newRef ? pick(newRef) : versions[0];
      const older = oldRef ? pick(oldRef) : (versions[1] ?? fail(`${dataset} has only one version`));
      const diff = diffVersions(store, older, newer);
      if (flags.json) return printJson(diff);
      console.log(`${dataset}: ${older.version} → ${newer.version}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`);
      for (const a of diff.added) console.log(`+ ${a.id}  ${a.schema}  ${a.caption}`);
      for (const r of diff.removed) console.log(`- ${r.id}  ${r.schema}  ${r.caption}`);
      for (const c of diff.changed) console.log(`~ ${c.id}  ${c.caption}: ${Object.keys(c.properties).join(', ')}`);
    });

  program
    .command('export')
    .description('write the active list versions as FollowTheMoney JSON lines')
    .option('--format <format>', 'output format (ftm)', 'ftm')
    .option('--dataset <dataset>', 'only this dataset')
    .requiredOption('--out <file>', 'output file')
    .action(async (flags: { format: string; dataset?: string; out: string }) => {
      if (flags.format !== 'ftm') throw new CliError(`unknown export format ${flags.format} (supported: ftm)`, 2);
      const store = openListStore();
      if (flags.dataset && !store.activeVersionIds().has(flags.dataset)) throw new CliError(`no active version of dataset ${flags.dataset}`);
      const out = createWriteStream(flags.out);
      let n = 0;
      for (const e of store.activeEntities(flags.dataset ? [flags.dataset] : undefined, true)) {
        if (!out.write(JSON.stringify(e) + '\n')) await once(out, 'drain');
        n++;
      }
      out.end();
      await once(out, 'finish');
      console.error(`wrote ${n} entities to ${flags.out}`);
    });
}

/** Settings may ask for a monitoring run whenever a list changed (`{"monitor": {"afterImport": true}}`). */
export async function monitorAfterListChange(quiet: boolean): Promise<void> {
  if (!autoMonitorEnabled()) return;
  const { run } = await runMonitoring({ quiet: true });
  if (!quiet) console.log(`monitoring run ${run.id}: ${run.records_total} records, ${run.alerts_created} new alerts`);
}

function fail(message: string): never {
  throw new CliError(message);
}

export function summary(v: import('../../store/lists.js').ListVersion) {
  return { dataset: v.dataset, version: v.version, published: v.published, entities: v.targets, sha256: v.sha256, active: v.active };
}
