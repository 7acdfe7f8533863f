import type { JSONContent } from '@tiptap/core';

// The editor's working copy of a story: what is sent on save and kept on the device until saved.
export type StoryDraft = {
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
  body: JSONContent;
};

export type ServerStory = StoryDraft & {
  id: string;
  version: number;
  status: string;
  slugLocked: boolean;
  canEdit: boolean;
  bylines: { id: string; name: string }[];
  featuredImage: { id: string; src: string; alt: string } | null;
  updatedAt: string;
};

export type SaveState =
  | { kind: 'idle'; message?: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  | { kind: 'error'; message: string; fieldErrors?: Record<string, string[]> }
  | { kind: 'conflict'; theirs: ServerStory };

export function draftOf(story: ServerStory): StoryDraft {
  return {
    headline: story.headline,
    dek: story.dek,
    slug: story.slug,
    sectionId: story.sectionId,
    tags: story.tags,
    bylineIds: story.bylineIds,
    creditLine: story.creditLine,
    dateline: story.dateline,
    seoTitle: story.seoTitle,
    seoDescription: story.seoDescription,
    featuredImageId: story.featuredImageId,
    body: story.body as JSONContent,
  };
}
