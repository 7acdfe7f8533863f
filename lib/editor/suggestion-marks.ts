import { Mark, type MarkConfig } from '@tiptap/core';
import Document from '@tiptap/extension-document';

// The marks of suggestion mode (track changes), part of the story schema on both sides: an
// insertion or deletion kept as marked text until someone accepts or rejects it, with who
// suggested it and when. The server validates and stores them with the body, so they survive
// autosave, revisions and restore. The editing side (the library that turns edits into these
// marks) is lib/editor/suggestions.ts, loaded in the browser only.

export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;
export type SuggestionKind = (typeof SUGGESTION_MARKS)[number];

const attrs = {
  // As data-id: the library's ids repeat across the pieces of one suggestion, so never an HTML id.
  id: {
    default: null,
    parseHTML: (el: HTMLElement) => {
      const raw = el.getAttribute('data-id');
      return raw && /^\d+$/.test(raw) ? Number(raw) : raw;
    },
    renderHTML: (a: Record<string, unknown>) => ({ 'data-id': a.id === null ? undefined : String(a.id) }),
  },
  author: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('data-author'), renderHTML: (a: Record<string, unknown>) => (a.author ? { 'data-author': a.author } : {}) },
  at: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('data-at'), renderHTML: (a: Record<string, unknown>) => (a.at ? { 'data-at': a.at } : {}) },
};

function suggestionMark(name: SuggestionKind, tag: string, excludes: string): MarkConfig {
  return {
    name,
    inclusive: false,
    excludes,
    addAttributes: () => attrs,
    parseHTML: () => [{ tag: `${tag}[data-suggestion]` }],
    renderHTML: ({ HTMLAttributes }) => [tag, { ...HTMLAttributes, 'data-suggestion': name, class: `suggestion suggestion-${name}` }, 0],
  };
}

export const Insertion = Mark.create(suggestionMark('insertion', 'ins', 'deletion modification insertion'));
export const Deletion = Mark.create(suggestionMark('deletion', 'del', 'insertion modification deletion'));
const modification = suggestionMark('modification', 'span', 'deletion insertion');
export const Modification = Mark.create({
  ...modification,
  addAttributes: () => ({ ...attrs, type: { default: null, rendered: false }, attrName: { default: null, rendered: false }, previousValue: { default: null, rendered: false }, newValue: { default: null, rendered: false } }),
});

/** The document may carry suggestion marks on its blocks (a paragraph suggested or deleted whole). */
export const SuggestibleDocument = Document.extend({ marks: 'insertion modification deletion' });
