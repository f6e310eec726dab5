// Top-K selection with a fixed-size binary min-heap on typed arrays: O(n log K), no sorting of all hits.

export class TopK {
  private ids: Int32Array;
  private scores: Float64Array;
  size = 0;

  constructor(readonly k: number) {
    this.ids = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  /** The lowest score kept (−∞ until full). */
  floor(): number {
    return this.size < this.k ? -Infinity : this.scores[0];
  }

  push(id: number, score: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      // sift up
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (this.scores[p] <= score) break;
        this.ids[i] = this.ids[p];
        this.scores[i] = this.scores[p];
        i = p;
      }
      this.ids[i] = id;
      this.scores[i] = score;
      return;
    }
    if (score <= this.scores[0]) return;
    // replace the root and sift down
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.scores[r] < this.scores[l] ? r : l;
      if (this.scores[c] >= score) break;
      this.ids[i] = this.ids[c];
      this.scores[i] = this.scores[c];
      i = c;
    }
    this.ids[i] = id;
    this.scores[i] = score;
  }

  /** Kept entries, best first. */
  sorted(): Array<{ id: number; score: number }> {
    const out: Array<{ id: number; score: number }> = [];
    for (let i = 0; i < this.size; i++) out.push({ id: this.ids[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.id - b.id);
  }
}
