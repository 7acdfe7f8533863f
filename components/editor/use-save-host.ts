'use client';

import type { Editor } from '@tiptap/react';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { storyAbilitiesAction } from '@/lib/actions/story-abilities';
import type { StoryAbilities } from '@/lib/data/story-abilities';
import type { SaveHost } from './save-loop';
import type { StoryDraft } from './types';
import { fieldsOfDoc } from '@/lib/collab/text-edit';
import type { SharedDoc } from './use-shared-doc';

type Options = {
  setHost: (host: SaveHost) => void;
  editor: Editor | null;
  shared: SharedDoc | null;
  format: 'STORY' | 'LIVE';
  draft: { forSaving: () => StoryDraft; replace: (draft: StoryDraft) => void; slugAssigned: (slug: string) => void; syncBody: () => void };
  created: (id: string) => void;
  setAbilities: (abilities: StoryAbilities) => void;
};

/** Tells the save loop how to read the draft, put a version in its place, and what a new story's first save becomes. */
export function useSaveHost({ setHost, editor, shared, format, draft, created, setAbilities }: Options): void {
  const router = useRouter();
  const { forSaving, replace, slugAssigned, syncBody } = draft;
  useEffect(() => {
    setHost({
      shared: !!shared,
      getDraft: () => {
        if (!shared) syncBody();
        return forSaving();
      },
      // Written together, another version (a conflict resolved) brings its metadata only: the body
      // and text fields stay the shared document's.
      applyDraft: (next) => {
        if (shared) return replace({ ...next, body: forSaving().body, ...fieldsOfDoc(shared.ydoc) });
        replace(next);
        editor?.commands.setContent(next.body, { emitUpdate: false });
      },
      onCreated: (id, slug) => {
        // A new live blog's desk (composer, contributors, entries) is rendered by the story's page:
        // go there. What is typed meanwhile is in the local copy, which the page's editor takes up.
        if (format === 'LIVE') {
          router.replace(`/newsroom/stories/${id}`);
          return;
        }
        window.history.replaceState(null, '', `/newsroom/stories/${id}`);
        created(id);
        void storyAbilitiesAction({ storyId: id }).then((result) => {
          if (result.ok) setAbilities(result);
        });
        slugAssigned(slug);
      },
    });
  }, [setHost, forSaving, replace, editor, slugAssigned, format, router, shared, syncBody, created, setAbilities]);
}
