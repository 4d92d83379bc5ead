// XML parts of the files users send, read with saxes (a real parser: markup inside comments or
// CDATA is text, not cells) chunk by chunk, so that no part is ever held whole as one string.
// A DOCTYPE is refused (spreadsheet parts never have one; saxes would not expand its entities
// anyway), and so is any run of characters without markup longer than MAX_XML_TOKEN_CHARS:
// saxes gathers a text, attribute or comment whole before handing it over.
import { TextDecoder } from 'node:util';
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { UserError } from '../../shared/errors';
import { MAX_XML_TOKEN_CHARS } from './limits';

const FEED_BYTES = 64 * 1024;

/** What a part's reader is told; names are local names when in the root element's namespace. */
export interface XmlVisitor {
  /** the root element's local name and namespace URI, before `open` is called for it */
  root?(name: string, namespace: string | undefined): void;
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** How a part's problems are worded: the file, and "damaged" in the caller's terms. */
export interface XmlPart {
  fileName: string;
  part: string;
  damaged(detail: string): UserError;
}

/** Thrown by a visitor to stop reading a part early without an error (e.g. "found what I need"). */
export class StopReading extends Error {}

/** The value of an attribute whatever its prefix (`r:id`, `ns1:id`), or undefined. */
export function prefixedAttribute(attributes: Record<string, string>, local: string): string | undefined {
  const suffix = `:${local}`;
  for (const key in attributes) if (key.endsWith(suffix)) return attributes[key];
  return undefined;
}

/** Reads one XML part (a stream of bytes, or bytes already read) through `visitor`. */
export async function readXml(input: Readable | Buffer, part: XmlPart, visitor: XmlVisitor): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let sinceEvent = 0;
  let rootPrefix: string | null = null;
  const localName = (name: string): string => {
    const colon = name.indexOf(':');
    if (colon < 0) return rootPrefix === '' ? name : `:${name}`;
    return name.slice(0, colon) === rootPrefix ? name.slice(colon + 1) : name;
  };
  parser.on('opentag', (tag: SaxesTagPlain) => {
    sinceEvent = 0;
    if (rootPrefix === null) {
      const colon = tag.name.indexOf(':');
      rootPrefix = colon < 0 ? '' : tag.name.slice(0, colon);
      const namespace = tag.attributes[rootPrefix ? `xmlns:${rootPrefix}` : 'xmlns'];
      visitor.root?.(localName(tag.name), namespace);
    }
    visitor.open(localName(tag.name), tag.attributes, tag.isSelfClosing);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    sinceEvent = 0;
    visitor.close?.(localName(tag.name));
  });
  parser.on('text', (text: string) => {
    sinceEvent = 0;
    visitor.text?.(text);
  });
  parser.on('cdata', (text: string) => {
    sinceEvent = 0;
    visitor.text?.(text);
  });
  parser.on('comment', () => {
    sinceEvent = 0;
  });
  parser.on('doctype', () => {
    throw new UserError([
      { file: part.fileName, message: `Tệp chứa khai báo DOCTYPE trong phần ${part.part}, điều mà tệp Excel không bao giờ có; tệp không được mở.` },
    ]);
  });

  const write = (text: string) => {
    try {
      parser.write(text);
    } catch (e) {
      if (e instanceof UserError || e instanceof StopReading) throw e;
      throw part.damaged(`phần ${part.part} không phải là XML hợp lệ`);
    }
    sinceEvent += text.length;
    if (sinceEvent > MAX_XML_TOKEN_CHARS) {
      throw new UserError([
        {
          file: part.fileName,
          message: `Tệp có một đoạn văn bản hoặc thuộc tính dài bất thường (hơn ${MAX_XML_TOKEN_CHARS.toLocaleString('vi-VN')} ký tự) trong phần ${part.part}; tệp không được mở.`,
        },
      ]);
    }
  };
  try {
    let decoder: TextDecoder | null = null;
    const feed = (bytes: Uint8Array) => {
      if (!decoder) {
        // parts are UTF-8; Office Open XML also allows UTF-16 with a byte-order mark
        const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
        decoder = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
      }
      const text = decoder.decode(bytes, { stream: true });
      if (text) write(text);
    };
    // whole parts go in slices, so that the check of runs without markup holds for them too
    if (Buffer.isBuffer(input)) for (let at = 0; at < input.length; at += FEED_BYTES) feed(input.subarray(at, at + FEED_BYTES));
    else for await (const chunk of input) feed(chunk as Buffer);
    if (decoder) {
      const rest = (decoder as TextDecoder).decode();
      if (rest) write(rest);
    }
    try {
      parser.close();
    } catch (e) {
      if (e instanceof UserError || e instanceof StopReading) throw e;
      throw part.damaged(`phần ${part.part} bị cắt cụt hoặc không phải là XML hợp lệ`);
    }
  } catch (e) {
    if (!Buffer.isBuffer(input)) input.destroy();
    if (e instanceof StopReading) return;
    throw e;
  }
}
