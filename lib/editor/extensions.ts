import { Mark, Node, type Extensions } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import Typography from '@tiptap/extension-typography';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref } from './safe-url';
import { Deletion, Insertion, Modification, SuggestibleDocument } from './suggestion-marks';

// The one extension set. The browser editor uses it to edit, the server builds the ProseMirror
// schema from it to check every saved body, so the two can never disagree about what a story may
// contain. Anything not listed here (code, strike, underline, tables, raw HTML) cannot be stored.

/** A block image from the media library, with the alt text, caption and credit shown to readers. */
export const StoryImage = Image.extend({
  name: 'image',
  inline: false,
  group: 'block',
  draggable: true,
  addAttributes() {
    return {
      ...this.parent?.(),
      mediaId: { default: null },
      caption: { default: '' },
      credit: { default: '' },
    };
  },
  // Only our own figures parse back into images (copy and paste inside the editor). An <img> pasted
  // from elsewhere is dropped: story images come from the media library, with alt text.
  parseHTML() {
    return [
      {
        tag: 'figure[data-media-id]',
        getAttrs: (node) => {
          const img = node.querySelector('img');
          const src = img?.getAttribute('src') ?? '';
          if (!img || !src.startsWith('/media/')) return false;
          const size = (name: string) => Number(img.getAttribute(name)) || null;
          return {
            src,
            alt: img.getAttribute('alt') ?? '',
            mediaId: node.getAttribute('data-media-id'),
            caption: node.getAttribute('data-caption') ?? '',
            credit: node.getAttribute('data-credit') ?? '',
            width: size('width'),
            height: size('height'),
          };
        },
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    const { caption, credit, mediaId, ...img } = HTMLAttributes;
    const line = [caption, credit].filter(Boolean).join(' — ');
    return ['figure', { 'data-media-id': mediaId, 'data-caption': caption, 'data-credit': credit }, ['img', img], ['figcaption', {}, line]];
  },
});

/** Attributes of an embed and their defaults; all but caption and alt come from its Embed row. */
export const EMBED_ATTRIBUTES = {
  embedId: null, url: '', kind: 'link', provider: '', title: '', authorName: '', authorUrl: null,
  thumbnailSrc: null, thumbnailWidth: null, thumbnailHeight: null, text: '', playerUrl: null, gone: false,
  caption: '', alt: '',
} as const;

/**
 * A card for a post, video, map or page elsewhere, resolved on the newsroom's server (lib/data/
 * embeds.ts). One block the reporter cannot type into; the browser editor draws it with a node
 * view that edits the caption and alt text. Copy and paste inside the editor keeps it: its
 * attributes travel as one JSON data attribute, and the server replaces all but the reporter's two
 * with the Embed row's on save, so nothing pasted can forge a card.
 */
export const StoryEmbed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return Object.fromEntries(Object.entries(EMBED_ATTRIBUTES).map(([name, value]) => [name, { default: value, rendered: false }]));
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-embed]',
        getAttrs: (node) => {
          try {
            const attrs = JSON.parse(node.getAttribute('data-embed') ?? '') as Record<string, unknown>;
            return typeof attrs.embedId === 'string' ? Object.fromEntries(Object.keys(EMBED_ATTRIBUTES).map((k) => [k, attrs[k] ?? EMBED_ATTRIBUTES[k as keyof typeof EMBED_ATTRIBUTES]])) : false;
          } catch {
            return false;
          }
        },
      },
    ];
  },
  renderHTML({ node }) {
    const a = node.attrs as Record<string, string | null>;
    return ['figure', { 'data-embed': JSON.stringify(a), class: 'embed' }, ['a', { href: a.url, rel: 'noopener noreferrer nofollow' }, a.title || a.url], ['figcaption', {}, a.caption ?? '']];
  },
});

/**
 * The anchor of an inline comment: a mark carrying the comment's id. It travels with the text it
 * covers through later edits; readers never see it (the public renderer drops it).
 */
export const CommentAnchor = Mark.create({
  name: 'comment',
  inclusive: false,
  excludes: '',
  addAttributes() {
    return { commentId: { default: null, parseHTML: (el) => el.getAttribute('data-comment-id'), renderHTML: (attrs) => ({ 'data-comment-id': attrs.commentId }) } };
  },
  parseHTML() {
    return [{ tag: 'span[data-comment-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', { ...HTMLAttributes, class: 'comment-anchor' }, 0];
  },
});

export function storyExtensions(options: { shared?: boolean } = {}): Extensions {
  return [
    StarterKit.configure({
      // Written together, undo is the shared document's (it undoes only one's own changes), and no
      // editor adds a trailing paragraph of its own: such a paragraph stays out of the shared
      // document, and the stored body would then differ from what every editor shows.
      ...(options.shared ? { undoRedo: false as const, trailingNode: false as const } : {}),
      // The document comes from suggestions.ts: its blocks may carry suggestion marks.
      document: false,
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto'],
        defaultProtocol: 'https',
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    SuggestibleDocument,
    StoryImage.configure({ allowBase64: false }),
    StoryEmbed,
    CommentAnchor,
    Insertion,
    Deletion,
    Modification,
    // Curly quotes, apostrophes, dashes and ellipses as the reporter types; no other symbols.
    Typography.configure({
      leftArrow: false,
      rightArrow: false,
      copyright: false,
      trademark: false,
      servicemark: false,
      registeredTrademark: false,
      oneHalf: false,
      plusMinus: false,
      notEqual: false,
      laquo: false,
      raquo: false,
      multiplication: false,
      superscriptTwo: false,
      superscriptThree: false,
      oneQuarter: false,
      threeQuarters: false,
    }),
  ];
}
