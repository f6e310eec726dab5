// One OFAC listed party being assembled, whatever the file format: the party entity, its Sanction,
// its Address and CryptoWallet entities, and the notes that keep what could not be mapped. The three
// OFAC loaders (legacy CSV, sdnList XML, Enhanced XML) feed it names, programs, addresses and labelled
// values; the label table in ofac-ids.ts decides where each value goes.
import { countryCode } from '../../model/countries.js';
import { EntityBuilder, type Entity } from '../../model/entity.js';
import { ftm, schemaProperties } from '../../model/schema.js';
import { bump, type ListMeta } from '../types.js';
import { imoNumber, matchLabel, parseIdValue, parseOfacDate, parseWallet, splitRemarks, stripAlt, unquote, type Rule } from './ofac-ids.js';

export const OFAC_AUTHORITY = 'US Treasury, Office of Foreign Assets Control';
const DETAILS_URL = 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=';

/** OFAC's entry types (CSV SDN_Type, XML sdnType, Enhanced entityType) → FtM schema; entities are decided by name. */
export function schemaForType(type: string, name: string): string | undefined {
  switch (type.trim().toLowerCase()) {
    case 'individual':
      return 'Person';
    case 'vessel':
      return 'Vessel';
    case 'aircraft':
      return 'Airplane';
    case '':
    case '-0-':
    case 'entity':
      return hasCorporateForm(name) ? 'Company' : 'Organization';
    default:
      return undefined;
  }
}

// Legal forms that make an entity a company rather than a group, party, ministry or militia. OFAC's
// "entity" type covers all of them; a legal form in the name is the one reliable signal it gives.
const LEGAL_FORMS = [
  // English
  'CO', 'CO\\.', 'COMPANY', 'CORP\\.?', 'CORPORATION', 'INC\\.?', 'INCORPORATED', 'LTD\\.?', 'LIMITED', 'L\\.?L\\.?C\\.?', 'LLP', 'L\\.P\\.', 'PLC',
  'PTE\\.?', 'PVT\\.?', 'JOINT[ -]STOCK',
  // Spanish, Portuguese, French, Italian
  'S\\.A\\.?(?: DE C\\.V\\.)?', 'S\\.A\\.S\\.?', 'S\\.A\\.C\\.?', 'S\\.A\\.L\\.?', 'SAL', 'S\\.R\\.L\\.?', 'SRL', 'S\\.L\\.?', 'S\\.C\\.S\\.', 'E\\.U\\.',
  'S\\. DE R\\.L\\.(?: DE C\\.V\\.)?', 'S\\.P\\.R\\. DE R\\.L\\.', 'LTDA\\.?', 'LDA\\.?', 'SARL', 'S\\.A\\.R\\.L\\.', 'E\\.I\\.R\\.L\\.', 'EIRL',
  'S\\.P\\.A\\.?', 'SPA',
  // German, Dutch, Nordic and Central/Eastern European
  'GMBH', 'AG', 'KG', 'B\\.V\\.?', 'BV', 'N\\.V\\.?', 'NV', 'A\\.S\\.', 'KFT\\.?', 'SP\\. Z O\\.O\\.', 'D\\.?O\\.?O\\.?', 'EAD', 'E?OOD', 'SIA',
  // Russian and post-Soviet (also transliterated in full), Turkish
  'JSC', 'OJSC', 'CJSC', 'PJSC', 'PAO', 'OAO', 'ZAO', 'OOO', 'AO', 'TOO', 'UNITARY ENTERPRISE', 'AKTSIONERNOE OBSH?CHESTVO',
  'OBSH?CHESTVO S OGRANICHENNO[IJY]', 'ANONIM SIRKETI',
  // Gulf free zones, South-East and East Asia
  'FZE', 'FZCO', 'FZ-LLC', 'FZC', 'DMCC', 'SDN\\.? BHD\\.?', 'BHD', 'PT\\.?', 'YOUXIAN GONGSI',
];
const CORPORATE_FORMS = new RegExp(`(?:^|[\\s,(])(?:${LEGAL_FORMS.join('|')})(?=$|[\\s,.)])`, 'i');

export function hasCorporateForm(name: string): boolean {
  return CORPORATE_FORMS.test(name);
}

/** "LAST, First Middle, Jr." (OFAC's list form for individuals) → natural order and parts. */
export function splitPersonName(listForm: string): { name: string; first?: string; last?: string; suffix?: string } {
  const parts = listForm.split(/\s*,\s*/).filter(Boolean);
  if (parts.length < 2) return { name: listForm.trim() };
  const [last, first, ...suffix] = parts;
  return { name: [first, last, ...suffix].join(' '), first, last, suffix: suffix.join(' ') || undefined };
}

const typeCache = new Map<string, string>();
/** FtM type name of a property ("date", "country"...); the model's lookup is slow, so it is cached. */
function propertyType(schema: string, prop: string): string {
  const key = `${schema}.${prop}`;
  let type = typeCache.get(key);
  if (type === undefined) typeCache.set(key, (type = ftm.getSchema(schema).getProperty(prop).type.name));
  return type;
}

export interface AddressParts {
  street?: string;
  street2?: string;
  city?: string;
  postalCode?: string;
  region?: string;
  /** Country as the list writes it; `countryIso` wins when the list gives a code. */
  country?: string;
  countryIso?: string;
  remarks?: string;
}

export class OfacParty {
  readonly id: string;
  readonly party: EntityBuilder;
  private readonly sanction: EntityBuilder;
  private readonly related: Entity[] = [];
  private readonly notes: string[] = [];
  private wallets = 0;

  constructor(
    private readonly meta: ListMeta,
    readonly uid: string,
    schema: string,
    private readonly dataset: string,
  ) {
    this.id = `ofac-${uid}`;
    const url = DETAILS_URL + uid;
    this.party = new EntityBuilder(this.id, schema, dataset).add('topics', 'sanction').add('sourceUrl', url);
    this.sanction = new EntityBuilder(`${this.id}-sanction`, 'Sanction', dataset, false)
      .add('entity', this.id)
      .add('authority', OFAC_AUTHORITY)
      .add('country', 'us')
      .add('authorityId', uid)
      .add('sourceUrl', url);
  }

  get schema(): string {
    return this.party.entity.schema;
  }

  // --- names ---------------------------------------------------------------------------------------

  /** The primary name in OFAC's list form; individuals become "First LAST" as OpenSanctions writes them. */
  setListName(listForm: string): void {
    if (this.schema !== 'Person') {
      this.party.add('name', listForm);
      return;
    }
    const n = splitPersonName(listForm);
    this.setPersonName(n.first, n.last, n.suffix, n.name);
  }

  setPersonName(first: string | undefined, last: string | undefined, suffix?: string, full?: string): void {
    const name = full ?? [first, last, suffix].filter(Boolean).join(' ');
    this.party.add('name', name).add('firstName', first).add('lastName', last).add('nameSuffix', suffix);
  }

  /** Another name (alias, previousName, weakAlias); an individual's "LAST, First" is turned around. */
  addName(prop: 'name' | 'alias' | 'previousName' | 'weakAlias', listForm: string): void {
    const name = this.schema === 'Person' ? splitPersonName(listForm).name : listForm;
    this.party.add(prop, name);
  }

  // --- programs, notes -----------------------------------------------------------------------------

  addProgram(tag: string): void {
    const t = tag.trim();
    if (!t) return;
    this.party.add('program', t).add('programId', t);
    this.sanction.add('program', t).add('programId', t);
  }

  note(text: string): void {
    const t = text.trim();
    if (t && !this.notes.includes(t)) this.notes.push(t);
  }

  /** A value for a property the schema may not have (middleName on a Person, kppCode on a Company). */
  addIfAllowed(prop: string, value: string | undefined): void {
    if (this.allows(prop)) this.party.add(prop, value);
    else if (value) this.note(`${prop}: ${value}`);
  }

  sanctionProp(prop: string, ...values: Array<string | undefined>): void {
    this.sanction.add(prop, ...values);
  }

  // --- labelled values -----------------------------------------------------------------------------

  /**
   * A Remarks text: each "; "-separated part is matched against the label table. Parts nobody
   * understands go to notes and are counted (`unparsed_remarks`). `truncated`: the text was cut at
   * OFAC's 1000 characters with no continuation, so its last part is incomplete and only kept as a note.
   */
  applyRemarks(remarks: string, truncated = false): void {
    if (truncated) bump(this.meta, 'truncated_remarks');
    const lastIsCut = truncated && !/;\s*$/.test(remarks); // a cut right after "; " leaves whole parts
    const parts = splitRemarks(remarks);
    parts.forEach((part, i) => {
      bump(this.meta, 'remark_parts');
      if (lastIsCut && i === parts.length - 1) {
        bump(this.meta, 'cut_remark_parts');
        this.note(part);
        return;
      }
      const value = stripAlt(part); // "alt." only says there is more than one value for the label
      const match = matchLabel(value);
      if (!match && this.party.entity.properties.position?.includes(value)) return; // repeats the Title column
      if (!match) {
        bump(this.meta, 'unparsed_remarks');
        this.note(part);
        return;
      }
      this.applyRule(match.rule, match.label, match.rest, value);
    });
  }

  /**
   * A typed value from the XML formats (sdnList idList, Enhanced features and documents): `type` is the
   * label ("Tax ID No.", "Digital Currency Address - XBT"), `value` the value, `country` the issuing country.
   */
  applyTyped(type: string, value: string, country?: string, countryIso?: string): void {
    const raw = `${type.trim()} ${value.trim()}`.trim();
    const match = matchLabel(type.trim());
    if (!match) {
      bump(this.meta, 'unparsed_types');
      this.note(raw);
      return;
    }
    const full = [match.rest, value.trim()].filter(Boolean).join(' ');
    this.applyRule(match.rule, match.label, full, raw, country, countryIso);
  }

  private applyRule(rule: Rule, label: string, value: string, raw: string, country?: string, countryIso?: string): void {
    switch (rule.kind) {
      case 'prop':
        return this.setProp(rule.prop, value, raw, rule.schema);
      case 'id':
        return this.addIdentifier(rule.prop, value, label, raw, country, countryIso);
      case 'sanction':
        return this.addSanctionDetail(rule.prop, value, raw);
      case 'wallet':
        return this.addWallet(value, raw);
      case 'weakName':
        return this.addName('weakAlias', unquote(value));
      case 'note':
        return this.note(raw);
    }
  }

  /** Set a party property, normalising the value by its FtM type; what does not fit is kept as a note. */
  private setProp(prop: string, value: string, raw: string, schema?: 'Company'): void {
    if (schema && this.schema === 'Organization') this.party.setSchema(schema);
    // vessels and aircraft have no jurisdiction: their country of registration is their country
    if (prop === 'jurisdiction' && !this.allows(prop)) prop = 'country';
    if (!this.allows(prop) || !value) return this.note(raw);
    switch (propertyType(this.schema, prop)) {
      case 'date': {
        const date = parseOfacDate(value);
        if (!date) bump(this.meta, 'unparsed_dates');
        if (!date || date.approximate) this.note(raw);
        if (date) this.party.add(prop, ...date.values);
        return;
      }
      case 'country': {
        const code = this.countryOf(value);
        if (code) this.party.add(prop, code);
        else if (!/^none identified$/i.test(value)) this.note(raw);
        return;
      }
      case 'gender': {
        const g = value.toLowerCase();
        if (g === 'male' || g === 'female') this.party.add(prop, g);
        else this.note(raw);
        return;
      }
      case 'number':
        this.party.add(prop, value.replace(/,/g, ''));
        return;
    }
    this.party.add(prop, value);
    if (prop === 'birthPlace' && this.schema === 'Person') {
      // "Tehran, Iran": the last segment names the country of birth when it is one
      this.party.add('birthCountry', countryCode(value.split(',').pop()));
    }
  }

  private addIdentifier(prop: string, value: string, label: string, raw: string, countryText?: string, countryIso?: string): void {
    const parsed = parseIdValue(value, (s) => !!countryCode(s));
    const number = parsed.number;
    if (!number) return this.note(raw);
    if (parsed.extra) this.note(raw); // issue and expiry dates have no property on the party
    const country = countryIso?.toLowerCase() ?? this.countryOf(countryText ?? parsed.country);
    this.party.add('country', country);

    const imo = imoNumber(number);
    if (imo) return this.addFirstAllowed(raw, ['imoNumber', 'idNumber', 'registrationNumber'], imo);
    let target = prop;
    if (prop === 'leiCode' && !/^[A-Z0-9]{18}\d{2}$/.test(number)) target = 'registrationNumber'; // "LE Number" is not always an LEI
    this.addFirstAllowed(raw, [target, 'idNumber', 'registrationNumber'], number);
    if (country === 'ru') this.addRussianCodes(target, label, number);
  }

  // OFAC writes Russian company codes under generic labels: INN as "Tax ID No.", OGRN as
  // "Registration Number"/"Registration ID", OKPO as "Government Gazette Number". The digit counts
  // tell them apart from other numbers.
  private addRussianCodes(prop: string, label: string, number: string): void {
    if (prop === 'taxNumber' && /^(\d{10}|\d{12})$/.test(number) && this.allows('innCode')) this.party.add('innCode', number);
    if (prop === 'registrationNumber' && /^(\d{13}|\d{15})$/.test(number) && this.allows('ogrnCode')) this.party.add('ogrnCode', number);
    if (label === 'Government Gazette Number' && /^(\d{8}|\d{10})$/.test(number) && this.allows('okpoCode')) this.party.add('okpoCode', number);
  }

  private addFirstAllowed(raw: string, props: string[], value: string): void {
    const p = props.find((x) => this.allows(x));
    if (p) this.party.add(p, value);
    else this.note(raw);
  }

  private addSanctionDetail(prop: 'summary' | 'listingDate' | 'startDate' | 'programUrl', value: string, raw: string): void {
    if (prop === 'summary') return this.sanctionProp('summary', raw);
    if (prop === 'programUrl') return this.sanctionProp('programUrl', value);
    // "Listing Date (EO 14024 Directive 2): 24 Feb 2022": the qualifier says which measure the date is for
    const m = /^(\([^)]*\))?:?\s*(.*)$/.exec(value)!;
    const date = parseOfacDate(m[2]);
    if (date) this.sanctionProp(prop, ...date.values);
    if (!date) bump(this.meta, 'unparsed_dates');
    if (!date || m[1]) this.sanctionProp('summary', raw);
  }

  private addWallet(value: string, raw: string): void {
    const w = parseWallet(value);
    if (!w) {
      bump(this.meta, 'unparsed_remarks');
      return this.note(raw);
    }
    const wallet = new EntityBuilder(`${this.id}-wallet-${++this.wallets}`, 'CryptoWallet', this.dataset, false)
      .add('publicKey', w.address)
      .add('currency', w.currency)
      .add('holder', this.id);
    this.related.push(wallet.build());
    bump(this.meta, 'wallets');
    // identifier search looks at idNumber; vessels and aircraft have none, the wallet entity still holds it
    if (this.allows('idNumber')) this.party.add('idNumber', w.address);
  }

  // --- addresses -----------------------------------------------------------------------------------

  /**
   * One address of the party: an Address entity `<id>-addr-<key>` plus the full text in `address`.
   * An address that names only a country adds the country and nothing else.
   */
  addAddress(key: string, a: AddressParts): void {
    const code = a.countryIso?.toLowerCase() ?? this.countryOf(a.country);
    this.party.add('country', code);
    const lines = [a.street, a.street2, a.city, a.region, a.postalCode].map((x) => x?.trim()).filter(Boolean);
    if (lines.length === 0) {
      if (a.country) bump(this.meta, 'addresses_country_only');
      else bump(this.meta, 'addresses_empty');
      if (a.remarks) this.note(a.remarks);
      return;
    }
    const full = [...lines, a.country?.trim()].filter(Boolean).join(', ');
    const address = new EntityBuilder(`${this.id}-addr-${key}`, 'Address', this.dataset, false)
      .add('full', full)
      .add('street', a.street)
      .add('street2', a.street2)
      .add('city', a.city)
      .add('postalCode', a.postalCode)
      .add('region', a.region)
      .add('country', code)
      .add('remarks', a.remarks);
    this.related.push(address.build());
    bump(this.meta, 'address_entities');
    this.party.add('address', full);
    if (this.allows('addressEntity')) this.party.add('addressEntity', address.entity.id);
  }

  private allows(prop: string): boolean {
    return schemaProperties(this.schema).has(prop);
  }

  /** ISO code for a country text; unmapped texts are counted (and the caller keeps them in a note). */
  countryOf(text: string | undefined): string | undefined {
    if (!text || /^(none identified|undetermined)$/i.test(text.trim())) return undefined;
    const code = countryCode(text.replace(/^Region:\s*/i, '')); // "Region: Gaza", "Region: Crimea"
    if (!code) bump(this.meta, 'unmapped_countries');
    return code;
  }

  /** Party first, then its Sanction, Address and CryptoWallet entities. */
  finish(): Entity[] {
    this.party.add('notes', ...this.notes);
    bump(this.meta, `schema_${this.schema}`);
    return [this.party.build(), this.sanction.build(), ...this.related];
  }
}
