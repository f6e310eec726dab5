// Han characters → Latin: Mandarin pinyin from the `pinyin` package (its surname mode reads 单 as
// Shan, 曾 as Zeng), written as Chinese names are on lists: surname apart, given name joined
// ("Xi Jinping"), and every syllable apart ("Xi Jin Ping"). A name whose characters all have a Korean
// reading and start with a Korean surname also gets that reading (金正恩 → Kim Jong Un). Japanese
// kanji readings need a dictionary we do not have: kanji are read as Chinese (a known gap).
import { createRequire } from 'node:module';
import { koreanReadingOfHanja } from './korean.js';

type PinyinFn = (han: string, options?: { style?: 'normal'; mode?: 'normal' | 'surname'; heteronym?: boolean; segment?: boolean }) => string[][];
type PinyinModule = PinyinFn | { pinyin?: PinyinFn; default?: PinyinFn };

// The pinyin dictionary takes about a second of CPU to load: loaded on the first Han name, not at every
// start of the CLI or server (most screening is Latin-only).
const require = createRequire(import.meta.url);
let loaded: PinyinFn | undefined;
function pinyin(han: string, options: Parameters<PinyinFn>[1]): string[][] {
  if (!loaded) {
    // the package's CommonJS build puts the function on `.default` or `.pinyin` depending on the loader
    const mod = require('pinyin') as PinyinModule;
    loaded = typeof mod === 'function' ? mod : (mod.pinyin ?? mod.default!);
  }
  return loaded(han, options);
}

const DOUBLE_SURNAMES = new Set([
  '欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容', '令狐', '长孙',
  '長孫', '宇文', '司徒', '夏侯', '轩辕', '軒轅', '端木', '独孤', '獨孤', '南宫', '南宮', '西门', '西門', '百里', '诸葛',
]);
const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005\u3007]|[\uD840-\uD87F][\uDC00-\uDFFF]/u;
const HAN_RUN = /(?:[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3005\u3007]|[\uD840-\uD87F][\uDC00-\uDFFF])+/gu;

function syllables(text: string, surnameMode: boolean): string[] {
  return pinyin(text, { style: 'normal', mode: surnameMode ? 'surname' : 'normal', heteronym: false, segment: false })
    .map((s) => s[0] ?? '')
    .filter((s) => s.trim() !== '');
}

/** 2–4 characters with no space: read as a person's name (surname, given name). */
function personReadings(run: string): string[] | undefined {
  const chars = [...run];
  if (chars.length < 2 || chars.length > 4) return undefined;
  const familyLength = DOUBLE_SURNAMES.has(chars.slice(0, 2).join('')) && chars.length > 2 ? 2 : 1;
  const syl = syllables(run, true);
  if (syl.length !== chars.length) return undefined;
  const family = syl.slice(0, familyLength).join('');
  const given = syl.slice(familyLength);
  const out = [`${family} ${given.join('')}`, `${family} ${given.join(' ')}`];
  const korean = koreanReadingOfHanja(run);
  if (korean) out.push(...korean);
  return out;
}

const DIGIT_VALUES: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT_VALUES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const NUMERAL = '[零〇一二两兩三四五六七八九十百千]+';
/** Chinese numerals that count (第十八 "No. 18", 三号 "No. 3"), as in vessel and company names. */
const COUNTED = new RegExp(`第(${NUMERAL})|(${NUMERAL})[号號]`, 'gu');

/** 十八 → 18, 二十一 → 21, 一百零五 → 105, 八 → 8. */
export function chineseNumber(text: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    const unit = UNIT_VALUES[ch];
    if (unit) {
      total += (digit || 1) * unit;
      digit = 0;
    } else digit = DIGIT_VALUES[ch] ?? 0;
  }
  return total + digit;
}

/**
 * Text with Han characters: the name readings when it is one short run and the whole name, else every
 * syllable apart and joined per run.
 */
export function romanizeHan(input: string, wholeName = true): string[] {
  const text = input.replace(COUNTED, (_m, after: string | undefined, before: string | undefined) => ` ${chineseNumber(after ?? before ?? '')} `);
  const runs = text.match(HAN_RUN) ?? [];
  if (wholeName && runs.length === 1 && text.trim() === runs[0]) {
    const person = personReadings(runs[0]);
    if (person) return person;
  }
  return [
    text.replace(HAN_RUN, (run) => ` ${syllables(run, false).join(' ')} `),
    text.replace(HAN_RUN, (run) => ` ${syllables(run, false).join('')} `),
  ];
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}
