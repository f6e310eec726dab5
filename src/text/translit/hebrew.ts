// Hebrew → Latin. Hebrew is written without most vowels, so any-ascii's letter-by-letter output
// ("tsfryrym" for צפרירים) is far from the spelling on a register ("Zafririm"). This reads vowel letters
// (ו as o/u or v, י as i or y, initial and middle א ע as vowels), the begadkefat letters by position
// (ב b/v, כ k/kh, פ p/f), geresh letters (ג׳ j, ז׳ zh, צ׳ ch), and supplies the missing vowel of a
// word-initial consonant pair ("גלם" → "galam", "קדמי" → "kadmi"). Each scheme is one spelling habit:
// kh/ch/h for ח, tz/ts/z for צ, k/q for ק, o/u for ו. Pointed text (niqqud) is read from its points.

interface HebrewScheme {
  chet: string;
  kaf: string;
  tsadi: string;
  qof: string;
  /** ו between consonants. */
  vav: string;
  /** The vowel supplied between two consonants at the start of a word ('' for none). */
  inserted: string;
  /** א or ע at the start of a word before a consonant. */
  initialGuttural: string;
  /** א in the middle of a word. */
  medialAlef: string;
  /** י after a consonant at the end of a word (-i, or the construct plural -ei). */
  finalYod: string;
  /** ה at the end of a word. */
  finalHe: string;
}

const SCHEMES: HebrewScheme[] = [
  { chet: 'kh', kaf: 'kh', tsadi: 'tz', qof: 'k', vav: 'o', inserted: 'a', initialGuttural: 'a', medialAlef: 'a', finalYod: 'i', finalHe: 'a' },
  { chet: 'ch', kaf: 'ch', tsadi: 'tz', qof: 'k', vav: 'u', inserted: 'e', initialGuttural: 'e', medialAlef: 'e', finalYod: 'ei', finalHe: 'a' },
  { chet: 'h', kaf: 'kh', tsadi: 'ts', qof: 'q', vav: 'o', inserted: 'e', initialGuttural: 'a', medialAlef: '', finalYod: 'i', finalHe: 'ah' },
  { chet: 'h', kaf: 'kh', tsadi: 'z', qof: 'k', vav: 'u', inserted: 'a', initialGuttural: 'e', medialAlef: 'a', finalYod: 'i', finalHe: 'a' },
];

const FINAL_FORMS: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };
const FIXED: Record<string, string> = { ג: 'g', ד: 'd', ז: 'z', ט: 't', ל: 'l', מ: 'm', נ: 'n', ס: 's', ר: 'r', ש: 'sh', ת: 't' };
const WITH_GERESH: Record<string, string> = { ג: 'j', ז: 'zh', צ: 'ch', ת: 'th', ד: 'dh', ח: 'kh', ש: 'sh' };
const GEMATRIA: Record<string, number> = { א: 1, ב: 2, ג: 3, ד: 4, ה: 5, ו: 6, ז: 7, ח: 8, ט: 9, י: 10, כ: 20, ל: 30, מ: 40, נ: 50, ס: 60, ע: 70, פ: 80, צ: 90, ק: 100, ר: 200, ש: 300, ת: 400 };
const GERESH = /^['׳`’]$/;
const POINTS = /[\u05B0-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/;

interface Letter {
  ch: string;
  geresh: boolean;
}

function isVowelLetter(l: Letter | undefined): boolean {
  return !!l && !l.geresh && (l.ch === 'ו' || l.ch === 'י' || l.ch === 'א' || l.ch === 'ע');
}

function letters(word: string): Letter[] {
  const out: Letter[] = [];
  for (const ch of word) {
    if (GERESH.test(ch)) {
      if (out.length) out[out.length - 1].geresh = true;
    } else if (ch >= '\u05D0' && ch <= '\u05EA') out.push({ ch: FINAL_FORMS[ch] ?? ch, geresh: false });
  }
  return out;
}

/** One unpointed Hebrew word in one scheme. */
function romanizeWord(ls: Letter[], s: HebrewScheme): string {
  const n = ls.length;
  let out = '';
  let run = 0;
  for (let i = 0; i < n; i++) {
    const { ch, geresh } = ls[i];
    const next = ls[i + 1];
    const last = i === n - 1;
    if (geresh && WITH_GERESH[ch]) out += WITH_GERESH[ch];
    else if (ch === 'ו') {
      if (next?.ch === 'ו') {
        out += 'v';
        i++;
      } else if (i === 0) out += 'u';
      else if (isVowelLetter(next) && next!.ch !== 'ו') out += 'v';
      else out += s.vav;
    } else if (ch === 'י') {
      if (next?.ch === 'י') {
        out += last || i + 1 === n - 1 ? 'ai' : 'y';
        i++;
      } else if (next?.ch === 'ו' && ls[i + 2]?.ch === 'ו' && i > 0) out += 'i'; // שיווק: i, then the double vav's v
      else if (i === 0 || (next && (next.ch === 'ו' || next.ch === 'א' || next.ch === 'ה'))) out += 'y';
      else if (last) out += n > 2 && !isVowelLetter(ls[i - 1]) ? s.finalYod : 'i';
      else out += 'i';
    } else if (ch === 'א' || ch === 'ע') {
      if (i === 0) out += isVowelLetter(next) ? '' : s.initialGuttural;
      else if (last) out += 'a';
      else out += ch === 'ע' ? 'a' : s.medialAlef;
    } else if (ch === 'ה') out += last && i > 0 ? s.finalHe : 'h';
    else if (ch === 'ב') out += i === 0 ? 'b' : 'v';
    else if (ch === 'כ') out += i === 0 ? 'k' : s.kaf;
    else if (ch === 'פ') out += i === 0 ? 'p' : 'f';
    else if (ch === 'ח') out += s.chet;
    else if (ch === 'צ') out += s.tsadi;
    else if (ch === 'ק') out += s.qof;
    else out += FIXED[ch] ?? '';
    run = isVowelLetter(ls[i]) ? 0 : run + 1;
    // Hebrew words do not start with two bare consonants when read aloud, nor hold three in a row: supply the unwritten vowel
    const initialPair = i === 0 && n > 2 && !isVowelLetter(ls[0]) && !ls[0].geresh && next?.ch !== 'ה';
    if (s.inserted && next && !isVowelLetter(next) && (initialPair || (run === 2 && i < n - 1))) {
      out += s.inserted;
      run = 0;
    }
  }
  return out;
}

// Pointed text: vowels from the points, consonants as in the first scheme.
const POINT_VOWELS: Record<string, string> = {
  '\u05B0': 'e', '\u05B1': 'e', '\u05B2': 'a', '\u05B3': 'o', '\u05B4': 'i', '\u05B5': 'e', '\u05B6': 'e', '\u05B7': 'a',
  '\u05B8': 'a', '\u05B9': 'o', '\u05BA': 'o', '\u05BB': 'u', '\u05C7': 'o',
};

function romanizePointedWord(word: string): string {
  let out = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const raw = chars[i];
    const ch = FINAL_FORMS[raw] ?? raw;
    const marks: string[] = [];
    while (i + 1 < chars.length && POINTS.test(chars[i + 1])) marks.push(chars[++i]);
    const dagesh = marks.includes('\u05BC');
    if (ch === 'ו' && dagesh && marks.length === 1) {
      out += 'u';
      continue;
    }
    if (ch === 'ו' && marks.includes('\u05B9') && marks.length === 1) {
      out += 'o';
      continue;
    }
    if (ch === 'ש') out += marks.includes('\u05C2') ? 's' : 'sh';
    else if (ch === 'ב') out += dagesh ? 'b' : 'v';
    else if (ch === 'כ') out += dagesh ? 'k' : 'kh';
    else if (ch === 'פ') out += dagesh ? 'p' : 'f';
    else if (ch === 'ח') out += 'kh';
    else if (ch === 'צ') out += 'tz';
    else if (ch === 'ק') out += 'k';
    else if (ch === 'ו') out += 'v';
    else if (ch === 'י') out += marks.length ? 'y' : /[ie]$/.test(out) ? '' : 'y';
    else if (ch === 'א' || ch === 'ע') out += '';
    else if (ch === 'ה') out += i === chars.length - 1 && !marks.length ? '' : 'h';
    else out += FIXED[ch] ?? (GERESH.test(ch) ? '' : ch);
    for (const m of marks) {
      const v = POINT_VOWELS[m];
      // a word-final or silent shva is not said
      if (v && !(m === '\u05B0' && (i === chars.length - 1 || out.length > 1))) out += v;
    }
  }
  return out;
}

// Frequent given names, surnames and words whose vowels the rules cannot guess; one spelling per scheme.
const WORDS = new Map<string, string[]>(
  `דוד:david משה:moshe יוסף:yosef,joseph,yossef אברהם:avraham,abraham יצחק:yitzhak,itzhak,yitzchak,isaac
יעקב:yaakov,yaakov,jacob שלמה:shlomo אהרון:aharon,aaron אהרן:aharon,aaron מרדכי:mordechai,mordechai,mordekhai
שמואל:shmuel,shmuel,samuel דניאל:daniel מיכאל:michael,michael,mikhael חיים:haim,chaim,hayim בנימין:binyamin,benjamin
אליהו:eliyahu יהודה:yehuda,yehudah ישראל:israel,yisrael,yisrael נחום:nachum,nahum מנחם:menachem,menahem
יונתן:yonatan,jonathan שרה:sara,sarah רחל:rachel,rahel לאה:lea,leah רבקה:rivka,rivkah מרים:miriam אסתר:ester,esther
כהן:cohen,kohen,kohen,cohen לוי:levi בן:ben בת:bat אבי:avi יוסי:yossi משה:moshe עמי:ami גיל:gil רון:ron
תל:tel אביב:aviv ירושלים:yerushalayim,jerusalem חיפה:haifa,haifa,hefa אילת:eilat באר:beer שבע:sheva`
    .split(/\s+/)
    .map((item) => {
      const [word, spellings] = item.split(':');
      return [word, spellings.split(',')] as [string, string[]];
    }),
);

const WORD = /[\u05D0-\u05EA\u05B0-\u05C7'׳`’"״]+/g;
const NUMERAL = /^([\u05D0-\u05EA])[׳']$/;

/**
 * Lower-case Hebrew text in each scheme, the most common register spelling first. A single letter with
 * a geresh standing alone is a number (א׳ = 1, ב׳ = 2), as in vessel and company names.
 */
export function romanizeHebrew(text: string): string[] {
  if (POINTS.test(text)) {
    const pointed = text.replace(WORD, (w) => {
      const num = NUMERAL.exec(w);
      return num ? String(GEMATRIA[num[1]] ?? '') : romanizePointedWord(w);
    });
    return [pointed];
  }
  return SCHEMES.map((s, index) =>
    text.replace(WORD, (w) => {
      const num = NUMERAL.exec(w);
      if (num) return String(GEMATRIA[FINAL_FORMS[num[1]] ?? num[1]] ?? '');
      const known = WORDS.get(w);
      if (known) return known[Math.min(index, known.length - 1)];
      return romanizeWord(letters(w), s);
    }),
  );
}
