// Greek → Latin. any-ascii gives one letter-by-letter reading; Greek passports follow ELOT 743, the
// press writes names as they sound ("Tsipras", "Hristodoulou"), and names known from antiquity keep
// their classical form ("Philippos", "Eleutherios"). Accents and diaereses are dropped first.
import { applyScheme, compileScheme, type SchemeSpec } from './scheme.js';

const re = (s: string) => new RegExp(s, 'gu');
const START = String.raw`(?<![\p{L}])`;
const VOICELESS = 'θκξπστφχψς';

const BASE: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o', ϊ: 'i', ϋ: 'y', ϝ: 'w', ϲ: 's',
};

const SPECS: SchemeSpec[] = [
  {
    // ELOT 743 / ISO 843 transcription (Greek passports)
    name: 'elot',
    rules: [
      [re(`([αε])υ(?=[${VOICELESS}]|(?![\\p{L}]))`), '$1f'],
      [re(`([αεη])υ`), '$1v'],
      [re(`ου`), 'ou'],
      [re(`${START}μπ`), 'b'],
      [re(`μπ`), 'mp'],
      [re(`${START}ντ`), 'd'],
      [re(`ντ`), 'nt'],
      [re(`γγ`), 'ng'],
      [re(`γξ`), 'nx'],
      [re(`γχ`), 'nch'],
    ],
  },
  {
    // as it sounds: η υ ει οι → i, αι → e, χ → h, γ before e/i → y, μπ → b, ντ → d
    name: 'phonetic',
    rules: [
      [re(`([αε])υ(?=[${VOICELESS}]|(?![\\p{L}]))`), '$1f'],
      [re(`([αε])υ`), '$1v'],
      [re(`ου`), 'ou'],
      [re(`[εο]ι`), 'i'],
      [re(`αι`), 'e'],
      [re(`μπ`), 'b'],
      [re(`ντ`), 'd'],
      [re(`γγ|γκ`), 'g'],
      [re(`γ(?=[ειηυ])`), 'y'],
    ],
    letters: { χ: 'h', υ: 'i' },
  },
  {
    // classical: β b, η e, υ y, φ ph, χ ch, αυ au, ευ eu ("Alexandros", "Philippos", "Eleutherios")
    name: 'classical',
    rules: [
      [re(`ου`), 'ou'],
      [re(`αυ`), 'au'],
      [re(`ευ`), 'eu'],
      [re(`γ(?=[γκξχ])`), 'n'],
      [re(`${START}ρ`), 'rh'],
    ],
    letters: { β: 'b', η: 'e', φ: 'ph' },
  },
];

const SCHEMES = SPECS.map((s) => compileScheme(s, BASE));
const ACCENTS = /[\u0300-\u036f]/g;

/** Lower-case Greek text in each scheme, ELOT 743 first. */
export function romanizeGreek(text: string): string[] {
  // NFD splits "ά" into α + accent; "ϊ" keeps its meaning as plain ι once the diaeresis goes
  const plain = text.normalize('NFD').replace(ACCENTS, '').normalize('NFC');
  return SCHEMES.map((s) => applyScheme(plain, s));
}
