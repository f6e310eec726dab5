// The hashed deletion neighbourhood and the banded edit distance must give exactly what the plain
// versions (string keys, full table) gave: they are speed-ups, never approximations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeletionIndex, TokenHash } from '../src/index/deletions.js';
import { editDistance } from '../src/match/distance.js';

/** Full-table optimal string alignment distance, as a reference. */
function fullDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([]);
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) d[i][j] = i + j;
      else {
        let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
        d[i][j] = v;
      }
    }
  }
  return d[a.length][b.length];
}

test('banded edit distance agrees with the full table within the bound', () => {
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const word = () => Array.from({ length: Math.floor(random() * 11) }, () => 'abcd'[Math.floor(random() * 4)]).join('');
  for (let k = 0; k < 20000; k++) {
    const a = word();
    const b = word();
    const max = [0, 1, 2, 3, Infinity][k % 5];
    const full = fullDistance(a, b);
    const banded = editDistance(a, b, max);
    if (full <= max) assert.equal(banded, full, `${a} ${b} max ${max}`);
    else assert.ok(banded > max, `${a} ${b} max ${max}: ${banded} should exceed the bound`);
  }
  assert.equal(editDistance('mohammed', 'muhammad', 2), 2);
  assert.equal(editDistance('abdulrahman', 'abdurrahman', 1), 1);
  assert.equal(editDistance('ali', 'alexander', 2), 3);
});

test('edit distance of words sharing a prefix and suffix (the common ends are skipped) agrees with the full table', () => {
  let seed = 11;
  const random = (n: number) => Math.floor(((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * n);
  const letters = () => Array.from({ length: random(5) }, () => 'abc'[random(3)]).join('');
  for (let k = 0; k < 20000; k++) {
    const [prefix, suffix] = [letters(), letters()];
    const a = prefix + letters() + suffix;
    const b = prefix + letters() + suffix;
    const max = [0, 1, 2, 3, Infinity][k % 5];
    const full = fullDistance(a, b);
    const banded = editDistance(a, b, max);
    if (full <= max) assert.equal(banded, full, `${a} ${b} max ${max}`);
    else assert.ok(banded > max, `${a} ${b} max ${max}: ${banded} should exceed the bound`);
  }
});

test('deletion index finds exactly the tokens one deletion away', () => {
  const tokens = ['muhammad', 'mohammed', 'hassan', undefined, 'aab', 'yusuf', 'youssef'];
  const index = DeletionIndex.build(tokens);
  const found = (key: string) => {
    const ids = new Set<number>();
    index.each(key, (id) => ids.add(id));
    return [...ids].map((id) => tokens[id]).sort();
  };
  assert.deepEqual(found('muhamad'), ['muhammad']);
  assert.deepEqual(found('mohamed'), ['mohammed']);
  assert.deepEqual(found('hasan'), ['hassan']);
  assert.deepEqual(found('ab'), ['aab']);
  assert.deepEqual(found('yousef'), ['youssef']);
  assert.deepEqual(found('yusu'), ['yusuf']);
  // not one deletion away (substitution, two deletions, same length): nothing, whatever the buckets hold
  assert.deepEqual(found('muhammed'), []);
  assert.deepEqual(found('muhamd'), []);
  assert.deepEqual(found('hassan'), []);
});

test('deletion index over many tokens matches the string-key neighbourhood', () => {
  const words: string[] = [];
  for (let i = 0; i < 3000; i++) words.push((i * 7919).toString(36) + 'abc'.slice(i % 3));
  const index = DeletionIndex.build(words);
  const byKey = new Map<string, Set<number>>();
  words.forEach((w, id) => {
    for (let i = 0; i < w.length; i++) {
      const d = w.slice(0, i) + w.slice(i + 1);
      if (!byKey.has(d)) byKey.set(d, new Set());
      byKey.get(d)!.add(id);
    }
  });
  for (const [key, expected] of byKey) {
    const ids = new Set<number>();
    index.each(key, (id) => ids.add(id));
    assert.deepEqual([...ids].sort((a, b) => a - b), [...expected].sort((a, b) => a - b), key);
  }
});

test('look-ups of a string with one letter left out, or of a slice, agree with building the string', () => {
  const words: string[] = [];
  for (let i = 0; i < 3000; i++) words.push((i * 7919).toString(36) + 'abc'.slice(i % 3));
  const index = DeletionIndex.build(words);
  const hash = TokenHash.build(words);
  const ids = new Map(words.map((w, id) => [w, id]));
  const probes = [...words.slice(0, 300), 'muhammad', 'aab', 'abc', 'xyz1234'];
  for (const text of probes) {
    for (let skip = 0; skip < text.length; skip++) {
      const key = text.slice(0, skip) + text.slice(skip + 1);
      const viaKey: number[] = [];
      index.each(key, (id) => viaKey.push(id));
      const inPlace: number[] = [];
      index.eachWithout(text, skip, (id) => inPlace.push(id));
      assert.deepEqual(inPlace, viaKey, `${text} without ${skip}`);
      assert.equal(hash.find(text, 0, text.length, skip), ids.get(key) ?? -1, `${text} without ${skip}`);
    }
    for (let cut = 1; cut < text.length; cut++) {
      assert.equal(hash.find(text, 0, cut), ids.get(text.slice(0, cut)) ?? -1);
      assert.equal(hash.find(text, cut, text.length), ids.get(text.slice(cut)) ?? -1);
    }
    assert.equal(hash.find(text, 0, text.length), ids.get(text) ?? -1);
  }
});

test('the pair table behaves as a map of integer pairs: overwrite, growth, and clear forgets everything', async () => {
  const { PairTable } = await import('../src/match/pair-table.js');
  const table = new PairTable(16);
  const reference = new Map<string, number>();
  let seed = 11;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let round = 0; round < 3; round++) {
    // far more pairs than the initial capacity, with repeats (overwrites) and keys near the int32 limits
    for (let k = 0; k < 5000; k++) {
      const a = random() < 0.1 ? 0x7fffffff - Math.floor(random() * 4) : Math.floor(random() * 300);
      const b = Math.floor(random() * 300);
      const v = Math.round(random() * 1000) / 1000;
      table.set(a, b, v);
      reference.set(`${a},${b}`, v);
    }
    for (const [key, v] of reference) {
      const [a, b] = key.split(',').map(Number);
      assert.equal(table.get(a, b), v, key);
    }
    assert.equal(table.get(301, 301), -1);
    table.clear();
    for (const key of reference.keys()) {
      const [a, b] = key.split(',').map(Number);
      assert.equal(table.get(a, b), -1, `${key} after clear`);
    }
    reference.clear();
  }
});
