// OFAC Enhanced XML (root `sanctionsData`), as published inside CONS_ENHANCED.ZIP / SDN_ENHANCED.ZIP,
// or unzipped. The zip is read with yauzl and its XML member streamed into xmlRecords, never unpacked.
// Reference values (countries with ISO codes, ...) come before the entities and are read first.
// Entity ids are the same uids as in the legacy CSV and XML formats: ids are `ofac-<entity id>`.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entity } from '../../model/entity.js';
import { child, childText, path, text, xmlRecords, type XmlNode } from '../read/xml.js';
import { SourceError, bump, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';
import { parseOneDate } from './ofac-ids.js';
import { OfacParty, schemaForType, type AddressParts } from './ofac-party.js';

interface RefValue {
  type: string;
  value: string;
  isoCode?: string;
}

const ALIAS_PROPS: Record<string, 'alias' | 'previousName' | 'name'> = { 'A.K.A.': 'alias', 'F.K.A.': 'previousName', 'N.K.A.': 'name' };

/** The issuing authority sometimes names the Russian register: the number then is that code. */
const AUTHORITY_CODES: Record<string, string> = { OGRN: 'ogrnCode', INN: 'innCode', OKPO: 'okpoCode', KPP: 'kppCode' };

/** Address part types → AddressParts fields. */
const ADDRESS_PARTS: Record<string, keyof AddressParts> = {
  ADDRESS1: 'street', ADDRESS2: 'street2', ADDRESS3: 'street2', CITY: 'city', 'STATE/PROVINCE': 'region', REGION: 'region', 'POSTAL CODE': 'postalCode',
};

class EnhancedReader {
  readonly refs = new Map<string, RefValue>();
  readonly seen = new Set<string>();

  constructor(
    private readonly meta: ListMeta,
    private readonly dataset: string,
    private readonly label: string,
  ) {}

  publication(node: XmlNode): void {
    this.meta.published = parseOneDate(childText(node, 'dataAsOf')) ?? null;
    const lists = path(node, 'filters', 'sanctionsLists', 'sanctionsList').map(text);
    // The filter names the list the file was cut from; it must agree with the format chosen by name
    const cons = lists.some((l) => /consolidated/i.test(l));
    const sdn = lists.some((l) => /\bSDN\b/.test(l));
    if (this.dataset === 'us_ofac_cons' && lists.length && !cons) throw new SourceError(this.label, `an Enhanced file of ${lists.join(', ')}, not the Consolidated list`);
    if (this.dataset === 'us_ofac_sdn' && cons && !sdn) throw new SourceError(this.label, 'an Enhanced file of the Consolidated list, not the SDN list');
  }

  reference(node: XmlNode): void {
    bump(this.meta, 'reference_values');
    this.refs.set(node.attrs.refId, { type: childText(node, 'type'), value: childText(node, 'value'), isoCode: childText(node, 'isoCode') || undefined });
  }

  /** ISO code of a COUNTRY reference value. */
  iso(node: XmlNode | undefined): string | undefined {
    const ref = node && this.refs.get(node.attrs.refId);
    return ref?.type === 'COUNTRY' ? ref.isoCode : undefined;
  }

  entity(node: XmlNode): Entity[] {
    const uid = node.attrs.id ?? '';
    if (!/^\d+$/.test(uid)) throw new SourceError(this.label, `entity without a numeric id (got "${uid.slice(0, 20)}")`, `entity ${this.seen.size + 1}`);
    if (this.seen.has(uid)) throw new SourceError(this.label, `duplicate entity id ${uid}`);
    if (this.refs.size === 0) throw new SourceError(this.label, `entity ${uid} comes before the referenceValues it needs`);
    this.seen.add(uid);
    bump(this.meta, 'records');

    const info = child(node, 'generalInfo');
    const type = info ? childText(info, 'entityType') : '';
    bump(this.meta, `type_${type.toLowerCase() || 'none'}`);
    const names = path(node, 'names', 'name');
    const primary = names.find((n) => childText(n, 'isPrimary') === 'true') ?? names[0];
    const primaryName = primary ? childText(primaryTranslation(primary), 'formattedFullName') : '';
    if (!primaryName) throw new SourceError(this.label, `entity ${uid} has no primary name`);
    const schema = schemaForType(type, primaryName);
    const party = new OfacParty(this.meta, uid, schema ?? 'LegalEntity', this.dataset);
    if (!schema) {
      bump(this.meta, 'unknown_types');
      party.note(`entityType ${type}`);
    }
    for (const name of names) this.name(party, name, name === primary);
    for (const p of path(node, 'sanctionsPrograms', 'sanctionsProgram')) party.addProgram(text(p));
    this.sanctionDetails(party, node);
    for (const f of path(node, 'features', 'feature')) this.feature(party, f);
    for (const d of path(node, 'identityDocuments', 'identityDocument')) this.document(party, d);
    for (const a of path(node, 'addresses', 'address')) this.address(party, a);
    for (const r of path(node, 'relationships', 'relationship')) {
      // no FtM link entity is made: the related party may be on the other OFAC list
      bump(this.meta, 'relationships');
      const related = child(r, 'relatedEntity');
      party.note(`${childText(r, 'type')}: ${text(related)} (ofac-${related?.attrs.entityId})`);
    }
    const remarks = info ? childText(info, 'remarks') : '';
    if (remarks) party.applyRemarks(remarks);
    return party.finish();
  }

  /** One name with its script translations; low-quality names are weak aliases whatever their type. */
  private name(party: OfacParty, name: XmlNode, isPrimary: boolean): void {
    const weak = childText(name, 'isLowQuality') === 'true';
    const aliasType = childText(name, 'aliasType');
    bump(this.meta, isPrimary ? 'names_primary' : weak ? 'aliases_weak' : 'aliases');
    for (const t of path(name, 'translations', 'translation')) {
      const full = childText(t, 'formattedFullName');
      if (!full) continue;
      const primaryScript = childText(t, 'isPrimary') === 'true';
      if (!primaryScript) bump(this.meta, 'name_translations');
      if (isPrimary && primaryScript && party.schema === 'Person') {
        const middle = path(t, 'nameParts', 'namePart').find((p) => childText(p, 'type') === 'Middle Name');
        party.setPersonName(childText(t, 'formattedFirstName') || undefined, childText(t, 'formattedLastName') || undefined);
        if (middle) party.addIfAllowed('middleName', childText(middle, 'value'));
      } else if (isPrimary && primaryScript) party.addName('name', full);
      else if (isPrimary) party.addName('alias', full); // the primary name in another script
      else if (weak) party.addName('weakAlias', full);
      else if (ALIAS_PROPS[aliasType]) party.addName(ALIAS_PROPS[aliasType], full);
      else {
        bump(this.meta, 'unknown_alias_types');
        party.note(`${aliasType} ${full}`);
      }
    }
  }

  private sanctionDetails(party: OfacParty, node: XmlNode): void {
    const lists = path(node, 'sanctionsLists', 'sanctionsList');
    // The earliest publication on any OFAC list is the listing date
    const dates = lists.map((l) => l.attrs.datePublished).filter(Boolean).sort();
    if (dates[0]) {
      party.sanctionProp('listingDate', dates[0]);
      party.addIfAllowed('createdAt', dates[0]);
    }
    for (const l of lists) party.sanctionProp('summary', `${text(l)} (published ${l.attrs.datePublished})`);
    for (const t of path(node, 'sanctionsTypes', 'sanctionsType')) party.sanctionProp('provisions', text(t));
    for (const a of path(node, 'legalAuthorities', 'legalAuthority')) party.sanctionProp('reason', text(a));
  }

  private feature(party: OfacParty, f: XmlNode): void {
    bump(this.meta, 'features');
    const type = childText(f, 'type');
    let value = childText(f, 'value');
    const date = child(f, 'valueDate');
    if (date && !value) value = childText(date, 'fromDateBegin');
    party.applyTyped(type, value);
    const comments = childText(f, 'comments');
    if (comments) party.note(`${type} ${value}: ${comments}`);
  }

  private document(party: OfacParty, d: XmlNode): void {
    bump(this.meta, 'documents');
    const type = childText(d, 'type');
    const number = childText(d, 'documentNumber');
    const issuing = child(d, 'issuingCountry');
    party.applyTyped(type, number, text(issuing) || undefined, this.iso(issuing));
    const authority = childText(d, 'issuingAuthority');
    const code = AUTHORITY_CODES[authority.toUpperCase()];
    if (code) party.addIfAllowed(code, number);
    else if (authority) party.note(`${type} ${number} issued by ${authority}`);
    if (childText(d, 'isValid') === 'false') party.note(`${type} ${number} (not valid)`);
  }

  /** Each script version of an address is its own Address entity (`<address id>` for the primary one). */
  private address(party: OfacParty, a: XmlNode): void {
    bump(this.meta, 'addresses');
    const countryNode = child(a, 'country');
    for (const t of path(a, 'translations', 'translation')) {
      const parts: AddressParts = { country: text(countryNode) || undefined, countryIso: this.iso(countryNode) };
      for (const p of path(t, 'addressParts', 'addressPart')) {
        const field = ADDRESS_PARTS[childText(p, 'type')];
        const value = childText(p, 'value');
        if (field) parts[field] = [parts[field], value].filter(Boolean).join(', ');
        else party.note(`${childText(p, 'type')}: ${value}`);
      }
      const primary = childText(t, 'isPrimary') === 'true';
      party.addAddress(primary ? a.attrs.id : `${a.attrs.id}-${t.attrs.id}`, parts);
    }
  }
}

function primaryTranslation(name: XmlNode): XmlNode {
  const ts = path(name, 'translations', 'translation');
  return ts.find((t) => childText(t, 'isPrimary') === 'true') ?? ts[0] ?? name;
}

// --- the file: a zip with one XML member, or the XML itself -------------------------------------------

async function firstBytes(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The XML member of an Enhanced zip as a utf8 text stream. */
async function zipXmlMember(file: string): Promise<{ stream: Readable; member: string; close: () => void }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch (err) {
    throw new SourceError(file, `not a readable zip archive: ${(err as Error).message}`);
  }
  const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => (/\.xml$/i.test(e.fileName) ? resolve(e) : zip.readEntry()));
    zip.on('end', () => resolve(undefined));
    zip.on('error', reject);
    zip.readEntry();
  }).catch((err: Error) => {
    zip.close();
    throw new SourceError(file, `broken zip archive: ${err.message}`);
  });
  if (!entry) {
    zip.close();
    throw new SourceError(file, 'the zip holds no XML member (expected CONS_ENHANCED.XML or SDN_ENHANCED.XML)');
  }
  const stream = await zip.openReadStreamPromise(entry);
  stream.setEncoding('utf8');
  return { stream, member: entry.fileName, close: () => zip.close() };
}

async function* readEnhanced(input: SourceInput, meta: ListMeta, dataset: string): AsyncGenerator<Entity> {
  const file = input.files[0];
  const head = await firstBytes(file, 4);
  if (head.length === 0) throw new SourceError(file, 'empty file');
  const isZip = head.length === 4 && head.readUInt32LE(0) === 0x04034b50;
  if (!isZip && /\.zip$/i.test(file)) throw new SourceError(file, 'not a zip archive (no zip signature at the start)');
  const opened = isZip ? await zipXmlMember(file) : { stream: createReadStream(file, { encoding: 'utf8' }), member: basename(file), close: () => undefined };
  const label = isZip ? `${file}:${opened.member}` : file;
  const reader = new EnhancedReader(meta, dataset, label);
  meta.published = null;
  let root: string | undefined;
  try {
    const records = xmlRecords(opened.stream, label, {
      records: new Set(['publicationInfo', 'referenceValue', 'entity']),
      onOuterElement: (name) => (root ??= name),
    });
    for await (const node of records) {
      if (root !== 'sanctionsData') break;
      if (node.name === 'publicationInfo') reader.publication(node);
      else if (node.name === 'referenceValue') reader.reference(node);
      else yield* reader.entity(node);
    }
  } catch (err) {
    // yauzl reports a cut or corrupt member as an inflate/CRC error on the stream
    if (err instanceof SourceError) throw err;
    throw new SourceError(label, `cannot read: ${(err as Error).message}`);
  } finally {
    opened.close();
  }
  if (root !== 'sanctionsData') throw new SourceError(label, `root element is <${root}>, not OFAC Enhanced XML <sanctionsData>`);
  if (reader.seen.size === 0) throw new SourceError(label, 'no entity in the file');
}

/** The list an Enhanced file belongs to: zip member or file name (CONS_/SDN_ENHANCED), else the XML's list filter. */
function enhancedList(name: string, head: string): 'cons' | 'sdn' | undefined {
  if (head.startsWith('PK\x03\x04')) {
    const member = head.slice(30, 30 + head.charCodeAt(26) + 256 * head.charCodeAt(27)).toLowerCase();
    const n = /enhanced/.test(member) ? member : name;
    if (!/enhanced/.test(n)) return undefined;
    return n.includes('cons') ? 'cons' : 'sdn';
  }
  if (!/<sanctionsData[\s>]/.test(head) || !head.includes('ENHANCED_XML')) return undefined;
  const filter = /<sanctionsList[^>]*>([^<]*)<\/sanctionsList>/.exec(head)?.[1] ?? '';
  if (/consolidated/i.test(filter)) return 'cons';
  if (filter) return 'sdn';
  return name.includes('cons') ? 'cons' : 'sdn';
}

function enhancedFormat(format: string, dataset: string, list: 'cons' | 'sdn'): SourceFormat {
  return {
    format,
    dataset,
    sniff: (name, head) => enhancedList(name, head) === list,
    read: (input, meta) => readEnhanced(input, meta, dataset),
  };
}

export const ofacSdnEnhanced = enhancedFormat('ofac-sdn-enhanced', 'us_ofac_sdn', 'sdn');
export const ofacConsEnhanced = enhancedFormat('ofac-cons-enhanced', 'us_ofac_cons', 'cons');
