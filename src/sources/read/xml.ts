// Streaming XML: yields one small element tree per record element, so a 20 MB list never sits in memory
// as one DOM. saxes is strict, so truncated or malformed files fail with a line and column.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { SourceError } from '../types.js';

export interface XmlNode {
  /** Local name, namespace prefix removed. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside this element (trimmed when read through `text()`). */
  textRaw: string;
}

export interface XmlRecordOptions {
  /** Local names of elements to yield as records (any depth). */
  records: Set<string>;
  /** Called with every element opened outside a record (root attributes such as dateGenerated). */
  onOuterElement?: (name: string, attrs: Record<string, string>) => void;
  /** Called with text of elements outside records that are fully closed (e.g. <Publish_Date>). */
  onOuterText?: (path: string[], text: string) => void;
}

const local = (n: string) => {
  const i = n.indexOf(':');
  return i >= 0 ? n.slice(i + 1) : n;
};

/** Stream the records of an XML file (or any byte stream); errors are SourceErrors naming `label`. */
export async function* xmlRecords(source: string | Readable, label: string, opts: XmlRecordOptions): AsyncGenerator<XmlNode> {
  const stream = typeof source === 'string' ? createReadStream(source) : source;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: XmlNode[] = [];
  const stack: XmlNode[] = [];
  const outerPath: string[] = [];
  let outerText = '';
  let depthInRecord = 0;
  let failure: Error | undefined;
  let sawRoot = false;

  parser.on('error', (err) => {
    failure ??= new SourceError(label, `malformed XML: ${err.message.replace(/^(?:.*?:)?\d+:\d+: /, '')}`, `line ${parser.line}, column ${parser.column}`);
  });
  parser.on('opentag', (tag) => {
    sawRoot = true;
    const name = local(tag.name);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[local(k)] = String(v);
    if (depthInRecord > 0 || opts.records.has(name)) {
      const node: XmlNode = { name, attrs, children: [], textRaw: '' };
      if (stack.length) stack[stack.length - 1].children.push(node);
      stack.push(node);
      depthInRecord++;
    } else {
      outerPath.push(name);
      outerText = '';
      opts.onOuterElement?.(name, attrs);
    }
  });
  const onText = (t: string) => {
    if (depthInRecord > 0) stack[stack.length - 1].textRaw += t;
    else outerText += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (depthInRecord > 0) {
      const node = stack.pop()!;
      depthInRecord--;
      if (depthInRecord === 0) ready.push(node);
    } else {
      if (outerText.trim()) opts.onOuterText?.([...outerPath], outerText.trim());
      outerText = '';
      outerPath.pop();
    }
  });

  let bytes = 0;
  // a StringDecoder keeps a multi-byte character that straddles two chunks whole (Cyrillic, Arabic, Hangul)
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
      if (failure) throw failure;
      while (ready.length) yield ready.shift()!;
    }
    if (bytes === 0) throw new SourceError(label, 'empty file');
    parser.write(decoder.end());
    parser.close();
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw failure ?? new SourceError(label, `cannot read XML: ${(err as Error).message}`, `line ${parser.line}`);
  }
  if (failure) throw failure;
  if (!sawRoot) throw new SourceError(label, 'no XML element found (empty or not XML)');
  while (ready.length) yield ready.shift()!;
}

/** Trimmed text of a node. */
export function text(node: XmlNode | undefined): string {
  return node ? node.textRaw.replace(/\s+/g, ' ').trim() : '';
}

/** First child with a local name. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** All children with a local name. */
export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Text of the first child with that name ('' when absent). */
export function childText(node: XmlNode, name: string): string {
  return text(child(node, name));
}

/** Walk a path of child names: path(node, 'INDIVIDUAL_ALIAS', 'ALIAS_NAME'), all matches. */
export function path(node: XmlNode, ...names: string[]): XmlNode[] {
  let level = [node];
  for (const n of names) level = level.flatMap((x) => children(x, n));
  return level;
}
