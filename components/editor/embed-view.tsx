'use client';

import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import type { Extensions } from '@tiptap/core';
import { useId } from 'react';
import { StoryEmbed } from '@/lib/editor/extensions';
import { renderBody } from '@/lib/editor/render';
import type { EmbedNode } from '@/lib/editor/schema';

// An embed in the editor: the card exactly as readers get it (the same element tree as the reading
// page, lib/editor/output.ts), with the reporter's Caption and Alt text below it. The card's links
// do nothing here (a click selects the card); what is typed in the two fields is the node's.

function EmbedView({ node, updateAttributes, editor, selected }: ReactNodeViewProps) {
  const attrs = node.attrs as EmbedNode['attrs'];
  const id = useId();
  const editable = editor.isEditable;
  const card = renderBody({ type: 'doc', content: [{ type: 'embed', attrs: { ...attrs, caption: '' } }] });
  return (
    <NodeViewWrapper className={`embed-block${selected ? ' is-selected' : ''}`} data-drag-handle="" aria-label={`Embed: ${attrs.title || attrs.url}`} role="group">
      <div className="embed-block-card" contentEditable={false}>
        {card}
      </div>
      <div className="embed-block-fields" contentEditable={false}>
        <label htmlFor={`${id}-caption`}>Caption</label>
        <input
          id={`${id}-caption`}
          type="text"
          maxLength={1000}
          value={attrs.caption}
          disabled={!editable}
          placeholder="Why this matters to the story (optional)"
          onChange={(e) => updateAttributes({ caption: e.target.value.replace(/[\u0000-\u001f]/g, ' ') })}
        />
        {attrs.thumbnailSrc && (
          <>
            <label htmlFor={`${id}-alt`}>Alt text</label>
            <input
              id={`${id}-alt`}
              type="text"
              maxLength={500}
              value={attrs.alt}
              disabled={!editable}
              placeholder="What the picture shows (leave empty if it only repeats the title)"
              onChange={(e) => updateAttributes({ alt: e.target.value.replace(/[\u0000-\u001f]/g, ' ') })}
            />
          </>
        )}
      </div>
    </NodeViewWrapper>
  );
}

/** The embed node drawn as its card, for editors in the browser. */
export const EditorEmbed = StoryEmbed.extend({
  addNodeView() {
    return ReactNodeViewRenderer(EmbedView);
  },
});

/** The story extensions with embeds drawn as cards (the schema is the same: the node's name and attributes). */
export function withEmbedCards(extensions: Extensions): Extensions {
  return extensions.map((e) => (e.name === 'embed' ? EditorEmbed : e));
}
