// Every list format Interdict reads. Add a loader here and detection, import and update pick it up.
import type { SourceFormat } from './types.js';
import { unXml } from './formats/un-xml.js';

export const FORMATS: SourceFormat[] = [
  unXml,
];

export function formatByName(format: string): SourceFormat | undefined {
  return FORMATS.find((f) => f.format === format);
}
