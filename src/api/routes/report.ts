// The printable screening report for one portfolio record: what was screened, against which list versions
// (with their publication dates), every hit and every decision, and whether the audit chain is intact.
// Plain HTML styled for paper, so the browser's "Save as PDF" gives a clean document; no script at all.
import type { AuditLog } from '../../audit/log.js';
import type { Alert, Alerts } from '../../cases/alerts.js';
import type { Monitor, MonitorRun } from '../../cases/monitor.js';
import { SCREENING_FIELDS, type PortfolioRecord } from '../../cases/portfolio.js';
import { DATASETS } from '../../model/datasets.js';
import type { ListStore } from '../../store/lists.js';

export interface ReportInput {
  record: PortfolioRecord;
  alerts: Alerts;
  monitor: Monitor;
  audit: AuditLog;
  store: ListStore;
  actor: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const DECISION_LABELS: Record<string, string> = { true_match: 'True match', false_positive: 'False positive', escalate: 'Escalated' };
const dateTime = (iso: string | null | undefined) => (iso ? esc(iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC')) : '—');

function table(head: string[], rows: string[][], cls = ''): string {
  if (!rows.length) return '<p class="none">None.</p>';
  return `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function recordSection(r: PortfolioRecord): string {
  const keys = [...SCREENING_FIELDS.filter((k) => r.fields[k]), ...Object.keys(r.fields).filter((k) => !SCREENING_FIELDS.includes(k) && k !== 'id').sort()];
  const rows = keys.map((k) => [`<span class="key">${esc(k)}</span>`, esc(r.fields[k])]);
  return `<section><h2>What was screened</h2>
  <p>Portfolio record <strong>${esc(r.id)}</strong>, added ${dateTime(r.added_at)}, last changed ${dateTime(r.updated_at)}. Content fingerprint <code>${esc(r.hash)}</code>.</p>
  ${table(['Field', 'Value'], rows, 'fields')}</section>`;
}

function versionRows(store: ListStore, versions: Record<string, string>): string[][] {
  return Object.entries(versions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dataset, label]) => {
      const v = store.findVersion(dataset, label);
      return [esc(DATASETS[dataset]?.title ?? dataset), `<code class="label">${esc(label)}</code>`, `<span class="nowrap">${esc(v?.published ?? '—')}</span>`, v ? esc(v.targets.toLocaleString('en')) : '—', dateTime(v?.imported_at)];
    });
}

function listsSection(store: ListStore, r: PortfolioRecord, runs: MonitorRun[]): string {
  // runs screen the whole portfolio: those finished since the record was added screened it
  const covering = runs.filter((run) => run.status === 'finished' && run.started_at >= r.added_at);
  const last = covering[0];
  const runRows = covering.slice(0, 15).map((run) => [`#${run.id}`, dateTime(run.started_at), esc(run.actor), esc(Object.values(run.list_versions).join(', ')), esc(run.alerts_created)]);
  return `<section><h2>Against which lists</h2>
  ${last ? `<p>Last screened in monitoring run #${last.id} on ${dateTime(last.finished_at ?? last.started_at)}, against these list versions:</p>${table(['List', 'Version', 'Published', 'Listed parties', 'Imported'], versionRows(store, last.list_versions))}` : '<p class="warn">This record has not been screened by a monitoring run yet.</p>'}
  ${covering.length > 1 ? `<h3>Monitoring runs that screened this record</h3>${table(['Run', 'Started', 'By', 'List versions', 'New alerts (whole portfolio)'], runRows)}` : ''}
  </section>`;
}

interface ExplanationLike {
  feature?: string;
  score?: number;
  weight?: number;
  detail?: string;
}

function explanationList(a: Alert): string {
  const items = (a.explanations as ExplanationLike[]).filter((x) => x && typeof x === 'object' && x.feature);
  if (!items.length) return '';
  return `<ul class="why">${items.map((x) => `<li><span class="key">${esc(x.feature)}</span> ${esc((x.score ?? 0).toFixed(2))}${x.detail ? ` — ${esc(x.detail)}` : ''}</li>`).join('')}</ul>`;
}

function hitsSection(all: Alert[]): string {
  const rows = all.map((a) => [
    `#${a.id}`,
    `<strong>${esc(a.caption)}</strong><br><span class="muted">${esc(a.schema)} · <code>${esc(a.entity)}</code></span>${explanationList(a)}`,
    `${esc(DATASETS[a.dataset]?.title ?? a.dataset)}<br><code>${esc(a.list_version)}</code>`,
    esc(a.score.toFixed(2)),
    dateTime(a.created),
    esc(a.status),
  ]);
  return `<section><h2>Hits</h2>${all.length ? `<p>${all.length} alert(s) raised for this record, newest first. Superseded alerts were replaced by a newer alert for the same listed party after the record or the listing changed.</p>` : ''}${table(['Alert', 'Listed party and why it matched', 'List and version', 'Score', 'Raised', 'Status'], rows, 'hits')}</section>`;
}

function decisionsSection(all: Alert[]): string {
  const decided = all.filter((a) => a.decision);
  const rows = decided.map((a) => [`#${a.id}`, esc(a.caption), `<strong>${esc(DECISION_LABELS[a.decision!] ?? a.decision)}</strong>`, esc(a.reason), esc(a.decided_by), dateTime(a.decided_at)]);
  const undecided = all.filter((a) => a.status === 'open').length;
  return `<section><h2>Decisions</h2>${table(['Alert', 'Listed party', 'Decision', 'Reason', 'By', 'When'], rows)}${undecided ? `<p class="warn">${undecided} alert(s) still open, awaiting a decision.</p>` : ''}</section>`;
}

const STYLE = `
  @page { size: A4; margin: 16mm 14mm 18mm; }
  * { box-sizing: border-box; }
  body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: #111; margin: 0 auto; max-width: 190mm; padding: 12px; }
  h1 { font-size: 17pt; margin: 0 0 2px; }
  h2 { font-size: 12.5pt; margin: 20px 0 6px; padding-bottom: 3px; border-bottom: 1.5px solid #222; break-after: avoid; }
  h3 { font-size: 11pt; margin: 14px 0 6px; break-after: avoid; }
  header { border-bottom: 3px solid #111; padding-bottom: 8px; margin-bottom: 8px; }
  .meta { color: #444; font-size: 9.5pt; }
  table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; font-size: 9.5pt; }
  th, td { text-align: left; vertical-align: top; padding: 4px 6px; border: 1px solid #bbb; }
  th { background: #eee; font-weight: 600; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  table.fields td:first-child { width: 32%; }
  code { font: 9pt ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
  code.label, .nowrap { white-space: nowrap; word-break: normal; }
  .key { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 9pt; color: #333; }
  .muted { color: #555; }
  .none { color: #555; font-style: italic; }
  .warn { border-left: 4px solid #b45309; padding: 4px 8px; background: #fff7ed; }
  .ok { border-left: 4px solid #15803d; padding: 4px 8px; background: #f0fdf4; }
  .bad { border-left: 4px solid #b91c1c; padding: 4px 8px; background: #fef2f2; }
  ul.why { margin: 4px 0 0; padding-left: 16px; color: #333; font-size: 8.5pt; }
  footer { margin-top: 24px; font-size: 8.5pt; color: #555; border-top: 1px solid #bbb; padding-top: 6px; }
  @media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/** The report document. */
export async function screeningReport(input: ReportInput): Promise<string> {
  const { record, alerts, monitor, audit, store } = input;
  const all = [...(await alerts.list({ record: record.id })), ...(await alerts.list({ record: record.id, status: 'superseded' }))].sort((a, b) => b.id - a.id);
  const runs = await monitor.runs(200);
  const chain = await audit.verify();
  const generated = new Date().toISOString();
  const name = record.fields.name ?? record.fields.full_name ?? [record.fields.first_name, record.fields.last_name].filter(Boolean).join(' ');
  const chainNote = chain.ok
    ? `<p class="ok">Audit trail verified at generation: ${chain.rows} rows, hash chain intact.</p>`
    : `<p class="bad">Audit trail verification FAILED at row ${chain.seq}: ${esc(chain.problem)}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Screening report — ${esc(record.id)} ${esc(name)}</title><style>${STYLE}</style></head>
<body>
<header><h1>Screening report: ${esc(name || record.id)}</h1>
<div class="meta">Record <strong>${esc(record.id)}</strong> · generated ${dateTime(generated)} by ${esc(input.actor)} · Interdict</div></header>
${recordSection(record)}
${listsSection(store, record, runs)}
${hitsSection(all)}
${decisionsSection(all)}
<section><h2>Integrity</h2>${chainNote}</section>
<footer>Every monitoring run, alert and decision above is recorded in the hash-chained audit trail (<code>interdict audit verify</code>). Scores are the engine's similarity between the record and the listed party (0–1); an alert is raised only for hits that are new, or whose record or listing changed.</footer>
</body></html>`;
}
