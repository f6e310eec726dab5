// Cyrillic → Latin in the schemes sanctions lists actually use. any-ascii and `transliteration` each
// know one scheme; lists hold the same person as "Khmelnitskiy" (BGN/PCGN, OFAC), "Khmelnitsky"
// (English press), "Khmelnitskii" (ICAO passports), "Hmelnickij" (ISO 9 / scholarly, EU member-state
// lists), "Chmelnizki" (German) and, for a Ukrainian, "Khmelnytskyi" (Ukraine's 2010 official rules).
// The language decides the schemes: Ukrainian (і ї є ґ), Belarusian (ў), Serbian/Macedonian
// (ђ ј љ њ ћ џ ѓ ќ), Bulgarian (ъ as a vowel); everything else is read as Russian.
import { applyScheme, compileScheme, type Scheme, type SchemeSpec } from './scheme.js';

const NOT_LETTER_BEFORE = String.raw`(?<![\p{L}\p{M}])`;
const WORD_END = String.raw`(?![\p{L}\p{M}])`;
/** Word start, or after a vowel or hard/soft sign: where е ё ю я are said with a "y". */
const IOTATING = String.raw`(?<![^аеёиоуыэюяіїєъьў\s\-'’"«(])`;
const re = (s: string) => new RegExp(s, 'gu');

/** Letters shared by all schemes (Russian and the letters of other Cyrillic alphabets). */
const BASE: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian, Belarusian
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
  // Serbian, Macedonian
  ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  // Kazakh, Kyrgyz, Tajik, Tatar, Bashkir, Mongolian, Azerbaijani (Cyrillic period)
  ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u', ҙ: 'z', ҫ: 's',
  ӑ: 'a', ӗ: 'e', ҡ: 'q', ҝ: 'g', ҹ: 'j', ӂ: 'zh', ӝ: 'j', ӟ: 'dz', ӧ: 'o', ӱ: 'u', ӹ: 'y',
  'ʼ': '', "'": '',
};

const RUSSIAN: SchemeSpec[] = [
  {
    // BGN/PCGN 1947 without its diacritics and apostrophes: the OFAC and UK spelling
    name: 'bgn',
    rules: [
      [re(`${IOTATING}е`), 'ye'],
      [re(`${IOTATING}ё`), 'yo'],
      [re(`ё`), 'e'],
    ],
  },
  {
    // English-language habit: -ий/-ый → -y, кс → x, е plain ("Dmitry Khmelnitsky", "Maxim", "Evgeny")
    name: 'english',
    rules: [
      [re(`ий${WORD_END}`), 'y'],
      [re(`ый${WORD_END}`), 'y'],
      [re(`ьев${WORD_END}`), 'yev'],
      [re(`кс`), 'x'],
      [re(`ь(?=[аеиоу])`), 'y'],
    ],
  },
  {
    // ICAO Doc 9303 (Russian passports since 2013): й i, ю iu, я ia, ъ ie, е/ё e
    name: 'icao',
    letters: { ё: 'e', й: 'i', ъ: 'ie', ю: 'iu', я: 'ia' },
  },
  {
    // the spelling Russian passports used before 2013 and many companies still use: х h, й i... ("Holmogrant-Stroi")
    name: 'loose',
    rules: [[re(`${IOTATING}е`), 'ye']],
    letters: { х: 'h', й: 'i', ё: 'e', ц: 'c' },
  },
  {
    // ISO 9 / GOST 7.79 and the scholarly system, diacritics dropped: "Zavjalov", "Hotincev", "Hmelnickij"
    name: 'scholarly',
    letters: { ж: 'z', х: 'h', ц: 'c', ч: 'c', ш: 's', щ: 'sc', й: 'j', ю: 'ju', я: 'ja', ё: 'jo', э: 'e' },
  },
  {
    // German (Duden): "Werchnjaja", "Chmelnizki", "Schtscherbakow"
    name: 'german',
    rules: [
      [re(`(?<=[аеёиоуыэюя])с(?=[аеёиоуыэюя])`), 'ss'],
      [re(`${IOTATING}е`), 'je'],
      [re(`ий${WORD_END}`), 'i'],
      [re(`ов${WORD_END}`), 'ow'],
      [re(`ев${WORD_END}`), 'ew'],
    ],
    letters: { ж: 'sch', з: 's', в: 'w', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', й: 'j', ю: 'ju', я: 'ja', ё: 'jo', ы: 'y' },
  },
  {
    // French: "Jelvinski", "Khodorkovski", "Tchernychev"
    name: 'french',
    rules: [
      [re(`ий${WORD_END}`), 'i'],
      [re(`ый${WORD_END}`), 'y'],
      [re(`(?<=[аеёиоуыэюя])с(?=[аеёиоуыэюя])`), 'ss'],
    ],
    letters: { ж: 'j', у: 'ou', ш: 'ch', ч: 'tch', щ: 'chtch', й: 'ï', ю: 'iou', я: 'ia', ё: 'io', х: 'kh', ц: 'ts' },
  },
];

const UKRAINIAN: SchemeSpec[] = [
  {
    // Cabinet of Ministers resolution 55 of 2010: Kyiv, Khmelnytskyi, Zghurskyi, Yurii, Oleksii
    name: 'ua2010',
    rules: [
      [re(`зг`), 'zgh'],
      [re(`${NOT_LETTER_BEFORE}є`), 'ye'],
      [re(`${NOT_LETTER_BEFORE}ї`), 'yi'],
      [re(`${NOT_LETTER_BEFORE}й`), 'y'],
      [re(`${NOT_LETTER_BEFORE}ю`), 'yu'],
      [re(`${NOT_LETTER_BEFORE}я`), 'ya'],
    ],
    letters: { г: 'h', и: 'y', є: 'ie', ї: 'i', й: 'i', ю: 'iu', я: 'ia' },
  },
  {
    // the Russian reading of a Ukrainian name that lists give beside it: "Zhitomirskiy", "Vasil Ivanovich"
    name: 'russian-based',
    rules: [
      [re(`ий${WORD_END}`), 'iy'],
      [re(`${IOTATING}є`), 'ye'],
    ],
    letters: { г: 'g', и: 'i', і: 'i', ї: 'i', є: 'e' },
  },
  {
    // BGN/PCGN 1965 for Ukrainian: "Khmelnytskyy", "Yuriy"
    name: 'bgn',
    letters: { г: 'h', и: 'y', ї: 'yi', є: 'ye' },
  },
  {
    // passports before 2010 and firms' own spellings: х h, г g, ий y
    name: 'loose',
    rules: [[re(`ий${WORD_END}`), 'y']],
    letters: { г: 'g', и: 'y', х: 'h', ї: 'i', є: 'e', й: 'i' },
  },
  {
    name: 'german',
    rules: [[re(`ий${WORD_END}`), 'yj']],
    letters: { г: 'h', и: 'y', ж: 'sch', в: 'w', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', й: 'j', ю: 'ju', я: 'ja', ї: 'ji', є: 'je' },
  },
];

const BELARUSIAN: SchemeSpec[] = [
  // ICAO / BGN: "Zhaunerchyk", "Lukashenka"
  { name: 'icao', rules: [[re(`${IOTATING}е`), 'ye']], letters: { г: 'h', ў: 'u', ы: 'y', и: 'i' } },
  // national 2007 system, diacritics dropped (ž č š ŭ → z c s u): "Lukasenka"
  { name: 'national', letters: { г: 'h', ж: 'z', х: 'ch', ц: 'c', ч: 'c', ш: 's', ў: 'u', й: 'j', ю: 'ju', я: 'ja', ё: 'jo', е: 'e' } },
  // Russian reading: "Vladimir Zhovnerchik"
  { name: 'russian-based', letters: { г: 'g', ў: 'v', ы: 'i', і: 'i' } },
  { name: 'loose', letters: { г: 'h', ў: 'w', х: 'h' } },
];

const SERBIAN: SchemeSpec[] = [
  // Serbian/Macedonian Latin alphabet (Gaj), diacritics dropped: č ć → c, š → s, ž → z
  { name: 'gaj', letters: { ж: 'z', х: 'h', ц: 'c', ч: 'c', ш: 's', ђ: 'dj', ћ: 'c', џ: 'dz', й: 'j', ѓ: 'g', ќ: 'k' } },
  // English-language habit: "Djokovic", "Milosevich"
  { name: 'english', letters: { ж: 'zh', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', ђ: 'dj', ћ: 'ch', џ: 'dzh' } },
];

const BULGARIAN: SchemeSpec[] = [
  // Bulgaria's official 2009 system: щ sht, ъ a, -ия -ia
  { name: 'official', rules: [[re(`ия${WORD_END}`), 'ia']], letters: { щ: 'sht', ъ: 'a', х: 'h', ц: 'ts', й: 'y', ю: 'yu', я: 'ya' } },
  { name: 'bgn', letters: { щ: 'sht', ъ: 'u', х: 'kh', й: 'y' } },
  { name: 'loose', letters: { щ: 'sht', ъ: 'a', х: 'h', ц: 'c', ж: 'j', ч: 'ch', й: 'i', ю: 'iu', я: 'ia' } },
];

const compile = (specs: SchemeSpec[]): Scheme[] => specs.map((s) => compileScheme(s, BASE));
const SCHEMES = {
  russian: compile(RUSSIAN),
  ukrainian: compile(UKRAINIAN),
  belarusian: compile(BELARUSIAN),
  serbian: compile(SERBIAN),
  bulgarian: compile(BULGARIAN),
};
export type CyrillicLanguage = keyof typeof SCHEMES;

const UKRAINIAN_LETTERS = /[іїєґ]/;
const RUSSIAN_ONLY = /[ыэъё]/;
/**
 * Surname endings shared with Ukrainian (-ський/-ский, -цький/-цкий, -енко, -чук): such a name may be a
 * Ukrainian one written the Russian way ("Хмельницкий"), which lists also give in Ukraine's spelling.
 */
const UKRAINIAN_HINT = /(?:[сцз]ь?к(?:ий|ая|ого)|енко|чук|щук|юк)(?![\p{L}])/u;
const BELARUSIAN_LETTERS = /ў/;
const SERBIAN_LETTERS = /[ђјљњћџѓќѕ]/;
/** ъ inside a word before a consonant is a vowel: Bulgarian ("Търговски", "Съюз" is Russian: ъ before ю). */
const BULGARIAN_VOWEL_YER = /ъ(?=[бвгджзклмнпрстфхцчшщ])/;

/** Which language's rules fit a Cyrillic text (lower case). */
export function cyrillicLanguage(text: string): CyrillicLanguage {
  if (SERBIAN_LETTERS.test(text)) return 'serbian';
  if (BELARUSIAN_LETTERS.test(text)) return 'belarusian';
  if (UKRAINIAN_LETTERS.test(text)) return RUSSIAN_ONLY.test(text) && /[ыэ]/.test(text) ? 'belarusian' : 'ukrainian';
  if (BULGARIAN_VOWEL_YER.test(text)) return 'bulgarian';
  return 'russian';
}

/**
 * Every scheme's spelling of a lower-case Cyrillic text, primary (BGN/PCGN, or Ukraine's official system)
 * first. Text with no letter that tells Russian from Ukrainian but a surname ending the two share
 * ("Хмельницкий", "Хмельницький", "Тимошенко") also gets Ukraine's official spelling ("Khmelnytskyi"), third.
 */
export function romanizeCyrillic(text: string, language: CyrillicLanguage = cyrillicLanguage(text)): string[] {
  const schemes = language === 'russian' && !RUSSIAN_ONLY.test(text) && UKRAINIAN_HINT.test(text) ? RUSSIAN_OR_UKRAINIAN : SCHEMES[language];
  // every rule works inside a word, so words are romanised one by one and remembered: given names,
  // patronymics and legal forms recur across thousands of names
  const parts = text.split(WORD_SPLIT);
  const out: string[] = schemes.map(() => '');
  for (const part of parts) {
    if (!part) continue;
    const words = WORD_TEST.test(part) ? romanizeWord(part, language, schemes) : undefined;
    for (let i = 0; i < schemes.length; i++) out[i] += words ? words[i] : part;
  }
  return out;
}

const WORD_SPLIT = /([^\p{L}\p{M}'ʼ]+)/u;
const WORD_TEST = /\p{L}/u;
const RUSSIAN_OR_UKRAINIAN = [...SCHEMES.russian.slice(0, 2), SCHEMES.ukrainian[0], ...SCHEMES.russian.slice(2)];
const CACHE_LIMIT = 50_000;
let cache = new Map<string, string[]>();

function romanizeWord(word: string, language: CyrillicLanguage, schemes: Scheme[]): string[] {
  const key = `${schemes === RUSSIAN_OR_UKRAINIAN ? 'ru+ua' : language}:${word}`;
  let out = cache.get(key);
  if (!out) {
    out = schemes.map((scheme) => applyScheme(word, scheme));
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(key, out);
  }
  return out;
}
