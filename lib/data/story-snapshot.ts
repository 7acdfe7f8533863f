import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import type { Doc } from '@/lib/editor/schema';

// What a revision stores: the body and every metadata field, tags and bylines included, so that
// restoring a revision brings back the story exactly as it was.
export type StorySnapshot = {
  headline: string;
  dek: string;
  slug: string;
  sectionId: string | null;
  tags: string[];
  bylineIds: string[];
  creditLine: string;
  dateline: string;
  seoTitle: string;
  seoDescription: string;
  featuredImageId: string | null;
  body: Doc;
};

const snapshotSchema = z.object({
  headline: z.string(),
  dek: z.string().default(''),
  slug: z.string(),
  sectionId: z.string().nullable().default(null),
  tags: z.array(z.string()).default([]),
  bylineIds: z.array(z.string()).default([]),
  creditLine: z.string().default(''),
  dateline: z.string().default(''),
  seoTitle: z.string().default(''),
  seoDescription: z.string().default(''),
  featuredImageId: z.string().nullable().default(null),
  body: z.custom<Doc>((v) => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'doc'),
});

export function readSnapshot(value: unknown): StorySnapshot {
  return snapshotSchema.parse(value);
}

/** The Story columns a snapshot holds directly (bylines and tags come from their own tables). */
export const SNAPSHOT_COLUMNS = {
  headline: true,
  dek: true,
  slug: true,
  sectionId: true,
  creditLine: true,
  dateline: true,
  seoTitle: true,
  seoDescription: true,
  featuredImageId: true,
  body: true,
} as const;

/** The story as it stands, in snapshot form (for revisions written by workflow steps). */
export async function loadSnapshot(tx: Pick<Db, 'story'>, storyId: string): Promise<StorySnapshot> {
  const row = await tx.story.findUniqueOrThrow({
    where: { id: storyId },
    select: {
      ...SNAPSHOT_COLUMNS,
      authors: { orderBy: { position: 'asc' }, select: { userId: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
    },
  });
  const { authors, tags, body, ...fields } = row;
  return readSnapshot({ ...fields, body, bylineIds: authors.map((a) => a.userId), tags: tags.map((t) => t.tag.name) });
}
