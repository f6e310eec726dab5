// Canada: Consolidated Special Economic Measures Act (SEMA) list XML (Global Affairs Canada, sema-lmes.xml).
// Root <data-set>; each <record> has Country (the regime, bilingual "Burma / Birmanie"), Schedule, Item,
// and either Entity (+ Aliases) or LastName/GivenName (+ DateOfBirth, Title). The file carries no date.
import { EntityBuilder, type Entity } from '../../model/entity.js';
import { countryCode } from '../../model/countries.js';
import { parseDate } from '../read/dates.js';
import { childText, xmlRecords, type XmlNode } from '../read/xml.js';
import { bump, SourceError, type ListMeta, type SourceFormat, type SourceInput } from '../types.js';

const DATASET = 'ca_dfatd_sema_sanctions';
const SOURCE_URL = 'https://www.international.gc.ca/world-monde/international_relations-relations_internationales/sanctions/consolidated-consolide.aspx';

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '');

/** The English half of a bilingual value ("Burma / Birmanie" → "Burma"). */
const english = (s: string) => s.split(/\s\/\s?/)[0].trim();

/**
 * Items are numbered per regime and schedule, so the stable id is regime + schedule + item:
 * `ca-sema-burma-1-7`. (The file has no record id of its own.)
 */
function recordId(node: XmlNode): string {
  const regime = slug(english(childText(node, 'Country'))).slice(0, 40);
  const schedule = childText(node, 'Schedule');
  const item = childText(node, 'Item');
  if (!regime || !item) throw new Error('record without Country or Item');
  return `ca-sema-${regime}${schedule && schedule !== 'N/A' ? `-${slug(schedule)}` : ''}-${item}`;
}

function readRecord(node: XmlNode, meta: ListMeta): Entity[] {
  const id = recordId(node);
  const regime = childText(node, 'Country');
  const entityName = childText(node, 'Entity');
  const isPerson = !entityName;
  const b = new EntityBuilder(id, isPerson ? 'Person' : 'Organization', DATASET);
  if (isPerson) {
    const given = childText(node, 'GivenName');
    const last = childText(node, 'LastName');
    b.add('name', [given, last].filter(Boolean).join(' '));
    b.add('firstName', given).add('lastName', last);
    b.add('title', childText(node, 'Title'));
    const dob = childText(node, 'DateOfBirth');
    if (dob) {
      const date = parseDate(dob);
      if (date) b.add('birthDate', date);
      else (b.add('notes', `date of birth: ${dob}`), bump(meta, 'unparsed_birth_dates'));
    }
  } else {
    b.add('name', entityName);
    // aliases are comma-separated; commas inside legal forms ("Co., Ltd.") are rare enough here to accept
    for (const alias of childText(node, 'Aliases').split(/,\s+(?![^()]*\))/)) b.add('alias', alias);
  }
  const country = countryCode(english(regime));
  if (country) b.add('country', country);
  b.add('program', regime).add('topics', 'sanction').add('sourceUrl', SOURCE_URL);
  const sanction = new EntityBuilder(`${id}-sanction`, 'Sanction', DATASET, false)
    .add('entity', id)
    .add('authority', 'Global Affairs Canada')
    .add('country', 'ca')
    .add('program', `Special Economic Measures Act — ${regime}`)
    .add('provisions', childText(node, 'Schedule') ? `Schedule ${childText(node, 'Schedule')}, item ${childText(node, 'Item')}` : undefined)
    .add('authorityId', id.replace(/^ca-sema-/, ''))
    .add('sourceUrl', SOURCE_URL);
  bump(meta, 'records');
  bump(meta, isPerson ? 'individuals' : 'entities');
  return [b.build(), sanction.build()];
}

export const caSema: SourceFormat = {
  format: 'ca-sema-xml',
  dataset: DATASET,
  sniff: (_name, head) => /<data-set[\s>]/.test(head) && /<record>/.test(head),
  async *read(input: SourceInput, meta: ListMeta) {
    const file = input.files[0];
    for await (const node of xmlRecords(file, file, { records: new Set(['record']) })) {
      try {
        yield* readRecord(node, meta);
      } catch (err) {
        throw new SourceError(file, (err as Error).message, `record ${(meta.counts.records ?? 0) + 1}`);
      }
    }
  },
};
