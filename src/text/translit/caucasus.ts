// Georgian and Armenian → Latin. any-ascii writes Georgian ejectives with apostrophes ("k'vinik'adze"),
// which a cleaner splits into words; lists write Georgia's 2002 national system without them
// ("Kvinikadze"), or older Russian-based spellings ("Dzhaparidze"). Armenian names appear in the
// Eastern (BGN/PCGN: "Tsaturyan", "Janoyan") and Western forms ("Tateosian", "Boghossian").
import { applyScheme, compileScheme, type SchemeSpec } from './scheme.js';

const re = (s: string) => new RegExp(s, 'gu');
const START = String.raw`(?<![\p{L}])`;
const END = String.raw`(?![\p{L}])`;

const GEORGIAN_BASE: Record<string, string> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm', ნ: 'n', ო: 'o',
  პ: 'p', ჟ: 'zh', რ: 'r', ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts',
  ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h', ჱ: 'e', ჲ: 'y', ჳ: 'w', ჴ: 'q', ჵ: 'o', ჶ: 'f', ჷ: 'e', ჸ: "'",
};

const GEORGIAN: SchemeSpec[] = [
  // national system of 2002 (passports, Civil Registry) without the ejective apostrophes
  { name: 'national' },
  // Soviet-era, through Russian: "Dzhaparidze", "Kvinikadze", "Gogoberidze"
  { name: 'russian-based', letters: { ყ: 'k', ღ: 'g', ჯ: 'dzh', ჟ: 'zh', ქ: 'k' } },
  // simplified: ხ h, ც/წ c, ყ k ("Hobi", "Cqaltubo")
  { name: 'loose', letters: { ხ: 'h', ც: 'c', წ: 'c', ყ: 'k', ღ: 'g', ჟ: 'j' } },
];

const ARMENIAN_BASE: Record<string, string> = {
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'e', ը: 'e', թ: 't', ժ: 'zh', ի: 'i', լ: 'l', խ: 'kh', ծ: 'ts',
  կ: 'k', հ: 'h', ձ: 'dz', ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n', շ: 'sh', ո: 'o', չ: 'ch', պ: 'p', ջ: 'j', ռ: 'r',
  ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 'ts', ւ: 'v', փ: 'p', ք: 'k', և: 'ev', օ: 'o', ֆ: 'f', 'ﬓ': 'mn', 'ﬔ': 'me',
  'ﬕ': 'mi', 'ﬖ': 'vn', 'ﬗ': 'mkh', '՚': '', '՛': '', '՜': '', '՞': '', '՟': '',
};

const ARMENIAN_COMMON: Array<[RegExp, string]> = [
  [re(`ու`), 'u'],
  [re(`${START}ե`), 'ye'],
  [re(`${START}ո(?!վ)`), 'vo'],
  [re(`${START}և`), 'yev'],
];

const ARMENIAN: SchemeSpec[] = [
  // BGN/PCGN (Eastern Armenian), the usual spelling on lists: "Tsaturyan", "Janoyan", "Yerevan"
  { name: 'bgn', rules: ARMENIAN_COMMON },
  // Eastern, -ian and ou: "Tsaturian", "Hovhannisian"
  { name: 'ian', rules: [[re(`յան${END}`), 'ian'], ...ARMENIAN_COMMON] },
  // Western Armenian (diaspora): voiced and voiceless stops swap, ու → ou ("Boghossian", "Tateosian")
  {
    name: 'western',
    rules: [[re(`ու`), 'ou'], [re(`յան${END}`), 'ian'], [re(`${START}ե`), 'ye'], [re(`${START}ո(?!վ)`), 'vo']],
    letters: { բ: 'p', պ: 'b', գ: 'k', կ: 'g', դ: 't', տ: 'd', ծ: 'dz', ձ: 'ts', ճ: 'j', ջ: 'ch', ղ: 'gh', ւ: 'v' },
  },
];

const GEORGIAN_SCHEMES = GEORGIAN.map((s) => compileScheme(s, GEORGIAN_BASE));
const ARMENIAN_SCHEMES = ARMENIAN.map((s) => compileScheme(s, ARMENIAN_BASE));

/** Lower-case Georgian (Mkhedruli) text in each scheme, the national system first. */
export function romanizeGeorgian(text: string): string[] {
  return GEORGIAN_SCHEMES.map((s) => applyScheme(text, s));
}

/** Lower-case Armenian text in each scheme, BGN/PCGN first. */
export function romanizeArmenian(text: string): string[] {
  return ARMENIAN_SCHEMES.map((s) => applyScheme(text, s));
}
