// The audit trail, newest first, with the hash-chain check an examiner would run.
import { useState } from 'react';
import { qs } from '../api';
import { Field, Loading, Problem, TableHead } from '../components/common';
import { when } from '../format';
import { useApi, useTitle } from '../hooks';
import { Link } from '../router';
import type { AuditEntry, VerifyResult } from '../types';

const LIMIT = 100;

function Subject({ subject }: { subject: string | null }) {
  const alert = subject && /^alert-(\d+)$/.exec(subject);
  if (alert) return <Link to={`/alerts/${alert[1]}`}>{subject}</Link>;
  return <span className="mono">{subject ?? ''}</span>;
}

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!entries.length) return null;
  return (
    <dl className="kv compact">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditPage() {
  useTitle('Audit trail');
  const [offset, setOffset] = useState(0);
  const [action, setAction] = useState('');
  const log = useApi<{ results: AuditEntry[] }>(`/v1/audit${qs({ limit: LIMIT, offset })}`);
  const verify = useApi<VerifyResult>('/v1/audit/verify');
  const rows = (log.data?.results ?? []).filter((e) => !action || e.action.startsWith(action));
  const actions = [...new Set((log.data?.results ?? []).map((e) => e.action))].sort();
  return (
    <section aria-labelledby="audit-title">
      <div className="pagehead">
        <h1 id="audit-title">Audit trail</h1>
        <p className="muted">Every import, screening, monitoring run, alert and decision, each row chained to the previous one by its hash.</p>
      </div>
      <div className="card verify" aria-live="polite" data-testid="verify">
        {verify.loading && <span className="muted">Checking the hash chain…</span>}
        {verify.data && !verify.loading && verify.data.ok && (
          <span className="okline">
            ✓ Hash chain intact: {verify.data.rows.toLocaleString('en')} rows verified.
          </span>
        )}
        {verify.data && !verify.loading && !verify.data.ok && (
          <span className="problem" role="alert">
            ✗ The audit trail was altered: {verify.data.problem}
          </span>
        )}
        <Problem error={verify.error} />{' '}
        <button type="button" onClick={() => (verify.reload(), log.reload())}>
          Verify again
        </button>
      </div>
      <div className="filters">
        <Field id="audit-action" label="Action">
          <select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </Field>
      </div>
      <Problem error={log.error} />
      {!log.data && log.loading && <Loading what="the audit trail" />}
      {log.data && (
        <table className="audit">
          <TableHead columns={['#', 'When', 'Who', 'Action', 'Subject', 'Details', 'List versions']} />
          <tbody>
            {rows.map((e) => (
              <tr key={e.seq} data-action={e.action}>
                <td className="num">{e.seq}</td>
                <td className="nowrap">{when(e.at)}</td>
                <td>{e.actor}</td>
                <td className="mono">{e.action}</td>
                <td>
                  <Subject subject={e.subject} />
                </td>
                <td>
                  <Details details={e.details} />
                </td>
                <td>
                  {Object.entries(e.list_versions).map(([ds, v]) => (
                    <span key={ds} className="sub mono">
                      {ds} {v}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="pager">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - LIMIT))}>
          Newer
        </button>{' '}
        <button type="button" disabled={(log.data?.results.length ?? 0) < LIMIT} onClick={() => setOffset(offset + LIMIT)}>
          Older
        </button>
      </p>
    </section>
  );
}
