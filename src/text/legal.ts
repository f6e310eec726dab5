// Legal forms: "ООО", "LLC", "TOV" and "Limited Liability Company" are one thing to a matcher. Each
// form maps to a class; the name keeps its distinctive words. Forms in scripts that transliterate badly
// (בע״מ, 株式会社, 주식회사, შპს, ՍՊԸ, ကုမ္ပဏီလီမိတက်, شركة) are replaced by a Latin form before
// transliteration (`replaceNativeLegalForms`); Latin and transliterated forms are recognised on tokens
// (`findLegalForms`).

/**
 * Classes: what kind of legal person a form makes. 'llc' is every private company with limited
 * liability (LLC, Ltd, ООО, ТОВ, GmbH, SARL, Pte Ltd, Sdn Bhd, בע״מ): registers and documents swap
 * them freely. 'corp' is a generic company word (Co, Inc, Company, Corporation) that fits any class.
 */
export type LegalClass = 'llc' | 'jsc' | 'plc' | 'corp' | 'partnership' | 'freezone' | 'sole' | 'state' | 'coop' | 'nonprofit';

// Latin and transliterated forms, one class per line, phrases separated by commas (tokens as cleaned:
// lower case, dots and brackets gone, "S.A." → "s a").
const LATIN_FORMS: Record<LegalClass | 'ltd', string> = {
  llc:
    'llc, l l c, limited liability company, limited liability co, ltd liability co, pllc, lc, ooo, tov, too, odo, taa, gmbh, mbh, ' +
    'gesellschaft mit beschrankter haftung, sarl, s a r l, srl, s r l, sp z o o, sp zoo, sro, s r o, spol s r o, ltda, eood, ood, doo, ' +
    'd o o, kft, bv, b v, besloten vennootschap, aps, ug, tob, ooo, obshchestvo s ogranichennoy otvetstvennostyu, ' +
    'obschestvo s ogranichennoy otvetstvennostyu, ' +
    'tovarystvo z obmezhenoyu vidpovidalnistyu, fzllc, fz llc, llc fz, yugen kaisha, godo kaisha, yuhan hoesa, sp z oo, ' +
    'spolka z ograniczona odpowiedzialnoscia, korlatolt felelossegu tarsasag, sl, s l, slu, s l u, eurl, suarl, ou, uab, sia, ' +
    'ltd sti, limited sirketi, cia ltda, eirl, bvba, sprl, ivs, ehf, gmbh and co, societe a responsabilite limitee, ' +
    'sociedad de responsabilidad limitada, societa a responsabilita limitata, s de rl, s de r l',
  ltd:
    'ltd, limited, pte ltd, pvt ltd, private limited, pty ltd, pty limited, pte limited, pvt limited, sdn bhd, sdn berhad, berhad, ' +
    'bhd, co ltd, company limited, co limited, bm, b m, private ltd, pte, pvt, pty, ltd co, youxian gongsi, pt, p t, ' +
    'perseroan terbatas, opc, one person company',
  jsc:
    'jsc, ojsc, cjsc, pjsc, zao, oao, pao, nao, ao, pat, prat, chao, at, zat, vat, aat, pjsc, ad, a d, ag, sa, s a, spa, s p a, ' +
    'nv, n v, naamloze vennootschap, as, a s, asa, ab, oy, oyj, kk, k k, kabushiki kaisha, kabushiki gaisha, jusik hoesa, jusikhoesa, ' +
    'joint stock company, public joint stock company, closed joint stock company, open joint stock company, joint stock co, ' +
    'aktiengesellschaft, societe anonyme, sociedad anonima, sae, s a e, sal, s a l, psc, p s c, bsc, qsc, qpsc, saog, saoc, ' +
    'sab de cv, sa de cv, aktsionernoe obshchestvo, publichnoe aktsionernoe obshchestvo, zakrytoe aktsionernoe obshchestvo, ' +
    'otkrytoe aktsionernoe obshchestvo, aktsionernoe obschestvo, publichnoe aktsionernoe obschestvo, zakrytoe aktsionernoe obschestvo, ' +
    'otkrytoe aktsionernoe obschestvo, aktsionerne tovarystvo, pryvatne aktsionerne tovarystvo, publichne aktsionerne tovarystvo, ' +
    'tas, a s, sirketi, gufen youxian gongsi, jusikhoesa, sas, s a s, sasu, sac, s a c, saa, sa de cv, s a de c v, s a b de c v, ' +
    'sa de c v, d d, dd, zrt, nyrt, tbk, pt tbk, sapa, ca, c a, abp, societe par actions simplifiee, sa de cv, ' +
    'anonim sirketi, akciova spolocnost, akciova spolecnost, spolka akcyjna, aktsiaselts, akcine bendrove',
  plc: 'plc, p l c, public limited company, public company limited, pcl',
  corp: 'corp, corporation, inc, incorporated, co, company, cie, compania, compagnie, cia, gongsi, hoesa, sherkat, sharika, kaisha',
  partnership:
    'lp, l p, llp, l l p, lllp, kg, ohg, gbr, snc, s n c, partnership, limited partnership, kommanditgesellschaft, gmbh and co kg, ' +
    'scs, sp j, spolka jawna, sp k, spolka komandytowa, spolka komandytowo akcyjna, ska, s k a, bt, kkt, kd, k s, v o s, cv, c v, ' +
    'scp, s en c, ky, hb, kb, ay, gie, offene handelsgesellschaft, general partnership',
  freezone: 'fze, fzco, fzc, dmcc, fz co, free zone establishment, free zone company, fze llc',
  sole:
    'ip, fop, ie, ei, et, sole proprietor, sole trader, individual entrepreneur, spd, chp, pp, ek, e k, pe, private enterprise, ' +
    'ch p, ai dzh, tmi, eu, entreprise individuelle, eingetragener kaufmann',
  state: 'gup, fgup, mup, sue, fsue, dp, kp, state unitary enterprise, federal state unitary enterprise, state enterprise',
  coop: 'coop, co op, cooperative, cooperativa, cooperativo, cooperative society, eg, e g, kooperativ, cvba, scoop, scop',
  nonprofit: 'ano, nko, ngo',
};

/** Forms that are also ordinary words or particles ("as", "at", "co", "sa", "ab"): only at the start or end of a name. */
const EDGE_ONLY = new Set(
  'ao at ad ag sa as ab co oy kk nv bv pp ip pe ie ep ek eg ug lp lc kg dp kp fz pat vat aat taa sal sae pty pte pvt sdn bhd too ood doo spa asa cia cie tov tob bm psc bsc tas odo nao ano nko mup gup sue scs chp spd kaisha gongsi hoesa'.split(' '),
);

const FORMS = new Map<string, LegalClass>();
let maxPhrase = 1;
for (const [name, list] of Object.entries(LATIN_FORMS)) {
  const cls: LegalClass = name === 'ltd' ? 'llc' : (name as LegalClass);
  for (const phrase of list.split(',')) {
    const p = phrase.trim();
    if (!p || FORMS.has(p)) continue;
    FORMS.set(p, cls);
    maxPhrase = Math.max(maxPhrase, p.split(' ').length);
  }
}

// Where national legal forms exist: a company is registered under one country's law, so "Korvessa GmbH"
// and "Korvessa Sdn. Bhd." are two legal persons (sister companies, a foreign subsidiary) even with the
// same name. English forms (LLC, Ltd, Limited, Corp, Co, PLC) and forms too widespread to place (SA, AS,
// AB) have no entry: they translate national forms everywhere. "Inc" is placed where companies write it
// as their own form (North America, the Philippines, and East Asian companies' English names), because a
// German GmbH or Italian S.r.l. does not call itself "Inc".
// Countries written from the forms' company laws; the reference to check them against is GLEIF's ISO 20275
// Entity Legal Forms code list (not available offline here).
const FORM_COUNTRY_TABLE: Array<[string, string]> = [
  ['gmbh, mbh, gesellschaft mit beschrankter haftung, ug, gmbh and co, gmbh and co kg, ohg, gbr, aktiengesellschaft, kommanditgesellschaft, offene handelsgesellschaft, eingetragener kaufmann, e k, ek', 'de at ch li lu'],
  ['sarl, s a r l, societe a responsabilite limitee, eurl, suarl', 'fr be lu ch mc ma tn dz lb sn ci cm mg ht'],
  ['srl, s r l', 'it ro md be ar bo pe uy py do cr'],
  ['spa, s p a, societa a responsabilita limitata, snc, s n c, sapa', 'it cl'],
  ['sas, s a s, sasu, societe par actions simplifiee', 'fr it co'],
  ['sp z o o, sp zoo, sp z oo, spolka z ograniczona odpowiedzialnoscia, sp j, spolka jawna, sp k, spolka komandytowa, spolka komandytowo akcyjna, ska, s k a, spolka akcyjna', 'pl'],
  ['sro, s r o, spol s r o, v o s, akciova spolocnost, akciova spolecnost', 'cz sk'],
  ['ltda, cia ltda', 'br pt co cl ec bo py uy ve ao mz'],
  ['sa de cv, s a de c v, sab de cv, s a b de c v, sa de c v, s de rl, s de r l', 'mx sv hn gt'],
  // (and щ romanized 'sch', as some lists write it)
  ['ooo, obshchestvo s ogranichennoy otvetstvennostyu, obschestvo s ogranichennoy otvetstvennostyu', 'ru by uz kg tj'],
  [
    'zao, oao, pao, nao, aktsionernoe obshchestvo, publichnoe aktsionernoe obshchestvo, zakrytoe aktsionernoe obshchestvo, otkrytoe aktsionernoe obshchestvo, ' +
      'aktsionernoe obschestvo, publichnoe aktsionernoe obschestvo, zakrytoe aktsionernoe obschestvo, otkrytoe aktsionernoe obschestvo',
    'ru',
  ],
  ['tov, tob, tovarystvo z obmezhenoyu vidpovidalnistyu, pat, prat, aktsionerne tovarystvo, pryvatne aktsionerne tovarystvo, publichne aktsionerne tovarystvo, fop', 'ua'],
  ['too', 'kz'],
  // Belarusian: ААТ (adkrytae aktsyyanernae tavarystva, open joint-stock), ТАА (limited liability)
  ['odo, aat, taa', 'by'],
  ['eood, ood, ead', 'bg'],
  ['doo, d o o', 'rs ba me si hr mk'],
  ['d d, dd', 'si hr ba'],
  ['kft, zrt, nyrt, bt, kkt, korlatolt felelossegu tarsasag', 'hu'],
  ['bv, b v, besloten vennootschap, bvba, cvba', 'nl be'],
  ['aps, ivs', 'dk'],
  ['oy, oyj', 'fi'],
  ['asa', 'no'],
  ['ehf', 'is'],
  ['uab', 'lt'],
  ['sia', 'lv'],
  ['ou, aktsiaselts', 'ee'],
  ['sdn bhd, sdn berhad, bhd, berhad', 'my'],
  ['pte ltd, pte, pte limited', 'sg'],
  ['pvt ltd, pvt, pvt limited, private limited, private ltd, opc, one person company', 'in pk lk np bd'],
  ['pty ltd, pty, pty limited', 'au za'],
  ['kk, k k, kabushiki kaisha, kabushiki gaisha, yugen kaisha, godo kaisha', 'jp'],
  ['jusik hoesa, jusikhoesa, yuhan hoesa', 'kr kp'],
  ['youxian gongsi, gufen youxian gongsi', 'cn tw hk mo'],
  ['pt, p t, perseroan terbatas, tbk, pt tbk', 'id'],
  ['ltd sti, limited sirketi, anonim sirketi', 'tr'],
  ['fzllc, fz llc, llc fz, fze, fzco, fzc, dmcc, fz co, free zone establishment, free zone company, fze llc', 'ae'],
  ['sal, s a l', 'lb'],
  ['sae, s a e', 'eg'],
  ['qsc, qpsc', 'qa'],
  ['bsc', 'bh'],
  ['saog, saoc', 'om'],
  ['bm, b m', 'il'],
  ['inc, incorporated', 'us ca ph jp kr tw cn hk'],
];
const FORM_COUNTRIES = new Map<string, string[]>();
for (const [phrases, where] of FORM_COUNTRY_TABLE) for (const p of phrases.split(',')) FORM_COUNTRIES.set(p.trim(), where.split(' '));

/** Countries whose company law has this legal-form phrase (cleaned Latin), if it is a national form. */
export function legalFormCountries(phrase: string): readonly string[] | undefined {
  return FORM_COUNTRIES.get(phrase);
}

/** Whether two names' national legal forms (`LegalFormResult.countries`) come from different countries' laws. */
export function legalFormCountriesDisjoint(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return !!a && !!b && !a.some((x) => b.includes(x));
}

function isEdgeOnly(phrase: string): boolean {
  return EDGE_ONLY.has(phrase) || (phrase.length <= 3 && !phrase.includes(' ')) || /^(?:\w \w|\w \w \w)$/.test(phrase);
}

const CONNECTORS = new Set(['and', 'e', 'et', 'und', 'y', 'i', 'of', 'the']);

export interface LegalFormResult {
  /** Tokens left once legal forms are removed. */
  rest: string[];
  /** Classes found, in order, without repeats. */
  classes: LegalClass[];
  /**
   * Countries whose law has every national form found (GmbH: de at ch li lu), lower-case ISO codes;
   * undefined when no national form was found (LLC, Ltd, Co and native-script forms fit anywhere).
   */
  countries: string[] | undefined;
}

/** The longest legal-form phrase starting at `start` ending no later than `end` (exclusive). */
function phraseAt(tokens: string[], start: number, end: number, edgeAllowed: boolean): [number, LegalClass] | undefined {
  for (let len = Math.min(maxPhrase, end - start); len >= 1; len--) {
    const p = tokens.slice(start, start + len).join(' ');
    const cls = FORMS.get(p);
    if (cls && (edgeAllowed || !isEdgeOnly(p))) return [len, cls];
  }
  return undefined;
}

function phraseEndingAt(tokens: string[], end: number): [number, LegalClass] | undefined {
  for (let len = Math.min(maxPhrase, end); len >= 1; len--) {
    const cls = FORMS.get(tokens.slice(end - len, end).join(' '));
    if (cls) return [len, cls];
  }
  return undefined;
}

/**
 * Legal forms among cleaned Latin tokens: peeled from the end ("Acme Trading Co Ltd") and the start
 * ("OOO Romashka"), and unambiguous ones taken from the middle ("Acme GmbH & Co KG"). `edges` false
 * (a party that may be a person) keeps short ambiguous forms. The last distinctive token is never
 * removed.
 */
export function findLegalForms(tokens: string[], edges = true): LegalFormResult {
  const classes: LegalClass[] = [];
  let rest = tokens;
  let countries: string[] | undefined;
  const add = (c: LegalClass, phrase: string) => {
    if (!classes.includes(c)) classes.push(c);
    const where = FORM_COUNTRIES.get(phrase);
    // forms of two laws in one name ("Inc" beside "GmbH") place it nowhere: keep the first placing
    const both = where && countries ? countries.filter((x) => where.includes(x)) : where;
    if (both?.length) countries = both;
  };
  for (;;) {
    const hit = phraseEndingAt(rest, rest.length);
    if (!hit || hit[0] >= rest.length) break;
    const phrase = rest.slice(rest.length - hit[0]).join(' ');
    if (!edges && isEdgeOnly(phrase)) break;
    add(hit[1], phrase);
    rest = rest.slice(0, rest.length - hit[0]);
  }
  for (;;) {
    const hit = phraseAt(rest, 0, rest.length, edges);
    if (!hit || hit[0] >= rest.length) break;
    add(hit[1], rest.slice(0, hit[0]).join(' '));
    rest = rest.slice(hit[0]);
  }
  // "N.K. Bansal & Co" leaves a dangling "and" once "co" is gone
  if (classes.length) {
    while (rest.length > 1 && CONNECTORS.has(rest[rest.length - 1])) rest = rest.slice(0, -1);
    while (rest.length > 1 && CONNECTORS.has(rest[0])) rest = rest.slice(1);
  }
  if (rest.length > 2) {
    const kept: string[] = [];
    for (let i = 0; i < rest.length; ) {
      const hit = i > 0 && i < rest.length - 1 ? phraseAt(rest, i, rest.length, false) : undefined;
      if (hit && hit[0] > 0 && (hit[0] > 1 || rest[i].length >= 4)) {
        add(hit[1], rest.slice(i, i + hit[0]).join(' '));
        i += hit[0];
      } else kept.push(rest[i++]);
    }
    if (kept.length) rest = kept;
  }
  return { rest, classes, countries };
}

/**
 * Whether two names' legal-form classes are compatible: true when either has none, they share one, or
 * either has the generic 'corp' (a "Company" may be any kind of company).
 */
export function legalFormsAgree(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return true;
  if (a.includes('corp') || b.includes('corp')) return true;
  return a.some((f) => b.includes(f));
}

/** The class of one legal-form phrase (cleaned Latin), if it is one. */
export function legalFormClass(phrase: string): LegalClass | undefined {
  return FORMS.get(phrase);
}

// ---------------------------------------------------------------------------------------------
// Native-script forms, replaced before transliteration (lower-cased text).

const W = String.raw`(?<![\p{L}\p{M}])`;
const E = String.raw`(?![\p{L}\p{M}])`;
const NATIVE: Array<[RegExp, string]> = [
  // Russian, Ukrainian, Belarusian, Kazakh spelled out
  [new RegExp(`${W}общество с ограниченной ответственностью${E}`, 'gu'), ' llc '],
  [new RegExp(`${W}товариство з обмеженою відповідальністю${E}`, 'gu'), ' llc '],
  [new RegExp(`${W}таварыства з абмежаванай адказнасцю${E}`, 'gu'), ' llc '],
  [new RegExp(`${W}товарищество с ограниченной ответственностью${E}`, 'gu'), ' llc '],
  [new RegExp(`${W}(?:(?:публичное|непубличное|закрытое|открытое)\\s+)?акционерное общество${E}`, 'gu'), ' jsc '],
  [new RegExp(`${W}(?:(?:приватне|публічне|закрите|відкрите)\\s+)?акціонерне товариство${E}`, 'gu'), ' jsc '],
  [new RegExp(`${W}(?:федеральное\\s+)?государственное унитарное предприятие${E}`, 'gu'), ' state enterprise '],
  [new RegExp(`${W}индивидуальный предприниматель${E}`, 'gu'), ' ip '],
  [new RegExp(`${W}фізична особа[- ]підприємець${E}`, 'gu'), ' fop '],
  // Hebrew: בע״מ (be'eravon mugbal, "limited"), with any quote mark or none
  [/(?<![\u05D0-\u05EA])בע["״'׳]?מ(?![\u05D0-\u05EA])/gu, ' ltd '],
  // Arabic, Persian: LLC and JSC abbreviations, "company"
  [/(?<![\u0600-\u06FF])[شذ]\s?\.\s?م\s?\.\s?م\s?\.?(?![\u0600-\u06FF])/gu, ' llc '],
  [/(?<![\u0600-\u06FF])ش\s?\.\s?ذ\s?\.\s?م\s?\.\s?م\s?\.?(?![\u0600-\u06FF])/gu, ' llc '],
  [/(?<![\u0600-\u06FF])ش\s?\.\s?م\s?\.\s?[لعبق]\s?\.?(?![\u0600-\u06FF])/gu, ' jsc '],
  [/(?<![\u0600-\u06FF])ذات مسؤولية محدودة(?![\u0600-\u06FF])/gu, ' llc '],
  [/(?<![\u0600-\u06FF])با مسئولیت محدود(?![\u0600-\u06FF])/gu, ' llc '],
  [/(?<![\u0600-\u06FF])سهامی (?:خاص|عام)(?![\u0600-\u06FF])/gu, ' jsc '],
  [/(?<![\u0600-\u06FF])(?:شركة|شرکت)(?![\u0600-\u06FF])/gu, ' company '],
  // Chinese, Japanese, Korean (no spaces around them)
  [/股份有限公司/gu, ' jsc '],
  [/有限(?:责任|責任)?公司/gu, ' ltd '],
  [/株式(?:会|會)社/gu, ' kk '],
  [/(?:有限|合同)会社/gu, ' llc '],
  [/(?:\(주\)|주식회사)/gu, ' jsc '],
  [/유한(?:책임)?회사/gu, ' llc '],
  [/(?:集团|集團)/gu, ' group '],
  [/公司/gu, ' company '],
  // Armenian (ՍՊԸ limited liability, ՓԲԸ/ԲԲԸ joint stock, ԱՁ sole trader), Georgian (შპს, სს, ი/მ)
  [/(?<![\u0531-\u058F])սպը(?![\u0531-\u058F])/gu, ' llc '],
  [/(?<![\u0531-\u058F])[փբ]բը(?![\u0531-\u058F])/gu, ' jsc '],
  [/(?<![\u0531-\u058F])աձ(?![\u0531-\u058F])/gu, ' ip '],
  [/(?<![\u10D0-\u10FF])შპს(?![\u10D0-\u10FF])/gu, ' llc '],
  [/(?<![\u10D0-\u10FF])სს(?![\u10D0-\u10FF])/gu, ' jsc '],
  [/(?<![\u10D0-\u10FF])ი\/მ(?![\u10D0-\u10FF])/gu, ' ip '],
  // Burmese: ကုမ္ပဏီလီမိတက် "company limited", ကုမ္ပဏီများအုပ်စု "group of companies"
  [/ကုမ္ပဏီများအုပ်စု/gu, ' group of companies '],
  [/ကုမ္ပဏီ\s*လီမိတက်/gu, ' co ltd '],
  [/လီမိတက်/gu, ' ltd '],
  [/ကုမ္ပဏီ/gu, ' co '],
  // Greek: Α.Ε. (société anonyme), Ε.Π.Ε. and Ι.Κ.Ε. (limited), Ο.Ε. (partnership)
  [/(?<![\u0370-\u03FF])ανώνυμη εταιρεία(?![\u0370-\u03FF])/gu, ' jsc '],
  [/(?<![\u0370-\u03FF])α\.?\s?ε\.?(?![\u0370-\u03FF])/gu, ' jsc '],
  [/(?<![\u0370-\u03FF])(?:ε\.?\s?π\.?\s?ε|ι\.?\s?κ\.?\s?ε)\.?(?![\u0370-\u03FF])/gu, ' llc '],
  [/(?<![\u0370-\u03FF])ο\.\s?ε\.?(?![\u0370-\u03FF])/gu, ' partnership '],
  // Thai: บริษัท ... จำกัด (มหาชน)
  [/จำกัด\s*\(?มหาชน\)?/gu, ' plc '],
  [/จำกัด/gu, ' ltd '],
  [/บริษัท/gu, ' company '],
];
const NON_LATIN = /[^\x00-\u024F]/;

/** Native-script legal forms in lower-cased text → their Latin class word, so transliteration cannot garble them. */
export function replaceNativeLegalForms(text: string): string {
  if (!NON_LATIN.test(text)) return text;
  let t = text;
  for (const [re, to] of NATIVE) t = t.replace(re, to);
  return t;
}
