// Generic business words in the scripts company names are written in, with their English word. A
// company is listed as "Hein Myat Trading Co., Ltd." and registered as "ဟိန်းမြတ် ကုန်သွယ်ရေး
// ကုမ္ပဏီလီမိတက်": the transliteration of ကုန်သွယ်ရေး ("kon thwe yay") never meets "trading". The
// translation is offered as one more rendering, never in place of the transliteration. Only words that
// thousands of unrelated businesses carry belong here (the matcher weighs them as generic), and the words
// of organisation names lists give in English (group, front, movement, Islamic; a branch's country); proper
// names never do.

const WORDS: Record<string, string> = {
  // Burmese
  ကုန်သွယ်ရေး: 'trading', စက်မှုလုပ်ငန်း: 'industries', ဆောက်လုပ်ရေး: 'construction', ပို့ဆောင်ရေး: 'logistics',
  ရေကြောင်းပို့ဆောင်ရေး: 'shipping', ဝန်ဆောင်မှု: 'services', ဆေးဝါး: 'pharmaceutical', စားသောက်ကုန်: 'foodstuff',
  စိုက်ပျိုးရေး: 'agriculture', ငါးလုပ်ငန်း: 'fishery', သစ်လုပ်ငန်း: 'timber', ရေနံ: 'petroleum', ဟိုတယ်: 'hotel',
  ပုံနှိပ်တိုက်: 'printing house', သင်္ဘောကျင်း: 'shipyard', ဆန်စက်: 'rice mill', ဆီစက်: 'oil mill', အထည်ချုပ်: 'garment',
  ကော်ဖီ: 'coffee', ရော်ဘာ: 'rubber', ပလတ်စတစ်: 'plastic', သံမဏိ: 'steel', ဘိလပ်မြေ: 'cement', ကုမ္ပဏီများအုပ်စု: 'group',
  // Hebrew
  תעשיות: 'industries', סחר: 'trading', שיווק: 'marketing', שירותי: 'services', שירותים: 'services', ספנות: 'shipping',
  הובלות: 'transport', הובלה: 'transport', לוגיסטיקה: 'logistics', אחזקות: 'holdings', החזקות: 'holdings', ובניו: 'and sons',
  האחים: 'brothers', מוצרי: 'products', מערכות: 'systems', בנייה: 'construction', בניין: 'building', חשמל: 'electric',
  ייבוא: 'import', יבוא: 'import', ייצוא: 'export', יצוא: 'export', השקעות: 'investments', נכסים: 'properties',
  // Russian, Ukrainian
  // (Russian words that take endings are in RUSSIAN_STEMS below)
  торговельний: 'trading', дом: 'house', компанія: 'company', группа: 'group', група: 'group', фабрика: 'factory', банк: 'bank',
  промислова: 'industrial', будівельна: 'construction', транспортна: 'transport', інвестиційна: 'investment',
  судоходная: 'shipping', судноплавна: 'shipping', нафтова: 'oil', и: 'and',
  // Arabic, Persian
  للتجارة: 'trading', التجارية: 'trading', تجارة: 'trading', للصناعات: 'industries', الصناعية: 'industrial',
  للمقاولات: 'contracting', للشحن: 'shipping', للنقل: 'transport', للاستثمار: 'investment', العالمية: 'international',
  الدولية: 'international', القابضة: 'holding', مجموعة: 'group', بنك: 'bank', مصرف: 'bank', بازرگانی: 'trading',
  صنایع: 'industries', کشتیرانی: 'shipping', گروه: 'group',
  // Arabic and Persian organisation words, and the countries and nationalities that name a group's branch: lists give
  // armed groups and charities by their English names ("الجماعة الاسلامية المسلحة", Armed Islamic Group)
  جماعة: 'group', الجماعة: 'group', اسلامية: 'islamic', الاسلامية: 'islamic', الإسلامية: 'islamic', اسلامي: 'islamic',
  الاسلامي: 'islamic', الإسلامي: 'islamic', المقاتلة: 'fighting', المسلحة: 'armed', الدولة: 'state', حركة: 'movement',
  جبهة: 'front', شبكة: 'network', شبکه: 'network', شبكه: 'network', تنظيم: 'organization', تنظیم: 'organization',
  جمعية: 'society', الجمعية: 'society', مؤسسة: 'foundation', المؤسسة: 'foundation', جيش: 'army', مجلس: 'council',
  احياء: 'revival', التراث: 'heritage', العراق: 'iraq', الشام: 'levant', والشام: 'and levant', اليمن: 'yemen',
  ليبيا: 'libya', المغرب: 'maghreb', الليبية: 'libyan', الليبي: 'libyan', المغربية: 'moroccan', التونسية: 'tunisian',
  المصري: 'egyptian', المصرية: 'egyptian', العراقية: 'iraqi', العراقي: 'iraqi', السورية: 'syrian', اليمنية: 'yemeni',
  الجزائرية: 'algerian', في: 'in',
};

// Chinese (simplified and traditional), where words are not spaced: matched inside a run of characters.
// "Korea" and "Hong Kong" are how lists write 朝鲜 and 香港 in company names ("Korea Ryonbong General
// Corporation"); the proper part of a name stays in pinyin.
/**
 * Chinese cities, in the one word lists write them in ("Shenzhen", not the syllables apart); found inside the
 * unspaced run, they also part the proper name from what follows.
 */
const CITIES: Array<[string, string]> = (
  '深圳 shenzhen, 广州 guangzhou, 廣州 guangzhou, 上海 shanghai, 北京 beijing, 天津 tianjin, 武汉 wuhan, 武漢 wuhan, 苏州 suzhou, ' +
  '蘇州 suzhou, 宁波 ningbo, 寧波 ningbo, 东莞 dongguan, 東莞 dongguan, 金华 jinhua, 金華 jinhua, 杭州 hangzhou, 南京 nanjing, ' +
  '成都 chengdu, 重庆 chongqing, 重慶 chongqing, 西安 xian, 厦门 xiamen, 廈門 xiamen, 青岛 qingdao, 青島 qingdao, 大连 dalian, ' +
  '大連 dalian, 珠海 zhuhai, 无锡 wuxi, 無錫 wuxi, 长沙 changsha, 長沙 changsha, 合肥 hefei, 郑州 zhengzhou, 鄭州 zhengzhou, ' +
  '济南 jinan, 濟南 jinan, 沈阳 shenyang, 瀋陽 shenyang, 福州 fuzhou, 佛山 foshan, 温州 wenzhou, 溫州 wenzhou, 常州 changzhou'
)
  .split(', ')
  .map((entry) => entry.split(' ') as [string, string]);

/** The Chinese cities company names begin with, as lists write them: places, not a company's own word (see `nameRole`). */
export const CHINESE_CITIES: ReadonlySet<string> = new Set(CITIES.map(([, latin]) => latin));

const HAN_WORDS: Record<string, string> = {
  公司: 'company', 总公司: 'general corporation', 總公司: 'general corporation', 集团: 'group', 集團: 'group', 控股: 'holdings',
  贸易: 'trading', 貿易: 'trading', 商贸: 'trading', 商貿: 'trading', 国际: 'international', 國際: 'international',
  实业: 'industrial', 實業: 'industrial', 工业: 'industries', 工業: 'industries', 船务: 'shipping', 船務: 'shipping',
  航运: 'shipping', 航運: 'shipping', 海运: 'shipping', 海運: 'shipping', 物流: 'logistics', 运输: 'transport', 運輸: 'transport',
  科技: 'technology', 技术: 'technology', 技術: 'technology', 机械: 'machinery', 機械: 'machinery', 电子: 'electronics',
  電子: 'electronics', 能源: 'energy', 投资: 'investment', 投資: 'investment', 发展: 'development', 發展: 'development',
  进出口: 'import export', 進出口: 'import export', 石油: 'petroleum', 化工: 'chemical', 矿业: 'mining', 礦業: 'mining',
  银行: 'bank', 銀行: 'bank', 会社: 'company', 會社: 'company', 商社: 'trading company', 香港: 'hong kong',
  中国: 'china', 中國: 'china', 朝鲜: 'korea', 朝鮮: 'korea',
  数控: 'cnc', 數控: 'cnc', 设备: 'equipment', 設備: 'equipment', 装备: 'equipment', 裝備: 'equipment', 动力: 'power', 動力: 'power',
  航空: 'aviation', 机器人: 'robotics', 機器人: 'robotics', 机床: 'machine tool', 機床: 'machine tool', 机器: 'machine', 機器: 'machine',
  微电子: 'microelectronics', 微電子: 'microelectronics', 光电: 'optoelectronics', 光電: 'optoelectronics', 半导体: 'semiconductor',
  半導體: 'semiconductor', 通信: 'communication', 仪器: 'instruments', 儀器: 'instruments', 精密: 'precision', 材料: 'materials',
  智能: 'intelligent', 软件: 'software', 軟件: 'software', 信息: 'information', 工程: 'engineering', 船舶: 'shipbuilding',
  重工: 'heavy industries', 汽车: 'automobile', 汽車: 'automobile', 医药: 'pharmaceutical', 醫藥: 'pharmaceutical',
  // each city also with the 市 ("city") a registered name may carry after it
  ...Object.fromEntries(CITIES.flatMap(([han, latin]) => [[han, latin], [`${han}市`, latin]])),
};

/** The words as one regular-expression alternation, longest first (so a longer word wins over a word it contains). */
function longestFirst(words: Record<string, string>): string {
  return Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');
}

const HAN_PATTERN = new RegExp(longestFirst(HAN_WORDS), 'gu');

// Russian words of organisation names, by stem: the ending (case, gender, number) may be any. State bodies, plants
// and institutes are listed by their English names ("Московский физико-технический институт", Moscow Institute of
// Physics and Technology), and a company's Cyrillic name against such a list has only these words in common.
const RUSSIAN_STEMS: Record<string, string> = {
  завод: 'plant', институт: 'institute', 'научно-исследовательск': 'research', 'научно-производственн': 'research and production',
  исследовательск: 'research', научн: 'scientific', технологическ: 'technological', технологи: 'technology',
  государственн: 'state', федеральн: 'federal', корпораци: 'corporation', развити: 'development', реконструкци: 'reconstruction',
  механическ: 'mechanical', металлургическ: 'metallurgical', металлурги: 'metallurgy', морск: 'marine', пароходств: 'shipping company',
  авиационн: 'aviation', авиастроительн: 'aircraft', авиакомпани: 'airlines', ремонтн: 'repair', центр: 'centre',
  организаци: 'organization', общественн: 'public', предприяти: 'enterprise', унитарн: 'unitary', объединенн: 'united',
  объединённ: 'united', судостроительн: 'shipbuilding', систем: 'systems', безопасност: 'security', международн: 'international',
  национальн: 'national', российск: 'russian', русск: 'russian', московск: 'moscow', уральск: 'ural', бирж: 'exchange',
  фонд: 'foundation', стратегическ: 'strategic', культур: 'culture', специальн: 'special', связ: 'communication', главн: 'main',
  медн: 'copper', компани: 'company', электрооборудовани: 'electrical equipment', оборудовани: 'equipment',
  'физико-техническ': 'physics and technology', прикладн: 'applied', физик: 'physics', энергетик: 'energy', атомн: 'atomic',
  реактор: 'reactors', ракетн: 'missile', тактическ: 'tactical', вооружени: 'weapons', союз: 'union', офицер: 'officers',
  движени: 'movement', военн: 'military', патриотическ: 'patriotic', клирингов: 'clearing', коммерческ: 'commercial',
  расчетн: 'settlement', инновационн: 'innovation', зернов: 'grain', оператор: 'operator', образовательн: 'educational',
  учреждени: 'institution', химическ: 'chemical', биологическ: 'biological', радиационн: 'radiological', защит: 'defence',
  министерств: 'ministry', оборон: 'defence', войск: 'troops', арктическ: 'arctic', современн: 'modern', управлени: 'management',
  машиностроени: 'machine building', машиностроительн: 'machine building', нефтян: 'oil', газов: 'gas', энергетическ: 'energy',
  электронн: 'electronic', промышленн: 'industrial', строительн: 'construction', транспортн: 'transport', инвестиционн: 'investment',
  торгов: 'trading', финансов: 'financial', страхов: 'insurance', холдинг: 'holding',
};
/** Endings a stem may take: adjective, noun and participle endings of every case, or none. */
const RUSSIAN_ENDING = '(?:ого|его|ому|ему|ыми|ими|ами|ями|ый|ий|ой|ая|яя|ое|ее|ую|юю|ые|ие|ых|их|ым|им|ом|ем|ам|ям|ах|ях|ов|ев|ей|а|я|ы|и|у|ю|е|о|ь)?';
const RUSSIAN_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{M}])(${longestFirst(RUSSIAN_STEMS)})${RUSSIAN_ENDING}(?![\\p{L}\\p{M}])`,
  'gu',
);

const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${longestFirst(WORDS)})(?![\\p{L}\\p{M}])`,
  'gu',
);

/** Lower-cased text with its generic business and organisation words in English, or undefined when it has none. */
export function translateOrganisationWords(text: string): string | undefined {
  // a replaced word always changes the text (it comes back spaced, in English)
  const out = text
    .replace(PATTERN, (w) => ` ${WORDS[w]} `)
    .replace(HAN_PATTERN, (w) => ` ${HAN_WORDS[w]} `)
    .replace(RUSSIAN_PATTERN, (_w, stem: string) => ` ${RUSSIAN_STEMS[stem]} `);
  return out === text ? undefined : out;
}
