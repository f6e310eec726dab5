// Splitting a free-text place or address into phrases with what they are: "вул. Леніна 12, Макіївка,
// Донецька обл." → street "Леніна", place "Макіївка", oblast "Донецька". Works on Ukrainian, Russian and
// Latin addresses, comma-separated or not, specific-to-general or general-to-specific.

export type Marker = 'oblast' | 'raion' | 'hromada' | 'city' | 'village' | 'street';

export interface Phrase {
  /** The words of the name, as written. */
  text: string;
  marker?: Marker;
  /** Index of the comma-separated segment it came from (phrases of one segment belong together). */
  segment: number;
}

export interface ParsedAddress {
  phrases: Phrase[];
  /** 5-digit numbers (Ukrainian postal codes). */
  postalCodes: string[];
}

const MARKERS: Record<Marker, string[]> = {
  oblast: ['обл', 'область', 'області', 'обл-ть', 'oblast', 'oblasti', 'obl', 'region', 'reg', 'oblast’', "oblast'", 'provinces', 'province'],
  raion: ['р-н', 'район', 'району', 'р-ну', 'р-он', 'raion', 'rayon', 'raion’', 'district', 'r-n'],
  hromada: ['громада', 'громади', 'тг', 'отг', 'тгр', 'hromada', 'community', 'рада', 'council', 'сільрада', 'селищна', 'сільська', 'міська', 'территориальная', 'територіальна', 'territorial'],
  city: ['м', 'місто', 'міста', 'г', 'город', 'гор', 'city', 'town', 'm', 'g', 'mto'],
  village: ['с', 'село', 'селище', 'с-ще', 'с-ща', 'смт', 'пгт', 'п', 'пос', 'посёлок', 'поселок', 'поселение', 'village', 'selo', 'settlement', 'smt', 'hamlet', 'хутір', 'хутор', 'х', 'khutir', 'selyshche', 'пгт.'],
  street: [
    'вул', 'вулиця', 'вулиці', 'ул', 'улица', 'пр', 'пр-т', 'просп', 'проспект', 'пров', 'провулок', 'пер', 'переулок', 'бул', 'бульв', 'бульвар',
    'пл', 'площа', 'площадь', 'шосе', 'шоссе', 'наб', 'набережна', 'набережная', 'узвіз', 'тупик', 'мкр', 'мікрорайон', 'микрорайон', 'кв', 'квартира',
    'буд', 'будинок', 'д', 'дом', 'корп', 'корпус', 'офіс', 'офис', 'оф', 'street', 'st', 'str', 'avenue', 'ave', 'av', 'road', 'rd', 'lane', 'ln',
    'blvd', 'boulevard', 'square', 'sq', 'prospekt', 'prosp', 'pr-t', 'vul', 'vulytsia', 'vulitsa', 'ulitsa', 'ulica', 'ul', 'building', 'bldg', 'apt',
    'apartment', 'office', 'house', 'suite', 'floor', 'mkr', 'pereulok', 'provulok', 'shosse', 'naberezhnaya', 'kv', 'blok', 'блок',
  ],
};

const MARKER_OF = new Map<string, Marker>();
for (const [marker, list] of Object.entries(MARKERS) as Array<[Marker, string[]]>) for (const w of list) MARKER_OF.set(w, marker);

/** Words that are neither names nor markers ("city of Kyiv"). */
const FILLER = new Set(['of', 'the', 'near', 'біля', 'около']);

/** Markers written after the name they qualify ("Донецька обл."); the others come before ("м. Київ"). */
const TRAILING: Marker[] = ['oblast', 'raion', 'hromada'];

export function parseAddress(text: string): ParsedAddress {
  const postalCodes: string[] = [];
  const phrases: Phrase[] = [];
  const segments = text.split(/[,;\n\r|]+/);
  segments.forEach((segment, segIndex) => {
    const tokens = segment.split(/[\s.()«»"“”/]+/u).map((t) => t.replace(/^[-’']+|[-’':]+$/gu, '')).filter(Boolean);
    let words: string[] = [];
    let pending: Marker | undefined; // a leading marker waiting for its name
    let streetTail = false; // words after a street marker belong to the street
    const flush = (marker?: Marker) => {
      if (words.length) phrases.push({ text: words.join(' '), marker: marker ?? pending, segment: segIndex });
      words = [];
      pending = undefined;
    };
    for (const token of tokens) {
      const lower = token.toLowerCase();
      if (/^\d{5}$/.test(token)) {
        postalCodes.push(token);
        flush();
        streetTail = false;
        continue;
      }
      if (/\d/.test(token)) {
        // house and flat numbers end a street name
        if (streetTail) flush('street');
        streetTail = false;
        continue;
      }
      if (FILLER.has(lower)) continue;
      const marker = MARKER_OF.get(lower);
      if (marker === 'street') {
        flush();
        pending = 'street';
        streetTail = true;
        continue;
      }
      if (marker && TRAILING.includes(marker)) {
        // "Донецька обл." qualifies the words before it; "область Донецкая" the words after
        if (words.length && !streetTail) {
          // oblast and raion names are one word ("Donetsk oblast", "Бахчисарайський р-н"): earlier words are another phrase
          const last = words.pop()!;
          flush();
          words = [last];
          flush(marker);
        } else {
          if (streetTail) flush('street');
          pending = marker;
        }
        streetTail = false;
        continue;
      }
      if (marker) {
        if (streetTail) flush('street');
        flush();
        pending = marker;
        streetTail = false;
        continue;
      }
      words.push(token);
    }
    flush(streetTail ? 'street' : undefined);
  });
  return { phrases, postalCodes };
}
