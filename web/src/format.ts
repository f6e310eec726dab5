// Display helpers shared by the pages.
export const DECISION_LABELS: Record<string, string> = {
  true_match: 'True match',
  false_positive: 'False positive',
  escalate: 'Escalate',
  undecided: 'Undecided',
};

export const STATUS_LABELS: Record<string, string> = { open: 'Open', escalated: 'Escalated', decided: 'Decided', superseded: 'Superseded' };

/** `2026-11-29T04:26:54.848Z` → `2026-11-29 04:26 UTC`. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

export function score(n: number): string {
  return n.toFixed(2);
}

/** Risk band of a score, for colour and for screen readers. */
export function risk(n: number): 'high' | 'medium' | 'low' {
  return n >= 0.95 ? 'high' : n >= 0.8 ? 'medium' : 'low';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
