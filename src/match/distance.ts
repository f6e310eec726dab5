// String distances on short name tokens. Hand-written rather than taken from a library because they sit
// in the innermost loop of screening (thousands of calls per query): no allocation per call.

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up early:
 * returns `max + 1` as soon as the distance is known to exceed `max`. With a bound only the diagonal band
 * |i - j| <= max is computed (cells outside it exceed max anyway): names allow 1–3 edits, so this is a
 * few cells per letter instead of a full table.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // a common prefix and suffix cost nothing (with transpositions too): only the middles are aligned;
  // similar names differ in a letter or two, so this leaves a few cells
  let o = 0;
  while (o < a.length && o < b.length && a.charCodeAt(o) === b.charCodeAt(o)) o++;
  let ea = a.length;
  let eb = b.length;
  while (ea > o && eb > o && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
    ea--;
    eb--;
  }
  const la = ea - o;
  const lb = eb - o;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (lb + 2 > rowA.length) {
    rowA = new Int32Array(lb * 2 + 2);
    rowB = new Int32Array(lb * 2 + 2);
    rowC = new Int32Array(lb * 2 + 2);
  }
  const band = max < la + lb ? max : la + lb;
  const big = la + lb + 1; // stands for "outside the band": more than any distance
  // rowC: two rows back (for transpositions), rowB: previous row, rowA: current row
  let prev2 = rowC;
  let prev = rowB;
  let cur = rowA;
  const hi0 = band < lb ? band : lb;
  for (let j = 0; j <= hi0; j++) prev[j] = j;
  if (hi0 < lb) prev[hi0 + 1] = big;
  for (let i = 1; i <= la; i++) {
    const lo = i - band > 1 ? i - band : 1;
    const hi = i + band < lb ? i + band : lb;
    cur[lo - 1] = lo === 1 ? i : big;
    let rowMin = lo === 1 ? i : big;
    const ca = a.charCodeAt(o + i - 1);
    const ca2 = i > 1 ? a.charCodeAt(o + i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(o + j - 1);
      let v = prev[j - 1] + (ca === cb ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (j > 1 && ca === b.charCodeAt(o + j - 2) && ca2 === cb) {
        const tr = prev2[j - 2] + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < lb) cur[hi + 1] = big;
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb] > max ? max + 1 : prev[lb];
}

let matchA = new Uint8Array(64);
let matchB = new Uint8Array(64);

/** Jaro similarity in [0, 1]. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > matchA.length || lb > matchB.length) {
    matchA = new Uint8Array(Math.max(la, lb) * 2);
    matchB = new Uint8Array(Math.max(la, lb) * 2);
  }
  matchA.fill(0, 0, la);
  matchB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (!matchB[j] && b.charCodeAt(j) === c) {
        matchA[i] = 1;
        matchB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!matchA[i]) continue;
    while (!matchB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/** Jaro-Winkler similarity in [0, 1]: Jaro boosted by a common prefix of up to 4 characters. */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  let prefix = 0;
  const lim = Math.min(4, a.length, b.length);
  while (prefix < lim && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * prefixScale * (1 - j);
}
