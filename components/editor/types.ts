import type { JSONContent } from '@tiptap/core';
import type { StorySnapshot } from '@/lib/data/story-snapshot';

// The editor's working copy of a story: what is sent on save and kept on the device until saved.
// The same fields a revision snapshot holds, with the body as the editor's JSON.
export type StoryDraft = Omit<StorySnapshot, 'body'> & { body: JSONContent };

export type ServerStory = StoryDraft & {
  id: string;
  version: number;
  docSeq?: number;
  status: string;
  slugLocked: boolean;
  canEdit: boolean;
  bylines: { id: string; name: string }[];
  featuredImage: { id: string; src: string; alt: string } | null;
  update?: { state: string } | null;
  updatedAt: string;
};

export type SaveState =
  | { kind: 'idle'; message?: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline' }
  // stranded: the server refused the edit because the story left this person's hands (403).
  | { kind: 'error'; message: string; fieldErrors?: Record<string, string[]>; stranded?: boolean }
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
