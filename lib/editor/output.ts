import type { Block, Doc, EmbedNode, Inline, Mark } from './schema';
import { withoutSuggestions } from './suggestion-text';

// The one mapping from the validated body to what readers get: a small element tree that
// render.tsx turns into React elements (pages) and html.ts into an HTML string (the API and
// feeds). Which elements and attributes a body can produce is decided here and only here.

export type OutElement = { tag: string; attrs?: Record<string, string | number | undefined>; children?: OutNode[] };
export type OutNode = string | OutElement;

const el = (tag: string, attrs?: OutElement['attrs'], children?: OutNode[]): OutElement => ({ tag, attrs, children });

/** Elements that never have children, written <br/> in HTML. */
export const VOID_TAGS = new Set(['br', 'hr', 'img']);

function withMark(child: OutNode, mark: Mark): OutNode {
  switch (mark.type) {
    case 'bold':
      return el('strong', undefined, [child]);
    case 'italic':
      return el('em', undefined, [child]);
    case 'link': {
      const external = /^(https?:)?\/\//.test(mark.attrs.href);
      return el('a', { href: mark.attrs.href, rel: external ? 'noopener noreferrer nofollow' : undefined }, [child]);
    }
    case 'comment': // newsroom-only: readers see the text, not the anchor
    case 'insertion':
    case 'deletion':
    case 'modification':
      return child; // suggestions are taken out before this (suggestion-text.ts)
  }
}

function inline(nodes: Inline[] | undefined): OutNode[] {
  return (nodes ?? []).map((node) => (node.type === 'hardBreak' ? el('br') : (node.marks ?? []).reduce(withMark, node.text as OutNode)));
}

const EXTERNAL = 'noopener noreferrer nofollow';
const KIND_WORDS = { video: 'Video', photo: 'Photo', rich: 'Post', link: 'Link' } as const;

/**
 * An embed as our own card: a figure with the thumbnail from our media library, the title linking
 * to the original, the author, the provider, a post's words as a quotation, and the caption.
 * Nothing in it loads from the provider. A video with a player gets a play link (to the original,
 * without script) that /embeds-v1.js turns into the provider's frame when a reader clicks it.
 */
function embedCard(node: EmbedNode): OutElement {
  const a = node.attrs;
  const title = a.title || a.url;
  const thumbnail = a.thumbnailSrc
    ? el('img', { src: a.thumbnailSrc, alt: a.alt, width: a.thumbnailWidth ?? undefined, height: a.thumbnailHeight ?? undefined, loading: 'lazy', decoding: 'async' })
    : null;
  const playable = a.kind === 'video' && a.playerUrl && !a.gone;
  const media = playable
    ? [
        el('div', { class: 'embed-player' }, [
          ...(thumbnail ? [thumbnail] : []),
          el('a', { class: 'embed-play', href: a.url, rel: EXTERNAL, 'data-player': a.playerUrl!, 'data-title': title }, [
            el('span', { class: 'embed-play-icon', 'aria-hidden': 'true' }, ['▶']),
            el('span', undefined, [`Play video`]),
            el('span', { class: 'embed-play-note' }, [`Loads from ${a.provider || 'the provider'}`]),
          ]),
        ]),
      ]
    : thumbnail
      ? [el('div', { class: 'embed-thumb' }, [thumbnail])]
      : [];
  const author = a.authorName ? [el('p', { class: 'embed-author' }, [a.authorUrl ? el('a', { href: a.authorUrl, rel: EXTERNAL }, [a.authorName]) : a.authorName])] : [];
  const text = a.text ? [el('blockquote', { class: 'embed-text', cite: a.url }, a.text.split('\n').map((line) => el('p', undefined, [line])))] : [];
  const gone = a.gone ? [el('p', { class: 'embed-gone' }, ['No longer available at the source'])] : [];
  const meta = el('div', { class: 'embed-meta' }, [
    el('p', { class: 'embed-provider' }, [`${KIND_WORDS[a.kind]}${a.provider ? ` · ${a.provider}` : ''}`]),
    el('p', { class: 'embed-title' }, [el('a', { href: a.url, rel: EXTERNAL }, [title])]),
    ...author,
    ...text,
    ...gone,
  ]);
  const caption = a.caption ? [el('figcaption', undefined, [a.caption])] : [];
  return el('figure', { class: `embed embed-${a.kind}` }, [el('div', { class: 'embed-card' }, [...media, meta]), ...caption]);
}

function block(node: Block): OutElement {
  switch (node.type) {
    case 'paragraph':
      return el('p', undefined, inline(node.content));
    case 'heading':
      return el(`h${node.attrs.level}`, undefined, inline(node.content));
    case 'horizontalRule':
      return el('hr');
    case 'image': {
      const { src, alt, caption, credit, width, height } = node.attrs;
      const img = el('img', { src, alt, width: width ?? undefined, height: height ?? undefined, loading: 'lazy', decoding: 'async' });
      const figcaption = caption || credit ? [el('figcaption', undefined, [caption, ...(credit ? [el('span', { class: 'credit' }, [credit])] : [])])] : [];
      return el('figure', undefined, [img, ...figcaption]);
    }
    case 'embed':
      return embedCard(node);
    case 'blockquote':
      return el('blockquote', undefined, node.content.map(block));
    case 'bulletList':
      return el('ul', undefined, node.content.map((item) => el('li', undefined, item.content.map(block))));
    case 'orderedList':
      return el('ol', { start: node.attrs?.start }, node.content.map((item) => el('li', undefined, item.content.map(block))));
  }
}

/** Whether the body has a video card with a player (its page then loads /embeds-v1.js). */
export function hasPlayer(body: Doc): boolean {
  const walk = (blocks: readonly Block[]): boolean =>
    blocks.some((b) => {
      switch (b.type) {
        case 'embed':
          return b.attrs.kind === 'video' && !!b.attrs.playerUrl && !b.attrs.gone;
        case 'blockquote':
          return walk(b.content);
        case 'bulletList':
        case 'orderedList':
          return b.content.some((item) => walk(item.content));
        default:
          return false;
      }
    });
  return walk(body.content);
}

/** The body's blocks as readers get them; a dateline ("LIMA") opens the first paragraph, as in print. */
export function bodyOutput(body: Doc, options: { dateline?: string } = {}): OutElement[] {
  const doc = withoutSuggestions(body);
  const [first, ...rest] = doc.content;
  if (!options.dateline || first?.type !== 'paragraph') return doc.content.map(block);
  return [el('p', undefined, [el('span', { class: 'dateline' }, [`${options.dateline} — `]), ...inline(first.content)]), ...rest.map(block)];
}
