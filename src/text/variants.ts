// A name in any script → its Latin renderings, primary first. The name is cleaned (NFKC, invisible
// characters, spelled-out letters, mixed-script homoglyphs), native legal forms are replaced, and each
// run of one script is romanised by that script's schemes. Alternative spellings come from applying
// alternative schemes to the whole name (variant i uses every run's scheme i), never from a cartesian
// product; a few name-level spellings are added (the canonical spelling of Arabic names, Korean given
// names split, German umlauts as ae/oe/ue, Cyrillic or Greek look-alike words read as Latin, generic
// business words translated).
import anyAscii from 'any-ascii';
import { foldDigitLetters, foldMixedScripts, latinLookalike } from './confusables.js';
import { replaceNativeLegalForms } from './legal.js';
import { translateOrganisationWords } from './translate.js';
import { asciiFold, finishLatin, isAscii, scriptOf, unicodeClean, type Script } from './normalize.js';
import { canonicalArabicName, romanizeArabic } from './translit/arabic.js';
import { romanizeArmenian, romanizeGeorgian } from './translit/caucasus.js';
import { romanizeCyrillic } from './translit/cyrillic.js';
import { romanizeGreek } from './translit/greek.js';
import { romanizeHan } from './translit/han.js';
import { romanizeHebrew } from './translit/hebrew.js';
import { koreanFromCyrillic, romanizeHangul, splitKoreanGivenName } from './translit/korean.js';
import { romanizeMyanmar } from './translit/myanmar.js';

/** At most this many renderings per name (index size and scoring time grow with it). */
export const MAX_VARIANTS = 8;

export interface VariantOptions {
  /** Upper bound on the number of renderings (default MAX_VARIANTS). */
  max?: number;
}

// ---------------------------------------------------------------------------------------------
// Spelled-out names: "S.A.D.D.A.M", "K.I.M J.O.N.G U.N", "P u t i n"

/** Three or more single letters joined by the same one separator. */
const SPELLED_RUN = /(?<![\p{L}\p{M}\p{N}])\p{L}\p{M}*([.\-_·•*/]|\s)\p{L}\p{M}*(?![\p{L}\p{M}\p{N}])(?:\1\p{L}\p{M}*(?![\p{L}\p{M}\p{N}]))+\.?/gu;
/** Two letters joined by a dot: collapsed too once a name has spelled-out runs ("U.N" beside "K.I.M"). */
const DOTTED_PAIR = /(?<![\p{L}\p{M}\p{N}])\p{L}\p{M}*\.\p{L}\p{M}*(?![\p{L}\p{M}\p{N}])\.?/gu;
const HAS_SPELLED = /(?<![\p{L}\p{M}\p{N}])\p{L}([.\-_·•*/]|\s)\p{L}(?![\p{L}\p{M}\p{N}])\1\p{L}(?![\p{L}\p{M}\p{N}])/u;
const SEPARATOR_CHARS = /[.\-_·•*/\s]/gu;
/** A cheap first test: two separators two characters apart. */
const MAYBE_SPELLED = /[.\-_·•*/\s][^.\-_·•*/\s][.\-_·•*/\s]/;

/** Letters written one by one become a word; ordinary initials ("N.K. Bansal") stay. */
export function collapseSpelledOut(text: string): string {
  if (!MAYBE_SPELLED.test(text) || !HAS_SPELLED.test(text)) return text;
  return text.replace(SPELLED_RUN, (run) => run.replace(SEPARATOR_CHARS, '')).replace(DOTTED_PAIR, (run) => run.replace(SEPARATOR_CHARS, ''));
}

// ---------------------------------------------------------------------------------------------
// Runs of one script

interface Run {
  script: Script;
  text: string;
}

/** Cut text into runs of one script; spaces, digits and punctuation stay with the run they follow. */
function scriptRuns(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const ch of text) {
    const s = scriptOf(ch.codePointAt(0)!);
    if (s === 'other' || (current && (current.script === s || current.script === 'other'))) {
      if (!current) current = { script: s, text: '' };
      else if (current.script === 'other' && s !== 'other') current.script = s;
      current.text += ch;
    } else {
      if (current) runs.push(current);
      current = { script: s, text: ch };
    }
  }
  if (current) runs.push(current);
  return runs;
}

const UMLAUT = /[äöü]/;

function romanizeRun(run: Run, name: string): string[] {
  const t = run.text;
  // only a run that is the whole name may be read as a person's name (surname, given name)
  const alone = t.trim() === name.trim();
  switch (run.script) {
    case 'latin': {
      const plain = asciiFold(t);
      // German lists and passports write ä ö ü as ae oe ue ("Müller" → "Mueller")
      return UMLAUT.test(t) ? [plain, asciiFold(t.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'))] : [plain];
    }
    case 'cyrillic': {
      const korean = koreanFromCyrillic(t);
      const schemes = romanizeCyrillic(t);
      const out = korean ? [...korean, ...schemes] : schemes;
      // a Cyrillic word whose letters all look Latin, inside a Latin name, is probably a homoglyph attack
      if (name !== t && /[a-z]/.test(name)) {
        const lookalike = latinLookalike(t);
        if (lookalike) out.splice(1, 0, lookalike);
      }
      return out;
    }
    case 'greek': {
      const out = romanizeGreek(t);
      if (name !== t && /[a-z]/.test(name)) {
        const lookalike = latinLookalike(t);
        if (lookalike) out.splice(1, 0, lookalike);
      }
      return out;
    }
    case 'arabic':
      return romanizeArabic(t);
    case 'hebrew':
      return romanizeHebrew(t);
    case 'armenian':
      return romanizeArmenian(t);
    case 'georgian':
      return romanizeGeorgian(t);
    case 'hangul':
      return romanizeHangul(t, alone);
    case 'han':
      return romanizeHan(t, alone);
    case 'myanmar':
      return romanizeMyanmar(t);
    default:
      // kana (Hepburn), Thai, Devanagari and the rest: any-ascii's single reading
      return [anyAscii(t)];
  }
}

const SINGLE_LETTERS = /^[a-z](?: [a-z]){2,}$/;
const DIGIT = /[0-9]/;

/** Romanise non-ASCII text run by run; up to `max * 2` raw renderings before finishing and de-duplication. */
function render(text: string, max: number): string[] {
  return combine(
    scriptRuns(text).map((r) => romanizeRun(r, text)),
    max,
  );
}

/** Variant i of the name: every run's scheme i (or its last one). */
function combine(perRun: string[][], max: number): string[] {
  if (perRun.length === 1) return perRun[0].slice(0, max * 2);
  const count = Math.min(max * 2, Math.max(...perRun.map((v) => v.length)));
  const out: string[] = [];
  // runs of two scripts meet at a word boundary ("华为技术 ltd", "ООО«Ромашка»")
  for (let i = 0; i < count; i++) out.push(perRun.map((v) => v[Math.min(i, v.length - 1)]).join(' '));
  return out;
}

/** A finished rendering: ASCII tokens, spelled-out single letters joined, digits standing for letters folded. */
function finish(raw: string): string {
  const latin = finishLatin(raw);
  if (!latin) return latin;
  if (SINGLE_LETTERS.test(latin)) return latin.replace(/ /g, '');
  if (!DIGIT.test(latin)) return latin;
  const tokens = latin.split(' ');
  let changed = false;
  const folded = tokens.map((t) => {
    const f = foldDigitLetters(t);
    if (f !== t) changed = true;
    return f;
  });
  return changed ? folded.join(' ') : latin;
}

/** Extra spellings a rendering implies: the canonical spelling of Arabic names, a Korean given name split. */
function nameLevelSpellings(latin: string): string[] {
  const out: string[] = [];
  const canonical = canonicalArabicName(latin);
  if (canonical) out.push(canonical);
  const korean = splitKoreanGivenName(latin);
  if (korean) out.push(korean);
  return out;
}

/**
 * Latin (ASCII, lower-case, cleaned) renderings of a name in any script; the first is the primary one.
 * At most `options.max` (default 8), distinct, none empty.
 */
export function latinVariants(name: string, options: VariantOptions = {}): string[] {
  const max = options.max ?? MAX_VARIANTS;
  let text = unicodeClean(name);
  text = collapseSpelledOut(text);
  const ascii = isAscii(text);
  if (!ascii) text = foldMixedScripts(text);
  text = ascii ? text.toLowerCase() : replaceNativeLegalForms(text.toLowerCase());

  const raw = ascii ? [text] : render(text, max);

  const out: string[] = [];
  const seen = new Set<string>();
  const push = (v: string) => {
    if (v && !seen.has(v) && out.length < max) {
      seen.add(v);
      out.push(v);
    }
  };
  const finished = raw.map(finish);
  push(finished[0]);
  for (const extra of nameLevelSpellings(finished[0])) push(extra);
  // generic business words in English ("ကုန်သွယ်ရေး" → "trading"), as lists give the name beside it
  // (Chinese: syllables apart and each name run joined, "hua xin shipping" and "huaxin shipping")
  const translated = ascii ? undefined : translateOrganisationWords(text);
  if (translated) for (const v of render(translated, 1)) push(finish(v));
  for (const v of finished.slice(1)) push(v);
  // the canonical spelling of a secondary rendering (an Arabic name read in another scheme) if room is left
  for (const v of finished.slice(1)) for (const extra of nameLevelSpellings(v)) push(extra);
  return out;
}
