import type { ParsedWireItem } from './item';
import { itemsFromNewsml } from './newsml';
import { itemsFromNinjsText } from './ninjs';
import { WireFormatError } from './trees';

// The one entry point for a wire body, whichever way it came in (push, folder, pull).

export const WIRE_FORMATS = ['AUTO', 'NEWSML', 'NINJS'] as const;
export type WireSourceFormat = (typeof WIRE_FORMATS)[number];

export const MAX_WIRE_BYTES = 5 * 1024 * 1024;

/** Which format a body is in: the source's setting, else its first character (JSON or XML). */
export function detectFormat(text: string, format: WireSourceFormat): 'NEWSML' | 'NINJS' {
  if (format !== 'AUTO') return format;
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '{' || first === '[') return 'NINJS';
  if (first === '<') return 'NEWSML';
  throw new WireFormatError('The body is neither NewsML-G2 (XML) nor ninjs (JSON).');
}

/**
 * The text of a wire body as bytes arrived: JSON is UTF-8 (or UTF-16 with its byte order mark);
 * XML in the encoding its declaration names (agencies still send ISO-8859-1 and windows-1252).
 * Bytes that are not valid in that encoding are refused rather than guessed at.
 */
export function decodeWire(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  let label = 'utf-8';
  if (head.startsWith('\xff\xfe')) label = 'utf-16le';
  else if (head.startsWith('\xfe\xff')) label = 'utf-16be';
  else {
    const declared = /^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(head)?.[1];
    if (declared) label = declared.toLowerCase();
  }
  if (decoder1252(label)) return windows1252(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new WireFormatError(`The XML declares an encoding Masthead does not read ("${label}"); send UTF-8.`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new WireFormatError(`The body is not valid ${decoder.encoding.toUpperCase()} text.`);
  }
}

// What the Encoding Standard calls windows-1252 (latin1 and ISO-8859-1 are its names too): its
// 0x80–0x9F are typographic marks, which Node's own decoder reads as C1 controls.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const decoder1252 = (label: string) => ['windows-1252', 'cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'x-cp1252'].includes(label);

function windows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

export function parseWire(text: string, format: WireSourceFormat, provider: string): ParsedWireItem[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_WIRE_BYTES) throw new WireFormatError(`The body is larger than ${MAX_WIRE_BYTES} bytes.`);
  if (!text.trim()) throw new WireFormatError('The body is empty.');
  const clean = text.replace(/^\uFEFF/, '');
  return detectFormat(clean, format) === 'NINJS' ? itemsFromNinjsText(clean, provider) : itemsFromNewsml(clean, provider);
}

export { WireFormatError };
