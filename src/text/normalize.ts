// Script-independent clean-up: Unicode NFKC, invisible characters, case, punctuation and spacing,
// the ASCII folding of Latin text, and the detection of the script each letter is written in.
import anyAscii from 'any-ascii';

/**
 * Characters that change nothing a reader sees but break string equality: format characters (\p{Cf}:
 * zero-width space/joiners U+200B–U+200F, word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD, bidi
 * controls), the combining grapheme joiner, variation selectors and Hangul fillers.
 */
const INVISIBLE = /[\p{Cf}\u034F\uFE00-\uFE0F\u115F\u1160\u3164\uFFA0]|\uDB40[\uDD00-\uDDEF]/gu;
/** Apostrophes and letter-like quote marks inside a word are part of it: "O'Brien" → "obrien", "Khmel'nitskiy" → "khmelnitskiy". */
const INNER_APOSTROPHE = /(?<=[\p{L}\p{M}])['’‘ʼʻʹ`´ʾʿ׳"״]+(?=[\p{L}\p{M}])/gu;
/** Everything that is not a letter, mark or digit separates words. */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;
const AMPERSAND = /\s*[&＆]\s*/g;

/** NFKC and the removal of invisible characters: the common first step of every other function. */
export function unicodeClean(s: string): string {
  // ASCII is its own NFKC form and holds no invisible character but controls
  if (!NON_ASCII.test(s)) return CONTROL.test(s) ? s.replace(CONTROL, ' ') : s;
  return s.normalize('NFKC').replace(INVISIBLE, '');
}
const CONTROL = /[\x00-\x1f\x7f]/g;

/**
 * Unicode NFKC, case fold, strip format/zero-width characters, "&" → "and", apostrophes inside words
 * dropped, other punctuation → space, spaces collapsed. The script is kept (no transliteration).
 */
export function cleanText(s: string): string {
  return unicodeClean(s)
    .toLowerCase()
    .replace(AMPERSAND, ' and ')
    .replace(INNER_APOSTROPHE, '')
    .replace(SEPARATORS, ' ')
    .trim();
}

const COMBINING = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

/** Latin text → ASCII: diacritics dropped (NFD), then any-ascii for letters NFD leaves alone (ß, ø, ł, æ, đ, þ). */
export function asciiFold(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  const stripped = s.normalize('NFD').replace(COMBINING, '');
  return NON_ASCII.test(stripped) ? anyAscii(stripped) : stripped;
}

/**
 * The final form of a Latin rendering: ASCII, lower case, one space between words, only [a-z0-9 ].
 * Apostrophes some schemes put in words (soft sign, ayin) are removed, not turned into spaces.
 */
export function finishLatin(s: string): string {
  // after asciiFold every apostrophe is ASCII: cheaper patterns than cleanText's Unicode ones
  return asciiFold(s)
    .toLowerCase()
    .replace(ASCII_AMPERSAND, ' and ')
    .replace(ASCII_INNER_APOSTROPHE, '$1')
    .replace(NOT_ALNUM, ' ')
    .trim();
}
const ASCII_AMPERSAND = /&/g;
const ASCII_INNER_APOSTROPHE = /([a-z])['`"]+(?=[a-z])/g;
const NOT_ALNUM = /[^a-z0-9]+/g;

// ---------------------------------------------------------------------------------------------
// Scripts

export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'armenian'
  | 'hebrew'
  | 'arabic'
  | 'georgian'
  | 'hangul'
  | 'han'
  | 'kana'
  | 'myanmar'
  | 'thai'
  | 'other';

// [start, end, script], sorted; looked up by binary search (faster than one \p{Script=} regex per script).
const RANGES: Array<[number, number, Script]> = (
  [
    [0x41, 0x5a, 'latin'],
    [0x61, 0x7a, 'latin'],
    [0xaa, 0xaa, 'latin'],
    [0xba, 0xba, 'latin'],
    [0xc0, 0xd6, 'latin'],
    [0xd8, 0xf6, 'latin'],
    [0xf8, 0x2af, 'latin'],
    [0x370, 0x3ff, 'greek'],
    [0x400, 0x52f, 'cyrillic'],
    [0x531, 0x58f, 'armenian'],
    [0x591, 0x5ff, 'hebrew'],
    [0x600, 0x6ff, 'arabic'],
    [0x750, 0x77f, 'arabic'],
    [0x870, 0x8ff, 'arabic'],
    [0xe00, 0xe7f, 'thai'],
    [0x1000, 0x109f, 'myanmar'],
    [0x10a0, 0x10ff, 'georgian'],
    [0x1100, 0x11ff, 'hangul'],
    [0x1c80, 0x1c8f, 'cyrillic'],
    [0x1c90, 0x1cbf, 'georgian'],
    [0x1e00, 0x1eff, 'latin'],
    [0x1f00, 0x1fff, 'greek'],
    [0x2c60, 0x2c7f, 'latin'],
    [0x2d00, 0x2d2f, 'georgian'],
    [0x2de0, 0x2dff, 'cyrillic'],
    [0x3005, 0x3005, 'han'],
    [0x3007, 0x3007, 'han'],
    [0x3040, 0x30ff, 'kana'],
    [0x3130, 0x318f, 'hangul'],
    [0x31f0, 0x31ff, 'kana'],
    [0x3400, 0x4dbf, 'han'],
    [0x4e00, 0x9fff, 'han'],
    [0xa640, 0xa69f, 'cyrillic'],
    [0xa720, 0xa7ff, 'latin'],
    [0xa9e0, 0xa9ff, 'myanmar'],
    [0xaa60, 0xaa7f, 'myanmar'],
    [0xab30, 0xab6f, 'latin'],
    [0xac00, 0xd7af, 'hangul'],
    [0xf900, 0xfaff, 'han'],
    [0xfb00, 0xfb06, 'latin'],
    [0xfb13, 0xfb17, 'armenian'],
    [0xfb1d, 0xfb4f, 'hebrew'],
    [0xfb50, 0xfdff, 'arabic'],
    [0xfe70, 0xfeff, 'arabic'],
    [0xff66, 0xff9f, 'kana'],
    [0x20000, 0x3134f, 'han'],
  ] as Array<[number, number, Script]>
).sort((a, b) => a[0] - b[0]);

/** The script of one code point ('other' for digits, punctuation and scripts we do not tell apart). */
export function scriptOf(code: number): Script {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 'latin' : 'other';
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = RANGES[mid];
    if (code < r[0]) hi = mid - 1;
    else if (code > r[1]) lo = mid + 1;
    else return r[2];
  }
  return 'other';
}

const LETTER = /\p{L}/u;
/** A letter of a script we do not transliterate ourselves (Devanagari, Thai, Ethiopic...): any-ascii takes it. */
export function isLetter(ch: string): boolean {
  return LETTER.test(ch);
}

/** True when the text is plain ASCII (the common case, which takes a fast path). */
export function isAscii(s: string): boolean {
  return !NON_ASCII.test(s);
}
