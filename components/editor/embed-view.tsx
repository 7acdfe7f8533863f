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
        <TextField id={`${id}-caption`} label="Caption" max={1000} value={attrs.caption} disabled={!editable} hint="Why this matters to the story (optional)" onChange={(caption) => updateAttributes({ caption })} />
        {attrs.thumbnailSrc && (
          <TextField id={`${id}-alt`} label="Alt text" max={500} value={attrs.alt} disabled={!editable} hint="What the picture shows (leave empty if it only repeats the title)" onChange={(alt) => updateAttributes({ alt })} />
        )}
      </div>
    </NodeViewWrapper>
  );
}

/** One of the card's single-line fields; control characters (a pasted line break) become spaces. */
function TextField(props: { id: string; label: string; max: number; value: string; disabled: boolean; hint: string; onChange: (value: string) => void }) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        maxLength={props.max}
        value={props.value}
        disabled={props.disabled}
        placeholder={props.hint}
        onChange={(e) => props.onChange(e.target.value.replace(/[\u0000-\u001f]/g, ' '))}
      />
    </>
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
