import type * as Y from 'yjs';
import { TEXT_FIELDS, type TextFields } from './body-field';

// A text field is typed into a plain <input>, which reports only its new value. Written into the
// shared document as the smallest edit that turns the old value into the new one, so that two
// people typing in one headline merge character by character instead of one replacing the other.

const high = (code: number) => code >= 0xd800 && code <= 0xdbff;
const low = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The changed span between two strings: kept prefix and suffix lengths (never inside a surrogate pair). */
export function changedSpan(before: string, after: string): { start: number; removed: number; inserted: string } {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && high(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && low(before.charCodeAt(before.length - end))) end--;
  return { start, removed: before.length - start - end, inserted: after.slice(start, after.length - end) };
}

/** Makes `text` read `value` with the smallest edit. Call inside a transaction to give it an origin. */
export function setText(text: Y.Text, value: string): void {
  const { start, removed, inserted } = changedSpan(text.toString(), value);
  if (removed > 0) text.delete(start, removed);
  if (inserted) text.insert(start, inserted);
}

/**
 * Where `index` of the old text stands after a change given as a Yjs delta: a caret kept in place
 * while someone else types. Text inserted exactly at the caret goes after it.
 */
export function mapIndex(delta: Y.YTextEvent['delta'], index: number): number {
  let old = 0; // position in the old text
  let mapped = index;
  for (const op of delta) {
    if (old > index) break;
    if (op.retain !== undefined) old += op.retain;
    else if (op.delete !== undefined) {
      mapped -= Math.min(op.delete, Math.max(0, index - old));
      old += op.delete;
    } else if (typeof op.insert === 'string' && old < index) mapped += op.insert.length;
  }
  return mapped;
}

/** The story's text fields as a shared document holds them. */
export function fieldsOfDoc(doc: Y.Doc): TextFields {
  return Object.fromEntries(TEXT_FIELDS.map((field) => [field, doc.getText(field).toString()])) as TextFields;
}
