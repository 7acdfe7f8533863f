import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// Rows into a table by COPY in its text format: one round trip for a whole batch, parsed by the
// server with no SQL to plan per row.

export type Cell = string | number | null;

/** A value as COPY's text format writes it: backslash, tab, newline and return escaped; null as \N. */
export function cell(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function line(values: Cell[]): string {
  return `${values.map(cell).join('\t')}\n`;
}

/** Sends COPY text (whole lines, as a string or UTF-8) to `COPY table (columns) FROM STDIN`; resolves when the server has it all. */
export async function copyText(client: pg.Client, table: string, columns: string[], text: string | Uint8Array): Promise<void> {
  if (text.length === 0) return;
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', reject);
  });
  // Written in slices of about a megabyte, so that the socket drains as it goes.
  const SLICE = 1 << 20;
  for (let at = 0; at < text.length; at += SLICE) {
    const slice = typeof text === 'string' ? text.slice(at, at + SLICE) : Buffer.from(text.buffer, text.byteOffset + at, Math.min(SLICE, text.length - at));
    if (!stream.write(slice)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await done;
}
