// The rule tables (data/rules) and the HS machinery: every rule loads and cites its source, the HS
// patterns cover what they should, the CHPL and the HS 2022 nomenclature are read from the shared data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRuleTables } from '../src/rules/tables.js';
import { chplItems, formatHs, hsKnown, normalizeHs, parseHsPattern, patternCovers, rulePatternsCover, suggestHs, HsFormatError } from '../src/rules/hs.js';

test('rule tables load with a citation, a source and a provenance tag on every rule', () => {
  const { rules, territories, aliases } = loadRuleTables();
  assert.ok(rules.length >= 70, `only ${rules.length} rules`);
  for (const r of rules) {
    assert.ok(r.instrument && r.provision, `${r.id} has no citation`);
    assert.ok(['verified', 'secondary', 'unverified'].includes(r.verification), r.id);
    if (r.kind !== 'policy') assert.ok(r.sources.length > 0, `${r.id} has no source`);
  }
  // the regimes the issue asks for
  const ids = new Set(rules.map((r) => r.id));
  for (const id of ['KP-UN-2397-6', 'KP-UN-2397-7', 'KP-UN-2397-8', 'KP-UN-2375-16', 'KP-UN-2375-17', 'KP-UN-2371-COAL-IRON', 'KP-UN-2321-29', 'KP-UN-2270-31', 'KP-UN-1718-LUXURY', 'KP-EU-16p', 'RU-CHPL-EXPORT', 'RU-CHPL-DIVERSION', 'UA-NGCA-EU-263', 'UA-CRIMEA-EU-692', 'UA-DNR-LNR-US-14065', 'UA-CRIMEA-US-13685', 'OWN-OFAC-50']) {
    assert.ok(ids.has(id), `missing ${id}`);
  }
  // every EU DPRK row of the verified table is carried over
  for (const id of ['KP-EU-3-1-b', 'KP-EU-3-1-d', 'KP-EU-3-1-e', 'KP-EU-3-1-g', 'KP-EU-10', 'KP-EU-11', 'KP-EU-13', 'KP-EU-15', 'KP-EU-16a', 'KP-EU-16b', 'KP-EU-16c', 'KP-EU-16d', 'KP-EU-16f', 'KP-EU-16h', 'KP-EU-16j', 'KP-EU-16k', 'KP-EU-16l', 'KP-EU-16m', 'KP-EU-16n']) {
    assert.equal(rules.find((r) => r.id === id)?.verification, 'verified', id);
  }
  assert.deepEqual([...territories.keys()].sort(), ['ua-crimea', 'ua-ngca-dl', 'ua-ngca-kz', 'ua-occupied']);
  assert.ok(aliases.some((a) => a.name === 'Nampo' && a.country === 'kp'));
});

test('unverified rules never block', () => {
  for (const r of loadRuleTables().rules.filter((x) => x.verification === 'unverified')) {
    assert.notEqual(r.severity, 'block', r.id);
  }
});

test('HS codes are normalised from any punctuation and malformed codes are refused', () => {
  assert.equal(normalizeHs('8429.52'), '842952');
  assert.equal(normalizeHs('8429 52 00'), '84295200');
  assert.equal(normalizeHs('8429-52'), '842952');
  assert.equal(formatHs('84295200'), '8429.52 00');
  assert.throws(() => normalizeHs('84AB'), HsFormatError);
  assert.throws(() => normalizeHs('8'), /2 to 10 digits/);
  assert.throws(() => normalizeHs('12345678901'), /2 to 10 digits/);
});

test('rule patterns: chapters, ranges, ex codes and broader codes', () => {
  assert.equal(patternCovers(parseHsPattern('84'), '842952').coverage, 'full');
  assert.equal(patternCovers(parseHsPattern('72-76'), '7308').coverage, 'full');
  assert.equal(patternCovers(parseHsPattern('72-76'), '7708').coverage, 'none');
  assert.equal(patternCovers(parseHsPattern('8401-8418'), '8418').coverage, 'full');
  assert.equal(patternCovers(parseHsPattern('8401-8418'), '8419').coverage, 'none');
  // "ex" covers only part of a code: review, not block
  assert.equal(patternCovers(parseHsPattern('ex7207'), '720711').coverage, 'partial');
  // 2710 is broader than the aviation-fuel CN lines: some goods under it are covered
  assert.equal(patternCovers(parseHsPattern('27101231-27101259'), '2710').coverage, 'partial');
  assert.equal(patternCovers(parseHsPattern('27101231-27101259'), '27101245').coverage, 'full');
  assert.equal(patternCovers(parseHsPattern('27101231-27101259'), '27101921').coverage, 'none');
  assert.equal(rulePatternsCover(['ex61', '84'], '8429').coverage, 'full');
  assert.throws(() => parseHsPattern('84-8'), /bad HS/);
});

test('the CHPL has 50 HS-6 codes in tiers 1 to 4.B and matches 8542.31 as tier 1', () => {
  const items = chplItems();
  assert.equal(items.length, 50);
  assert.deepEqual([...new Set(items.map((i) => i.tier))].sort(), ['1', '2', '3.A', '3.B', '4.A', '4.B']);
  const c = patternCovers(parseHsPattern('chpl'), '85423190');
  assert.equal(c.coverage, 'full');
  assert.match(c.matched!, /tier 1 854231/);
  assert.equal(patternCovers(parseHsPattern('chpl:4.B'), '854231').coverage, 'none');
  // a heading that contains CHPL subheadings is only partly covered
  assert.equal(patternCovers(parseHsPattern('chpl'), '8542').coverage, 'partial');
});

test('HS 2022 nomenclature: known and unknown codes', () => {
  assert.ok(hsKnown('842952'));
  assert.ok(hsKnown('8429520000'), 'national digits beyond six are not checked');
  assert.ok(hsKnown('0901'));
  assert.ok(!hsKnown('7700'), 'chapter 77 is reserved');
  assert.ok(!hsKnown('9999'), 'chapter 99 is not a classification');
  assert.ok(!hsKnown('842999'));
});

test('a description suggests HS 2022 codes', () => {
  assert.match(suggestHs('hydraulic excavator')[0].code, /^8429/);
  assert.match(suggestHs('roasted coffee beans')[0].code, /^0901/);
  assert.match(suggestHs('microcontroller integrated circuits')[0].code, /^8542/);
  assert.deepEqual(suggestHs('zzzz qqqq'), []);
});
