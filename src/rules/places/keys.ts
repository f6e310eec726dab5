// Matching keys for place names written in Ukrainian, Russian or Latin letters. Both scripts are folded
// into one phonetic alphabet, so "Сімферополь", "Симферополь" and "Simferopol" give the same key.
// A second, looser key (the consonant skeleton) absorbs the vowel differences between Ukrainian and
// Russian spellings: "Макіївка" / "Макеевка" / "Makeyevka" → m k v k.

// Single symbols for the sounds Latin writes with two or more letters (upper case never occurs otherwise).
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', є: 'ie', ё: 'e', ж: 'J', з: 'z', и: 'i', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'X', ц: 'T', ч: 'C',
  ш: 'S', щ: 'W', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

// Latin letter groups → the same symbols, in one regex pass (longest alternatives first).
const LATIN: Record<string, string> = {
  shch: 'W', sch: 'W', zh: 'J', kh: 'X', tch: 'C', ch: 'C', sh: 'S', ts: 'T', tz: 'T',
  h: 'g', // Ukrainian г is h in Latin, Russian г is g
  y: 'i', j: 'i', w: 'v', x: 'ks', q: 'k', c: 'k',
};
const LATIN_RE = /shch|sch|zh|kh|tch|ch|sh|ts|tz|[hyjwxqc]/g;
const CYRILLIC_RE = /[а-яёіїєґ]/g;
const NEEDS_NFKD = /[^\u0000-\u007f\u0400-\u04ff]/;

/** Lower case, accents stripped, Cyrillic folded; letters only (spaces, hyphens and apostrophes dropped). */
export function placeKey(text: string): string {
  let s = NEEDS_NFKD.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text;
  s = s.toLowerCase();
  // Cyrillic first, letter by letter (to lower case letters and upper case symbols); the Latin pass
  // afterwards sees only lower case, so the symbols survive it
  s = s.replace(CYRILLIC_RE, (ch) => CYRILLIC[ch] ?? '');
  s = s.replace(/[^\p{L}]/gu, '');
  s = s.replace(LATIN_RE, (g) => LATIN[g]);
  return collapse(s);
}

/** The consonant skeleton of a key: vowels dropped, doubled letters collapsed. */
export function skeleton(key: string): string {
  return collapse(key.replace(/[aeiou]/g, ''));
}

function collapse(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

/** Words of a text as written (for n-gram lookups), without punctuation. */
export function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}’'ʼ-]+/u).filter(Boolean);
}

/**
 * Two keys with the same skeleton that differ only a little (edit distance at most 30 % of the longer):
 * Ukrainian and Russian spellings of one name, not two different names that share their consonants.
 */
export function similar(a: string, b: string): boolean {
  return editDistance(a, b) <= 0.3 * Math.max(a.length, b.length);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

// Ukrainian national transliteration (KMU resolution No. 55 of 27.01.2010), for readable place names.
const KMU: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia',
};
const KMU_INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

/** "Макіївка" → "Makiivka", "Єнакієве" → "Yenakiieve", "Згурівка" → "Zghurivka". */
export function kmuLatin(text: string): string {
  return text.replace(/[\p{L}’'ʼ]+/gu, (word) => {
    let out = '';
    const lower = word.toLowerCase();
    for (let i = 0; i < lower.length; i++) {
      const ch = lower[i];
      if (ch === '’' || ch === "'" || ch === 'ʼ') continue;
      let t = (i === 0 ? KMU_INITIAL[ch] : undefined) ?? KMU[ch] ?? ch;
      if (ch === 'г' && lower[i - 1] === 'з') t = 'gh';
      out += word[i] !== lower[i] && t ? t[0].toUpperCase() + t.slice(1) : t;
    }
    return out;
  });
}
