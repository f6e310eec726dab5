// Token-pair scores remembered while one query is screened, keyed by two small integers (the tokens' ids).
// Hand-written instead of a Map: a Map keyed by a number built from two ids stores heap doubles (ids
// multiplied past 31 bits), and that lookup was a tenth of screening time; here keys and values sit in
// typed arrays, nothing is allocated per lookup, and forgetting a query's pairs is one counter increment.

const EMPTY = -1;

export class PairTable {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Float64Array;
  /** Generation an entry was written in; entries of older generations are empty. */
  private stamps: Int32Array;
  private generation = 1;
  private used = 0;
  private mask: number;

  constructor(capacity = 4096) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.keysA = new Int32Array(size);
    this.keysB = new Int32Array(size);
    this.values = new Float64Array(size);
    this.stamps = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Forget every pair (constant time). */
  clear(): void {
    this.used = 0;
    if (++this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  private slot(a: number, b: number): number {
    // two multiplicative hashes mixed (Math.imul keeps 32-bit integer arithmetic)
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
  }

  /** The value stored for (a, b), or -1 when none (values are ≥ 0). */
  get(a: number, b: number): number {
    const mask = this.mask;
    for (let i = this.slot(a, b) & mask; ; i = (i + 1) & mask) {
      if (this.stamps[i] !== this.generation) return EMPTY;
      if (this.keysA[i] === a && this.keysB[i] === b) return this.values[i];
    }
  }

  set(a: number, b: number, value: number): void {
    if ((this.used + 1) * 2 > this.mask) this.grow();
    const mask = this.mask;
    for (let i = this.slot(a, b) & mask; ; i = (i + 1) & mask) {
      if (this.stamps[i] !== this.generation) {
        this.stamps[i] = this.generation;
        this.keysA[i] = a;
        this.keysB[i] = b;
        this.values[i] = value;
        this.used++;
        return;
      }
      if (this.keysA[i] === a && this.keysB[i] === b) {
        this.values[i] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { keysA, keysB, values, stamps, generation } = this;
    const size = (this.mask + 1) * 2;
    this.keysA = new Int32Array(size);
    this.keysB = new Int32Array(size);
    this.values = new Float64Array(size);
    this.stamps = new Int32Array(size);
    this.mask = size - 1;
    this.generation = 1;
    this.used = 0;
    for (let i = 0; i < stamps.length; i++) if (stamps[i] === generation) this.set(keysA[i], keysB[i], values[i]);
  }
}
