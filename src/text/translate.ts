// Generic business words in the scripts company names are written in, with their English word. A
// company is listed as "Hein Myat Trading Co., Ltd." and registered as "ဟိန်းမြတ် ကုန်သွယ်ရေး
// ကုမ္ပဏီလီမိတက်": the transliteration of ကုန်သွယ်ရေး ("kon thwe yay") never meets "trading". The
// translation is offered as one more rendering, never in place of the transliteration. Only words that
// thousands of unrelated businesses carry belong here (the matcher weighs them as generic); proper
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
  торговый: 'trading', торговая: 'trading', торговельний: 'trading', дом: 'house', компания: 'company', компанія: 'company',
  группа: 'group', група: 'group', холдинг: 'holding', завод: 'plant', фабрика: 'factory', банк: 'bank',
  промышленная: 'industrial', промислова: 'industrial', строительная: 'construction', будівельна: 'construction',
  транспортная: 'transport', транспортна: 'transport', инвестиционная: 'investment', інвестиційна: 'investment',
  судоходная: 'shipping', судноплавна: 'shipping', нефтяная: 'oil', нафтова: 'oil', энергетическая: 'energy',
  // Arabic, Persian
  للتجارة: 'trading', التجارية: 'trading', تجارة: 'trading', للصناعات: 'industries', الصناعية: 'industrial',
  للمقاولات: 'contracting', للشحن: 'shipping', للنقل: 'transport', للاستثمار: 'investment', العالمية: 'international',
  الدولية: 'international', القابضة: 'holding', مجموعة: 'group', بنك: 'bank', مصرف: 'bank', بازرگانی: 'trading',
  صنایع: 'industries', کشتیرانی: 'shipping', گروه: 'group',
};

const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${Object.keys(WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\p{L}\\p{M}])`,
  'gu',
);

/** Lower-cased text with its generic business words in English, or undefined when it has none. */
export function translateBusinessWords(text: string): string | undefined {
  PATTERN.lastIndex = 0;
  if (!PATTERN.test(text)) return undefined;
  PATTERN.lastIndex = 0;
  return text.replace(PATTERN, (w) => ` ${WORDS[w]} `);
}
