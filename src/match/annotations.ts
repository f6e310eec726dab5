// What people write around a name on trade documents and vessel registers, separated from the name:
// "MT Ondara Leigh (ex-Pelican Morrow)", "Acme Ltd, f.k.a. Beta Ltd", "BENEFICIARY: Acme Ltd",
// "MV Soja Paranaense, Santos". A former name is a name of the same party, so it becomes a second name
// to compare; labels, vessel-type prefixes and remarks in brackets are dropped.
import { countryCode } from '../model/countries.js';

/** Words that introduce a former or other name. */
const FORMER = String.raw`(?:ex[-\s.]+|f\.?\s?k\.?\s?a\.?\s+|f/k/a\s+|a\.?\s?k\.?\s?a\.?\s+|formerly(?:\s+known\s+as)?\s+|previously\s+|renamed\s+from\s+|also\s+known\s+as\s+)`;
const FORMER_IN_BRACKETS = new RegExp(String.raw`\(\s*${FORMER}([^()]+)\)`, 'giu');
const FORMER_TRAILING = new RegExp(String.raw`(?:^|[\s,;])${FORMER}(.+)$`, 'iu');
/** "SHIPPER:", "FIELD 59:", "BENEFICIARY:" — a short upper-case or numbered label before a colon. */
const PARTY_LABEL = /^\s*(?:[A-Z][A-Z ]{1,24}|field\s*\d+[a-z]?|[a-z]+ \d+)\s*:\s*(?=\S)/u;
/** Vessel type prefixes: MV, M/V, M.V., MT, M/T, FV, F/V, SS, MS, MY, RV, TB. */
const VESSEL_PREFIX = /^\s*(?:m\s?[./]?\s?[vtsy]|f\s?[./]?\s?v|s\s?\.?\s?s|r\s?[./]?\s?v|t\s?\.?\s?b|mts)\.?\s+(?=\S)/iu;
/** "(Marshall Islands flag)", "(Kakamega Branch)": a remark in brackets without digits. Numbered brackets ("(2011)", "(T)") may be part of the name. */
const REMARK_IN_BRACKETS = /\s*\((?=[^()]*\p{L}{2})[^()\d]*\)/gu;
/** "- Malindi Branch", ", Mombasa branch office". */
const BRANCH_SUFFIX = /\s*(?:[-–,]\s*)?(?:\(\s*)?[\p{L} ]{2,40}\bbranch(?:\s+office)?\)?\s*$/iu;
/** "c/o Aduanas Pedraza, Nuevo Laredo": care of another party, to the end. */
const CARE_OF = /\s*,?\s*\bc\s?\/\s?o\b.*$/iu;
/** An address after a comma: a house number and a street ("…, 12250 Brevard Ln, Pasadena TX") or a P.O. box, to the end. */
const ADDRESS_AFTER_COMMA = /\s*,\s*(?:\d{1,6}[a-z]?\s+\p{L}|p\.?\s?o\.?\s?box\b|postfach\b).*$/iu;
/** A voyage number on a bill of lading: "V.214W", "Voy. 012E", "Voyage 33". */
const VOYAGE = /\s*\b(?:v\.|voy\.?|voyage)\s?\d{1,4}[nsew]?\b/giu;
/** Until-dates and years after a former name: "ex-Lindos Harrier until 2019", "ex Warri Osprey, 2020". */
const FORMER_DATE = /(?:,?\s*(?:until|till|to|from|since|in)?\s*(?:19|20)\d\d)\s*$/iu;

export interface AnnotatedName {
  /** The name itself, remarks removed. */
  name: string;
  /** Former or other names written beside it. */
  others: string[];
}

/**
 * Separate a written name from its annotations. `vessel` also drops type prefixes (MV, M/T) and a port
 * of registry after a comma ("MV Soja Paranaense, Santos").
 */
export function splitAnnotations(raw: string, vessel = false): AnnotatedName {
  let text = raw.includes(':') ? raw.replace(PARTY_LABEL, '') : raw;
  const others: string[] = [];
  text = text.replace(FORMER_IN_BRACKETS, (_m, inner: string) => {
    for (const part of inner.split(/[,;]\s*(?:ex[-\s.]+)?/iu)) pushName(others, part.replace(FORMER_DATE, ''));
    return ' ';
  });
  const trailing = FORMER_TRAILING.exec(text);
  if (trailing && trailing.index > 0) {
    for (const part of trailing[1].split(/[,;]\s*(?:ex[-\s.]+|f\.?k\.?a\.?\s+)?/iu)) pushName(others, part.replace(FORMER_DATE, ''));
    text = text.slice(0, trailing.index);
  }
  // a country in brackets names a subsidiary ("Marrowby Chemicals (Thailand)"): keep it, drop other remarks;
  // beside a vessel's name it is the flag ("Kalliopi Dawn (Malta)"): a remark
  if (text.includes('(')) text = text.replace(REMARK_IN_BRACKETS, (m) => (!vessel && countryCode(m.replace(/[()]/g, '').trim()) ? m.replace(/[()]/g, ' ') : ' '));
  if (/branch/i.test(text)) text = text.replace(BRANCH_SUFFIX, '');
  if (/c\s?\/\s?o/i.test(text)) text = text.replace(CARE_OF, '');
  if (text.includes(',')) text = text.replace(ADDRESS_AFTER_COMMA, '');
  if (/v/i.test(text)) text = text.replace(VOYAGE, ' ');
  if (vessel) {
    const comma = text.lastIndexOf(',');
    // a port or flag after the last comma: one or two words, no digits
    if (comma > 0 && /^\s*[\p{L}' -]{2,30}$/u.test(text.slice(comma + 1)) && text.slice(comma + 1).trim().split(/\s+/).length <= 3) {
      text = text.slice(0, comma);
    }
  }
  let name = stripVesselPrefix(text).replace(/\s+/g, ' ').replace(/[\s,;:-]+$/u, '').trim();
  if (!name) name = raw.trim();
  return { name, others: others.map(stripVesselPrefix) };
}

/** "M/T Ardrevan Pearl" → "Ardrevan Pearl" (only when something is left). */
export function stripVesselPrefix(text: string): string {
  const stripped = text.replace(VESSEL_PREFIX, '');
  return stripped.trim() ? stripped.trim() : text.trim();
}

function pushName(list: string[], part: string): void {
  const v = part.replace(/\s+/g, ' ').replace(/^[\s,;:-]+|[\s,;:-]+$/gu, '').trim();
  if (v && /\p{L}|\p{N}/u.test(v) && !list.includes(v)) list.push(v);
}
