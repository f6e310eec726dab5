// Text normalisation for name matching, names in any script: the API the index and the matcher use.
// Modules: normalize (Unicode clean-up, ASCII folding, scripts), confusables (homoglyphs, digits for
// letters), translit/* (one per script), variants (Latin renderings of a name), legal (legal forms),
// names (name parts), translate (generic business words in English), phonetic (Double Metaphone keys).
export { cleanText, asciiFold, unicodeClean, scriptOf, type Script } from './normalize.js';
export { foldMixedScripts, foldDigitLetters, latinLookalike } from './confusables.js';
export { latinVariants, collapseSpelledOut, MAX_VARIANTS, type VariantOptions } from './variants.js';
export { nameKind, nameParts, isParticle, PARTICLES, type NameParts } from './names.js';
export { findLegalForms, legalFormClass, legalFormsAgree, replaceNativeLegalForms, type LegalClass } from './legal.js';
export { phoneticKey, phoneticKeys, spellingKey } from './phonetic.js';
export { canonicalArabicName } from './translit/arabic.js';

/** Split a cleaned Latin name (a `latinVariants` output) into tokens. */
export function tokenize(latin: string): string[] {
  return latin.split(' ').filter(Boolean);
}
