// One alert: the customer record beside the listed party as it stood in the alert's list version, why the
// engine matched them, and the decision form (a reason is always required).
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { ApiFailure, getJson, postJson } from '../api';
import { KeyValues, Loading, Problem, ScoreBadge, ScoreBar, StatusPill, TableHead } from '../components/common';
import { DECISION_LABELS, when } from '../format';
import { typing, useApi, useTitle } from '../hooks';
import { Link, navigate, useRoute } from '../router';
import type { AlertDetail, AlertSummary, Decision, EntityView, GroupName, ListInfo, PortfolioRecord } from '../types';

const GROUPS: Array<[GroupName, string]> = [
  ['names', 'Names'],
  ['identifiers', 'Identifiers'],
  ['dates', 'Dates'],
  ['addresses', 'Addresses'],
  ['countries', 'Countries'],
  ['programmes', 'Programmes'],
  ['other', 'Other details'],
];
const DECISIONS: Array<{ value: Decision; key: string; hint: string }> = [
  { value: 'false_positive', key: 'f', hint: 'not the listed party; stays quiet until the record or the listing changes' },
  { value: 'true_match', key: 't', hint: 'the customer is the listed party' },
  { value: 'escalate', key: 'e', hint: 'needs a second opinion' },
];
const FIELD_ORDER = ['name', 'full_name', 'first_name', 'middle_name', 'last_name', 'schema', 'gender', 'date_of_birth', 'place_of_birth', 'nationality', 'country', 'id_number', 'imo_number', 'address'];

function RecordCard({ record, id }: { record: PortfolioRecord | null; id: string }) {
  if (!record)
    return (
      <article className="card" aria-labelledby="record-title">
        <h2 id="record-title">Customer record</h2>
        <p className="problem">Record {id} is no longer in the portfolio.</p>
      </article>
    );
  const keys = [...FIELD_ORDER.filter((k) => record.fields[k]), ...Object.keys(record.fields).filter((k) => !FIELD_ORDER.includes(k) && k !== 'id').sort()];
  return (
    <article className="card" aria-labelledby="record-title">
      <h2 id="record-title">Customer record</h2>
      <p className="sub">
        <span className="mono">{record.id}</span> · updated {when(record.updated_at)}
      </p>
      <KeyValues rows={keys.map((k) => [k.replace(/_/g, ' '), record.fields[k]])} />
      <p>
        <Link to={`/reports/${encodeURIComponent(record.id)}`}>Screening report for this record</Link>
      </p>
    </article>
  );
}

function Groups({ entity, level = 3 }: { entity: EntityView; level?: 3 | 4 }) {
  const H = `h${level}` as 'h3' | 'h4';
  return (
    <>
      {GROUPS.filter(([g]) => entity.groups[g]?.length).map(([g, title]) => (
        <div key={g} className={`group ${g}`}>
          <H>{title}</H>
          <KeyValues
            rows={entity.groups[g].map((p) => [
              p.label,
              p.values.length === 1 ? (
                p.values[0]
              ) : (
                <ul className="values">
                  {p.values.map((v, i) => (
                    <li key={i}>{v}</li>
                  ))}
                </ul>
              ),
            ])}
          />
        </div>
      ))}
    </>
  );
}

function ListedCard({ detail, titles }: { detail: AlertDetail; titles: Map<string, string> }) {
  const listed = detail.listed;
  const a = detail.alert;
  return (
    <article className="card" aria-labelledby="listed-title">
      <h2 id="listed-title">Listed party</h2>
      {!listed ? (
        <p className="problem">
          {a.entity} is not in the stored list versions any more ({a.dataset} {a.list_version}).
        </p>
      ) : (
        <>
          <p className="sub">
            <span className="strong">{listed.entity.caption}</span> · {listed.entity.schema_label} · <span className="mono">{listed.entity.id}</span>
          </p>
          <div className="listversion" data-testid="list-version">
            <span>{titles.get(listed.version.dataset) ?? listed.version.dataset}</span>
            <span>
              version <span className="mono">{listed.version.version}</span>
            </span>
            <span>published {listed.version.published ?? 'undated'}</span>
            {!listed.version.active && <span className="pill superseded">not the active version</span>}
          </div>
          <Groups entity={listed.entity} />
          {listed.related.map((r) => (
            <section key={r.id} className="related" aria-label={`${r.relation}: ${r.caption}`}>
              <h3>
                {r.relation}: {r.caption} <span className="sub">({r.schema_label})</span>
              </h3>
              <Groups entity={r} level={4} />
            </section>
          ))}
        </>
      )}
    </article>
  );
}

function Explanations({ detail }: { detail: AlertDetail }) {
  const rows = detail.alert.explanations ?? [];
  return (
    <section className="card" aria-labelledby="why-title">
      <h2 id="why-title">Why it matched</h2>
      {rows.length === 0 ? (
        <p className="muted">The engine recorded no feature explanation for this hit.</p>
      ) : (
        <table className="why">
          <TableHead columns={['Feature', 'Value', 'Weight', 'Explanation']} />
          <tbody>
            {rows.map((x) => (
              <tr key={x.feature} className={x.weight < 0 ? 'penalty' : undefined}>
                <th scope="row" className="mono">
                  {x.feature}
                </th>
                <td className="nowrap">
                  <ScoreBar value={x.score} label={`${x.feature} ${x.score.toFixed(2)}`} /> {x.score.toFixed(2)}
                </td>
                <td>{x.weight}</td>
                <td>{x.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DecisionForm({ detail, onDecided }: { detail: AlertDetail; onDecided: (a: AlertSummary) => void }) {
  const { query } = useRoute();
  const preset = query.get('decide') as Decision | null;
  const [decision, setDecision] = useState<Decision | ''>(preset && DECISIONS.some((d) => d.value === preset) ? preset : '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const a = detail.alert;

  useEffect(() => {
    if (preset) reasonRef.current?.focus();
  }, [preset]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      const d = DECISIONS.find((x) => x.key === e.key);
      if (d) {
        e.preventDefault();
        setDecision(d.value);
        reasonRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!decision) return setError('Choose a decision.');
    if (!reason.trim()) {
      reasonRef.current?.focus();
      return setError('A reason is required: it is kept in the audit trail.');
    }
    setBusy(true);
    setError('');
    try {
      onDecided(await postJson<AlertSummary>(`/v1/alerts/${a.id}/decision`, { decision, reason }));
      setReason('');
    } catch (err) {
      setError((err as ApiFailure).detail ?? String(err));
    } finally {
      setBusy(false);
    }
  };
  const ctrlEnter = (e: ReactKeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
  };

  if (a.status === 'superseded')
    return (
      <section className="card" aria-labelledby="decide-title">
        <h2 id="decide-title">Decision</h2>
        <p>This alert was superseded by a newer alert for the same record and listed party; decide the newer one.</p>
      </section>
    );
  return (
    <form className="card decide" aria-labelledby="decide-title" onSubmit={submit} onKeyDown={ctrlEnter} noValidate>
      <h2 id="decide-title">{a.decision ? 'Change the decision' : 'Decision'}</h2>
      {a.decision && (
        <p className="decided" data-testid="current-decision">
          <StatusPill status={a.status} decision={a.decision} /> by <strong>{a.decided_by}</strong> on {when(a.decided_at)}: “{a.reason}”
        </p>
      )}
      <fieldset>
        <legend>Outcome</legend>
        {DECISIONS.map((d) => (
          <label key={d.value} className={`choice ${decision === d.value ? 'chosen' : ''}`}>
            <input type="radio" name="decision" value={d.value} checked={decision === d.value} onChange={() => setDecision(d.value)} />
            <span>
              <strong>{DECISION_LABELS[d.value]}</strong> <kbd aria-hidden="true">{d.key}</kbd>
              <span className="sub">{d.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="reason" className="block">
        Reason <span className="muted">(required; recorded in the audit trail)</span>
      </label>
      <textarea
        id="reason"
        ref={reasonRef}
        name="reason"
        rows={3}
        required
        aria-required="true"
        aria-invalid={!!error && !reason.trim()}
        aria-describedby={error ? 'decide-error' : undefined}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="e.g. different date of birth and nationality; passport number differs"
      />
      {error && (
        <p id="decide-error" className="problem" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record decision'}
        </button>
        <span className="muted">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </span>
      </div>
    </form>
  );
}

export function AlertDetailPage({ id }: { id: number }) {
  const detail = useApi<AlertDetail>(`/v1/alerts/${id}`);
  const lists = useApi<{ lists: ListInfo[] }>('/v1/lists');
  const titles = new Map((lists.data?.lists ?? []).map((l) => [l.dataset, l.title]));
  const [done, setDone] = useState<AlertSummary | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useTitle(`Alert ${id}`);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'u' || e.key === 'Escape') navigate('/alerts');
      else if (e.key === 'n' && done) void nextOpen();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const nextOpen = async () => {
    const { results } = await getJson<{ results: AlertSummary[] }>('/v1/alerts?status=open&limit=1');
    navigate(results[0] ? `/alerts/${results[0].id}` : '/alerts');
  };

  if (!detail.data)
    return (
      <section>
        <p>
          <Link to="/alerts">← Alert queue</Link>
        </p>
        <Problem error={detail.error} />
        {detail.loading && <Loading what={`alert ${id}`} />}
      </section>
    );
  const d = detail.data;
  const a = d.alert;
  return (
    <section aria-labelledby="alert-title" className="detail">
      <p className="crumbs">
        <Link to="/alerts">← Alert queue</Link> <span className="muted">(u)</span>
      </p>
      <div className="pagehead">
        <h1 id="alert-title">
          Alert {a.id}: {a.record_name ?? a.record} <span className="muted">↔</span> {a.caption}
        </h1>
        <p className="meta">
          <ScoreBadge value={a.score} /> <StatusPill status={a.status} decision={a.decision} /> raised {when(a.created)} by monitoring run #{a.run_id}
        </p>
      </div>
      {a.record_changed && <p className="banner warn">The customer record changed after this alert was raised; the next monitoring run re-screens it.</p>}
      {done && (
        <div className="banner ok" role="status" tabIndex={-1} ref={doneRef} data-testid="decision-saved">
          Decision recorded: <strong>{DECISION_LABELS[done.decision ?? ''] ?? done.decision}</strong> by {done.decided_by}. It is in the audit trail.{' '}
          <button type="button" onClick={nextOpen}>
            Next open alert (n)
          </button>
        </div>
      )}
      <div className="compare">
        <RecordCard record={d.record} id={a.record} />
        <ListedCard detail={d} titles={titles} />
      </div>
      <Explanations detail={d} />
      <DecisionForm
        detail={d}
        onDecided={(x) => {
          setDone(x);
          detail.reload();
        }}
      />
      {d.history.length > 0 && (
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">Earlier alerts for this record and party</h2>
          <ul>
            {d.history.map((h) => (
              <li key={h.id}>
                <Link to={`/alerts/${h.id}`}>Alert {h.id}</Link> — {when(h.created)}, <StatusPill status={h.status} decision={h.decision} />
                {h.reason && <> “{h.reason}” ({h.decided_by})</>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
