// Every list format Interdict reads. Add a loader here and detection, import and update pick it up.
import type { SourceFormat } from './types.js';
import { unXml } from './formats/un-xml.js';
import { caSema } from './formats/ca-sema.js';
import { euFsf } from './formats/eu-fsf.js';
import { auDfat } from './formats/au-dfat.js';
import { usCsl } from './formats/us-csl.js';
import { ftmJson } from './formats/ftm-json.js';
import { ofacConsCsv, ofacSdnCsv } from './formats/ofac-csv.js';
import { ofacConsXml, ofacSdnXml } from './formats/ofac-xml.js';
import { ofacConsEnhanced, ofacSdnEnhanced } from './formats/ofac-enhanced.js';
import { ofsiCsv, ofsiCsvLegacy, ofsiXlsx } from './formats/uk-ofsi.js';
import { fcdoCsv, fcdoXml } from './formats/uk-fcdo.js';

export const FORMATS: SourceFormat[] = [
  unXml,
  caSema,
  euFsf,
  auDfat,
  usCsl,
  ftmJson,
  ofacSdnCsv,
  ofacConsCsv,
  ofacSdnXml,
  ofacConsXml,
  ofacSdnEnhanced,
  ofacConsEnhanced,
  ofsiXlsx,
  ofsiCsv,
  ofsiCsvLegacy,
  fcdoXml,
  fcdoCsv,
];

export function formatByName(format: string): SourceFormat | undefined {
  return FORMATS.find((f) => f.format === format);
}
