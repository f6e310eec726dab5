// Classification metrics for labelled pairs: precision/recall/F1 at a threshold and the best-F1 threshold.

export interface Labelled {
  score: number;
  label: boolean;
}

export interface Metrics {
  n: number;
  positives: number;
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function metricsAt(rows: Labelled[], threshold: number): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const predicted = r.score >= threshold;
    if (predicted && r.label) tp++;
    else if (predicted) fp++;
    else if (r.label) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { n: rows.length, positives: rows.filter((r) => r.label).length, threshold, tp, fp, fn, precision, recall, f1 };
}

/** The threshold (among the observed scores) with the highest F1. */
export function bestF1(rows: Labelled[]): Metrics {
  const candidates = [...new Set(rows.map((r) => r.score))].sort((a, b) => a - b);
  let best = metricsAt(rows, 1.01);
  for (const t of candidates) {
    if (t <= 0) continue;
    const m = metricsAt(rows, t);
    if (m.f1 > best.f1) best = m;
  }
  return best;
}
