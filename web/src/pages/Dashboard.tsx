// Alerts per day and decisions per outcome, as plain SVG charts (each with its numbers as a table).
import { Loading, Problem } from '../components/common';
import { BarChart, HBarChart } from '../components/Charts';
import { DECISION_LABELS, plural } from '../format';
import { useApi, useTitle } from '../hooks';
import { Link } from '../router';
import type { Stats } from '../types';

/** The last `days` calendar days ending today (UTC), zero-filled, so gaps show as gaps. */
function lastDays(perDay: Stats['alerts_per_day'], days = 30): Array<{ label: string; value: number }> {
  const counts = new Map(perDay.map((d) => [d.day, d.alerts]));
  const newest = perDay.length ? perDay[perDay.length - 1].day : new Date().toISOString().slice(0, 10);
  const end = new Date(`${newest > new Date().toISOString().slice(0, 10) ? newest : new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const out: Array<{ label: string; value: number }> = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(end.getTime() - i * 86_400_000).toISOString().slice(0, 10);
    out.push({ label: day, value: counts.get(day) ?? 0 });
  }
  return out;
}

export function DashboardPage() {
  useTitle('Dashboard');
  const stats = useApi<Stats>('/v1/stats');
  const s = stats.data;
  return (
    <section aria-labelledby="dash-title">
      <div className="pagehead">
        <h1 id="dash-title">Dashboard</h1>
      </div>
      <Problem error={stats.error} />
      {!s && stats.loading && <Loading what="statistics" />}
      {s && (
        <>
          <div className="tiles">
            <Link to="/alerts" className="tile">
              <span className="big">{s.open}</span> open alerts
            </Link>
            <Link to="/alerts?status=escalated" className="tile">
              <span className="big">{s.escalated}</span> escalated
            </Link>
            <Link to="/portfolio" className="tile">
              <span className="big">{s.portfolio.toLocaleString('en')}</span> {s.portfolio === 1 ? 'record' : 'records'} monitored
            </Link>
          </div>
          <div className="twocol">
            <section className="card" aria-labelledby="perday-title">
              <h2 id="perday-title">Alerts per day</h2>
              <p className="muted">Last 30 days; {plural(s.alerts_per_day.reduce((n, d) => n + d.alerts, 0), 'alert')} in all.</p>
              <BarChart data={lastDays(s.alerts_per_day)} title="Alerts raised per day, last 30 days" />
            </section>
            <section className="card" aria-labelledby="outcome-title">
              <h2 id="outcome-title">Decisions per outcome</h2>
              <p className="muted">Current alerts (superseded ones excluded).</p>
              <HBarChart data={s.decisions.map((d) => ({ label: DECISION_LABELS[d.decision] ?? d.decision, value: d.n, kind: d.decision }))} title="Alerts per decision outcome" />
            </section>
          </div>
        </>
      )}
    </section>
  );
}
