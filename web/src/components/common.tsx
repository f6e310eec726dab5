// Small building blocks: error and loading notes, score badges, status pills, key-value tables, table heads.
import type { ReactNode } from 'react';
import type { ApiFailure } from '../api';
import { risk, score, STATUS_LABELS, DECISION_LABELS } from '../format';

export function Problem({ error }: { error: ApiFailure | undefined }) {
  if (!error || error.status === 401 || error.status === 403) return null;
  return (
    <p className="problem" role="alert">
      {error.detail}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function ScoreBadge({ value }: { value: number }) {
  const band = risk(value);
  return (
    <span className={`score ${band}`} title={`${band} risk`}>
      {score(value)}
      <span className="sr-only"> ({band} risk)</span>
    </span>
  );
}

export function StatusPill({ status, decision }: { status: string; decision?: string | null }) {
  const text = status === 'decided' && decision ? DECISION_LABELS[decision] : STATUS_LABELS[status] ?? status;
  return <span className={`pill ${status} ${decision ?? ''}`}>{text}</span>;
}

export function ScoreBar({ value, label }: { value: number; label: string }) {
  return (
    <span className="bar" role="meter" aria-valuemin={0} aria-valuemax={1} aria-valuenow={value} aria-label={label}>
      <span style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }} />
    </span>
  );
}

export function KeyValues({ rows, className }: { rows: Array<[string, ReactNode]>; className?: string }) {
  return (
    <dl className={`kv ${className ?? ''}`}>
      {rows.map(([k, v], i) => (
        <div key={`${k}-${i}`}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A labelled form control: the label names the control alone (not the control's current value too). */
export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** A table's head row: one `<th scope="col">` a column, its text or any node (a label for screen readers only, say). */
export function TableHead({ columns }: { columns: ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th scope="col" key={i}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
