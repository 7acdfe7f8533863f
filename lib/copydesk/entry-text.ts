import type { StoryText } from './check';
import type { Doc } from '@/lib/editor/schema';

/**
 * What the copy desk checks in a live blog's entry: its own headline and text, under the blog's
 * section's limits. An entry has no dek. The composer and the server build it the same way, so the
 * findings the reporter sees are the ones that block posting.
 */
export function entryStyleText(headline: string, body: Doc, section: string | null): StoryText {
  return { headline, dek: null, body, section };
}
