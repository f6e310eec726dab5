// Every list format Interdict reads. Add a loader here and detection, import and update pick it up.
import type { SourceFormat } from './types.js';
import { unXml } from './formats/un-xml.js';
import { caSema } from './formats/ca-sema.js';
import { euFsf } from './formats/eu-fsf.js';

export const FORMATS: SourceFormat[] = [
  unXml,
  caSema,
  euFsf,
];

export function formatByName(format: string): SourceFormat | undefined {
  return FORMATS.find((f) => f.format === format);
}
