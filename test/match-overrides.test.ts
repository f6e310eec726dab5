// Per-request scoring overrides (yente's `weights` and `config`) as a pure function of an algorithm, and the
// screener options the HTTP service builds on: an Algorithm object instead of a name, and an entity filter
// that is part of candidate selection (so it never leaves a result list short).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compare, getAlgorithm, Screener, withOverrides, type ScreenQuery } from '../src/match/index.js';
import type { Entity } from '../src/model/entity.js';

const person = (name: string, extra: Record<string, string[]> = {}): ScreenQuery => ({ schema: 'Person', properties: { name: [name], ...extra } });

describe('withOverrides', () => {
  const base = getAlgorithm('interdict-v1');

  it('returns the algorithm itself when nothing is overridden', () => {
    assert.equal(withOverrides(base), base);
    assert.equal(withOverrides(base, {}, {}), base);
    assert.equal(withOverrides(base, null, null), base);
  });

  it('overrides feature weights without touching the base algorithm', () => {
    const before = base.features.country_mismatch.weight;
    const derived = withOverrides(base, { country_mismatch: 0, name_match: 0.9 });
    assert.notEqual(derived, base);
    assert.equal(derived.features.country_mismatch.weight, 0);
    assert.equal(derived.features.name_match.weight, 0.9);
    assert.equal(derived.features.country_mismatch.fn, base.features.country_mismatch.fn);
    assert.equal(derived.features.country_mismatch.qualifier, base.features.country_mismatch.qualifier);
    assert.equal(base.features.country_mismatch.weight, before, 'the base table is unchanged');
    assert.deepEqual(Object.keys(derived.features), Object.keys(base.features), 'every feature is kept, in order');
    assert.equal(derived.name, base.name);
  });

  it('refuses unknown features (naming the known ones) and non-finite weights', () => {
    assert.throws(() => withOverrides(base, { name_litteral: 0.8 }), (err: Error) => {
      assert.ok(err instanceof RangeError);
      assert.match(err.message, /Unknown feature in weights: name_litteral for algorithm interdict-v1/);
      assert.match(err.message, /known: .*name_match.*country_mismatch/);
      return true;
    });
    assert.throws(() => withOverrides(base, { constructor: 1 }), RangeError, 'inherited object keys are not features');
    // yente's feature names this algorithm lacks are ignored (yente ignores weights it has no feature for), still checked for type
    const ignored = withOverrides(base, { lei_code_match: 0.5, name_literal: 0.8 });
    assert.deepEqual(Object.fromEntries(Object.entries(ignored.features).map(([k, f]) => [k, f.weight])), Object.fromEntries(Object.entries(base.features).map(([k, f]) => [k, f.weight])));
    assert.throws(() => withOverrides(base, { lei_code_match: NaN }), /Weight of lei_code_match must be a finite number/);
    for (const bad of [Infinity, -Infinity, NaN, '0.5', null, true]) {
      assert.throws(() => withOverrides(base, { name_match: bad as number }), /Weight of name_match must be a finite number/);
    }
  });

  it('maps config parameters onto the name weights', () => {
    const derived = withOverrides(base, undefined, { nm_number_mismatch: 0.4, nm_extra_query_name: 1, nm_extra_result_name: '0.1' });
    assert.ok(Math.abs(derived.names.numberMismatch - 0.6) < 1e-9, 'yente: the penalty is 1 - factor');
    assert.equal(derived.names.extraQuery, 1);
    assert.equal(derived.names.extraCandidate, 0.1, 'a numeric string is read as its number, as yente');
    assert.deepEqual(derived.features, base.features);
    assert.notEqual(base.names.extraQuery, 1, 'the base weights are unchanged');
    const generic = withOverrides(base, undefined, { nm_generic_weight: 0.9 });
    assert.equal(generic.names.kind[1], 0.9);
    assert.notEqual(base.names.kind[1], 0.9);
    assert.deepEqual(withOverrides(base, undefined, { nm_number_mismatch: null }).names, base.names, 'null keeps the default');
  });

  it('every config parameter reads back what it sets, within its bounds', () => {
    for (const [key, v] of Object.entries(base.config ?? {})) {
      const def = v.get(base.names);
      assert.ok(def >= v.min && def <= v.max, `${key} default ${def} within [${v.min}, ${v.max}]`);
      const value = (v.min + v.max) / 2;
      const derived = withOverrides(base, undefined, { [key]: value });
      assert.ok(Math.abs(v.get(derived.names) - value) < 1e-9, key);
    }
    for (const key of ['nm_number_mismatch', 'nm_extra_query_name', 'nm_extra_result_name']) assert.ok(base.config?.[key], `yente's ${key}`);
  });

  it('refuses unknown config parameters and values out of bounds or of the wrong type', () => {
    assert.throws(() => withOverrides(base, undefined, { nm_family_name_weight: 1.3 }), /Invalid configuration parameter: nm_family_name_weight for algorithm interdict-v1 \(known: nm_number_mismatch/);
    for (const bad of [-0.1, 1.5, 'much', '', true, Infinity, [0.4], {}]) {
      assert.throws(() => withOverrides(base, undefined, { nm_number_mismatch: bad }), /nm_number_mismatch must be a number from 0 to 1/, JSON.stringify(bad));
    }
  });

  it('changes scores in the expected direction', () => {
    const q = person('Ivan Petrov', { birthDate: ['1985'] });
    const listed = person('Ivan Petrov', { birthDate: ['1970-05-01'] });
    const plain = compare(q, listed).score;
    assert.ok(plain < 1);
    assert.equal(compare(q, listed, { algorithm: withOverrides(base, { dob_year_disjoint: 0 }) }).score, 1, 'penalty off');
    assert.ok(compare(q, listed, { algorithm: withOverrides(base, { dob_year_disjoint: -0.5 }) }).score < plain, 'heavier penalty');
    const numbered = (n: string) => ({ schema: 'Company', properties: { name: [`Marrowgate Leasing ${n} Ltd`] } });
    const strict = compare(numbered('3'), numbered('6')).score;
    const lenient = compare(numbered('3'), numbered('6'), { algorithm: withOverrides(base, undefined, { nm_number_mismatch: 0 }) }).score;
    assert.ok(lenient > strict, `no number penalty: ${lenient} > ${strict}`);
  });
});

describe('Screener options', () => {
  const party = (id: string, name: string, lastChange: string): Entity => ({
    id,
    schema: 'Person',
    properties: { name: [name] },
    datasets: ['test'],
    referents: [],
    target: true,
    last_change: lastChange,
  });
  // many old parties that match exactly, a few recent ones that match less well
  const entities = [
    ...Array.from({ length: 80 }, (_, i) => party(`old-${String(i).padStart(3, '0')}`, 'Zorbak Vellmont', '2020-01-01T00:00:00')),
    ...Array.from({ length: 6 }, (_, i) => party(`new-${i}`, 'Zorbak Vellmont Qirat', '2025-06-01T00:00:00')),
  ];
  const screener = Screener.fromEntities(entities);
  const q = person('Zorbak Vellmont');

  it('accepts an Algorithm object', () => {
    const results = screener.screen(q, { algorithm: withOverrides(getAlgorithm('name-based'), { name_match: 0.75 }), limit: 3, cutoff: 0 });
    assert.equal(results.length, 3);
    for (const r of results) assert.equal(r.score, 0.75);
  });

  it('applies the entity filter before the limit: only recent parties compete', () => {
    const all = screener.screen(q, { limit: 5 });
    assert.ok(all.every((r) => r.entity.id.startsWith('old-')), 'exact old names rank first');
    const recent = screener.screen(q, { limit: 5, filter: (e) => (e.last_change ?? '') >= '2025-01-01' });
    assert.equal(recent.length, 5, 'the limit is filled');
    assert.ok(recent.every((r) => r.entity.id.startsWith('new-')));
  });

  it('excludes schemata on every call, whatever an earlier call cached', () => {
    assert.ok(screener.screen(q, { limit: 1 }).length === 1);
    assert.deepEqual(screener.screen(q, { limit: 1, excludeSchema: ['Person'] }), []);
    assert.ok(screener.screen(q, { limit: 1 }).length === 1);
  });
});
