// The monitored portfolio: upload a CSV or JSON-lines file, browse the records, start monitoring runs and
// follow their progress.
import { useRef, useState, type FormEvent } from 'react';
import { ApiFailure, postJson, postText, qs } from '../api';
import { Field, Loading, Problem, TableHead } from '../components/common';
import { plural, when } from '../format';
import { useApi, useInterval, useTitle } from '../hooks';
import { Link } from '../router';
import type { MonitorRun, PortfolioRecord } from '../types';

const COLUMNS = ['schema', 'date_of_birth', 'nationality', 'country', 'id_number'];

function Upload({ onDone }: { onDone: () => void }) {
  const file = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const f = file.current?.files?.[0];
    if (!f) return setResult({ ok: false, text: 'Choose a CSV or JSON-lines file first.' });
    setBusy(true);
    setResult(null);
    try {
      const jsonl = /\.(jsonl|ndjson|json)$/i.test(f.name);
      const counts = await postText<{ added: number; updated: number; unchanged: number; total: number }>(
        `/v1/portfolio${qs({ filename: f.name, format: jsonl ? 'jsonl' : 'csv' })}`,
        await f.text(),
        jsonl ? 'application/x-ndjson' : 'text/csv',
      );
      setResult({ ok: true, text: `${f.name}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged. The portfolio has ${plural(counts.total, 'record')}.` });
      if (file.current) file.current.value = '';
      onDone();
    } catch (err) {
      setResult({ ok: false, text: (err as ApiFailure).detail ?? String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card upload" onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title">Add or update records</h2>
      <p className="muted">
        A CSV file with a header row, or JSON lines. Every record needs a stable <code>id</code> and a <code>name</code> (or <code>first_name</code>/<code>last_name</code>);
        optional: <code>schema</code> (Person, Company…), <code>date_of_birth</code>, <code>nationality</code>, <code>country</code>, <code>id_number</code>, <code>address</code>. Uploading
        a record again updates it.
      </p>
      <div className="row">
        <label htmlFor="portfolio-file" className="sr-only">
          Portfolio file
        </label>
        <input id="portfolio-file" ref={file} type="file" accept=".csv,.jsonl,.ndjson,.json,.txt,text/csv" />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Uploading…' : 'Upload'}
        </button>
      </div>
      {result && (
        <p className={result.ok ? 'okline' : 'problem'} role={result.ok ? 'status' : 'alert'} data-testid="upload-result">
          {result.text}
        </p>
      )}
    </form>
  );
}

function Progress({ run }: { run: MonitorRun }) {
  const pct = run.records_total ? Math.round((run.records_done / run.records_total) * 100) : run.status === 'finished' ? 100 : 0;
  return (
    <span className="progress">
      <progress max={100} value={pct} aria-label={`Run ${run.id} progress`}>
        {pct}%
      </progress>{' '}
      {run.records_done}/{run.records_total}
    </span>
  );
}

function Runs() {
  const runs = useApi<{ results: MonitorRun[] }>('/v1/monitor/runs?limit=20');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [starting, setStarting] = useState(false);
  const running = (runs.data?.results ?? []).some((r) => r.status === 'running');
  useInterval(runs.reload, 1000, running || starting);
  const start = async () => {
    setStarting(true);
    setMessage(null);
    try {
      const run = await postJson<MonitorRun>('/v1/monitor/runs');
      setMessage({ ok: true, text: `Monitoring run #${run.id} started: screening ${plural(run.records_total, 'record')}.` });
      runs.reload();
    } catch (err) {
      setMessage({ ok: false, text: (err as ApiFailure).detail ?? String(err) });
    } finally {
      setStarting(false);
    }
  };
  return (
    <section className="card" aria-labelledby="runs-title">
      <h2 id="runs-title">Monitoring runs</h2>
      <p className="muted">A run screens every record against the active list versions and raises an alert only for new hits, or hits whose record or listing changed.</p>
      <p>
        <button type="button" className="primary" onClick={start} disabled={starting || running}>
          {running ? 'Run in progress…' : starting ? 'Starting…' : 'Run monitoring now'}
        </button>
      </p>
      {message && (
        <p className={message.ok ? 'okline' : 'problem'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <Problem error={runs.error} />
      {runs.data && runs.data.results.length === 0 && <p className="muted">No monitoring run yet.</p>}
      {runs.data && runs.data.results.length > 0 && (
        <div className="tablewrap">
        <table className="runs">
          <TableHead columns={['Run', 'Started', 'Status', 'Progress', 'New alerts', 'List versions', 'By']} />
          <tbody>
            {runs.data.results.map((r) => (
              <tr key={r.id} data-run={r.id} data-status={r.status}>
                <td>#{r.id}</td>
                <td className="nowrap">{when(r.started_at)}</td>
                <td>
                  <span className={`pill run-${r.status}`}>{r.status}</span>
                  {r.error && <span className="sub problem-text">{r.error}</span>}
                </td>
                <td>
                  <Progress run={r} />
                </td>
                <td>{r.status === 'running' ? '…' : r.alerts_created > 0 ? <Link to="/alerts">{r.alerts_created}</Link> : 0}</td>
                <td>
                  {Object.entries(r.list_versions).map(([ds, v]) => (
                    <span key={ds} className="sub">
                      {ds} <span className="mono nowrap">{v}</span>
                    </span>
                  ))}
                </td>
                <td className="nowrap">{r.actor}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}

export function PortfolioPage() {
  useTitle('Portfolio');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const limit = 100;
  const records = useApi<{ total: number; results: PortfolioRecord[] }>(`/v1/portfolio${qs({ q, limit, offset })}`);
  const data = records.data;
  return (
    <section aria-labelledby="portfolio-title">
      <div className="pagehead">
        <h1 id="portfolio-title">Portfolio</h1>
        <p className="muted">The customers under watch.</p>
      </div>
      <div className="portfolio-top">
        <Upload onDone={records.reload} />
        <Runs />
      </div>
      <section className="card" aria-labelledby="records-title">
        <h2 id="records-title">Records {data && <span className="muted">({plural(data.total, 'record')})</span>}</h2>
        <div className="filters">
          <Field id="records-find" label="Find">
            <input id="records-find" type="search" value={q} placeholder="id or name" onChange={(e) => (setQ(e.target.value), setOffset(0))} />
          </Field>
        </div>
        <Problem error={records.error} />
        {!data && records.loading && <Loading what="the portfolio" />}
        {data && data.total === 0 && <p className="muted">{q ? 'No record matches.' : 'The portfolio is empty: upload a file above.'}</p>}
        {data && data.results.length > 0 && (
          <table className="records">
            <TableHead columns={['Id', 'Name', ...COLUMNS.map((c) => c.replace(/_/g, ' ')), 'Updated', <span className="sr-only">Report</span>]} />
            <tbody>
              {data.results.map((r) => (
                <tr key={r.id}>
                  <td className="mono">{r.id}</td>
                  <td>{r.fields.name ?? r.fields.full_name ?? [r.fields.first_name, r.fields.last_name].filter(Boolean).join(' ')}</td>
                  {COLUMNS.map((c) => (
                    <td key={c}>{r.fields[c] ?? ''}</td>
                  ))}
                  <td className="nowrap">{when(r.updated_at)}</td>
                  <td>
                    <Link to={`/reports/${encodeURIComponent(r.id)}`}>Report</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data && data.total > limit && (
          <p className="pager">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - limit))}>
              Previous
            </button>{' '}
            {offset + 1}–{Math.min(offset + limit, data.total)} of {data.total}{' '}
            <button type="button" disabled={offset + limit >= data.total} onClick={() => setOffset(offset + limit)}>
              Next
            </button>
          </p>
        )}
      </section>
    </section>
  );
}
