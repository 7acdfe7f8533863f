import { Extension } from '@tiptap/core';
import { isSuggestChangesEnabled, suggestChanges, suggestChangesKey, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { settleMarks } from './mark-conflicts';
import { SUGGESTION_MARKS } from './suggestion-marks';
import { fromElsewhere } from './sync-origin';

// Suggestion mode's editing side, on @handlewithcare/prosemirror-suggest-changes (MIT): with
// "Suggest edits" on, an insertion is kept as text with an `insertion` mark and a deletion as text
// with a `deletion` mark (lib/editor/suggestion-marks.ts), so the reporter can accept or reject
// each. Browser only: the library is published as an ES module alone.

const authorKey = new PluginKey('suggestionAuthor');

/**
 * The editor side: the plugin that knows whether suggesting is on, the transaction rewrite that
 * turns edits into suggestions, and the stamp of who and when on every new suggestion.
 */
export const SuggestChanges = Extension.create<{ author: string; generateId: (() => string) | null }>({
  name: 'suggestChanges',
  // Alone, a suggestion's id is the next number in the document. Written together, two people can
  // suggest at the same moment, so each editor makes ids of its own (generateId).
  addOptions: () => ({ author: '', generateId: null }),
  addProseMirrorPlugins() {
    const author = () => this.options.author;
    const generateId = () => this.options.generateId;
    return [
      suggestChanges(),
      // Merged edits can bring together marks that exclude each other (lib/editor/mark-conflicts.ts):
      // settled after every change that arrives from someone else.
      new Plugin({
        key: new PluginKey('settleMarks'),
        appendTransaction(transactions, _old, state) {
          if (!transactions.some((t) => t.docChanged && fromElsewhere(t))) return null;
          const tr = settleMarks(state.tr);
          return tr.docChanged ? tr.setMeta(suggestChangesKey, { skip: true }).setMeta('addToHistory', false) : null;
        },
      }),
      new Plugin({
        key: authorKey,
        appendTransaction(transactions, _old, state) {
          // Unstamped marks come only from edits made here while suggesting: otherwise nothing to
          // scan (someone else's arrive stamped by their own editor).
          if (!isSuggestChangesEnabled(state) || !transactions.some((t) => t.docChanged && !fromElsewhere(t))) return null;
          const tr = state.tr;
          const now = new Date().toISOString();
          const isSuggestion = (name: string) => (SUGGESTION_MARKS as readonly string[]).includes(name);
          // A suggestion typed letter by letter is one suggestion: its later pieces take the
          // stamp of its first, so the marks stay equal and the text one run.
          const stamps = new Map<string, { author: unknown; at: unknown }>();
          // Whose each suggestion id is, whatever its kind (a replacement is a deletion and an insertion under one id).
          const owners = new Map<string, unknown>();
          state.doc.descendants((node) => {
            for (const m of node.marks) {
              if (!isSuggestion(m.type.name) || !m.attrs.author) continue;
              stamps.set(`${m.type.name}:${m.attrs.id}`, { author: m.attrs.author, at: m.attrs.at });
              owners.set(String(m.attrs.id), m.attrs.author);
            }
          });
          // The library extends a neighbouring suggestion by taking its id; someone else's
          // suggestion stays theirs, and this edit becomes one of this person's own, with a new id.
          const renamed = new Map<string, string | number>();
          let next = 1 + Math.max(0, ...[...stamps.keys()].map((key) => Number(key.split(':')[1])).filter(Number.isFinite));
          const freshId = () => generateId()?.() ?? next++;
          state.doc.descendants((node, pos) => {
            for (const mark of node.marks) {
              if (!isSuggestion(mark.type.name) || mark.attrs.author) continue;
              let id = mark.attrs.id as string | number;
              const owner = owners.get(String(id));
              if (owner !== undefined && owner !== author()) {
                if (!renamed.has(String(id))) renamed.set(String(id), freshId());
                id = renamed.get(String(id))!;
              }
              const stamp = stamps.get(`${mark.type.name}:${id}`) ?? { author: author(), at: now };
              stamps.set(`${mark.type.name}:${id}`, stamp);
              const stamped = mark.type.create({ ...mark.attrs, id, ...stamp });
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
    if (!isSuggestChangesEnabled(state) || skip || transaction.getMeta('history$') || fromElsewhere(transaction) || !transaction.docChanged) return next(transaction);
    const generateId = this.options.generateId;
    next(generateId ? transformToSuggestionTransaction(transaction, state, () => generateId()) : transformToSuggestionTransaction(transaction, state));
  },
});
