import { Extension } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

// Find and replace in the story body: matches are highlighted (the current one more strongly),
// found within each paragraph or heading, as a copy desk searches a story. A query is plain text,
// never a pattern; "whole word" means no letter, digit or underscore on either side. Replace all is
// one transaction, so one undo step.

export type FindQuery = { term: string; matchCase: boolean; wholeWord: boolean };
export type Match = { from: number; to: number };
type FindState = { query: FindQuery; matches: Match[]; current: number; decorations: DecorationSet };

export const findReplaceKey = new PluginKey<FindState>('findReplace');
const EMPTY: FindQuery = { term: '', matchCase: false, wholeWord: false };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pattern(query: FindQuery): RegExp | null {
  if (!query.term) return null;
  const body = escape(query.term);
  const word = query.wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return new RegExp(word, `gu${query.matchCase ? '' : 'i'}`);
}

/** Every match of the query in the document's text blocks, in document order. */
export function findMatches(doc: PMNode, query: FindQuery): Match[] {
  const re = pattern(query);
  if (!re) return [];
  const matches: Match[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // One character per inline position: a hard break or inline image counts as one.
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc');
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      matches.push({ from: pos + 1 + m.index!, to: pos + 1 + m.index! + m[0].length });
    }
    return false;
  });
  return matches;
}

function decorate(doc: PMNode, matches: Match[], current: number): DecorationSet {
  return DecorationSet.create(
    doc,
    matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === current ? 'find-match find-match-current' : 'find-match' })),
  );
}

function stateFor(doc: PMNode, query: FindQuery, current: number): FindState {
  const matches = findMatches(doc, query);
  const index = matches.length === 0 ? -1 : Math.min(Math.max(current, 0), matches.length - 1);
  return { query, matches, current: index, decorations: decorate(doc, matches, index) };
}

type Meta = { query?: FindQuery; current?: number };

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    findReplace: {
      setFindQuery: (query: FindQuery) => ReturnType;
      findNext: () => ReturnType;
      findPrevious: () => ReturnType;
      replaceCurrent: (replacement: string) => ReturnType;
      replaceAll: (replacement: string) => ReturnType;
      clearFind: () => ReturnType;
    };
  }
}

export function findState(state: EditorState): FindState | undefined {
  return findReplaceKey.getState(state);
}

function select(tr: Transaction, match: Match | undefined): Transaction {
  if (!match) return tr;
  return tr.setSelection(TextSelection.create(tr.doc, match.from, match.to)).scrollIntoView();
}

/** Moves to the next (1) or previous (-1) match, wrapping round, and selects it in view. */
function step(state: EditorState, tr: Transaction, dispatch: ((tr: Transaction) => void) | undefined, direction: 1 | -1): boolean {
  const found = findState(state);
  if (!found || found.matches.length === 0) return false;
  const current = (found.current + direction + found.matches.length) % found.matches.length;
  if (dispatch) dispatch(select(tr.setMeta(findReplaceKey, { current } satisfies Meta), found.matches[current]));
  return true;
}

export const FindReplace = Extension.create({
  name: 'findReplace',

  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findReplaceKey,
        state: {
          init: (_, { doc }) => stateFor(doc, EMPTY, -1),
          apply(tr, previous, _old, next) {
            const meta = tr.getMeta(findReplaceKey) as Meta | undefined;
            if (meta) return stateFor(next.doc, meta.query ?? previous.query, meta.current ?? previous.current);
            // Typing moves the matches with the text; the current one stays the nearest.
            if (tr.docChanged && previous.query.term) return stateFor(next.doc, previous.query, previous.current);
            return previous;
          },
        },
        props: { decorations: (state) => findReplaceKey.getState(state)?.decorations },
      }),
    ];
  },

  addCommands() {
    return {
      setFindQuery:
        (query) =>
        ({ state, tr, dispatch }) => {
          // Start from the first match at or after the cursor.
          const matches = findMatches(state.doc, query);
          const after = matches.findIndex((m) => m.from >= state.selection.from);
          const current = after === -1 ? 0 : after;
          if (dispatch) dispatch(tr.setMeta(findReplaceKey, { query, current } satisfies Meta));
          return true;
        },
      findNext:
        () =>
        ({ state, tr, dispatch }) =>
          step(state, tr, dispatch, 1),
      findPrevious:
        () =>
        ({ state, tr, dispatch }) =>
          step(state, tr, dispatch, -1),
      replaceCurrent:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const found = findState(state);
          const match = found?.matches[found.current];
          if (!found || !match) return false;
          if (dispatch) {
            if (replacement) tr.insertText(replacement, match.from, match.to);
            else tr.delete(match.from, match.to);
            // The next match is now at the same index.
            dispatch(tr.setMeta(findReplaceKey, { current: found.current } satisfies Meta));
          }
          return true;
        },
      replaceAll:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const found = findState(state);
          if (!found || found.matches.length === 0) return false;
          if (dispatch) {
            // From the end, so that earlier positions stay valid; one transaction, one undo step
            // of its own (not merged with a replacement or typing just before or after it).
            const shared = yUndoPluginKey.getState(state)?.undoManager;
            shared?.stopCapturing();
            for (const match of [...found.matches].reverse()) {
              if (replacement) tr.insertText(replacement, match.from, match.to);
              else tr.delete(match.from, match.to);
            }
            dispatch(closeHistory(tr).setMeta(findReplaceKey, { current: 0 } satisfies Meta));
            shared?.stopCapturing();
          }
          return true;
        },
      clearFind:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) dispatch(tr.setMeta(findReplaceKey, { query: EMPTY, current: -1 } satisfies Meta));
          return true;
        },
    };
  },
});
