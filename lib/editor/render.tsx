import type { ReactNode } from 'react';
import type { Block, Doc, Inline, Mark } from './schema';
import { withoutSuggestions } from './suggestion-text';

// Renders a validated body as React elements on the server. React escapes every text node and
// attribute, so the output can only contain the elements written here.

function withMark(child: ReactNode, mark: Mark, key: number): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong key={key}>{child}</strong>;
    case 'italic':
      return <em key={key}>{child}</em>;
    case 'comment':
      return child; // newsroom-only: readers see the text, not the anchor
    case 'insertion':
    case 'deletion':
    case 'modification':
      return child; // suggestions are taken out before rendering (suggestion-text.ts)
    case 'link': {
      const external = /^(https?:)?\/\//.test(mark.attrs.href);
      return (
        <a key={key} href={mark.attrs.href} rel={external ? 'noopener noreferrer nofollow' : undefined}>
          {child}
        </a>
      );
    }
  }
}

function renderInline(nodes: Inline[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, i) =>
    node.type === 'hardBreak' ? <br key={i} /> : (node.marks ?? []).reduce<ReactNode>((acc, m) => withMark(acc, m, i), node.text),
  );
}

function renderBlock(node: Block, key: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{renderInline(node.content)}</p>;
    case 'heading':
      return node.attrs.level === 2 ? <h2 key={key}>{renderInline(node.content)}</h2> : <h3 key={key}>{renderInline(node.content)}</h3>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'image': {
      const { src, alt, caption, credit, width, height } = node.attrs;
      return (
        <figure key={key}>
          {/* eslint-disable-next-line @next/next/no-img-element -- renditions are already sized */}
          <img src={src} alt={alt} width={width ?? undefined} height={height ?? undefined} loading="lazy" decoding="async" />
          {(caption || credit) && (
            <figcaption>
              {caption}
              {credit && <span className="credit">{credit}</span>}
            </figcaption>
          )}
        </figure>
      );
    }
    case 'blockquote':
      return <blockquote key={key}>{node.content.map(renderBlock)}</blockquote>;
    case 'bulletList':
      return <ul key={key}>{node.content.map((item, i) => <li key={i}>{item.content.map(renderBlock)}</li>)}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={node.attrs?.start}>
          {node.content.map((item, i) => <li key={i}>{item.content.map(renderBlock)}</li>)}
        </ol>
      );
  }
}

/** Renders the body; a dateline ("LIMA") opens the first paragraph, as in print. */
export function renderBody(body: Doc, options: { dateline?: string } = {}): ReactNode {
  const doc = withoutSuggestions(body);
  const [first, ...rest] = doc.content;
  if (!options.dateline || first?.type !== 'paragraph') return doc.content.map(renderBlock);
  return [
    <p key={0}>
      <span className="dateline">{options.dateline} — </span>
      {renderInline(first.content)}
    </p>,
    ...rest.map((node, i) => renderBlock(node, i + 1)),
  ];
}
