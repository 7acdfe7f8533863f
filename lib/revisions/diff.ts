import { diffWordsWithSpace } from 'diff';
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
