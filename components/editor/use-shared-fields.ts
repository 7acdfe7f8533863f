'use client';

import { useCallback, useEffect } from 'react';
import type * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { BODY_FIELD, TEXT_FIELDS, isTextField, type TextField } from '@/lib/collab/body-field';
import { fieldsOfDoc, mapIndex, setText } from '@/lib/collab/text-edit';
import { sameBody } from '@/lib/editor/canonical';
import type { StoryDraft } from './types';

// The story's text fields written together: each is a Y.Text in the shared document. Typing
// becomes the smallest edit of that text, and someone else's edit reaches the input with its
// caret kept in place.

/** The input each field is typed into. */
const INPUT_IDS: Record<TextField, string> = {
  headline: 'story-headline',
  dek: 'story-dek',
  seoTitle: 'story-seo-title',
  seoDescription: 'story-seo-description',
  creditLine: 'story-credit',
  dateline: 'story-dateline',
};

/** The origin of this browser's own typing in a field: the draft already shows it. */
const TYPED = Symbol('typed in a field');

/** Shows `value` in the field's input, its caret and selection moved by the change like the text around them. */
function showInInput(field: TextField, value: string, delta: Y.YTextEvent['delta']): void {
  const input = document.getElementById(INPUT_IDS[field]) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!input || input.value === value) return;
  const focused = document.activeElement === input;
  const [start, end] = [input.selectionStart ?? 0, input.selectionEnd ?? 0];
  // Set here rather than through React's render, which would put the caret at the end; the draft
  // then holds the same value, so React leaves the input alone.
  input.value = value;
  if (focused) input.setSelectionRange(mapIndex(delta, start), mapIndex(delta, end));
}

/**
 * Whether the shared document holds exactly this body and these fields (the server stores a field
 * trimmed; an input may still end in the space before the next word).
 */
export function docHolds(ydoc: Y.Doc, schema: Schema, content: { body: JSONContent } & Pick<StoryDraft, TextField>): boolean {
  const body = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FIELD), schema).toJSON() as JSONContent;
  return sameBody(body, content.body) && TEXT_FIELDS.every((field) => ydoc.getText(field).toString() === content[field].trim());
}

/** Writes the text fields of `change` into `ydoc` in one transaction. */
export function writeSharedFields(ydoc: Y.Doc, change: Partial<StoryDraft>, origin: unknown = null): void {
  ydoc.transact(() => {
    for (const field of TEXT_FIELDS) {
      const value = change[field];
      if (typeof value === 'string') setText(ydoc.getText(field), value);
    }
  }, origin);
}

/** Leaves out what the shared document saves (the body and the text fields): what the save loop sends. */
export function withoutShared<T extends Partial<StoryDraft>>(draft: T): Partial<T> {
  return Object.fromEntries(Object.entries(draft).filter(([key]) => key !== 'body' && !isTextField(key))) as Partial<T>;
}

/**
 * Binds the draft's text fields to the shared document while there is one: `patch` takes what
 * others type, and the returned function routes a change's text fields into the document and
 * gives back the rest (chosen metadata, saved by the save loop).
 */
export function useSharedFields(ydoc: Y.Doc | null, patch: (change: Partial<StoryDraft>) => void): (change: Partial<StoryDraft>) => Partial<StoryDraft> {
  useEffect(() => {
    if (!ydoc) return;
    // The document's text is the story's: the page may have been rendered from an older row.
    patch(fieldsOfDoc(ydoc));
    const stops = TEXT_FIELDS.map((field) => {
      const text = ydoc.getText(field);
      const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
        if (transaction.origin === TYPED) return;
        const value = text.toString();
        showInInput(field, value, event.delta);
        patch({ [field]: value });
      };
      text.observe(observer);
      return () => text.unobserve(observer);
    });
    return () => stops.forEach((stop) => stop());
  }, [ydoc, patch]);

  return useCallback(
    (change: Partial<StoryDraft>) => {
      if (!ydoc) return change;
      const typed = Object.fromEntries(Object.entries(change).filter(([key]) => isTextField(key)));
      if (Object.keys(typed).length === 0) return change;
      writeSharedFields(ydoc, typed, TYPED);
      patch(typed);
      return withoutShared(change);
    },
    [ydoc, patch],
  );
}
