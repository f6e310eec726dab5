// Compact key → list-of-ints maps (CSR layout: one offsets array, one values array), built in two passes.
// A Map of small JS arrays would cost ~10x the memory and scatter the postings across the heap.

/** Accumulates (key, value) pairs, then freezes them into a `Postings`. */
export class PostingsBuilder {
  private keys = new Map<string, number>();
  private pairKey = new Int32Array(1024);
  private pairVal = new Int32Array(1024);
  private n = 0;

  /** Id of a key, created on first use. */
  keyId(key: string): number {
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.keys.size;
      this.keys.set(key, id);
    }
    return id;
  }

  add(key: string, value: number): void {
    this.addId(this.keyId(key), value);
  }

  addId(keyId: number, value: number): void {
    if (this.n === this.pairKey.length) {
      const k = new Int32Array(this.n * 2);
      k.set(this.pairKey);
      this.pairKey = k;
      const v = new Int32Array(this.n * 2);
      v.set(this.pairVal);
      this.pairVal = v;
    }
    this.pairKey[this.n] = keyId;
    this.pairVal[this.n] = value;
    this.n++;
  }

  /** Freeze: values per key keep insertion order, duplicates of a (key, value) pair in a row are dropped. */
  build(): Postings {
    const nk = this.keys.size;
    const counts = new Int32Array(nk + 1);
    for (let i = 0; i < this.n; i++) counts[this.pairKey[i] + 1]++;
    for (let k = 0; k < nk; k++) counts[k + 1] += counts[k];
    const offsets = counts.slice();
    const values = new Int32Array(this.n);
    const fill = counts.slice(0, nk);
    for (let i = 0; i < this.n; i++) values[fill[this.pairKey[i]]++] = this.pairVal[i];
    // drop adjacent duplicates (a token seen twice in one document)
    const outOffsets = new Int32Array(nk + 1);
    let w = 0;
    for (let k = 0; k < nk; k++) {
      outOffsets[k] = w;
      let last = -1;
      for (let i = offsets[k]; i < offsets[k + 1]; i++) {
        if (values[i] === last) continue;
        last = values[i];
        values[w++] = last;
      }
    }
    outOffsets[nk] = w;
    return new Postings(this.keys, outOffsets, values.slice(0, w));
  }
}

export class Postings {
  constructor(
    readonly keys: Map<string, number>,
    readonly offsets: Int32Array,
    readonly values: Int32Array,
  ) {}

  id(key: string): number {
    return this.keys.get(key) ?? -1;
  }

  length(id: number): number {
    return this.offsets[id + 1] - this.offsets[id];
  }

  get size(): number {
    return this.keys.size;
  }
}
