import { diffArrays, diffWordsWithSpace } from 'diff';
import type { StorySnapshot } from '@/lib/data/story-snapshot';
import { toPlainText } from '@/lib/editor/plain-text';

// A readable, word-level comparison of two story snapshots: every field, body included.

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };
export type FieldDiff = { field: string; label: string; changed: boolean; parts: DiffPart[] };
export type SnapshotDiff = FieldDiff[];

const FIELDS: [keyof StorySnapshot, string][] = [
  ['headline', 'Headline'],
  ['dek', 'Dek'],
  ['slug', 'Slug'],
  ['sectionId', 'Section'],
  ['tags', 'Tags'],
  ['bylineIds', 'Bylines'],
  ['creditLine', 'Credit line'],
  ['dateline', 'Dateline'],
  ['featuredImageId', 'Featured image'],
  ['seoTitle', 'SEO title'],
  ['seoDescription', 'SEO description'],
  ['body', 'Body'],
];

function asText(field: keyof StorySnapshot, snapshot: StorySnapshot, names: Map<string, string>): string {
  const value = snapshot[field];
  if (field === 'body') return toPlainText(snapshot.body);
  if (field === 'bylineIds') return snapshot.bylineIds.map((id) => names.get(id) ?? id).join(', ');
  if (field === 'tags') return snapshot.tags.join(', ');
  if (field === 'sectionId' || field === 'featuredImageId') return value ? (names.get(value as string) ?? String(value)) : '';
  return String(value ?? '');
}

export function diffText(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

export function diffSnapshots(from: StorySnapshot, to: StorySnapshot, names: Map<string, string>): SnapshotDiff {
  return FIELDS.map(([field, label]) => {
    const parts = diffText(asText(field, from, names), asText(field, to, names));
    return { field, label, changed: parts.some((p) => p.kind !== 'same'), parts };
  });
}

export type ParagraphChange =
  | { kind: 'unchanged'; count: number }
  | { kind: 'changed'; parts: DiffPart[] }
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string };

/**
 * The body compared paragraph by paragraph, for review: unchanged paragraphs are counted, not
 * shown; a paragraph that was edited shows its word-level changes.
 */
export function diffParagraphs(before: string[], after: string[]): ParagraphChange[] {
  const out: ParagraphChange[] = [];
  const unchanged = (n: number) => {
    const last = out.at(-1);
    if (last?.kind === 'unchanged') last.count += n;
    else out.push({ kind: 'unchanged', count: n });
  };
  const chunks = diffArrays(before, after);
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const next = chunks[i + 1];
    if (!chunk.added && !chunk.removed) {
      unchanged(chunk.value.length);
    } else if (chunk.removed && next?.added) {
      // Paragraphs replaced one for one are edits: show them word by word.
      const pairs = Math.min(chunk.value.length, next.value.length);
      for (let j = 0; j < pairs; j++) out.push({ kind: 'changed', parts: diffText(chunk.value[j]!, next.value[j]!) });
      for (const text of chunk.value.slice(pairs)) out.push({ kind: 'removed', text });
      for (const text of next.value.slice(pairs)) out.push({ kind: 'added', text });
      i++;
    } else {
      for (const text of chunk.value) out.push({ kind: chunk.added ? 'added' : 'removed', text });
    }
  }
  return out;
}
