// Burmese (Myanmar script) → Latin, in the conventional spellings of Burmese names ("Kyaw Zaw Htun",
// "Shwe Pale", "Aung Myat Htet", "Daw Khin Nwe Aye"). any-ascii and `transliteration` read the
// script letter by letter ("rvhe" for ရွှေ, which is "Shwe"), so this parses syllables (onset,
// medials ျ ြ ွ ှ, vowel signs, final consonant with asat, stacked consonants) and spells each as
// people do. Syllables come apart ("Shwe Pyi Thar") and joined per written word ("Shwepyithar").
// Two spelling habits: "ar/ay/ph/hs" (Yadanar, Nay, Phyo, Hsu) and "a/e/hp/s" with Pali r (Thiri).

interface Syllable {
  onset: string;
  independent: string;
  medialY: boolean;
  medialW: boolean;
  medialH: boolean;
  vowels: string;
  final: string;
  anusvara: boolean;
  dot: boolean;
}

type Piece = { kind: 'syllable'; s: Syllable } | { kind: 'text'; text: string };

const ASAT = '\u103A';
const VIRAMA = '\u1039';
const DOT = '\u1037';

const isConsonant = (c: string) => (c >= '\u1000' && c <= '\u1021') || c === '\u103F';
const isIndependent = (c: string) => c >= '\u1023' && c <= '\u102A';
const isVowelSign = (c: string) => c >= '\u102B' && c <= '\u1032';
const isDigit = (c: string) => c >= '\u1040' && c <= '\u1049';

function newSyllable(onset: string, independent = ''): Syllable {
  return { onset, independent, medialY: false, medialW: false, medialH: false, vowels: '', final: '', anusvara: false, dot: false };
}

/** Split Burmese text into syllables and the text between them (spaces, digits, punctuation). */
function parse(text: string): Piece[] {
  const chars = [...text];
  const pieces: Piece[] = [];
  let cur: Syllable | undefined;
  const flush = () => {
    if (cur) pieces.push({ kind: 'syllable', s: cur });
    cur = undefined;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (isConsonant(c)) {
      let j = i + 1;
      while (chars[j] === DOT) j++;
      const closes = chars[j] === ASAT || chars[j] === VIRAMA;
      if (cur && closes && !cur.final) {
        cur.final = c;
        if (j > i + 1) cur.dot = true;
        continue;
      }
      flush();
      cur = newSyllable(c);
    } else if (isIndependent(c)) {
      flush();
      cur = newSyllable('', c);
    } else if (cur && (c === '\u103B' || c === '\u103C')) cur.medialY = true;
    else if (cur && c === '\u103D') cur.medialW = true;
    else if (cur && c === '\u103E') cur.medialH = true;
    else if (cur && isVowelSign(c)) cur.vowels += c;
    else if (cur && c === '\u1036') cur.anusvara = true;
    else if (cur && c === DOT) cur.dot = true;
    else if (c === ASAT || c === VIRAMA || c === '\u1038') continue;
    else if (isDigit(c)) {
      flush();
      pieces.push({ kind: 'text', text: String(c.charCodeAt(0) - 0x1040) });
    } else {
      flush();
      pieces.push({ kind: 'text', text: c === '\u104A' || c === '\u104B' ? ' ' : c });
    }
  }
  flush();
  return pieces;
}

const ONSETS: Record<string, string> = {
  က: 'k', ခ: 'kh', ဂ: 'g', ဃ: 'g', င: 'ng', စ: 's', ဆ: 'hs', ဇ: 'z', ဈ: 'z', ည: 'ny', ဋ: 't', ဌ: 'ht', ဍ: 'd', ဎ: 'd',
  ဏ: 'n', တ: 't', ထ: 'ht', ဒ: 'd', ဓ: 'd', န: 'n', ပ: 'p', ဖ: 'ph', ဗ: 'b', ဘ: 'b', မ: 'm', ယ: 'y', ရ: 'y', လ: 'l',
  ဝ: 'w', သ: 'th', ဟ: 'h', ဠ: 'l', အ: '', ဿ: 'th',
};

interface Habit {
  aa: string;
  e: string;
  ai: string;
  ii: string;
  uu: string;
  /** ည final. */
  nya: string;
  /** ယ final. */
  ya: string;
  /** ုံ and ုန်. */
  on: string;
  ra: string;
  hsa: string;
  pha: string;
  /** ဧ. */
  ay: string;
  /** -t after a creaky nasal final (မြင့် Myint, သန့် Thant). */
  creakyT: boolean;
}

const HABITS: Habit[] = [
  { aa: 'ar', e: 'ay', ai: 'e', ii: 'i', uu: 'u', nya: 'i', ya: 'e', on: 'on', ra: 'y', hsa: 'hs', pha: 'ph', ay: 'aye', creakyT: true },
  { aa: 'a', e: 'e', ai: 'ae', ii: 'i', uu: 'u', nya: 'ae', ya: 'al', on: 'one', ra: 'r', hsa: 's', pha: 'hp', ay: 'e', creakyT: false },
];

function onsetOf(s: Syllable, h: Habit): string {
  const c = s.onset;
  let base = c === 'ရ' ? h.ra : c === 'ဆ' ? h.hsa : c === 'ဖ' ? h.pha : (ONSETS[c] ?? '');
  if (s.medialH && (c === 'ရ' || c === 'ယ' || (c === 'လ' && s.medialY))) return 'sh';
  if (s.medialY) {
    if (c === 'က') base = 'ky';
    else if (c === 'ခ') base = 'ch';
    else if (c === 'ဂ') base = 'gy';
    else if (!base.endsWith('y')) base += 'y';
  }
  if (s.medialH) base = `h${base}`;
  return base;
}

/** The vowel and final of a syllable ("aung", "aing", "et", "ein"...). */
function rhymeOf(s: Syllable, h: Habit): string {
  const v = s.vowels;
  const hasE = v.includes('\u1031');
  const hasAa = v.includes('\u102C') || v.includes('\u102B');
  const hasI = v.includes('\u102D') || v.includes('\u102E');
  const hasU = v.includes('\u102F') || v.includes('\u1030');
  const f = s.final;
  if (f || s.anusvara) {
    const nasal = s.anusvara || 'ငဉညနမဏ'.includes(f);
    let r: string;
    if (f === 'ယ') r = h.ya;
    else if (f === 'ည') r = h.nya;
    else if (hasE && hasAa) r = f === 'က' ? 'auk' : 'aung';
    else if (hasI && hasU) r = f === 'က' ? 'aik' : 'aing';
    else if (s.medialW && !v) r = nasal ? 'un' : 'ut';
    else if (hasI) r = nasal ? 'ein' : 'eik';
    else if (hasU) r = nasal ? h.on : 'oke';
    else if (f === 'က') r = 'et';
    else if (f === 'စ') r = 'it';
    else if (f === 'င' || f === 'ဉ') r = 'in';
    else r = nasal ? 'an' : 'at';
    if (h.creakyT && s.dot && nasal && r.endsWith('n')) r += 't';
    return (s.medialW && (hasE || hasAa || hasI || hasU || f === 'ယ') ? 'w' : '') + r;
  }
  let r: string;
  if (hasE && hasAa) r = 'aw';
  else if (hasI && hasU) r = 'o';
  else if (hasE) r = s.medialW ? 'e' : s.onset === 'အ' ? h.ay : h.e;
  else if (v.includes('\u1032')) r = h.ai;
  else if (hasAa) r = h.aa;
  else if (v.includes('\u102E')) r = h.ii;
  else if (hasI) r = 'i';
  else if (v.includes('\u1030')) r = h.uu;
  else if (hasU) r = 'u';
  else r = 'a';
  return (s.medialW ? 'w' : '') + r;
}

const INDEPENDENT: Record<string, [string, string]> = {
  ဣ: ['i', 'i'], ဤ: ['i', 'i'], ဥ: ['u', 'o'], ဦ: ['u', 'oo'], ဧ: ['aye', 'e'], ဩ: ['aw', 'aw'], ဪ: ['aw', 'aw'],
};

function spellSyllable(s: Syllable, h: Habit, habitIndex: number): string {
  if (s.independent) {
    const base = INDEPENDENT[s.independent]?.[habitIndex] ?? '';
    return base + (s.final ? rhymeOf({ ...s, vowels: '' }, h).replace(/^a/, '') : '');
  }
  return onsetOf(s, h) + rhymeOf(s, h);
}

function spell(pieces: Piece[], habitIndex: number, joinWords: boolean): string {
  const h = HABITS[habitIndex];
  let out = '';
  let prevSyllable = false;
  for (const p of pieces) {
    if (p.kind === 'text') {
      out += /\d/.test(p.text) && prevSyllable ? ` ${p.text}` : p.text;
      prevSyllable = false;
      continue;
    }
    out += (prevSyllable && !joinWords ? ' ' : '') + spellSyllable(p.s, h, habitIndex);
    prevSyllable = true;
  }
  return out;
}

/** Burmese text: syllables apart in both spelling habits, then joined per written word. */
export function romanizeMyanmar(text: string): string[] {
  const pieces = parse(text);
  return [spell(pieces, 0, false), spell(pieces, 1, false), spell(pieces, 0, true), spell(pieces, 1, true)];
}
