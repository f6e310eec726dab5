// The alert queue: highest risk first, filtered by status, list and score; driven from the keyboard
// (j/k to move, Enter to open, f/t/e to decide) with the selected row always visibly focused.
import { useEffect, useMemo, useRef, useState } from 'react';
import { qs } from '../api';
import { Field, Loading, Problem, ScoreBadge, StatusPill, TableHead } from '../components/common';
import { when, plural } from '../format';
import { typing, useApi, useTitle } from '../hooks';
import { Link, navigate, useRoute } from '../router';
import type { AlertSummary, ListInfo } from '../types';

const PAGE = 200;
const DECIDE_KEYS: Record<string, string> = { f: 'false_positive', t: 'true_match', e: 'escalate' };

export function AlertQueue() {
  useTitle('Alert queue');
  const { query } = useRoute();
  const status = query.get('status') ?? 'open';
  const dataset = query.get('dataset') ?? '';
  const minScore = query.get('min_score') ?? '';
  const [limit, setLimit] = useState(PAGE);
  const alerts = useApi<{ results: AlertSummary[] }>(`/v1/alerts${qs({ status: status === 'all' ? '' : status, dataset, min_score: minScore, limit })}`);
  const lists = useApi<{ lists: ListInfo[] }>('/v1/lists');
  const rows = alerts.data?.results ?? [];
  const [selected, setSelected] = useState(0);
  const rowRefs = useRef<Array<HTMLTableRowElement | null>>([]);
  const firstFilter = useRef<HTMLSelectElement>(null);

  const datasets = useMemo(() => (lists.data?.lists ?? []).filter((l) => l.versions.length > 0), [lists.data]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    setSelected(0);
    setLimit(PAGE);
    navigate(`/alerts${next.toString() ? `?${next}` : ''}`, { replace: true });
  };

  useEffect(() => {
    if (selected >= rows.length && rows.length) setSelected(rows.length - 1);
  }, [rows.length, selected]);

  useEffect(() => {
    const move = (to: number) => {
      const i = Math.max(0, Math.min(rows.length - 1, to));
      setSelected(i);
      rowRefs.current[i]?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      const inTable = (e.target as HTMLElement | null)?.closest?.('table.queue');
      const current = rows[selected];
      // the first j/k focuses the selected row; after that they move
      const focused = document.activeElement === rowRefs.current[selected];
      if (e.key === 'j' || (e.key === 'ArrowDown' && inTable)) {
        e.preventDefault();
        move(focused ? selected + 1 : selected);
      } else if (e.key === 'k' || (e.key === 'ArrowUp' && inTable)) {
        e.preventDefault();
        move(focused ? selected - 1 : selected);
      } else if ((e.key === 'Enter' && inTable) || e.key === 'o') {
        if (!current) return;
        e.preventDefault();
        navigate(`/alerts/${current.id}`);
      } else if (DECIDE_KEYS[e.key] && current) {
        e.preventDefault();
        navigate(`/alerts/${current.id}?decide=${DECIDE_KEYS[e.key]}`);
      } else if (e.key === '/') {
        e.preventDefault();
        firstFilter.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, selected]);

  return (
    <section aria-labelledby="queue-title">
      <div className="pagehead">
        <h1 id="queue-title">Alert queue</h1>
        <p className="muted">
          Highest risk first. <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens, <kbd>f</kbd> <kbd>t</kbd> <kbd>e</kbd> decide, <kbd>?</kbd> all shortcuts.
        </p>
      </div>
      <form className="filters" role="search" aria-label="Filter alerts" onSubmit={(e) => e.preventDefault()}>
        <Field id="f-status" label="Status">
          <select id="f-status" ref={firstFilter} name="status" value={status} onChange={(e) => setFilter('status', e.target.value === 'open' ? '' : e.target.value)}>
            <option value="open">Open</option>
            <option value="escalated">Escalated</option>
            <option value="decided">Decided</option>
            <option value="all">All (not superseded)</option>
            <option value="superseded">Superseded</option>
          </select>
        </Field>
        <Field id="f-dataset" label="List">
          <select id="f-dataset" name="dataset" value={dataset} onChange={(e) => setFilter('dataset', e.target.value)}>
            <option value="">All lists</option>
            {datasets.map((d) => (
              <option key={d.dataset} value={d.dataset}>
                {d.title}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-score" label="Minimum score">
          <select id="f-score" name="min_score" value={minScore} onChange={(e) => setFilter('min_score', e.target.value)}>
            <option value="">Any</option>
            <option value="0.8">0.80 and above</option>
            <option value="0.9">0.90 and above</option>
            <option value="0.95">0.95 and above</option>
          </select>
        </Field>
        <span className="count" role="status" aria-live="polite">
          {alerts.data ? plural(rows.length, 'alert') + (rows.length === limit ? '+' : '') : ''}
        </span>
      </form>
      <Problem error={alerts.error} />
      {!alerts.data && alerts.loading && <Loading what="alerts" />}
      {alerts.data && rows.length === 0 && (
        <div className="empty">
          <p>
            <strong>No {status === 'all' ? '' : status} alerts{dataset || minScore ? ' for these filters' : ''}.</strong>
          </p>
          <p className="muted">
            Alerts appear after a monitoring run finds a new or changed hit. <Link to="/portfolio">Upload a portfolio and run monitoring</Link>.
          </p>
        </div>
      )}
      {rows.length > 0 && (
        <table className="queue" aria-describedby="queue-title">
          <TableHead columns={['Score', 'Customer', 'Listed party', 'List version', 'Status', 'Raised']} />
          <tbody>
            {rows.map((a, i) => (
              <tr
                key={a.id}
                ref={(el) => {
                  rowRefs.current[i] = el;
                }}
                tabIndex={i === selected ? 0 : -1}
                aria-current={i === selected ? 'true' : undefined}
                className={i === selected ? 'selected' : undefined}
                data-alert={a.id}
                onFocus={() => setSelected(i)}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('a')) return;
                  navigate(`/alerts/${a.id}`);
                }}
              >
                <td>
                  <ScoreBadge value={a.score} />
                </td>
                <td>
                  <span className="strong">{a.record_name ?? a.record}</span>
                  <span className="sub">{a.record}</span>
                </td>
                <td>
                  <Link to={`/alerts/${a.id}`} tabIndex={-1}>
                    {a.caption}
                  </Link>
                  <span className="sub">
                    {a.schema} · {a.entity}
                  </span>
                </td>
                <td>
                  <span>{datasets.find((d) => d.dataset === a.dataset)?.title ?? a.dataset}</span>
                  <span className="sub mono">{a.list_version}</span>
                </td>
                <td>
                  <StatusPill status={a.status} decision={a.decision} />
                </td>
                <td className="nowrap">{when(a.created)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length === limit && (
        <p>
          <button type="button" onClick={() => setLimit(limit + PAGE)}>
            Show more
          </button>
        </p>
      )}
    </section>
  );
}
