// The deletion neighbourhood of the listed tokens (symmetric delete: a one-edit typo on either side meets
// the same key) without building its strings: each one-letter deletion of a token is hashed in place
// (~700k of them for every shared list), and a hash bucket holds the ids of the tokens that gave it. A
// lookup checks every id in the bucket against the key, so a hash collision costs one comparison, never a
// wrong hit. Building string keys in a Map took most of the index build.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Spread a 32-bit hash over the low bits (murmur3's finaliser): buckets are the low bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** FNV-1a of `text` with the character at `skip` left out (-1: none). */
function hashWithout(text: string, skip: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) if (i !== skip) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return mix(h);
}

/** True when deleting one character of `token` gives `key`. */
function isDeletionOf(key: string, token: string): boolean {
  if (token.length !== key.length + 1) return false;
  let i = 0;
  while (i < key.length && key.charCodeAt(i) === token.charCodeAt(i)) i++;
  for (; i < key.length; i++) if (key.charCodeAt(i) !== token.charCodeAt(i + 1)) return false;
  return true;
}

/** Positions whose deletion gives a new string: in a run of equal letters ("aab") only the first counts. */
function eachDeletion(token: string, fn: (position: number) => void): void {
  for (let i = 0; i < token.length; i++) if (i === 0 || token.charCodeAt(i) !== token.charCodeAt(i - 1)) fn(i);
}

export class DeletionIndex {
  private constructor(
    private readonly mask: number,
    private readonly offsets: Int32Array,
    private readonly ids: Int32Array,
    private readonly tokens: ReadonlyArray<string | undefined>,
  ) {}

  /** Index the one-letter deletions of `tokens[id]` for every id that has a token (undefined: not indexed). */
  static build(tokens: ReadonlyArray<string | undefined>): DeletionIndex {
    let total = 0;
    for (const t of tokens) if (t) eachDeletion(t, () => total++);
    let size = 1024;
    while (size < total) size *= 2;
    const mask = size - 1;
    const buckets = new Int32Array(total);
    const owners = new Int32Array(total);
    let n = 0;
    tokens.forEach((t, id) => {
      if (!t) return;
      eachDeletion(t, (i) => {
        buckets[n] = hashWithout(t, i) & mask;
        owners[n++] = id;
      });
    });
    const offsets = new Int32Array(size + 1);
    for (let k = 0; k < n; k++) offsets[buckets[k] + 1]++;
    for (let b = 0; b < size; b++) offsets[b + 1] += offsets[b];
    const fill = offsets.slice(0, size);
    const ids = new Int32Array(n);
    for (let k = 0; k < n; k++) ids[fill[buckets[k]]++] = owners[k];
    return new DeletionIndex(mask, offsets, ids, tokens);
  }

  /** Every indexed token one letter longer than `key` that gives `key` once that letter is deleted. */
  each(key: string, fn: (id: number) => void): void {
    const b = hashWithout(key, -1) & this.mask;
    for (let k = this.offsets[b]; k < this.offsets[b + 1]; k++) {
      const id = this.ids[k];
      if (isDeletionOf(key, this.tokens[id]!)) fn(id);
    }
  }
}
