// Arabic, Persian and Urdu → Latin. Short vowels are not written, so a letter-by-letter reading
// (any-ascii: "mhmd" for محمد) is useless for names. Frequent names come from a table of the
// spellings lists carry (محمد → Muhammad, Mohammed, Mohamed, Mohammad); other words are read with
// their vowel letters (ا و ي), a supplied vowel where a word would start with two consonants, and the
// article ال as al-/el-. "Abd al-" compounds get the forms lists use (Abd al-Rahman, Abdel Rahman,
// Abdul Rahman, Abdulrahman). The same table gives Latin spellings one canonical form
// (`canonicalArabicName`), so "Mohamed Ali" and "Muhammad Ali" meet without any Arabic script.

// One line per name: Arabic spellings (|-separated) = Latin spellings, the most common on lists first;
// spellings after a slash are only recognised (given their canonical form), never produced.
const NAMES = `
محمد = muhammad mohammed mohamed mohammad muhammed mohamad mohd mohammod
احمد = ahmad ahmed ahmet
علي = ali / aly
حسن = hasan hassan
حسين = husayn hussein hussain husain hossein husein hussin hosein
محمود = mahmud mahmoud mahmood mehmood
عمر = umar omar
عثمان = uthman othman osman usman
يوسف = yusuf yousef youssef yousif yousuf yusef yussef
ابراهيم = ibrahim ebrahim ibraheem
اسماعيل = ismail ismael esmail
مصطفي = mustafa mostafa moustafa mustapha
خالد = khalid khaled
سعيد = said saeed saied saiid
حامد = hamid hamed
حميد = hamid hameed
رشيد = rashid rasheed
راشد = rashid rashed
ماجد = majid maged
مجيد = majid majeed
جمال = jamal gamal
كمال = kamal kemal
كامل = kamil kamel
فيصل = faisal faysal feisal
هشام = hisham hesham
حسام = husam hossam hussam
جعفر = jafar jaafar jafer
قاسم = qasim qassim kasim qasem kassem
زكريا = zakariya zakaria zakariyya
يحيي = yahya yehia yahia
موسي = musa moussa mousa
عيسي = isa issa eisa essa
ايمن = ayman aiman
اسامه|اسامة = usama osama usamah
انور = anwar anouar
طارق = tariq tarek tarik tareq
وليد = walid waleed
فهد = fahd fahad
فارس = faris fares
عباس = abbas
عمار = ammar
اشرف = ashraf
عزيز = aziz
بكر = bakr bakir
فاضل = fadil fadel fazel
فضل = fadl fazl
فاطمه|فاطمة = fatima fatimah fatma
عائشه|عائشة|عايشه = aisha aysha ayesha aicha
خديجه|خديجة = khadija khadijah
زينب = zaynab zainab zeinab
مريم = maryam mariam
حمزه|حمزة = hamza hamzah
ادريس = idris idriss
منصور = mansur mansour
مروان = marwan
مبارك = mubarak
منير = munir mounir
ناصر = nasir nasser naser
نصر = nasr
نور = nur noor nour
رحمن = rahman / rehman
رحيم = rahim raheem
رمضان = ramadan ramazan ramzan
رياض = riyad riad riyadh
صادق = sadiq sadeq sadek sadik
سيف = sayf saif seif
سليم = salim saleem selim
سليمان = sulayman suleiman sulaiman soliman suleyman
سامي = sami samy
شفيق = shafiq shafik
شريف = sharif sherif shareef
شيخ = shaykh sheikh shaikh cheikh
سيد = sayyid sayed syed sayyed seyed
طه = taha
طلال = talal
توفيق = tawfiq tawfik toufik
وحيد = wahid waheed
ياسين = yasin yassin yaseen yassine
ياسر = yasir yasser yaser
يونس = yunus younis younes yunis
زياد = ziyad ziad
صالح = salih saleh
صلاح = salah
نبيل = nabil nabeel
خليل = khalil khaleel
جميل = jamil jameel
حبيب = habib habeeb
غلام = ghulam gholam
معمر = muammar moammar
قذافي = qadhafi gaddafi qaddafi kadhafi gadhafi
رضا = reza rida ridha
مهدي = mahdi mehdi
جواد = jawad javad
اكبر = akbar
اصغر = asghar asgar
محسن = muhsin mohsen
حيدر = haydar haider heidar
كريم = karim kareem
لطيف = latif lateef
قادر = qadir qader kadir kader
غفور = ghafur ghafoor
رزاق = razzaq razak
ستار = sattar
جبار = jabbar
هادي = hadi
بشير = bashir basheer
بشار = bashar
اسد = asad assad
سعد = saad sad
سلطان = sultan
عادل = adil adel
عماد = imad emad
عصام = isam essam
نادر = nadir nader
مالك = malik malek
عبيد = ubayd obaid ubaid
ابو = abu abou
بن|ابن = bin ibn ben
بنت = bint binti
حزب = hizb hezb
قاعده|قاعدة = qaida qaeda
داعش = daesh daish
حماس = hamas
طالبان = taliban
جهاد = jihad
اسلامي = islami
الله = allah
عدي = uday udai oday
ملا = mullah mulla mula molla
اغا = agha aga
ضيا|ضياء = zia ziya ziaa
ايوب = ayyub ayub ayoub ayoob
اياد = iyad eyad ayad
حاجي = haji hajji hadji
اخوند = akhund akhond akhwand
گل = gul
خان = khan
زاده = zada zadeh zadah
اسحاق = ishaq ishak
حقاني = haqqani haqani
ثاقب = saqib thaqib
صديق = siddiq seddiq siddique
سرور = sarwar sarvar
ولد = ould wuld walad
اسلام = islam
اسلامية = islamiya islamiyya islamiyah islamia
اتحاد = ittihad itihad ittihaad
اخوان = ikhwan
انصار = ansar
مجاهدين = mujahidin mujahideen
مسلمين = muslimin muslimeen
جبهة = jabhat jabha jabhah
حركة = harakat haraka harakah
تنظيم = tanzim tanzeem
دولة = dawla dawlat dawlah
نصرة = nusra nusrat nusrah
جماعة = jamaa jamaat jamaah
شريعة = sharia shariah
توحيد = tawhid tauhid
سنة = sunna sunnah
دعوة = dawa dawah
`;

/** Latin spellings of frequent names that lists write without their Arabic form. */
const LATIN_ONLY = `
hezbollah hizballah hizbullah hizbollah
nasrallah nasrullah
zawahiri zawahri
khamenei khamenei khamene'i
ahmadinejad ahmadinezhad
`;

/** Names that follow "Abd" ("servant of"): written joined or apart, with al/ar/ul/el between. */
const DIVINE = 'allah rahman rahim aziz karim latif qadir ghafur razzaq sattar jabbar hadi wahab hamid majid malik nasir salam hakim halim jalil hafiz rauf qayyum baqi bari basit ilah muttalib muhsin mannan samad khaliq fattah wahid rashid ghani kader kadir kareem raheem rehman wahhab ghaffar qahhar';

const HARAKAT = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const NORMALIZE: Array<[RegExp, string]> = [
  [/[أإآٱ]/g, 'ا'],
  [/ى/g, 'ي'],
  [/ی/g, 'ي'],
  [/ک/g, 'ك'],
  [/ؤ/g, 'و'],
  [/ئ/g, 'ي'],
  [/ۀ/g, 'ه'],
  // Urdu heh goal, as Urdu keyboards write الله (اللہ)
  [/ہ/g, 'ه'],
];

/** One spelling for letters Arabic writes several ways (hamza seats, alef maqsura, Persian kaf and yeh). */
function normalizeLetters(text: string): string {
  let t = text;
  for (const [re, to] of NORMALIZE) t = t.replace(re, to);
  return t;
}

interface NameEntry {
  spellings: string[];
}

const TABLE = new Map<string, NameEntry>();
/** Latin spelling → canonical (first) spelling. */
const CANONICAL = new Map<string, string>();

for (const line of NAMES.split('\n')) {
  const m = /^(.+?) = (.+)$/.exec(line.trim());
  if (!m) continue;
  const [produced, recognised = ''] = m[2].split(' / ');
  const spellings = produced.split(' ');
  for (const key of m[1].split('|')) TABLE.set(normalizeLetters(key), { spellings });
  for (const s of [...spellings, ...recognised.split(' ').filter(Boolean)]) if (!CANONICAL.has(s)) CANONICAL.set(s, spellings[0]);
}
for (const line of LATIN_ONLY.split('\n')) {
  const spellings = line.trim().split(' ').filter(Boolean);
  for (const s of spellings) if (!CANONICAL.has(s)) CANONICAL.set(s, spellings[0]);
}

const DIVINE_SET = new Set(DIVINE.split(' '));
const CONNECTORS = new Set(['bin', 'bint', 'abu', 'ould']);
const ABD_FORMS = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdoul', 'abdu', 'abdur', 'abdus', 'abdulla', 'abdalla']);
const ARTICLES = new Set(['al', 'el', 'ul', 'ar', 'as', 'ad', 'at', 'az', 'an', 'ash', 'adh', 'ath', 'ur', 'un']);
const JOINED_ABD = new RegExp(`^abd(?:u|ul|el|al|ol|oul|ur|us|ar|as|ad|an|ul)?(${[...DIVINE_SET].join('|')})$`);

/**
 * A canonical spelling of a cleaned Latin name whose words are Arabic names ("mohamed abdel rahman" →
 * "muhammad abd rahman"), or undefined when no word is one. Articles (al, el, ar...) are dropped; "Abd"
 * compounds are split ("abdulrahman" → "abd rahman").
 */
export function canonicalArabicName(latin: string): string | undefined {
  const tokens = latin.split(' ');
  const out: string[] = [];
  let changed = false;
  let named = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (ARTICLES.has(t) && i + 1 < tokens.length && tokens.length > 2) {
      changed = true;
      continue;
    }
    if (ABD_FORMS.has(t) && i + 1 < tokens.length) {
      out.push('abd');
      changed ||= t !== 'abd';
      named = true;
      continue;
    }
    const joined = JOINED_ABD.exec(t);
    if (joined) {
      out.push('abd', CANONICAL.get(joined[1]) ?? joined[1]);
      changed = true;
      named = true;
      continue;
    }
    const c = CANONICAL.get(t);
    if (c !== undefined && c !== t) changed = true;
    if (c !== undefined && !CONNECTORS.has(c)) named = true;
    out.push(c ?? t);
  }
  // "Ben" and "Abu" alone make no Arabic name ("Yitzhak Ben Ami")
  return changed && named ? out.join(' ') : undefined;
}

/** True when a Latin token is a known Arabic name spelling (so a name with one may get a canonical variant). */
export function isArabicNameSpelling(token: string): boolean {
  return CANONICAL.has(token) || ABD_FORMS.has(token);
}

// ---------------------------------------------------------------------------------------------
// Letters

const CONSONANTS: Record<string, string> = {
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd',
  ط: 't', ظ: 'z', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', ء: '',
  // Persian, Urdu, Pashto, Kurdish
  پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ٹ: 't', ڈ: 'd', ڑ: 'r', ں: 'n', ھ: 'h', ڤ: 'v', ۆ: 'o', ێ: 'e', ڵ: 'l', ڕ: 'r',
  ے: 'e', ۃ: 'a', ښ: 'x', ږ: 'zh', ځ: 'dz', څ: 'ts', ټ: 't', ډ: 'd', ړ: 'r', ڼ: 'n',
};

interface ArabicScheme {
  /** Spelling index in the name table. */
  pick: number;
  article: string;
  /** و between consonants. */
  waw: string;
  /**
   * و and ي between two consonants read as diphthongs (aw, ay), with the a of the pattern CawCaC/CayCaC before a
   * final consonant (جوهر Jawhar, خيبر Khaybar, خير Khayr), instead of long vowels (u, i).
   */
  diphthong: boolean;
  /** ة or final ه: -a or -ah (Persian: -e). */
  taMarbuta: string;
  qaf: string;
  /** ق in Persian text (Bagheri, Sadegh, Taghi where Arabic names are written with q or k). */
  persianQaf: string;
  dhal: string;
  /** ظ: z, or dh and th as Iraqi and Gulf names are written (Kazim, Kadhim, Kathim). */
  zah: string;
  abd: (next: string, allah: boolean) => string;
  /**
   * A word with الله or الدين after it: one name, written joined as lists write it (Habibullah, Nasrallah; Nasiruddin,
   * Noureddine) or apart (Habib Allah, Nur al-Din).
   */
  tail: (stem: string, tail: 'allah' | 'din') => string;
}

const SCHEMES: ArabicScheme[] = [
  {
    pick: 0, article: 'al-', waw: 'u', diphthong: false, taMarbuta: 'a', qaf: 'q', persianQaf: 'q', dhal: 'dh', zah: 'z',
    abd: (n, allah) => (allah ? 'abdullah' : `abd al-${n}`),
    tail: (w, t) => (t === 'allah' ? `${w}ullah` : `${w}uddin`),
  },
  {
    pick: 1, article: 'el-', waw: 'ou', diphthong: false, taMarbuta: 'ah', qaf: 'k', persianQaf: 'gh', dhal: 'z', zah: 'dh',
    abd: (n, allah) => (allah ? 'abdallah' : `abdel ${n}`),
    tail: (w, t) => (t === 'allah' ? `${w}allah` : `${w}eddine`),
  },
  {
    pick: 2, article: 'al-', waw: 'o', diphthong: false, taMarbuta: 'a', qaf: 'q', persianQaf: 'q', dhal: 'dh', zah: 'th',
    abd: (n, allah) => (allah ? 'abd allah' : `abdul ${n}`),
    tail: (w, t) => (t === 'allah' ? `${w} allah` : `${w} al-din`),
  },
  {
    pick: 3, article: 'al', waw: 'u', diphthong: true, taMarbuta: 'ah', qaf: 'q', persianQaf: 'q', dhal: 'z', zah: 'z',
    abd: (n, allah) => (allah ? 'abdulla' : `abdul${n}`),
    tail: (w, t) => (t === 'allah' ? `${w}ullah` : `${w}eddin`),
  },
];

/** Words that join the word before them into one name (theophoric names: "servant of", "light of the faith"). */
const TAILS: Record<string, 'allah' | 'din'> = { الله: 'allah', الدين: 'din' };
/** Words a tail never joins: "Abd" has its own forms, "bin", "abu" and "wa" are not names. */
const NOT_STEMS = new Set(['عبد', 'بن', 'ابن', 'بنت', 'ابو', 'و']);

const PERSIAN = /[پچژگکی]/;


function isArabicConsonant(ch: string | undefined): boolean {
  return !!ch && ch !== 'ا' && ch !== 'و' && ch !== 'ي' && ch !== 'ع' && ch !== 'ة';
}

/** A word not in the table, read letter by letter with its vowel letters. */
function readWord(word: string, s: ArabicScheme, persian: boolean): string {
  const chars = [...word];
  const n = chars.length;
  // the pattern of Kazim, Hashim, Qasim (C-a-C-i-C): a word ending in a long a and two consonants has an
  // unwritten i between them
  const faIl = n >= 4 && chars[n - 3] === 'ا' && isArabicConsonant(chars[n - 2]) && isArabicConsonant(chars[n - 1]) ? n - 2 : -1;
  let out = '';
  let run = 0;
  /** Where a diphthong's pattern puts an a (see `ArabicScheme.diphthong`). */
  let pattern = -1;
  for (let i = 0; i < n; i++) {
    const ch = chars[i];
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const last = i === n - 1;
    // و and ي before a vowel letter are consonants (w, y): after a consonant an unwritten vowel comes between
    // (تواب tawab, بيان bayan)
    const glide = i > 0 && isArabicConsonant(prev) && next !== undefined && !isArabicConsonant(next) && next !== 'ع';
    const diphthong = s.diphthong && (ch === 'و' || ch === 'ي') && i > 0 && !last && (isArabicConsonant(prev) || prev === 'ع') && isArabicConsonant(next);
    if (diphthong) {
      out += ch === 'و' ? 'aw' : 'ay';
      // CawCaC: the a before a final consonant
      if (i === n - 3 && isArabicConsonant(chars[n - 1])) pattern = i + 1;
      run = 0;
      continue;
    }
    if (ch === 'ا') out += i === 0 && next === 'ي' ? 'e' : 'a';
    else if (ch === 'و') out += glide ? 'aw' : i === 0 || !isArabicConsonant(next) && next !== undefined && !last ? 'w' : isArabicConsonant(prev) ? s.waw : 'w';
    else if (ch === 'ي') out += glide ? 'ay' : i === 0 || (next !== undefined && !isArabicConsonant(next)) ? 'y' : isArabicConsonant(prev) || last ? 'i' : 'y';
    else if (ch === 'ع') out += i === 0 ? (isArabicConsonant(next) ? 'a' : '') : '';
    else if (ch === 'ة') out += s.taMarbuta;
    else if (ch === 'ه' && last && i > 1) out += persian ? 'eh' : s.taMarbuta;
    else if (ch === 'ق') out += persian ? s.persianQaf : s.qaf;
    else if (ch === 'ذ') out += persian ? 'z' : s.dhal;
    else if (ch === 'ظ') out += persian ? 'z' : s.zah;
    else if (ch === 'ث' && persian) out += 's';
    else if (ch === 'ض' && persian) out += 'z';
    else if (ch === 'ژ') out += s.pick % 2 === 0 ? 'zh' : 'j';
    else out += CONSONANTS[ch] ?? ch;
    if (i === faIl) out += 'i';
    if (i === pattern) out += 'a';
    run = isArabicConsonant(ch) ? run + 1 : 0;
    // Arabic and Persian words never start with two consonants, nor hold three in a row: supply the unwritten vowel
    if (isArabicConsonant(ch) && isArabicConsonant(next) && ((i === 0 && chars.length > 2) || run === 2)) {
      out += persian ? 'e' : 'a';
      run = 0;
    }
  }
  return out;
}

function spell(stem: string, s: ArabicScheme, persian: boolean): string {
  const entry = TABLE.get(stem);
  if (entry) return entry.spellings[Math.min(s.pick, entry.spellings.length - 1)];
  return readWord(stem, s, persian);
}

/** A word with its article: "القاعدة" → "al-qaida". */
function spellWord(word: string, s: ArabicScheme, persian: boolean): string {
  if (TABLE.has(word)) return spell(word, s, persian);
  if (word.startsWith('ال') && word.length > 3) return s.article + spell(word.slice(2), s, persian);
  return spell(word, s, persian);
}

const ARABIC_WORD = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+/g;

/** Lower-case Arabic-script text in each scheme: the names table's most common spelling first. */
export function romanizeArabic(text: string): string[] {
  let t = normalizeLetters(text.replace(HARAKAT, ''));
  const persian = PERSIAN.test(text);
  // "عبدالله", "عبدالرحمن" written as one word
  t = t.replace(/(?<![\u0600-\u06FF])عبد(?=ال)/g, 'عبد ');
  // "حبیب‌الله" (a zero-width non-joiner between the parts, as Persian writes it), "نورالدين": the tail apart
  t = t.replace(/\u200c/g, ' ').replace(/(?<=[\u0600-\u06FF]{2})(الله|الدين)(?![\u0600-\u06FF])/g, ' $1');
  return SCHEMES.map((s) => romanizeWith(t, s, persian));
}

function romanizeWith(text: string, s: ArabicScheme, persian: boolean): string {
  const parts = text.split(/(\s+)/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p === 'عبد' && i + 2 < parts.length && parts[i + 2].startsWith('ال')) {
      const nextWord = parts[i + 2];
      const allah = nextWord === 'الله';
      out.push(s.abd(allah ? '' : spell(nextWord.slice(2), s, persian), allah));
      i += 2;
      continue;
    }
    const tail = TAILS[parts[i + 2]];
    if (tail && /^[\u0600-\u06FF]{2,}$/.test(p) && !NOT_STEMS.has(p) && !p.startsWith('ال')) {
      // a final ة reads t before the tail (رحمة الله Rahmatullah)
      const stem = p.endsWith('ة') ? spell(p.slice(0, -1), s, persian) + 't' : spell(p, s, persian);
      out.push(s.tail(stem, tail));
      i += 2;
      continue;
    }
    out.push(p.replace(ARABIC_WORD, (w) => spellWord(w, s, persian)));
  }
  return out.join('');
}
