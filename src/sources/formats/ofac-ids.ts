// OFAC's label vocabulary, shared by the three OFAC loaders. The legacy CSV packs facts into the
// Remarks field as "Label value (Country)" parts ("DOB 01 Jan 1960; alt. Passport 123 (Iran)"); the
// sdnList XML has the same labels as `idType` (with the value in `idNumber`); the Enhanced XML uses them
// as feature and identity-document types. One table maps each label to where its value goes in FtM,
// following OpenSanctions' OFAC crawler (datasets/us/ofac, lookups `doc_types` and `features`).

/** Where a labelled value goes. */
export type Rule =
  /** A property of the listed party; the value is normalised by the property's FtM type (date, country...). */
  | { kind: 'prop'; prop: string; schema?: 'Company' }
  /** An identifier: the value may carry "(Country)" and "issued ... expires ..." after the number. */
  | { kind: 'id'; prop: string }
  /** Goes on the Sanction entity: summary keeps "Label: value"; dates are parsed. */
  | { kind: 'sanction'; prop: 'summary' | 'listingDate' | 'startDate' | 'programUrl' }
  /** "Digital Currency Address - XBT 1A1z...": a CryptoWallet held by the party. */
  | { kind: 'wallet' }
  /** "a.k.a. 'X'" in remarks: OFAC's low-quality aliases (the strong ones are in alt.csv / akaList). */
  | { kind: 'weakName' }
  /** Understood, but FtM has no property for it (Linked To, Aircraft Operator...): kept in notes. */
  | { kind: 'note' };

const id = (prop: string): Rule => ({ kind: 'id', prop });
const prop = (p: string, schema?: 'Company'): Rule => ({ kind: 'prop', prop: p, schema });
const sanction = (p: 'summary' | 'listingDate' | 'startDate' | 'programUrl'): Rule => ({ kind: 'sanction', prop: p });
const NOTE: Rule = { kind: 'note' };

/** Label → rule. Labels are matched case-insensitively as a prefix of a remark part, longest first. */
const TABLE: Array<[Rule, string[]]> = [
  // --- people
  [prop('birthDate'), ['DOB', 'Birthdate']],
  [prop('birthPlace'), ['POB', 'Place of Birth']],
  [prop('nationality'), ['nationality', 'Nationality Country']],
  [prop('citizenship'), ['citizen', 'Citizenship Country']],
  [prop('gender'), ['Gender']],
  [prop('ethnicity'), ['ethnicity']],
  [prop('position'), ['Position', 'Title']],
  // --- identity documents of people
  [id('passportNumber'), ['Passport', 'Diplomatic Passport', 'British National Overseas Passport', 'Stateless Person Passport']],
  [id('socialSecurityNumber'), ['SSN']],
  [
    id('idNumber'),
    [
      'National ID No.', 'Identification Number', 'National Foreign ID Number', 'Cedula No.', 'NIT #', 'C.U.R.P.', 'C.U.R.P',
      'D.N.I.', 'C.U.I.T.', 'C.U.I.P.', 'C.U.I.', 'Personal ID Card', "Citizen's Card Number", 'Kenyan ID No.',
      'Bosnian Personal ID No.', 'Tazkira National ID Card', 'Moroccan Personal ID No.', 'Turkish Identification Number',
      'Numero de Identidad', 'Credencial electoral', 'I.F.E.', 'N.I.E.', 'Residency Number', 'Travel Document Number',
      'Stateless Person ID Card', "Seafarer's Identification Document", 'Cartilla de Servicio Militar Nacional',
      'Electoral Registry No.', 'Birth Certificate Number', 'Public Security and Immigration No.', 'Immigration No.',
      'VisaNumberID', 'Refugee ID Card', 'File Number', 'CNP (Personal Numerical Code)', 'Romanian Permanent Resident',
      'UAE Identification', 'Government Gazette Number', 'Folio Mercantil No.', 'Central Registration System Number',
      'Tarjeta Profesional', 'SRE Permit No.', 'SRE Permit No', 'Military Registration Number', 'Serial No.',
    ],
  ],
  [
    id('licenseNumber'),
    [
      'License', "Driver's License No.", 'Trade License No.', 'Tourism License No.', 'Pilot License Number',
      'Afghan Money Service Provider License Number', 'MSB Registration Number', 'Permit Number',
    ],
  ],
  // --- organisations
  [
    id('registrationNumber'),
    [
      'Registration Number', 'Registration ID', 'Commercial Registry Number', 'Registered Charity No.', 'Company Number',
      'UK Company Number', 'Business Registration Document #', 'Business Registration Number', 'Business Number',
      'Matricula Mercantil No', 'Matricula Mercantil No.', 'Dubai Chamber of Commerce Membership No.',
      'Certificate of Incorporation Number', 'Public Registration Number', 'C.R. No.', 'Chamber of Commerce Number',
      'Enterprise Number', 'Istanbul Chamber of Comm. No.', 'RSIN', 'Organization Code', 'Economic Register Number (CBLS)',
      'Trademark number', 'Branch Unit Number', 'Unified Social Credit Code (USCC)',
      'United Social Credit Code Certificate (USCCC)', 'Romanian C.R.', 'Vessel Registration Identification',
    ],
  ],
  [
    id('taxNumber'),
    [
      'Tax ID No.', 'RUC #', 'R.F.C.', 'RFC', 'Italian Fiscal Code', 'RIF #', 'RTN', 'Fiscal Code',
      'Paraguayan tax identification number', 'Romanian Tax Registration', 'C.I.F.', 'N.I.F.', 'US FEIN',
      'Numero Unico de Identificacao Tributaria (NUIT)',
    ],
  ],
  [id('vatCode'), ['V.A.T. Number']],
  [id('leiCode'), ['Legal Entity Number', 'LE Number']],
  [id('swiftBic'), ['SWIFT/BIC']],
  [id('dunsCode'), ['D-U-N-S Number']],
  [id('bikCode'), ['BIK (RU)']],
  [prop('isinCode', 'Company'), ['ISIN']],
  [prop('ticker', 'Company'), ['Equity Ticker']],
  [prop('incorporationDate'), ['Organization Established Date']],
  [prop('sector'), ['Organization Type']],
  [prop('legalForm'), ['Target Type']],
  [prop('jurisdiction'), ['Registration Country', 'Nationality of Registration']],
  [prop('alias'), ['Issuer Name']],
  // --- contact
  [prop('website'), ['Website']],
  [prop('email'), ['Email Address', 'Email']],
  [prop('phone'), ['Phone Number', 'Phone', 'Telephone', 'Telephone No.', 'Telephone Number', 'Fax', 'Fax No.', 'Fax Number']],
  // --- vessels
  [id('mmsi'), ['MMSI']],
  [prop('flag'), ['Vessel Flag', 'Flag']],
  [prop('pastFlags'), ['Former Vessel Flag', 'Other Vessel Flag']],
  [prop('type'), ['Other Vessel Type', 'Vessel Type']],
  [prop('callSign'), ['Other Vessel Call Sign', 'Vessel Call Sign', 'Call Sign']],
  [prop('buildDate'), ['Vessel Year of Build', 'Aircraft Manufacture Date']],
  [prop('tonnage'), ['Vessel Tonnage']],
  [prop('grossRegisteredTonnage'), ['Vessel Gross Registered Tonnage']],
  // --- aircraft
  [
    id('serialNumber'),
    ["Aircraft Manufacturer's Serial Number (MSN)", 'Aircraft Manufacturer’s Serial Number (MSN)', 'Aircraft Construction Number (also called L/N or S/N or F/N)', 'Aircraft Serial Identification'],
  ],
  [prop('model'), ['Aircraft Model']],
  [id('registrationNumber'), ['Aircraft Tail Number', 'Previous Aircraft Tail Number', 'Aircraft Mode S Transponder Code']],
  // --- crypto
  [{ kind: 'wallet' }, ['Digital Currency Address']],
  // --- names in remarks
  [{ kind: 'weakName' }, ['a.k.a.', 'f.k.a.', 'n.k.a.']],
  // --- sanction details
  [
    sanction('summary'),
    [
      'Secondary sanctions risk', 'Additional Sanctions Information', 'Executive Order', 'CAATSA Section 235 Information',
      'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions', 'IFCA Determination',
      'PEESA Information', 'Purchase/Sales For Divestment Date (CMIC)',
    ],
  ],
  [sanction('listingDate'), ['Listing Date']],
  [sanction('startDate'), ['Effective Date']],
  [sanction('programUrl'), ['For more information on directives, please visit the following link']],
  // --- understood, no FtM property (kept in notes)
  [NOTE, ['Linked To', 'Aircraft Operator', 'Vessel Owner', 'MICEX Code', 'UN/LOCODE', 'Chinese Commercial Code']],
];

interface Entry {
  label: string;
  lower: string;
  rule: Rule;
}
const ENTRIES: Entry[] = TABLE.flatMap(([rule, labels]) => labels.map((label) => ({ label, lower: label.toLowerCase(), rule }))).sort(
  (a, b) => b.lower.length - a.lower.length,
);

export interface LabelMatch {
  /** The label as the table spells it. */
  label: string;
  rule: Rule;
  /** Text after the label, without the separator (":", " - ", space). */
  rest: string;
}

/**
 * Find the rule for a labelled text ("Passport 123 (Iran)", "Gender Male", "Linked To: X", or just an
 * idType such as "Secondary sanctions risk:"). The label must end at a word boundary.
 */
export function matchLabel(text: string): LabelMatch | undefined {
  const lower = text.toLowerCase();
  for (const e of ENTRIES) {
    if (!lower.startsWith(e.lower)) continue;
    const next = text.charAt(e.label.length);
    if (next && !/[\s:(-]/.test(next) && !/[^\w]$/.test(e.label)) continue;
    return { label: e.label, rule: e.rule, rest: stripSeparator(text.slice(e.label.length)) };
  }
  return undefined;
}

function stripSeparator(s: string): string {
  return s.replace(/^\s*[:-]?\s*/, '').trim();
}

/** Split a Remarks text into its parts; "alt." only marks another value of the same label. */
export function splitRemarks(remarks: string): string[] {
  return remarks
    .trim()
    .replace(/\.$/, '') // the full stop ends the whole text, not its last value
    .split(/\s*;\s*/)
    .map((p) => p.trim().replace(/^\((.*)\)$/s, '$1')) // the XML wraps some parts: "(Linked To: HAMAS)"
    .filter(Boolean);
}

export function stripAlt(part: string): string {
  return part.replace(/^alt\.\s+/i, '');
}

export interface IdValue {
  number: string;
  country?: string;
  /** "issued 01 Jan 2000 expires ..." or other tail text that is not the number. */
  extra?: string;
}

/** "L 191609 (Iran) issued 28 Feb 1996 expires 27 Feb 2001" → number, country text, extra. */
export function parseIdValue(value: string, isCountry: (s: string) => boolean): IdValue {
  let rest = value.trim();
  let extra: string | undefined;
  const tail = /\s+((?:issued|expires)\b.*)$/i.exec(rest);
  if (tail) {
    extra = tail[1];
    rest = rest.slice(0, tail.index).trim();
  }
  let country: string | undefined;
  const paren = /\s*\(([^()]+)\)$/.exec(rest);
  if (paren && isCountry(paren[1])) {
    country = paren[1].trim();
    rest = rest.slice(0, paren.index).trim();
  }
  return { number: rest, country, extra };
}

/** An IMO number as OpenSanctions writes it ("IMO9187629"), when the text is one. */
export function imoNumber(text: string): string | undefined {
  const m = /^IMO\s*(\d{7})$/i.exec(text.trim());
  return m ? `IMO${m[1]}` : undefined;
}

/** "- XBT 1A1z..." or ("- XBT", "1A1z...") → currency and address. */
export function parseWallet(text: string): { currency: string; address: string } | undefined {
  const m = /^-?\s*([A-Za-z0-9]+)\s+(\S+)$/.exec(text.trim());
  return m ? { currency: m[1].toUpperCase(), address: m[2] } : undefined;
}

/** Weak alias text in remarks: "'ZAHAR, Mahmoud'" → ZAHAR, Mahmoud. */
export function unquote(text: string): string {
  return text.trim().replace(/^'(.*)'$/s, '$1').trim();
}

// --- dates -------------------------------------------------------------------------------------------

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/** One OFAC date: "10 Dec 1948", "Dec 1970", "1962", "2022-02-24" → ISO prefix form. */
export function parseOneDate(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, '');
  let m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[2].toLowerCase()]) return `${m[3]}-${MONTHS[m[2].toLowerCase()]}-${m[1].padStart(2, '0')}`;
  m = /^([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m && MONTHS[m[1].toLowerCase()]) return `${m[2]}-${MONTHS[m[1].toLowerCase()]}`;
  if (/^\d{4}$/.test(t)) return t;
  m = /^(\d{4}-\d{2}(?:-\d{2})?)(?:T[\d:.]+)?$/.exec(t);
  if (m) return m[1];
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t); // MM/DD/YYYY (sdnList Publish_Date)
  if (m) return `${m[3]}-${m[1]}-${m[2]}`;
  return undefined;
}

export interface ParsedDate {
  values: string[];
  /** "circa" or a range: the raw text deserves a note. */
  approximate: boolean;
}

/**
 * An OFAC date expression: a date, "circa 1951", "1960 to 1965", "circa 1950-1955", "01 Jan 1960 to
 * 31 Dec 1962". Ranges of whole years give each year (at most 12, else the bounds); other ranges give
 * both bounds.
 */
export function parseOfacDate(text: string): ParsedDate | undefined {
  let t = text.trim().replace(/\.$/, '');
  let approximate = false;
  if (/^circa\s+/i.test(t)) {
    approximate = true;
    t = t.replace(/^circa\s+/i, '');
  }
  const one = parseOneDate(t);
  if (one) return { values: [one], approximate };
  const range = /^(.+?)\s*(?:\bto\b|-(?=\s*\d{4}$))\s*(.+)$/.exec(t);
  const from = range && parseOneDate(range[1]);
  const to = range && parseOneDate(range[2]);
  return from && to ? { values: expandRange(from, to), approximate: true } : undefined;
}

function expandRange(from: string, to: string): string[] {
  const wholeYears = (/^\d{4}$/.test(from) || from.endsWith('-01-01')) && (/^\d{4}$/.test(to) || to.endsWith('-12-31'));
  const a = Number(from.slice(0, 4));
  const b = Number(to.slice(0, 4));
  if (wholeYears && b >= a && b - a < 12) return Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
  return [from, to];
}
