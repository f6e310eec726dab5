// FCDO "UK Sanctions List" (UKSL): since 28 Jan 2026 the only official UK list (the OFSI ConList was retired).
// No real file could be obtained (SOURCES.md, "Not found"), so element and column names come from the
// publisher's format as others read it:
//  - XML https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml: root <Designations>, a <DateGenerated>
//    dd/mm/yyyy element first, then <Designation> records with UniqueID, OFSIGroupID, UNReferenceNumber,
//    LastUpdated, DateDesignated, Names/Name (Name1..Name6, NameType, AliasStrength), NonLatinNames/NonLatinName
//    (NameNonLatinScript, NonLatinScriptType, NonLatinScriptLanguage), RegimeName, IndividualEntityShip,
//    DesignationSource, SanctionsImposed ("a|b"), SanctionsImposedIndicators, OtherInformation, UKStatementofReasons,
//    Addresses/Address (AddressLine1..6, AddressPostalCode, AddressCountry), PhoneNumbers, EmailAddresses, Websites,
//    IndividualDetails/Individual (DOBs/DOB, Nationalities, PassportDetails (PassportNumber,
//    PassportAdditionalInformation), NationalIdentifierDetails (NationalIdentifierNumber,
//    NationalIdentifierAdditionalInformation), Positions, Genders, BirthDetails/Location (TownOfBirth, CountryOfBirth)),
//    EntityDetails/Entity (TypeOfEntities, BusinessRegistrationNumbers, ParentCompanies, Subsidiaries),
//    ShipDetails/Ship (IMONumbers, CurrentOwnerOperators, CurrentBelievedFlagOfShips, PreviousFlags, TypeOfShip,
//    TonnageOfShip, LengthOfShip, YearBuilt, HullIdentificationNumbers).
//    Sources: OpenSanctions datasets/gb/fcdo_sanctions/crawler.py (element paths); trimmed real fragments and notes
//    on the XSD in third-party readers (DateGenerated, OFSIGroupID, AliasStrength "Good/Low quality a.k.a",
//    "dd/mm/1962" placeholders). Container names differ between those readers (PassportDetails/Passport vs
//    PassportDetail, TypeOfShipDetails vs TypeOfShips), so fields are read by their leaf element names at any depth,
//    and any leaf this loader does not know is kept in notes and counted (`unmapped_fields`), never dropped.
//  - CSV https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv: a "Report Date: 13-Feb-2026" line, then a
//    58-column header (Last Updated, Unique ID, OFSI Group ID, UN Reference Number, Name 6, Name 1..5, Name type,
//    Alias strength, Title, Name non-latin script, ..., Hull identification number (HIN)); every combination of
//    repeated values is its own row, so rows are grouped by Unique ID. Header from moov-io/watchman
//    pkg/sources/csl_uk/reader_uk_test.go, which copies the official one.
import type { Entity } from '../../model/entity.js';
import { childText, path, text, xmlRecords, type XmlNode } from '../read/xml.js';
import { bump, SourceError, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';
import { buildUkParty, csvAfterPreamble, newParty, parseUkDate, splitNumbered, type UkParty, type UkSource } from './uk-ofsi.js';

const DATASET = 'gb_fcdo_sanctions';
const XML_URL = 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml';
const FCDO: UkSource = {
  dataset: DATASET,
  idPrefix: 'gb-fcdo',
  authority: 'Foreign, Commonwealth & Development Office',
  sourceUrl: XML_URL,
};
const FCDO_CSV: UkSource = { ...FCDO, sourceUrl: XML_URL.replace(/xml$/, 'csv') };

/** Where each known leaf element (or CSV column) goes in the UK party. */
type Put = (p: UkParty, value: string) => void;
const SIMPLE_FIELDS: Record<string, Put> = {
  OFSIGroupID: (p, v) => p.groupIds.push(v),
  UNReferenceNumber: (p, v) => p.unRefs.push(v),
  LastUpdated: (p, v) => p.lastUpdated.push(v),
  DateDesignated: (p, v) => p.designatedOn.push(v),
  RegimeName: (p, v) => p.regimes.push(v),
  DesignationSource: (p, v) => p.notes.push(`Designation source: ${v}`),
  SanctionsImposed: (p, v) => p.provisions.push(...v.split('|').map((s) => s.trim()).filter(Boolean)),
  OtherInformation: (p, v) => p.notes.push(v),
  UKStatementofReasons: (p, v) => p.reasons.push(v),
  NameNonLatinScript: (p, v) => p.nonLatinNames.push(v),
  Title: (p, v) => p.titles.push(v),
  DOB: (p, v) => p.birthDates.push(v),
  Nationality: (p, v) => p.nationalities.push(v),
  Position: (p, v) => p.positions.push(v),
  Gender: (p, v) => p.genders.push(v),
  PhoneNumber: (p, v) => p.phones.push(v),
  EmailAddress: (p, v) => p.emails.push(...v.split(/[;,\s]+/).filter((e) => e.includes('@'))),
  Website: (p, v) => p.websites.push(v),
  TypeOfEntity: (p, v) => p.legalForms.push(v),
  BusinessRegistrationNumber: (p, v) => p.registrationNumbers.push(...splitNumbered(v)),
  ParentCompany: (p, v) => p.notes.push(`Parent company: ${v}`),
  Subsidiary: (p, v) => p.notes.push(`Subsidiary: ${v}`),
  IMONumber: (p, v) => p.imoNumbers.push(v),
  CurrentOwnerOperator: (p, v) => p.notes.push(`Current owner/operator: ${v}`),
  PreviousOwnerOperator: (p, v) => p.notes.push(`Previous owner/operator: ${v}`),
  CurrentBelievedFlagOfShip: (p, v) => p.flags.push(v),
  PreviousFlag: (p, v) => p.pastFlags.push(v),
  TypeOfShip: (p, v) => p.vesselTypes.push(v),
  TonnageOfShip: (p, v) => p.tonnages.push(v),
  LengthOfShip: (p, v) => p.notes.push(`Length of ship: ${v}`),
  YearBuilt: (p, v) => p.buildYears.push(v),
  HullIdentificationNumber: (p, v) => p.registrationNumbers.push(v),
};
/** Leaves read together with their siblings (names, addresses, documents, places of birth). */
const GROUPED_LEAVES = new Set([
  'UniqueID', 'IndividualEntityShip', 'Name1', 'Name2', 'Name3', 'Name4', 'Name5', 'Name6', 'NameType', 'AliasStrength',
  'NonLatinScriptType', 'NonLatinScriptLanguage', 'AddressLine1', 'AddressLine2', 'AddressLine3', 'AddressLine4',
  'AddressLine5', 'AddressLine6', 'AddressPostalCode', 'AddressCountry', 'PassportNumber', 'PassportAdditionalInformation',
  'NationalIdentifierNumber', 'NationalIdentifierAdditionalInformation', 'TownOfBirth', 'CountryOfBirth',
]);

/** "AssetFreeze" → "Asset freeze": the measures of SanctionsImposedIndicators flags. */
function measureName(tag: string): string {
  const words = tag.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Elements with a direct child of one of these names, at any depth (the element holding a group of fields). */
function holders(node: XmlNode, leaves: string[], out: XmlNode[] = []): XmlNode[] {
  if (node.children.some((c) => leaves.includes(c.name))) out.push(node);
  for (const c of node.children) if (c.children.length) holders(c, leaves, out);
  return out;
}

/** Every leaf element with its parent's name, depth first. */
function* leaves(node: XmlNode, parent = ''): Generator<{ leaf: XmlNode; parent: string }> {
  for (const c of node.children) {
    if (c.children.length) yield* leaves(c, c.name);
    else yield { leaf: c, parent: parent || node.name };
  }
}

function designationToParty(node: XmlNode, meta: ListMeta): UkParty {
  const uid = childText(node, 'UniqueID');
  const p = newParty(uid, childText(node, 'IndividualEntityShip'));
  p.listRefs.push(uid);
  for (const n of path(node, 'Names', 'Name')) {
    p.names.push({
      parts: ['Name1', 'Name2', 'Name3', 'Name4', 'Name5', 'Name6'].map((t) => childText(n, t)),
      type: childText(n, 'NameType'),
      strength: childText(n, 'AliasStrength'),
    });
  }
  for (const a of holders(node, ['AddressLine1', 'AddressLine2', 'AddressLine3', 'AddressLine4', 'AddressLine5', 'AddressLine6', 'AddressPostalCode', 'AddressCountry'])) {
    p.addresses.push({
      lines: [1, 2, 3, 4, 5, 6].map((i) => childText(a, `AddressLine${i}`)),
      postalCode: childText(a, 'AddressPostalCode'),
      country: childText(a, 'AddressCountry'),
    });
  }
  for (const d of holders(node, ['PassportNumber', 'PassportAdditionalInformation']))
    p.passports.push({ number: childText(d, 'PassportNumber'), info: childText(d, 'PassportAdditionalInformation') });
  for (const d of holders(node, ['NationalIdentifierNumber', 'NationalIdentifierAdditionalInformation']))
    p.nationalIds.push({ number: childText(d, 'NationalIdentifierNumber'), info: childText(d, 'NationalIdentifierAdditionalInformation') });
  for (const b of holders(node, ['TownOfBirth', 'CountryOfBirth'])) p.births.push({ town: childText(b, 'TownOfBirth'), country: childText(b, 'CountryOfBirth') });

  const indicators: string[] = [];
  for (const { leaf, parent } of leaves(node)) {
    const value = text(leaf);
    if (!value || GROUPED_LEAVES.has(leaf.name)) continue;
    if (parent === 'SanctionsImposedIndicators') {
      if (/^true$/i.test(value)) indicators.push(measureName(leaf.name));
    } else if (SIMPLE_FIELDS[leaf.name]) SIMPLE_FIELDS[leaf.name](p, value);
    else if (/crypto/i.test(leaf.name) || /crypto/i.test(parent)) p.cryptoWallets.push(value);
    else {
      p.notes.push(`${leaf.name}: ${value}`);
      bump(meta, 'unmapped_fields');
    }
  }
  if (!p.provisions.length) p.provisions.push(...indicators);
  return p;
}

async function* readXml(input: SourceInput, meta: ListMeta): AsyncGenerator<Entity> {
  const file = input.files[0];
  let root: string | undefined;
  const seen = new Set<string>();
  const records = xmlRecords(file, file, {
    records: new Set(['Designation']),
    onOuterElement: (name, attrs) => {
      if (root) return;
      root = name;
      const date = attrs.DateGenerated ?? attrs.dateGenerated;
      if (date) meta.published = parseUkDate(date) ?? null;
    },
    onOuterText: (p, value) => {
      if (p[p.length - 1] === 'DateGenerated') meta.published = parseUkDate(value) ?? meta.published;
    },
  });
  for await (const node of records) {
    if (root !== 'Designations') throw new SourceError(file, `not a UK Sanctions List (root element is ${root ?? 'missing'}, not Designations)`);
    const uid = childText(node, 'UniqueID');
    const where = `Designation ${seen.size + 1}`;
    if (!uid) throw new SourceError(file, `Designation without a UniqueID${childText(node, 'OFSIGroupID') ? ` (OFSI Group ID ${childText(node, 'OFSIGroupID')})` : ''}`, where);
    if (seen.has(uid)) throw new SourceError(file, `UniqueID ${uid} appears twice`, where);
    seen.add(uid);
    yield* build(designationToParty(node, meta), file, meta, FCDO);
  }
  if (root !== 'Designations') throw new SourceError(file, `not a UK Sanctions List (root element is ${root ?? 'missing'}, not Designations)`);
  meta.counts.designations = seen.size;
}

function build(party: UkParty, file: string, meta: ListMeta, src: UkSource): Entity[] {
  try {
    bump(meta, 'names', party.names.length);
    return buildUkParty(party, src, meta);
  } catch (err) {
    if (err instanceof SourceError) throw new SourceError(file, err.detail, `UniqueID ${party.ref}`);
    throw new SourceError(file, (err as Error).message, `UniqueID ${party.ref}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// CSV export: one row per combination of repeated values; group by Unique ID.
// ---------------------------------------------------------------------------------------------------

/** Column name → the XML leaf it carries (columns normalised to lower-case letters and digits). */
const CSV_COLUMNS: Record<string, string> = {
  lastupdated: 'LastUpdated', uniqueid: 'UniqueID', ofsigroupid: 'OFSIGroupID', unreferencenumber: 'UNReferenceNumber',
  name1: 'Name1', name2: 'Name2', name3: 'Name3', name4: 'Name4', name5: 'Name5', name6: 'Name6', nametype: 'NameType',
  aliasstrength: 'AliasStrength', title: 'Title', namenonlatinscript: 'NameNonLatinScript',
  nonlatinscripttype: 'NonLatinScriptType', nonlatinscriptlanguage: 'NonLatinScriptLanguage', regimename: 'RegimeName',
  designationtype: 'IndividualEntityShip', designationsource: 'DesignationSource', sanctionsimposed: 'SanctionsImposed',
  otherinformation: 'OtherInformation', ukstatementofreasons: 'UKStatementofReasons', addressline1: 'AddressLine1',
  addressline2: 'AddressLine2', addressline3: 'AddressLine3', addressline4: 'AddressLine4', addressline5: 'AddressLine5',
  addressline6: 'AddressLine6', addresspostalcode: 'AddressPostalCode', addresscountry: 'AddressCountry',
  phonenumber: 'PhoneNumber', website: 'Website', emailaddress: 'EmailAddress', datedesignated: 'DateDesignated',
  dob: 'DOB', nationalityies: 'Nationality', nationalidentifiernumber: 'NationalIdentifierNumber',
  nationalidentifieradditionalinformation: 'NationalIdentifierAdditionalInformation', passportnumber: 'PassportNumber',
  passportadditionalinformation: 'PassportAdditionalInformation', position: 'Position', gender: 'Gender',
  townofbirth: 'TownOfBirth', countryofbirth: 'CountryOfBirth', typeofentity: 'TypeOfEntity', subsidiaries: 'Subsidiary',
  parentcompany: 'ParentCompany', businessregistrationnumbers: 'BusinessRegistrationNumber', imonumber: 'IMONumber',
  currentowneroperators: 'CurrentOwnerOperator', previousowneroperators: 'PreviousOwnerOperator',
  currentbelievedflagofship: 'CurrentBelievedFlagOfShip', previousflags: 'PreviousFlag', typeofship: 'TypeOfShip',
  tonnageofship: 'TonnageOfShip', lengthofship: 'LengthOfShip', yearbuilt: 'YearBuilt',
  hullidentificationnumberhin: 'HullIdentificationNumber',
};
const normalise = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A group of CSV rows → a Designation-shaped tree, so the XML mapping reads it too. */
function rowsToDesignation(rows: string[][], header: string[]): XmlNode {
  const leaf = (name: string, value: string): XmlNode => ({ name, attrs: {}, children: [], textRaw: value });
  const node = (name: string, kids: XmlNode[]): XmlNode => ({ name, attrs: {}, children: kids, textRaw: '' });
  const tags = header.map((h) => CSV_COLUMNS[normalise(h)] ?? h.trim());
  const groups: Array<[string, string[]]> = [
    ['Name', ['Name1', 'Name2', 'Name3', 'Name4', 'Name5', 'Name6', 'NameType', 'AliasStrength']],
    ['NonLatinName', ['NameNonLatinScript', 'NonLatinScriptType', 'NonLatinScriptLanguage']],
    ['Address', ['AddressLine1', 'AddressLine2', 'AddressLine3', 'AddressLine4', 'AddressLine5', 'AddressLine6', 'AddressPostalCode', 'AddressCountry']],
    ['Passport', ['PassportNumber', 'PassportAdditionalInformation']],
    ['NationalIdentifier', ['NationalIdentifierNumber', 'NationalIdentifierAdditionalInformation']],
    ['Location', ['TownOfBirth', 'CountryOfBirth']],
  ];
  const grouped = new Set(groups.flatMap(([, g]) => g));
  const seen = new Set<string>();
  const out: XmlNode[] = [];
  for (const cells of rows) {
    for (const [container, fields] of groups) {
      const values = fields.map((f) => (cells[tags.indexOf(f)] ?? '').trim());
      const key = `${container}\u0000${values.join('\u0000')}`;
      if (values.every((v) => !v) || seen.has(key)) continue;
      seen.add(key);
      const kids = fields.map((f, i) => leaf(f, values[i])).filter((k) => k.textRaw);
      out.push(container === 'Name' ? node('Names', [node('Name', kids)]) : node(container, kids));
    }
    tags.forEach((tag, i) => {
      const value = (cells[i] ?? '').trim();
      const key = `${tag}\u0000${value}`;
      if (!value || grouped.has(tag) || seen.has(key)) return;
      seen.add(key);
      out.push(leaf(tag, value));
    });
  }
  return node('Designation', out);
}

async function* readCsv(input: SourceInput, meta: ListMeta): AsyncGenerator<Entity> {
  const file = input.files[0];
  let header: string[] | undefined;
  let idAt = -1;
  let kindAt = -1;
  const groups = new Map<string, string[][]>();
  let seen = 0;
  for await (const { line, cells } of csvAfterPreamble(file, (l) => /Unique ID/i.test(l) && /Name 6/i.test(l))) {
    seen++;
    if (!header) {
      const report = (cells[0] ?? '').match(/^\s*Report Date:\s*(.+)$/i);
      if (report) meta.published = parseUkDate(report[1]) ?? null;
      const names = cells.map(normalise);
      if (names.includes('uniqueid') && names.includes('name6')) {
        header = cells;
        idAt = names.indexOf('uniqueid');
        kindAt = names.indexOf('designationtype');
      } else if (seen >= 30) break;
      continue;
    }
    if (cells.every((c) => !c.trim())) continue;
    bump(meta, 'rows');
    const uid = (cells[idAt] ?? '').trim();
    if (!uid) throw new SourceError(file, 'row without a Unique ID', `line ${line}`);
    const group = groups.get(uid);
    if (!group) groups.set(uid, [cells]);
    else {
      const [first, kind] = [group[0][kindAt], cells[kindAt]].map((k) => (k ?? '').trim());
      if (first !== kind) throw new SourceError(file, `Unique ID ${uid} is listed both as "${first}" and as "${kind}"`, `line ${line}`);
      group.push(cells);
    }
  }
  if (!header) throw new SourceError(file, 'no UK Sanctions List header row (with "Unique ID" and "Name 6") in the first 30 rows');
  if (!groups.size) throw new SourceError(file, 'UK Sanctions List CSV has a header but no rows');
  for (const rows of groups.values()) {
    const designation = rowsToDesignation(rows, header);
    yield* build(designationToParty(designation, meta), file, meta, FCDO_CSV);
  }
  meta.counts.designations = groups.size;
}

export const fcdoXml: SourceFormat = {
  format: 'fcdo-xml',
  dataset: DATASET,
  sniff: (_name, head) => /<Designations[\s>/]/.test(head),
  read: readXml,
};

export const fcdoCsv: SourceFormat = {
  format: 'fcdo-csv',
  dataset: DATASET,
  sniff: (_name, head) => /Unique ID/.test(head) && /OFSI Group ID/.test(head) && /Name type/i.test(head),
  read: (input, meta) => readCsv(input, meta),
};

