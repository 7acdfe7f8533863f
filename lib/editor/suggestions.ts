import { Extension } from '@tiptap/core';
import { isSuggestChangesEnabled, suggestChanges, suggestChangesKey, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { SUGGESTION_MARKS } from './suggestion-marks';

// Suggestion mode's editing side, on @handlewithcare/prosemirror-suggest-changes (MIT): with
// "Suggest edits" on, an insertion is kept as text with an `insertion` mark and a deletion as text
// with a `deletion` mark (lib/editor/suggestion-marks.ts), so the reporter can accept or reject
// each. Browser only: the library is published as an ES module alone.

const authorKey = new PluginKey('suggestionAuthor');

/**
 * The editor side: the plugin that knows whether suggesting is on, the transaction rewrite that
 * turns edits into suggestions, and the stamp of who and when on every new suggestion.
 */
export const SuggestChanges = Extension.create<{ author: string }>({
  name: 'suggestChanges',
  addOptions: () => ({ author: '' }),
  addProseMirrorPlugins() {
    const author = () => this.options.author;
    return [
      suggestChanges(),
      new Plugin({
        key: authorKey,
        appendTransaction(transactions, _old, state) {
          // Unstamped marks come only from edits made while suggesting: otherwise nothing to scan.
          if (!isSuggestChangesEnabled(state) || !transactions.some((t) => t.docChanged)) return null;
          const tr = state.tr;
          const now = new Date().toISOString();
          const isSuggestion = (name: string) => (SUGGESTION_MARKS as readonly string[]).includes(name);
          // A suggestion typed letter by letter is one suggestion: its later pieces take the
          // stamp of its first, so the marks stay equal and the text one run.
          const stamps = new Map<string, { author: unknown; at: unknown }>();
          state.doc.descendants((node) => {
            for (const m of node.marks) if (isSuggestion(m.type.name) && m.attrs.author) stamps.set(`${m.type.name}:${m.attrs.id}`, { author: m.attrs.author, at: m.attrs.at });
          });
          state.doc.descendants((node, pos) => {
            for (const mark of node.marks) {
              if (!isSuggestion(mark.type.name) || mark.attrs.author) continue;
              const stamp = stamps.get(`${mark.type.name}:${mark.attrs.id}`) ?? { author: author(), at: now };
              stamps.set(`${mark.type.name}:${mark.attrs.id}`, stamp);
              const stamped = mark.type.create({ ...mark.attrs, ...stamp });
              if (node.isInline) tr.removeMark(pos, pos + node.nodeSize, mark).addMark(pos, pos + node.nodeSize, stamped);
              else tr.removeNodeMark(pos, mark).addNodeMark(pos, stamped);
            }
          });
          return tr.docChanged ? tr.setMeta(suggestChangesKey, { skip: true }).setMeta('addToHistory', false) : null;
        },
      }),
    ];
  },
  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const skip = 'skip' in ((transaction.getMeta(suggestChangesKey) as object | undefined) ?? {});
    if (!isSuggestChangesEnabled(state) || skip || transaction.getMeta('history$') || !transaction.docChanged) return next(transaction);
    next(transformToSuggestionTransaction(transaction, state));
  },
});
