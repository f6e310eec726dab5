// OFAC sdnList XML: sdn.xml (SDN list) and consolidated.xml (Consolidated non-SDN list) share one
// schema and namespace, so nothing in the content says which list a file is. The file name decides:
// a name with "cons" in it (consolidated.xml, CONSOLIDATED.XML, cons*.xml) is the Consolidated list,
// any other sdnList file the SDN list. Both official download names follow that rule.
import { createReadStream } from 'node:fs';
import type { Entity } from '../../model/entity.js';
import { childText, path, text, xmlRecords, type XmlNode } from '../read/xml.js';
import { SourceError, bump, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';
import { parseOneDate } from './ofac-ids.js';
import { OfacParty, schemaForType } from './ofac-party.js';

/** An aka's type → the name property (weak akas go to weakAlias whatever their type). */
const AKA_PROPS: Record<string, 'alias' | 'previousName' | 'name'> = { 'a.k.a.': 'alias', 'f.k.a.': 'previousName', 'n.k.a.': 'name' };

/** sdnEntry children read into the party; any other child is kept as a note and counted. */
const KNOWN = new Set([
  'uid', 'firstName', 'lastName', 'title', 'sdnType', 'remarks', 'programList', 'idList', 'akaList', 'addressList',
  'nationalityList', 'citizenshipList', 'dateOfBirthList', 'placeOfBirthList', 'vesselInfo',
]);

/** Names as OFAC's list form: "LAST, First" for individuals, the whole name in lastName otherwise. */
function listForm(node: XmlNode): string {
  const first = childText(node, 'firstName');
  const last = childText(node, 'lastName');
  return first ? `${last}, ${first}` : last;
}

function readEntry(entry: XmlNode, meta: ListMeta, dataset: string, file: string): OfacParty {
  const uid = childText(entry, 'uid');
  const type = childText(entry, 'sdnType');
  const first = childText(entry, 'firstName');
  const last = childText(entry, 'lastName');
  if (!last) throw new SourceError(file, `sdnEntry ${uid} has no lastName`);
  const schema = schemaForType(type, last);
  const party = new OfacParty(meta, uid, schema ?? 'LegalEntity', dataset);
  bump(meta, `type_${type.toLowerCase() || 'none'}`);
  if (!schema) {
    bump(meta, 'unknown_types');
    party.note(`sdnType ${type}`);
  }
  if (schema === 'Person') party.setPersonName(first || undefined, last);
  else party.setListName(first ? `${first} ${last}` : last);

  const title = childText(entry, 'title');
  if (title) party.applyTyped('Title', title);
  for (const p of path(entry, 'programList', 'program')) party.addProgram(text(p));
  readIds(entry, party, meta);
  readAkas(entry, party, meta);
  readAddresses(entry, party, meta);
  for (const n of path(entry, 'nationalityList', 'nationality')) party.applyTyped('Nationality Country', childText(n, 'country'));
  for (const c of path(entry, 'citizenshipList', 'citizenship')) party.applyTyped('Citizenship Country', childText(c, 'country'));
  for (const d of path(entry, 'dateOfBirthList', 'dateOfBirthItem')) party.applyTyped('DOB', childText(d, 'dateOfBirth'));
  for (const p of path(entry, 'placeOfBirthList', 'placeOfBirthItem')) party.applyTyped('POB', childText(p, 'placeOfBirth'));
  readVessel(entry, party);
  const remarks = childText(entry, 'remarks');
  if (remarks) party.applyRemarks(remarks);
  for (const c of entry.children) {
    if (KNOWN.has(c.name)) continue;
    bump(meta, 'unknown_elements');
    party.note(`${c.name}: ${text(c)}`);
  }
  return party;
}

function readIds(entry: XmlNode, party: OfacParty, meta: ListMeta): void {
  for (const id of path(entry, 'idList', 'id')) {
    bump(meta, 'ids');
    const type = childText(id, 'idType');
    const number = childText(id, 'idNumber');
    party.applyTyped(type, number, childText(id, 'idCountry') || undefined);
    const issued = childText(id, 'issueDate');
    const expires = childText(id, 'expirationDate');
    if (issued || expires) party.note([`${type} ${number}`, issued && `issued ${issued}`, expires && `expires ${expires}`].filter(Boolean).join(' '));
  }
}

function readAkas(entry: XmlNode, party: OfacParty, meta: ListMeta): void {
  for (const aka of path(entry, 'akaList', 'aka')) {
    bump(meta, 'aka');
    const name = listForm(aka);
    if (!name) continue;
    const weak = childText(aka, 'category').toLowerCase() === 'weak';
    const prop = weak ? 'weakAlias' : AKA_PROPS[childText(aka, 'type').toLowerCase()];
    bump(meta, weak ? 'aka_weak' : 'aka_strong');
    if (prop) party.addName(prop, name);
    else party.note(`${childText(aka, 'type')} ${name}`);
  }
}

function readAddresses(entry: XmlNode, party: OfacParty, meta: ListMeta): void {
  for (const a of path(entry, 'addressList', 'address')) {
    bump(meta, 'addresses');
    party.addAddress(childText(a, 'uid'), {
      street: childText(a, 'address1'),
      street2: [childText(a, 'address2'), childText(a, 'address3')].filter(Boolean).join(', '),
      city: childText(a, 'city'),
      region: childText(a, 'stateOrProvince'),
      postalCode: childText(a, 'postalCode'),
      country: childText(a, 'country'),
    });
  }
}

const VESSEL_LABELS: Array<[string, string]> = [
  ['callSign', 'Vessel Call Sign'],
  ['vesselType', 'Vessel Type'],
  ['vesselFlag', 'Vessel Flag'],
  ['vesselOwner', 'Vessel Owner'],
  ['tonnage', 'Vessel Tonnage'],
  ['grossRegisteredTonnage', 'Vessel Gross Registered Tonnage'],
];

function readVessel(entry: XmlNode, party: OfacParty): void {
  for (const info of path(entry, 'vesselInfo')) {
    for (const [element, label] of VESSEL_LABELS) {
      const value = childText(info, element);
      if (value) party.applyTyped(label, value);
    }
  }
}

async function* readSdnList(input: SourceInput, meta: ListMeta, dataset: string): AsyncGenerator<Entity> {
  const file = input.files[0];
  let root: string | undefined;
  let recordCount: number | undefined;
  meta.published = null;
  const seen = new Set<string>();
  // a utf8-decoding stream: multi-byte characters never split across chunks
  const records = xmlRecords(createReadStream(file, { encoding: 'utf8' }), file, {
    records: new Set(['sdnEntry']),
    onOuterElement: (name) => (root ??= name),
    onOuterText: (p, value) => {
      const leaf = p[p.length - 1];
      if (leaf === 'Publish_Date') meta.published = parseOneDate(value) ?? null;
      if (leaf === 'Record_Count') recordCount = Number(value);
    },
  });
  for await (const entry of records) {
    if (root !== 'sdnList') break;
    const uid = childText(entry, 'uid');
    if (!/^\d+$/.test(uid)) throw new SourceError(file, `sdnEntry without a numeric uid (got "${uid.slice(0, 20)}")`, `entry ${seen.size + 1}`);
    if (seen.has(uid)) throw new SourceError(file, `duplicate sdnEntry uid ${uid}`);
    seen.add(uid);
    bump(meta, 'records');
    yield* readEntry(entry, meta, dataset, file).finish();
  }
  if (root !== 'sdnList') throw new SourceError(file, `root element is <${root}>, not OFAC's <sdnList>`);
  if (seen.size === 0) throw new SourceError(file, 'no sdnEntry in the file');
  if (recordCount === undefined) bump(meta, 'missing_record_count');
  else if (recordCount !== seen.size) {
    throw new SourceError(file, `publshInformation/Record_Count says ${recordCount} entries but the file has ${seen.size} (truncated or edited file)`);
  }
}

const isSdnList = (head: string) => /<sdnList[\s>]/.test(head);

function sdnListFormat(format: string, dataset: string, isMine: (name: string) => boolean): SourceFormat {
  return {
    format,
    dataset,
    sniff: (name, head) => name.endsWith('.xml') && isMine(name) && isSdnList(head),
    read: (input, meta) => readSdnList(input, meta, dataset),
  };
}

export const ofacSdnXml = sdnListFormat('ofac-sdn-xml', 'us_ofac_sdn', (name) => !name.includes('cons'));
export const ofacConsXml = sdnListFormat('ofac-cons-xml', 'us_ofac_cons', (name) => name.includes('cons'));
