import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

// Highlights the copy desk's findings in the story body. The panel (components/editor/
// style-checks.tsx) computes them and hands them over in a transaction's meta; between two
// computations, the highlights move with the text as it is edited.

export type Highlight = { from: number; to: number; severity: 'error' | 'warning'; message: string };

export const styleHighlightsKey = new PluginKey<DecorationSet>('styleHighlights');

export const StyleHighlights = Extension.create({
  name: 'styleHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: styleHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(styleHighlightsKey) as Highlight[] | undefined;
            if (!next) return set.map(tr.mapping, tr.doc);
            const size = tr.doc.content.size;
            return DecorationSet.create(
              tr.doc,
              next
                .filter((h) => h.from >= 0 && h.to <= size && h.from < h.to)
                .map((h) => Decoration.inline(h.from, h.to, { class: `style-finding style-${h.severity}`, title: h.message })),
            );
          },
        },
        props: { decorations: (state) => styleHighlightsKey.getState(state) },
      }),
    ];
  },
});
