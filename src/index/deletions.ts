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

/** `isDeletionOf(key, token)` where `key` is `text` without the character at `skip` (the key is never built). */
function isDeletionOfWithout(text: string, skip: number, token: string): boolean {
  const n = text.length - 1;
  if (token.length !== n + 1) return false;
  let i = 0;
  while (i < n && text.charCodeAt(i < skip ? i : i + 1) === token.charCodeAt(i)) i++;
  for (; i < n; i++) if (text.charCodeAt(i < skip ? i : i + 1) !== token.charCodeAt(i + 1)) return false;
  return true;
}

/** FNV-1a of `text.slice(start, end)` with the character at `skip` left out (-1: none), mixed as `hashWithout`. */
function hashRange(text: string, start: number, end: number, skip: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) if (i !== skip) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return mix(h);
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
    /** Each entry's full hash: a probe skips other keys of its bucket without reading their tokens (cache misses). */
    private readonly hashes: Int32Array,
    private readonly tokens: ReadonlyArray<string | undefined>,
  ) {}

  /** Index the one-letter deletions of `tokens[id]` for every id that has a token (undefined: not indexed). */
  static build(tokens: ReadonlyArray<string | undefined>): DeletionIndex {
    let total = 0;
    for (const t of tokens) if (t) eachDeletion(t, () => total++);
    let size = 1024;
    while (size < total) size *= 2;
    const mask = size - 1;
    const full = new Int32Array(total);
    const owners = new Int32Array(total);
    let n = 0;
    tokens.forEach((t, id) => {
      if (!t) return;
      eachDeletion(t, (i) => {
        full[n] = hashWithout(t, i);
        owners[n++] = id;
      });
    });
    const offsets = new Int32Array(size + 1);
    for (let k = 0; k < n; k++) offsets[(full[k] & mask) + 1]++;
    for (let b = 0; b < size; b++) offsets[b + 1] += offsets[b];
    const fill = offsets.slice(0, size);
    const ids = new Int32Array(n);
    const hashes = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const at = fill[full[k] & mask]++;
      ids[at] = owners[k];
      hashes[at] = full[k];
    }
    return new DeletionIndex(mask, offsets, ids, hashes, tokens);
  }

  /** `each(key)` for `key` = `text` without the character at `skip`, without building the key. */
  eachWithout(text: string, skip: number, fn: (id: number) => void): void {
    const h = hashWithout(text, skip);
    const b = h & this.mask;
    for (let k = this.offsets[b]; k < this.offsets[b + 1]; k++) {
      if (this.hashes[k] !== h) continue;
      const id = this.ids[k];
      if (isDeletionOfWithout(text, skip, this.tokens[id]!)) fn(id);
    }
  }

  /** Every indexed token one letter longer than `key` that gives `key` once that letter is deleted. */
  each(key: string, fn: (id: number) => void): void {
    const h = hashWithout(key, -1);
    const b = h & this.mask;
    for (let k = this.offsets[b]; k < this.offsets[b + 1]; k++) {
      if (this.hashes[k] !== h) continue;
      const id = this.ids[k];
      if (isDeletionOf(key, this.tokens[id]!)) fn(id);
    }
  }
}

/**
 * Token → id for parts of a string (the string with one letter left out, a slice) without building the
 * part: a query token's one-letter deletions and split halves are looked up by the dozen, and building
 * each as a string to ask a Map cost more than the look-up itself.
 */
export class TokenHash {
  private constructor(
    private readonly mask: number,
    private readonly offsets: Int32Array,
    private readonly ids: Int32Array,
    private readonly hashes: Int32Array,
    private readonly tokens: ReadonlyArray<string>,
  ) {}

  /** `tokens[id]` for every id (distinct strings). */
  static build(tokens: ReadonlyArray<string>): TokenHash {
    let size = 1024;
    while (size < tokens.length) size *= 2;
    const mask = size - 1;
    const full = new Int32Array(tokens.length);
    tokens.forEach((t, id) => (full[id] = hashRange(t, 0, t.length, -1)));
    const offsets = new Int32Array(size + 1);
    for (let id = 0; id < tokens.length; id++) offsets[(full[id] & mask) + 1]++;
    for (let b = 0; b < size; b++) offsets[b + 1] += offsets[b];
    const fill = offsets.slice(0, size);
    const ids = new Int32Array(tokens.length);
    const hashes = new Int32Array(tokens.length);
    for (let id = 0; id < tokens.length; id++) {
      const at = fill[full[id] & mask]++;
      ids[at] = id;
      hashes[at] = full[id];
    }
    return new TokenHash(mask, offsets, ids, hashes, tokens);
  }

  /** Id of the token equal to `text.slice(start, end)` with the character at `skip` left out (-1: none), or -1. */
  find(text: string, start: number, end: number, skip = -1): number {
    const n = end - start - (skip >= start && skip < end ? 1 : 0);
    const h = hashRange(text, start, end, skip);
    const b = h & this.mask;
    for (let k = this.offsets[b]; k < this.offsets[b + 1]; k++) {
      if (this.hashes[k] !== h) continue;
      const t = this.tokens[this.ids[k]];
      if (t.length !== n) continue;
      let i = start;
      let j = 0;
      for (; i < end; i++) {
        if (i === skip) continue;
        if (text.charCodeAt(i) !== t.charCodeAt(j++)) break;
      }
      if (i === end) return this.ids[k];
    }
    return -1;
  }
}
