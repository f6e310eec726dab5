// `interdict update`: fetch each list from its publisher and import it; a failed or partial download, or a
// file that does not import, keeps the current version and says so.
import { join } from 'node:path';
import type { Command } from 'commander';
import { interdictHome } from '../../config.js';
import { DATASETS } from '../../model/datasets.js';
import { detectLists } from '../../sources/detect.js';
import { download, forget, type DownloadResult } from '../../sources/download.js';
import { importList } from '../../store/import.js';
import { loadSettings } from '../../settings.js';
import { recordAudit } from '../../audit/log.js';
import { CliError, printJson } from '../output.js';
import { monitorAfterListChange, openListStore, summary } from './lists.js';

export interface UpdateOutcome {
  dataset: string;
  status: 'imported' | 'unchanged' | 'failed';
  version?: ReturnType<typeof summary>;
  error?: string;
}

export function datasetUrls(dataset: string): string[] {
  return loadSettings().sources?.[dataset]?.urls ?? DATASETS[dataset]?.urls ?? [];
}

export async function updateDataset(dataset: string, opts: { timeoutMs?: number; retries?: number; backoffMs?: number } = {}): Promise<UpdateOutcome> {
  const store = openListStore();
  const urls = datasetUrls(dataset);
  if (urls.length === 0) return { dataset, status: 'failed', error: 'no download URL configured' };
  const dir = join(interdictHome(), 'downloads', dataset);
  let results: DownloadResult[];
  try {
    results = [];
    for (const url of urls) results.push(await download(store.db, url, dir, opts));
  } catch (err) {
    return { dataset, status: 'failed', error: `${(err as Error).message}; current version kept` };
  }
  if (results.every((r) => r.status === 'not-modified')) {
    const active = store.activeVersions().find((v) => v.dataset === dataset);
    return { dataset, status: 'unchanged', version: active && summary(active) };
  }
  try {
    const { lists } = await detectLists(results.map((r) => r.file));
    if (lists.length !== 1) throw new Error(`expected one ${dataset} list in the download, found ${lists.length}`);
    if (lists[0].format.dataset !== dataset && lists[0].format.dataset !== 'ftm') {
      throw new Error(`the download is a ${lists[0].format.dataset} list, not ${dataset}`);
    }
    const r = await importList(store, lists[0]);
    return { dataset, status: r.status, version: summary(r.version) };
  } catch (err) {
    for (const url of urls) forget(store.db, url); // fetch again next time instead of trusting a bad copy
    return { dataset, status: 'failed', error: `${(err as Error).message}; current version kept` };
  }
}

export function registerUpdateCommand(program: Command): void {
  program
    .command('update')
    .description("download the lists from their publishers' official URLs and import new publications")
    .option('--dataset <dataset...>', 'only these datasets')
    .option('--timeout <seconds>', 'per-request timeout', '60')
    .option('--retries <n>', 'retries per file', '3')
    .option('--json', 'JSON output')
    .action(async (flags: { dataset?: string[]; timeout: string; retries: string; json?: boolean }) => {
      const datasets = flags.dataset ?? Object.keys(DATASETS);
      for (const d of datasets) if (!DATASETS[d]) throw new CliError(`unknown dataset ${d} (known: ${Object.keys(DATASETS).join(', ')})`, 2);
      const outcomes: UpdateOutcome[] = [];
      for (const d of datasets) {
        const o = await updateDataset(d, { timeoutMs: Number(flags.timeout) * 1000, retries: Number(flags.retries) });
        outcomes.push(o);
        await recordAudit({ action: 'list.update', subject: d, details: { status: o.status, version: o.version?.version ?? null, error: o.error ?? null } });
        if (!flags.json) console.log(`${d}: ${o.status}${o.version ? ` ${o.version.version}` : ''}${o.error ? ` — ${o.error}` : ''}`);
      }
      if (outcomes.some((o) => o.status === 'imported')) await monitorAfterListChange(!!flags.json);
      if (flags.json) printJson(outcomes);
      if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
    });
}
