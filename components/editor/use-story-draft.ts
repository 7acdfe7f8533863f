'use client';

import { useCallback, useRef, useState } from 'react';
import { slugify } from '@/lib/slug';
import type { StoryDraft } from './types';

/**
 * The editor's working copy of the story (the document and its metadata). `current` always holds
 * the latest draft, also between a change and the re-render that shows it, which is when the save
 * loop may read it. A new story's slug follows its headline until someone edits the slug by hand.
 */
export function useStoryDraft(initial: () => StoryDraft, options: { slugLocked: boolean; slugChosen: boolean; onChange: () => void }) {
  const [draft, setDraft] = useState<StoryDraft>(initial);
  const current = useRef(draft);
  const slugChosen = useRef(options.slugChosen);
  const { slugLocked, onChange } = options;

  const replace = useCallback((next: StoryDraft) => {
    current.current = next;
    setDraft(next);
  }, []);

  const update = useCallback(
    (patch: Partial<StoryDraft>) => {
      const next = { ...current.current, ...patch };
      if (patch.slug !== undefined) slugChosen.current = true;
      if (patch.headline !== undefined && !slugChosen.current && !slugLocked) next.slug = slugify(patch.headline);
      replace(next);
      onChange();
    },
    [slugLocked, onChange, replace],
  );

  /** A change that is already counted as an edit (the body, read from the editor a moment later). */
  const patch = useCallback((next: Partial<StoryDraft>) => replace({ ...current.current, ...next }), [replace]);

  /** What a save sends: an untouched slug is left to the server, which makes it unique. */
  const forSaving = useCallback(() => (slugChosen.current ? current.current : { ...current.current, slug: '' }), []);

  /** The server gave a new story its slug: from now on it is the story's, not the headline's. */
  const slugAssigned = useCallback(
    (slug: string) => {
      slugChosen.current = true;
      replace({ ...current.current, slug });
    },
    [replace],
  );

  return { draft, update, replace, patch, forSaving, slugAssigned };
}
