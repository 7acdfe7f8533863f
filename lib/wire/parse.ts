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

export function parseWire(text: string, format: WireSourceFormat, provider: string): ParsedWireItem[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_WIRE_BYTES) throw new WireFormatError(`The body is larger than ${MAX_WIRE_BYTES} bytes.`);
  if (!text.trim()) throw new WireFormatError('The body is empty.');
  const clean = text.replace(/^\uFEFF/, '');
  return detectFormat(clean, format) === 'NINJS' ? itemsFromNinjsText(clean, provider) : itemsFromNewsml(clean, provider);
}

export { WireFormatError };
