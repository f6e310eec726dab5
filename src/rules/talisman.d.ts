// talisman ships no type declarations; only the Porter stemmer is used (HS description matching).
declare module 'talisman/stemmers/porter.js' {
  export default function porter(word: string): string;
}
