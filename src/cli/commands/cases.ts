// `interdict monitor ...` and `interdict alerts ...`: the daily screening process from the shell.
import type { Command } from 'commander';
import { defaultActor, recordAudit } from '../../audit/log.js';
import { Alerts, DECISIONS, type AlertStatus, type Decision } from '../../cases/alerts.js';
import { Monitor } from '../../cases/monitor.js';
import { readPortfolioFile } from '../../cases/portfolio.js';
import { activeVersionLabels, recordScreener } from '../../cases/screening.js';
import { Screener } from '../../match/index.js';
import { withSql } from '../../store/sql.js';
import { loadSettings } from '../../settings.js';
import { CliError, printJson, printTable, progress } from '../output.js';
import { openListStore } from './lists.js';

/** Screen the whole portfolio against the active lists; used by `monitor run` and after imports when configured. */
export async function runMonitoring(opts: { threshold?: number; quiet?: boolean } = {}) {
  const store = openListStore();
  if (store.activeVersions().length === 0) throw new CliError('no list imported yet: run `interdict import` first');
  const screener = Screener.fromStore(store);
  return withSql(async (sql) => {
    const monitor = await Monitor.open(sql);
    const bar = opts.quiet ? progress('', 0) : progress('screening portfolio', await monitor.portfolio.count());
    try {
      return await monitor.run(recordScreener(screener, { threshold: opts.threshold }), activeVersionLabels(store), defaultActor(), (n) => bar.update(n));
    } finally {
      bar.stop();
    }
  });
}

/** Whether settings ask for a monitoring run after every import or update that changed a list. */
export function autoMonitorEnabled(): boolean {
  return (loadSettings() as { monitor?: { afterImport?: boolean } }).monitor?.afterImport === true;
}

export function registerCaseCommands(program: Command): void {
  const monitor = program.command('monitor').description('ongoing monitoring of a customer portfolio');
  monitor
    .command('add')
    .description('add or update portfolio records (CSV with a header, or JSON lines); each needs a stable id')
    .requiredOption('--file <file>', 'CUSTOMERS.csv or .jsonl')
    .option('--json')
    .action((flags: { file: string; json?: boolean }) =>
      withSql(async (sql) => {
        const rows = await readPortfolioFile(flags.file).catch((e: Error) => {
          throw new CliError(e.message, 2);
        });
        const counts = await (await Monitor.open(sql)).portfolio.upsert(rows).catch((e: Error) => {
          throw new CliError(e.message, 2);
        });
        await recordAudit({ action: 'portfolio.add', subject: flags.file, details: counts });
        if (flags.json) printJson(counts);
        else console.log(`portfolio: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged`);
      }),
    );
  monitor
    .command('run')
    .description('screen every record against the active lists; alert only on new or changed hits')
    .option('--threshold <t>', 'match threshold', parseFloat)
    .option('--json')
    .action(async (flags: { threshold?: number; json?: boolean }) => {
      const { run, created } = await runMonitoring({ threshold: flags.threshold, quiet: flags.json });
      if (flags.json) printJson({ run, created: created.map((a) => ({ id: a.id, record: a.record, entity: a.entity, score: a.score })) });
      else {
        console.log(`run ${run.id}: ${run.records_total} records screened, ${run.alerts_created} new alerts`);
        if (run.error) console.log(`warning: ${run.error}`);
      }
    });

  const alerts = program
    .command('alerts')
    .description('alerts raised by monitoring')
    .option('--status <status>', 'open | escalated | decided')
    .option('--dataset <dataset>')
    .option('--min-score <score>', 'only alerts at or above this score', parseFloat)
    .option('--json')
    .action((flags: { status?: string; dataset?: string; minScore?: number; json?: boolean }) =>
      withSql(async (sql) => {
        if (flags.status && !['open', 'escalated', 'decided'].includes(flags.status)) throw new CliError('--status must be open, escalated or decided', 2);
        const list = await (await Alerts.open(sql)).list({ status: flags.status as AlertStatus | undefined, dataset: flags.dataset, minScore: flags.minScore });
        const rows = list.map((a) => ({ id: a.id, record: a.record, entity: a.entity, dataset: a.dataset, score: a.score, status: a.status, created: a.created, list_version: a.list_version }));
        if (flags.json) printJson(rows);
        else printTable(rows.map((r) => ({ ...r, score: r.score.toFixed(2), caption: list.find((a) => a.id === r.id)!.caption })), ['id', 'score', 'status', 'record', 'entity', 'caption', 'dataset']);
      }),
    );
  alerts
    .command('decide')
    .argument('<alert>', 'alert id')
    .requiredOption('--decision <decision>', DECISIONS.join(' | '))
    .requiredOption('--reason <reason>', 'why (required; kept in the audit trail)')
    .option('--json')
    .action((id: string, flags: { decision: string; reason: string; json?: boolean }) =>
      withSql(async (sql) => {
        if (!/^\d+$/.test(id)) throw new CliError(`alert id must be a number, got ${id}`, 2);
        const alert = await (await Alerts.open(sql)).decide(Number(id), flags.decision as Decision, flags.reason, defaultActor()).catch((e: Error) => {
          throw new CliError(e.message, 2);
        });
        if (flags.json) printJson(alert);
        else console.log(`alert ${alert.id}: ${alert.decision} (${alert.status})`);
      }),
    );
}
