// Country names in any language (and list-specific spellings) → ISO 3166-1 alpha-2 lower-case codes,
// the form FtM `country`-type properties take. i18n-iso-countries carries the official names in many
// languages; the extra table below holds what lists write that it does not know.
import countries from 'i18n-iso-countries';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// the lists' languages plus those whose country names appear in company names ("Olvetra Polska", "Nederland")
const LANGS = ['en', 'fr', 'de', 'es', 'ru', 'uk', 'ar', 'zh', 'ko', 'fa', 'it', 'pt', 'tr', 'pl', 'nl', 'cs', 'sv', 'hu', 'ro', 'id'];
for (const l of LANGS) countries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));

// Spellings seen in sanctions lists and trade documents that the package lacks; XK = Kosovo (user-assigned).
const EXTRA: Record<string, string> = {
  'north korea': 'kp', dprk: 'kp', "democratic people's republic of korea": 'kp', 'korea, north': 'kp',
  'korea dprk': 'kp', 'korea, democratic people\'s republic of': 'kp', 'кндр': 'kp', 'северная корея': 'kp', 'північна корея': 'kp',
  'south korea': 'kr', 'korea, south': 'kr', 'republic of korea': 'kr', 'korea, republic of': 'kr',
  russia: 'ru', 'russian federation': 'ru', 'россия': 'ru', 'рф': 'ru', 'росія': 'ru',
  iran: 'ir', 'iran (islamic republic of)': 'ir', 'islamic republic of iran': 'ir',
  syria: 'sy', 'syrian arab republic': 'sy', 'the syrian arab republic': 'sy',
  'united states': 'us', usa: 'us', 'united states of america': 'us', 'u.s.a.': 'us',
  'united kingdom': 'gb', uk: 'gb', 'great britain': 'gb', britain: 'gb',
  'united kingdom of great britain and northern ireland': 'gb',
  burma: 'mm', myanmar: 'mm', 'lao': 'la', laos: 'la', "lao people's democratic republic": 'la',
  'congo, democratic republic of the': 'cd', 'democratic republic of the congo': 'cd', drc: 'cd',
  'congo': 'cg', 'republic of the congo': 'cg', 'ivory coast': 'ci', "cote d'ivoire": 'ci', "côte d'ivoire": 'ci',
  'west bank': 'ps', gaza: 'ps', 'palestinian territories': 'ps', 'palestine': 'ps', 'state of palestine': 'ps',
  kosovo: 'xk', 'bosnia': 'ba', 'bosnia-herzegovina': 'ba', 'macedonia': 'mk', 'the former yugoslav republic of macedonia': 'mk',
  'vietnam': 'vn', 'viet nam': 'vn', 'moldova': 'md', 'republic of moldova': 'md', 'tanzania': 'tz',
  'united republic of tanzania': 'tz', 'venezuela': 've', 'bolivarian republic of venezuela': 've',
  'venezuela (bolivarian republic of)': 've', 'bolivia': 'bo', 'turkey': 'tr', 'türkiye': 'tr', 'turkiye': 'tr',
  'czech republic': 'cz', 'czechia': 'cz', 'uae': 'ae', 'u.a.e.': 'ae', 'united arab emirates': 'ae',
  'taiwan': 'tw', 'hong kong': 'hk', 'macau': 'mo', 'macao': 'mo', 'brunei': 'bn', 'cape verde': 'cv',
  'swaziland': 'sz', 'eswatini': 'sz', 'east timor': 'tl', 'timor-leste': 'tl', 'vatican': 'va', 'holy see': 'va',
  'crimea': 'ua', 'kyrgyzstan': 'kg', 'kyrgyz republic': 'kg', 'belarus': 'by', 'беларусь': 'by', 'білорусь': 'by',
  'україна': 'ua', 'украина': 'ua', 'ukraine': 'ua', 'sudan': 'sd', 'south sudan': 'ss', 'the sudan': 'sd',
  'gambia': 'gm', 'the gambia': 'gm', 'bahamas': 'bs', 'the bahamas': 'bs', 'netherlands': 'nl', 'the netherlands': 'nl',
  'soviet union': 'suhh', 'ussr': 'suhh', 'former soviet union': 'suhh', 'yugoslavia': 'yucs',
  'serbia and montenegro': 'csxx', 'czechoslovakia': 'cshh',
  'china, hong kong special administrative region': 'hk', // UN spelling
  // US CSL vessel flags, AU DFAT citizenships and addresses
  'british virgin islands': 'vg', 'st. kitts and nevis': 'kn', 'st. kitts & nevis': 'kn', 'st. vincent and the grenadines': 'vc',
  'libyan arab jamahiriya': 'ly', 'slovak republic': 'sk', 'northern ireland': 'gb',
  // OFAC spellings (SDN/Consolidated remarks, add.csv, Enhanced reference values)
  palestinian: 'ps', 'palestinian authority': 'ps', 'gaza strip': 'ps', eritrean: 'er', 'bahamas, the': 'bs', 'gambia, the': 'gm',
  'congo, republic of the': 'cg', 'cote d ivoire': 'ci', 'north macedonia, the republic of': 'mk',
  'macedonia, the former yugoslav republic of': 'mk', 'man, isle of': 'im', 'northern mali': 'ml',
  // Nationalities written as demonyms (pre-2022 UK ConList, UN/OFAC remarks); ambiguous ones (Congolese, Guinean) left out
  afghan: 'af', afgan: 'af', albanian: 'al', algerian: 'dz', american: 'us', armenian: 'am', australian: 'au', austrian: 'at',
  azerbaijani: 'az', bahraini: 'bh', bangladeshi: 'bd', belarusian: 'by', belgian: 'be', bosnian: 'ba', british: 'gb',
  bulgarian: 'bg', burmese: 'mm', burundian: 'bi', cambodian: 'kh', cameroonian: 'cm', canadian: 'ca', chadian: 'td',
  chinese: 'cn', croatian: 'hr', cuban: 'cu', czech: 'cz', danish: 'dk', djiboutian: 'dj', dutch: 'nl', egyptian: 'eg',
  emirati: 'ae', estonian: 'ee', ethiopian: 'et', filipino: 'ph', finnish: 'fi', french: 'fr', georgian: 'ge', german: 'de',
  greek: 'gr', indian: 'in', indonesian: 'id', iranian: 'ir', iraqi: 'iq', irish: 'ie', israeli: 'il', italian: 'it',
  ivorian: 'ci', japanese: 'jp', jordanian: 'jo', kazakh: 'kz', kenyan: 'ke', kuwaiti: 'kw', kyrgyz: 'kg', latvian: 'lv',
  lebanese: 'lb', libyan: 'ly', lithuanian: 'lt', malaysian: 'my', malian: 'ml', mauritanian: 'mr', moldovan: 'md',
  moroccan: 'ma', nicaraguan: 'ni', nigerian: 'ng', nigerien: 'ne', 'north korean': 'kp', norwegian: 'no', omani: 'om',
  pakistani: 'pk', polish: 'pl', portuguese: 'pt', qatari: 'qa', qatarian: 'qa', romanian: 'ro', russian: 'ru',
  rwandan: 'rw', 'saudi arabian': 'sa', saudi: 'sa', senegalese: 'sn', serbian: 'rs', somali: 'so', 'south sudanese': 'ss',
  spanish: 'es', sudanese: 'sd', swedish: 'se', swiss: 'ch', syrian: 'sy', tajik: 'tj', tanzanian: 'tz', tunisian: 'tn',
  turkish: 'tr', turkmen: 'tm', ugandan: 'ug', ukrainian: 'ua', uzbek: 'uz', venezuelan: 've', vietnamese: 'vn',
  yemeni: 'ye', zimbabwean: 'zw', 'occupied palestinian territories': 'ps',
};

const byName = new Map<string, string>();
function key(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
}
for (const l of LANGS) {
  const names = countries.getNames(l, { select: 'all' }) as Record<string, string[]>;
  for (const [code, list] of Object.entries(names)) for (const n of list) byName.set(key(n), code.toLowerCase());
}
for (const [n, code] of Object.entries(EXTRA)) byName.set(key(n), code);

/**
 * ISO alpha-2 (lower-case) for a country code (alpha-2/alpha-3) or name in any supported language;
 * undefined when unknown. Historical states keep FtM's codes (suhh = USSR).
 */
export function countryCode(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  const k = key(input).replace(/^the /, '').replace(/\.$/, '');
  if (!k) return undefined;
  if (/^[a-z]{2}$/.test(k) && countries.isValid(k.toUpperCase())) return k;
  if (k === 'xk' || k === 'uk') return k === 'uk' ? 'gb' : 'xk';
  if (/^[a-z]{3}$/.test(k)) {
    const a2 = countries.alpha3ToAlpha2(k.toUpperCase());
    if (a2) return a2.toLowerCase();
  }
  return byName.get(k) ?? byName.get(k.replace(/^the /, ''));
}

/** English name of a code, for captions and reports. */
export function countryName(code: string): string {
  return countries.getName(code.toUpperCase(), 'en') ?? code;
}
