// Ongoing monitoring: screen every portfolio record against the active list versions and raise an alert
// only for hits that are new, or whose record or listed entity changed since they were last alerted.
import { contentHash, type Entity } from '../model/entity.js';
import { AuditLog } from '../audit/log.js';
import { migrateSql, type Sql } from '../store/sql.js';
import { Alerts, type Alert } from './alerts.js';
import { Portfolio, type PortfolioFields } from './portfolio.js';
import { CASE_MIGRATIONS } from './schema.js';

export interface RecordHit {
  entity: Entity;
  score: number;
  match: boolean;
  explanations: unknown[];
}

/** Screens one portfolio record (the matching engine, bound to the active lists by the caller). */
export type RecordScreener = (fields: PortfolioFields) => RecordHit[];

export interface MonitorRun {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'finished' | 'failed';
  records_total: number;
  records_done: number;
  alerts_created: number;
  list_versions: Record<string, string>;
  actor: string;
  error: string | null;
}

type RunRow = Omit<MonitorRun, 'list_versions'> & { list_versions: string };
const fromRow = (r: RunRow): MonitorRun => ({
  ...r,
  id: Number(r.id),
  records_total: Number(r.records_total),
  records_done: Number(r.records_done),
  alerts_created: Number(r.alerts_created),
  list_versions: JSON.parse(r.list_versions),
});

export class Monitor {
  private constructor(
    private readonly sql: Sql,
    readonly portfolio: Portfolio,
    readonly alerts: Alerts,
    private readonly audit: AuditLog,
  ) {}

  static async open(sql: Sql): Promise<Monitor> {
    await migrateSql(sql, 'cases', CASE_MIGRATIONS);
    return new Monitor(sql, await Portfolio.open(sql), await Alerts.open(sql), await AuditLog.open(sql));
  }

  async runs(limit = 20): Promise<MonitorRun[]> {
    return (await this.sql.all<RunRow>('SELECT * FROM monitor_runs ORDER BY id DESC LIMIT ?', [limit])).map(fromRow);
  }

  async getRun(id: number): Promise<MonitorRun | undefined> {
    const r = await this.sql.get<RunRow>('SELECT * FROM monitor_runs WHERE id = ?', [id]);
    return r && fromRow(r);
  }

  /**
   * Screen the whole portfolio. `listVersions` maps each dataset to its active version label, recorded on
   * the run, on every alert and in the audit trail.
   */
  async run(screen: RecordScreener, listVersions: Record<string, string>, actor: string, onProgress?: (done: number, total: number, runId: number) => void): Promise<{ run: MonitorRun; created: Alert[] }> {
    const records = await this.portfolio.all();
    const started = new Date().toISOString();
    const runId = await this.sql.transaction(async (tx) => {
      const id = Number((await tx.get<{ n: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM monitor_runs'))!.n);
      await tx.run(
        "INSERT INTO monitor_runs (id, started_at, status, records_total, records_done, alerts_created, list_versions, actor) VALUES (?, ?, 'running', ?, 0, 0, ?, ?)",
        [id, started, records.length, JSON.stringify(listVersions), actor],
      );
      return id;
    }, 'monitor_runs');
    onProgress?.(0, records.length, runId); // lets a caller running this in the background report the run id at once
    const created: Alert[] = [];
    const unreadable: string[] = [];
    try {
      for (let i = 0; i < records.length; i++) {
        const record = records[i];
        let hits: RecordHit[];
        try {
          hits = screen(record.fields);
        } catch (err) {
          unreadable.push(`${record.id} (${(err as Error).message})`);
          hits = [];
        }
        for (const hit of hits) {
          if (!hit.match) continue;
          const dataset = hit.entity.datasets[0];
          const alert = await this.alerts.raise(
            {
              record: record.id,
              entity: hit.entity.id,
              dataset,
              score: hit.score,
              run_id: runId,
              list_version: listVersions[dataset] ?? 'unknown',
              record_hash: record.hash,
              entity_hash: contentHash(hit.entity),
              caption: hit.entity.properties.name?.[0] ?? hit.entity.id,
              schema: hit.entity.schema,
              explanations: hit.explanations,
            },
            actor,
          );
          if (alert) created.push(alert);
        }
        if ((i + 1) % 50 === 0 || i + 1 === records.length) {
          await this.sql.run('UPDATE monitor_runs SET records_done = ?, alerts_created = ? WHERE id = ?', [i + 1, created.length, runId]);
          onProgress?.(i + 1, records.length, runId);
        }
      }
      // records that could not be screened are reported on the run, never passed as clear
      const problem = unreadable.length ? `${unreadable.length} record(s) could not be screened: ${unreadable.slice(0, 20).join('; ')}` : null;
      await this.sql.run("UPDATE monitor_runs SET status = 'finished', finished_at = ?, records_done = ?, alerts_created = ?, error = ? WHERE id = ?", [new Date().toISOString(), records.length, created.length, problem, runId]);
      await this.audit.append({ action: 'monitor.run', subject: `run-${runId}`, actor, details: { records: records.length, alerts_created: created.length, unreadable: unreadable.length }, list_versions: listVersions });
    } catch (err) {
      await this.sql.run("UPDATE monitor_runs SET status = 'failed', finished_at = ?, error = ? WHERE id = ?", [new Date().toISOString(), (err as Error).message, runId]);
      await this.audit.append({ action: 'monitor.run.failed', subject: `run-${runId}`, actor, details: { error: (err as Error).message }, list_versions: listVersions });
      throw err;
    }
    return { run: (await this.getRun(runId))!, created };
  }
}
