// Korean → Latin. A Korean name is romanised syllable by syllable, in several systems at once:
// the DPRK's (as North Korean names appear on sanctions lists: "Kim Jong Un", "Ri Pyong Chol",
// "Choe Ryong Hae"), South Korea's Revised Romanization ("Kim Jeong-eun"), McCune–Reischauer without
// its breves and apostrophes ("Kim Chong-un") and the spellings South Koreans choose for their
// surnames (Lee, Park, Choi). Given names come apart ("Jong Un") and joined ("Jongun"), since lists
// write "Jong Un", "Jong-un" and "Jongun". es-hangul's `romanize` (Revised Romanization with the
// sound changes of running text) serves for words that are not names: company and place names.
// Also here: the same names written in Cyrillic (Russian press and lists: "Ким Чен Ын") and the
// Korean reading of Han characters for names written in hanja (金正恩).
import { romanize as romanizeRunningText } from 'es-hangul';

type System = 'dprk' | 'rr' | 'mr' | 'popular';

// Initial consonants (19), vowels (21) and final consonants (28, first none) in Unicode order.
const INITIALS: Record<System, string[]> = {
  dprk: ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'kh', 'th', 'ph', 'h'],
  rr: ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'],
  mr: ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', 'ch', 'k', 't', 'p', 'h'],
  popular: ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'],
};
const VOWELS: Record<System, string[]> = {
  dprk: ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'],
  rr: ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'],
  mr: ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'],
  popular: ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'],
};
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

const SYSTEMS: System[] = ['dprk', 'rr', 'mr', 'popular'];

function isSyllable(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

/** One Hangul syllable in one system (names: no sound changes across syllables). */
export function romanizeSyllable(syllable: string, system: System): string {
  const index = syllable.charCodeAt(0) - 0xac00;
  const initial = Math.floor(index / 588);
  const vowel = Math.floor((index % 588) / 28);
  const final = index % 28;
  let s = INITIALS[system][initial] + VOWELS[system][vowel] + FINALS[final];
  // South Koreans write ㅓ as "u" before a nasal in names: 정 Jung, 성 Sung, 현 Hyun, 준 Joon's "u"
  if (system === 'popular') s = s.replace(/eo(?=ng$|n$)/, 'u').replace(/^si/, 'shi').replace(/^sin$/, 'shin');
  return s;
}

// Surnames whose usual spelling is not the system's: DPRK Ri/Rim, South Korean Lee, Park, Choi...
const SURNAMES: Record<string, Partial<Record<System, string>>> = {
  김: { rr: 'kim', popular: 'kim' },
  이: { dprk: 'ri', rr: 'yi', mr: 'yi', popular: 'lee' },
  리: { dprk: 'ri', rr: 'ri', mr: 'ri', popular: 'lee' },
  박: { popular: 'park' },
  최: { popular: 'choi' },
  정: { popular: 'jung' },
  조: { popular: 'cho' },
  강: { rr: 'kang', popular: 'kang' },
  고: { rr: 'ko', popular: 'ko' },
  곽: { popular: 'kwak' },
  권: { popular: 'kwon' },
  구: { popular: 'koo' },
  공: { popular: 'kong' },
  길: { popular: 'kil' },
  기: { popular: 'ki' },
  금: { popular: 'keum' },
  오: { popular: 'oh' },
  윤: { popular: 'yoon' },
  문: { popular: 'moon' },
  노: { popular: 'roh' },
  유: { popular: 'yoo' },
  류: { dprk: 'ryu', rr: 'ryu', popular: 'ryu' },
  신: { popular: 'shin' },
  안: { popular: 'ahn' },
  임: { popular: 'lim' },
  림: { dprk: 'rim', popular: 'lim' },
  우: { popular: 'woo' },
  주: { popular: 'joo' },
  허: { popular: 'huh' },
  손: { popular: 'sohn' },
  전: { popular: 'jeon' },
  선: { popular: 'sun' },
  석: { popular: 'suk' },
  변: { popular: 'byun' },
  배: { popular: 'bae' },
  백: { popular: 'baek' },
  황: { popular: 'hwang' },
  한: { popular: 'han' },
  현: { popular: 'hyun' },
  태: { popular: 'tae' },
  룡: { rr: 'ryong', popular: 'yong' },
  용: { popular: 'yong' },
  남: { popular: 'nam' },
  명: { popular: 'myung' },
};
const DOUBLE_SURNAMES = new Set(['남궁', '선우', '황보', '제갈', '독고', '사공', '서문', '동방', '어금']);

function surname(syllables: string, system: System): string {
  if (syllables.length === 1) return SURNAMES[syllables]?.[system] ?? romanizeSyllable(syllables, system);
  return [...syllables].map((s) => romanizeSyllable(s, system)).join('');
}

/** Name words (surname first, given name second) → one spelling per variant: apart and joined in each system. */
function personVariants(family: string, given: string[]): string[] {
  const out: string[] = [];
  const apart = (system: System) => [surname(family, system), ...given.map((g) => [...g].map((s) => romanizeSyllable(s, system)).join(' '))].join(' ');
  const joined = (system: System) => [surname(family, system), ...given.map((g) => [...g].map((s) => romanizeSyllable(s, system)).join(''))].join(' ');
  out.push(apart('dprk'), apart('rr'), joined('dprk'), joined('rr'), apart('popular'), apart('mr'), joined('popular'), joined('mr'));
  return out;
}

const KOREAN_SURNAME_SYLLABLES = new Set([...Object.keys(SURNAMES), ...'송장서황양손하차주우구민진지엄채원천방공변염여추도소석설마길연위표기반왕금옥육인맹제모탁국은편봉사부가복태목형계피두감음빈동온호범좌팽승간상갈시견'.split('')]);

/** A Hangul word or words that read as a person's name: surname, then one or two given-name syllables. */
function asPerson(words: string[]): { family: string; given: string[] } | undefined {
  const all = words.join('');
  if (all.length < 2 || all.length > 5 || words.length > 3) return undefined;
  const double = DOUBLE_SURNAMES.has(all.slice(0, 2)) && all.length >= 3;
  const family = double ? all.slice(0, 2) : all[0];
  if (!double && !KOREAN_SURNAME_SYLLABLES.has(family)) return undefined;
  if (words[0] === family) return { family, given: words.slice(1) };
  if (words[0].startsWith(family)) return { family, given: [words[0].slice(family.length), ...words.slice(1)] };
  return undefined;
}

const HANGUL_WORD = /[\uAC00-\uD7A3]+/g;

/**
 * Lower-case Hangul text: a person's name in every system (apart and joined), other words in Revised
 * Romanization first. `wholeName` false (the text is part of a longer name) rules out the person reading.
 */
export function romanizeHangul(text: string, wholeName = true): string[] {
  const words = text.match(HANGUL_WORD) ?? [];
  const plainWords = text.replace(HANGUL_WORD, '').trim() === '';
  const person = plainWords && wholeName ? asPerson(words) : undefined;
  if (person && person.given.length) return personVariants(person.family, person.given);
  return [
    text.replace(HANGUL_WORD, (w) => [...w].map((s) => romanizeSyllable(s, 'rr')).join('')),
    text.replace(HANGUL_WORD, (w) => safeRunningText(w)),
    text.replace(HANGUL_WORD, (w) => [...w].map((s) => romanizeSyllable(s, 'mr')).join('')),
    text.replace(HANGUL_WORD, (w) => [...w].map((s) => romanizeSyllable(s, 'rr')).join(' ')),
  ];
}

function safeRunningText(word: string): string {
  try {
    return romanizeRunningText(word);
  } catch {
    return [...word].map((s) => romanizeSyllable(s, 'rr')).join('');
  }
}

// ---------------------------------------------------------------------------------------------
// Latin spellings of Korean names: "Kim Jongun" → "Kim Jong Un"

let syllableSet: Set<string> | undefined;
/** Every syllable's spelling in the four systems (built on first use: ~30k strings). */
function romanSyllables(): Set<string> {
  if (!syllableSet) {
    syllableSet = new Set();
    for (let c = 0xac00; c <= 0xd7a3; c++) {
      const s = String.fromCharCode(c);
      for (const system of SYSTEMS) syllableSet.add(romanizeSyllable(s, system));
    }
    for (const extra of ['lee', 'park', 'choi', 'oh', 'yoon', 'moon', 'roh', 'yoo', 'shin', 'ahn', 'lim', 'woo', 'joo', 'huh', 'sohn', 'koo', 'kang', 'kim', 'hee', 'soo', 'sung', 'jung', 'hyun', 'young', 'seok', 'suk']) {
      syllableSet.add(extra);
    }
  }
  return syllableSet;
}

const LATIN_SURNAMES = new Set(
  'kim ri li lee yi rhee pak park bak choe choi chwe jo cho jong jeong chong chung jung jon jeon chon jun chun song seong sung kang gang han yun yoon jang chang im lim rim o oh so seo suh sin shin kwon gwon hwang an ahn ryu yu yoo hong ko go koh mun moon yang son sohn pae bae paek baek ho heo huh nam no noh roh ro ha kwak cha ju joo ku koo min jin ji hyon hyun thae tae won pang bang kong pyon byun kil gil myong'.split(
    ' ',
  ),
);

/** Syllables frequent in Korean given names, in the spellings lists use: only these are split apart. */
const GIVEN_SYLLABLES = new Set(
  ('jong jeong chong jung un eun il song seong sung chol cheol chul ryong yong min ho ji chi jin chin hyon hyun hyeon su soo ' +
    'hui hee mi suk sook ok nam kwang gwang chun cheon jun joon yun yoon sik hwa hye hae thae tae kyong kyung gyeong myong ' +
    'myung myeong sang u woo won in han ha young yeong yeon yon seok sok hun hoon hyok hyuk hyeok dong tong kuk guk chang ' +
    'man ki gi bok pok sun soon ja ae yu rak nak sol seol ju joo chu pyong byeong byung phyong ri ye do to hak seon son bin ' +
    'sin shin kyu gyu hwan sam yo ung chan chae jae je hyo ik yol yeol ran rim im kang gang kum geum keum').split(' '),
);

/** A given-name token that is two Korean given-name syllables run together, split in two ("jongun" → "jong un"); undefined otherwise. */
function splitSyllables(token: string): string | undefined {
  if (token.length < 3 || token.length > 10) return undefined;
  const set = GIVEN_SYLLABLES;
  let fallback: string | undefined;
  for (let i = 1; i < token.length; i++) {
    const a = token.slice(0, i);
    const b = token.slice(i);
    if (!set.has(a) || !set.has(b)) continue;
    // "jongun" is jong+un, not jon+gun: a syllable after "ng" or "n" usually starts with a vowel in names
    if (/^[aeiouwy]/.test(b)) return `${a} ${b}`;
    fallback ??= `${a} ${b}`;
  }
  return fallback;
}

/**
 * A cleaned Latin name that reads as a Korean one (a Korean surname first or last, the other words
 * Korean syllables) with its joined given name split: "kim jongun" → "kim jong un". Undefined when
 * nothing changes.
 */
export function splitKoreanGivenName(latin: string): string | undefined {
  const tokens = latin.split(' ');
  if (tokens.length < 2 || tokens.length > 3) return undefined;
  const surnameFirst = LATIN_SURNAMES.has(tokens[0]);
  const surnameLast = LATIN_SURNAMES.has(tokens[tokens.length - 1]);
  if (!surnameFirst && !surnameLast) return undefined;
  const set = romanSyllables();
  let changed = false;
  const out = tokens.map((t, i) => {
    if ((surnameFirst && i === 0) || (!surnameFirst && i === tokens.length - 1) || set.has(t)) return t;
    const split = splitSyllables(t);
    if (split) changed = true;
    return split ?? t;
  });
  if (!changed) return undefined;
  // every other word must be Korean too, or "Kim Anton" would become "Kim An Ton"
  return out.every((t) => t.split(' ').every((s) => set.has(s) || LATIN_SURNAMES.has(s))) && tokens.length <= 3 ? out.join(' ') : undefined;
}

// ---------------------------------------------------------------------------------------------
// Korean names in Cyrillic (Kontsevich and the Russian press): "Ким Чен Ын", "Чхве Рён Хэ"

const CYRILLIC_SURNAMES: Record<string, string> = {
  ким: 'kim', пак: 'pak', ли: 'ri', ри: 'ri', цой: 'choe', чхве: 'choe', чой: 'choe', хан: 'han', кан: 'kang', юн: 'yun',
  чон: 'jon', чен: 'jong', со: 'so', ро: 'ro', пэ: 'pae', ку: 'ku', сон: 'song', ян: 'yang', мун: 'mun', хван: 'hwang',
  квон: 'kwon', нам: 'nam', тхэ: 'thae', хон: 'hong', чан: 'jang', ан: 'an', о: 'o', рю: 'ryu', сим: 'sim', чо: 'jo',
  чу: 'ju', хо: 'ho', ко: 'ko', хён: 'hyon', пён: 'pyon', рим: 'rim', мин: 'min', тен: 'jong', тян: 'jang',
};
const CYRILLIC_SYLLABLES = new Map(
  `чен:jong чон:jong чжон:jong ын:un ир:il иль:il сен:song сон:song чхоль:chol чоль:chol чхол:chol хе:hye хэ:hae
рён:ryong рен:ryong ён:yong ен:yong хён:hyon хен:hyon ун:un ок:ok хи:hui сук:suk чу:ju чун:chun чжун:jun
ман:man су:su ки:ki нам:nam чхан:chang чан:jang сик:sik хо:ho ёль:yol ёр:yol гу:gu ку:ku хва:hwa ми:mi
тхэ:thae пё:pyo ё:yo чжу:ju сун:sun мён:myong мен:myong пхё:phyo пхён:phyong пхен:phyong пен:pyong пён:pyong
гён:kyong кён:kyong ген:kyong тэ:thae чин:jin ким:kim ли:ri ри:ri ян:yang хак:hak хюк:hyok хёк:hyok тхэк:thaek
сок:sok чхун:chun чхон:chon мун:mun вон:won ин:in хун:hun хан:han кан:kang гван:kwang кван:kwang дон:dong
тон:tong мин:min со:so сан:sang рак:rak ру:ru ре:rye чжэ:jae чэ:jae ра:ra ю:yu ер:yol ёк:yok бок:pok пок:pok
ни:ni на:na гын:kun кын:kun`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * A Cyrillic name that is a Korean one ("ким чен ын", lower case), in the DPRK spelling apart and
 * joined ("kim jong un", "kim jongun"); undefined when the words are not a Korean surname and
 * syllables.
 */
export function koreanFromCyrillic(text: string): string[] | undefined {
  const words = text.trim().split(/[\s-]+/);
  if (words.length < 2 || words.length > 4) return undefined;
  const first = CYRILLIC_SURNAMES[words[0]];
  const last = CYRILLIC_SURNAMES[words[words.length - 1]];
  if (!first && !last) return undefined;
  const surnameAt = first ? 0 : words.length - 1;
  const given: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (i === surnameAt) continue;
    const syl = CYRILLIC_SYLLABLES.get(words[i]);
    if (!syl) return undefined;
    given.push(syl);
  }
  const family = CYRILLIC_SURNAMES[words[surnameAt]];
  return [[family, ...given].join(' '), [family, given.join('')].join(' ')];
}

// ---------------------------------------------------------------------------------------------
// Hanja: the Korean reading of Han characters, for names (金正恩 → Kim Jong Un). A small table of
// the surnames and given-name characters common in Korean names on lists, DPRK spelling.

const HANJA = `金kim 李ri 朴pak 崔choe 鄭jong 郑jong 趙jo 赵jo 全jon 成song 姜kang 韓han 韩han 尹yun 張jang 张jang 林rim 吳o 吴o
申sin 權kwon 权kwon 黃hwang 黄hwang 安an 宋song 柳ryu 洪hong 高ko 文mun 梁ryang 孫son 孙son 裵pae 裴pae 白paek 許ho 许ho
南nam 盧ro 卢ro 河ha 玄hyon 太thae 延yon 車cha 车cha 具ku 周ju 朱ju 禹u 閔min 闵min 秦jin 池ji 千chon 方pang 孔kong 卞pyon
廉yom 呂ryo 吕ryo 秋chu 都to 石sok 薛sol 馬ma 马ma 吉kil 表pyo 明myong 奇ki 潘pan 王wang 琴kum 玉ok 陸ryuk 陆ryuk 印in
孟maeng 卓thak 鞠kuk 魚o 殷un 片phyon 正jong 恩un 日il 哲chol 鐵chol 铁chol 鉄chol 男nam 浩ho 鎬ho 秀su 洙su 英yong 永yong
龍ryong 龙ryong 勇yong 容yong 敏min 民min 國kuk 国kuk 光kwang 俊jun 峻jun 春chun 植sik 碩sok 錫sok 锡sok 鎮jin 镇jin 真jin
眞jin 珍jin 賢hyon 贤hyon 炫hyon 淑suk 順sun 顺sun 姬hui 姫hui 熙hui 喜hui 美mi 善son 仙son 雪sol 主ju 珠ju 柱ju 宇u 雨u
友u 東tong 东tong 一il 逸il 海hae 泰thae 勳hun 勋hun 薰hun 興hung 兴hung 虎ho 昊ho 赫hyok 革hyok 昌chang 相sang 尚sang
祥sang 星song 聖song 圣song 盛song 承sung 勝sung 胜sung 在jae 載jae 载jae 才jae 宰jae 道to 元won 源won 遠won 远won 允yun
潤yun 润yun 洛rak 樂rak 乐rak 德tok 福pok 根kun 基ki 炳pyong 秉pyong 範pom 范pom 斗tu 萬man 万man 武mu 茂mu 鮮son
鲜son 時si 时si 信sin 新sin 實sil 实sil 心sim 愛ae 爱ae 陽yang 阳yang 良ryang 烈ryol 列ryol 完wan 旭uk 雲un 云un 月wol
有yu 裕yu 義ui 义ui 益ik 仁in 寅in 任im 子ja 長jang 长jang 章jang 貞jong 贞jong 井jong 鐘jong 鍾jong 钟jong 宗jong 仲jung
重jung 中jung 智ji 志ji 振jin 天chon 青chong 清chong 忠chung 治chi 澤thaek 泽thaek 平phyong 學hak 学hak 漢han 汉han
憲hon 宪hon 亨hyong 和hwa 花hwa 華hwa 华hwa 煥hwan 焕hwan 輝hwi 辉hwi 孝hyo 與yo 与yo 雪sol 松song 哲chol 鳳pong 凤pong
日il 弘hong 宏kwing 植sik 碩sok 模mo 默muk 洙su 洪hong 鎔yong 熔yong 榮yong 荣yong 晶jong 靜jong 静jong 玲ryong 麗ryo 丽ryo`;

const HANJA_READINGS = new Map<string, string>();
for (const item of HANJA.split(/\s+/)) {
  if (!item) continue;
  const ch = String.fromCodePoint(item.codePointAt(0)!);
  if (!HANJA_READINGS.has(ch)) HANJA_READINGS.set(ch, item.slice(ch.length));
}
const HANJA_SURNAMES = new Set('金李朴崔鄭郑趙赵全成姜韓韩尹張张林吳吴申權权黃黄安宋柳洪高文梁孫孙裵裴白許许南盧卢河玄太延車车具周朱禹閔闵秦池千方孔卞廉呂吕秋都石薛馬马吉表明奇潘王琴玉陸陆印孟卓鞠魚殷片'.split(''));

/**
 * The Korean reading of a name written in Han characters, when every character has one and the first is
 * a Korean surname ("金正恩" → ["kim jong un", "kim jongun"]); undefined otherwise.
 */
export function koreanReadingOfHanja(text: string): string[] | undefined {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length < 2 || chars.length > 4 || !HANJA_SURNAMES.has(chars[0])) return undefined;
  const readings = chars.map((c) => HANJA_READINGS.get(c));
  if (readings.some((r) => r === undefined)) return undefined;
  const [family, ...given] = readings as string[];
  return [[family, ...given].join(' '), `${family} ${given.join('')}`];
}

/** True when a code point is a Hangul syllable (exported for the script dispatcher). */
export function isHangulSyllable(code: number): boolean {
  return isSyllable(code);
}
