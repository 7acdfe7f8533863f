import { getSchema } from '@tiptap/core';
import { z } from 'zod';
import { storyExtensions } from './extensions';
import { isSafeHref } from './safe-url';

// The story body as Tiptap JSON, checked as a tree in two passes: a strict zod schema (known node
// and mark types, known attributes only, safe links, alt text on images, no NUL characters), then
// the ProseMirror schema built from the editor's own extension set (which content may go where).

export const MAX_BODY_BYTES = 512 * 1024;
const MAX_DEPTH = 24;

const noNul = (t: string) => !t.includes('\u0000');
// Attributes are single-line strings: no control characters at all (tab and newline included).
const CONTROL = /[\u0000-\u001f\u007f]/;
// A rendition's address ("/media/<id>/<width>.webp"): no "..", no other path on this site.
const MEDIA_SRC = /^\/media\/[a-z0-9]{10,40}\/[0-9]{1,5}\.webp$/;
const attribute = (max: number) => z.string().max(max).refine((t) => !CONTROL.test(t), 'Attributes may not contain control characters.');

const linkMark = z.strictObject({
  type: z.literal('link'),
  attrs: z.strictObject({
    href: z.string().refine(isSafeHref, 'Links must use http, https or mailto.'),
    target: z.enum(['_blank']).nullable().optional(),
    // Link relations are space-separated keywords ("noopener noreferrer nofollow").
    rel: z.string().max(100).regex(/^[a-z ]*$/, 'A link’s rel holds keywords only.').nullable().optional(),
    class: z.null().optional(),
    title: attribute(300).nullable().optional(),
  }),
});
const commentMark = z.strictObject({
  type: z.literal('comment'),
  attrs: z.strictObject({ commentId: z.string().regex(/^[a-z0-9]{8,40}$/, 'Comment anchors carry a comment id.') }),
});
// Suggestion mode's marks (lib/editor/suggestions.ts): an id, who suggested it and when; a
// modification also records what it changed.
const suggestionId = z.union([z.number().int().min(0).max(1e9), z.string().max(64).regex(/^[\w-]+$/)]).nullable();
const suggestionCommon = { id: suggestionId, author: attribute(120).nullable().optional(), at: z.string().max(40).regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/).nullable().optional() };
const changedValue = z.union([z.null(), z.string().max(2000), z.number(), z.boolean(), z.record(z.string().max(40), z.union([z.null(), z.string().max(2000), z.number(), z.boolean()]))]);
const suggestionMark = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('insertion'), attrs: z.strictObject(suggestionCommon) }),
  z.strictObject({ type: z.literal('deletion'), attrs: z.strictObject(suggestionCommon) }),
  z.strictObject({
    type: z.literal('modification'),
    attrs: z.strictObject({ ...suggestionCommon, type: z.string().max(40).nullable().optional(), attrName: z.string().max(40).nullable().optional(), previousValue: changedValue.optional(), newValue: changedValue.optional() }),
  }),
]);
/** Marks a whole block may carry: suggestions only (a paragraph suggested, or deleted, whole). */
const blockMarks = z.array(suggestionMark).max(3).optional();
const mark = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  linkMark,
  commentMark,
  ...suggestionMark.options,
]);

const text = z.strictObject({
  type: z.literal('text'),
  // PostgreSQL cannot store U+0000 in JSON, and no keyboard types it.
  text: z.string().min(1).refine(noNul, 'Text may not contain NUL characters.'),
  marks: z.array(mark).max(8).optional(),
});
const hardBreak = z.strictObject({ type: z.literal('hardBreak') });
const inline = z.discriminatedUnion('type', [text, hardBreak]);

const paragraph = z.strictObject({ type: z.literal('paragraph'), marks: blockMarks, content: z.array(inline).optional() });
const heading = z.strictObject({
  type: z.literal('heading'),
  marks: blockMarks,
  attrs: z.strictObject({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: z.array(inline).optional(),
});
const horizontalRule = z.strictObject({ type: z.literal('horizontalRule'), marks: blockMarks });
const image = z.strictObject({
  type: z.literal('image'),
  marks: blockMarks,
  attrs: z.strictObject({
    // Exactly the shape of a rendition's address ("/media/<id>/<width>.webp"): no "..", no other
    // path on this site. The server replaces it with the media row's own on save and on render.
    src: z.string().regex(MEDIA_SRC, 'Images must come from the media library.'),
    alt: z
      .string({ error: 'Every image needs alt text.' })
      .trim()
      .min(1, 'Every image needs alt text.')
      .max(500, 'Alt text is at most 500 characters.')
      .refine(noNul, 'Text may not contain NUL characters.'),
    mediaId: z.string().min(1).max(64).regex(/^[\w-]+$/, 'Images must come from the media library.'),
    caption: z.string().max(1000).refine(noNul, 'Text may not contain NUL characters.').default(''),
    credit: z.string().max(300).refine(noNul, 'Text may not contain NUL characters.').default(''),
    title: attribute(300).nullable().optional(),
    width: z.number().int().positive().nullable().optional(),
    height: z.number().int().positive().nullable().optional(),
  }),
});

// An embed (lib/data/body-embeds.ts): the Embed row the newsroom resolved on its server, by id.
// Its card (kind, provider, title, author, thumbnail, post text, player) is copied from that row
// on save and again on every render, so a body can never carry a card of its own making; the
// caption and the thumbnail's alt text are the reporter's.
const webAddress = z
  .string()
  .max(2000)
  .refine((v) => /^https?:\/\//i.test(v) && isSafeHref(v) && !CONTROL.test(v), 'Embeds use http or https addresses only.');
const dimension = z.number().int().positive().max(10_000).nullable().optional();
const embed = z.strictObject({
  type: z.literal('embed'),
  marks: blockMarks,
  attrs: z.strictObject({
    embedId: z.string().regex(/^[a-z0-9]{10,40}$/, 'Embeds must be resolved by the newsroom (Embed in the toolbar).'),
    url: webAddress,
    kind: z.enum(['video', 'photo', 'rich', 'link'], 'An embed is a video, a photo, a post or a link.'),
    provider: attribute(100).optional(),
    title: attribute(300).optional(),
    authorName: attribute(200).optional(),
    authorUrl: webAddress.nullable().optional(),
    thumbnailSrc: z.string().regex(MEDIA_SRC, 'Embed thumbnails come from the media library.').nullable().optional(),
    thumbnailWidth: dimension,
    thumbnailHeight: dimension,
    text: z.string().max(2000).refine(noNul, 'Text may not contain NUL characters.').optional(),
    playerUrl: webAddress.nullable().optional(),
    gone: z.boolean().optional(),
    caption: z.string().max(1000, 'A caption is at most 1,000 characters.').refine(noNul, 'Text may not contain NUL characters.').default(''),
    alt: z.string().max(500, 'Alt text is at most 500 characters.').refine(noNul, 'Text may not contain NUL characters.').default(''),
  }),
});

export type Mark = z.infer<typeof mark>;
export type Inline = z.infer<typeof inline>;
export type ImageNode = z.infer<typeof image>;
export type EmbedNode = z.infer<typeof embed>;
export type Block =
  | z.infer<typeof paragraph>
  | z.infer<typeof heading>
  | z.infer<typeof horizontalRule>
  | ImageNode
  | EmbedNode
  | { type: 'blockquote'; marks?: SuggestionMark[]; content: Block[] }
  | { type: 'bulletList'; marks?: SuggestionMark[]; content: ListItem[] }
  | { type: 'orderedList'; marks?: SuggestionMark[]; attrs?: { start?: number; type?: string | null }; content: ListItem[] };
export type ListItem = { type: 'listItem'; marks?: SuggestionMark[]; content: Block[] };
export type SuggestionMark = z.infer<typeof suggestionMark>;
export type Doc = { type: 'doc'; content: Block[] };

const block: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('type', [
    paragraph,
    heading,
    horizontalRule,
    image,
    embed,
    z.strictObject({ type: z.literal('blockquote'), marks: blockMarks, content: z.array(block).min(1) }),
    z.strictObject({ type: z.literal('bulletList'), marks: blockMarks, content: z.array(listItem).min(1) }),
    z.strictObject({
      type: z.literal('orderedList'),
      marks: blockMarks,
      attrs: z
        .strictObject({ start: z.number().int().min(0).max(100000).optional(), type: z.enum(['1', 'a', 'A', 'i', 'I']).nullable().optional() })
        .optional(),
      content: z.array(listItem).min(1),
    }),
  ]),
);
const listItem: z.ZodType<ListItem> = z.lazy(() =>
  z.strictObject({ type: z.literal('listItem'), marks: blockMarks, content: z.array(block).min(1) }),
);

const doc = z.strictObject({ type: z.literal('doc'), content: z.array(block) });

let proseMirrorSchema: ReturnType<typeof getSchema> | undefined;

function depth(node: unknown, level = 0): number {
  if (level > MAX_DEPTH || typeof node !== 'object' || node === null) return level;
  const content = (node as { content?: unknown }).content;
  if (!Array.isArray(content)) return level;
  return Math.max(level, ...content.map((child) => depth(child, level + 1)));
}

export type BodyResult = { ok: true; doc: Doc } | { ok: false; error: string };

/** Validates an untrusted body. The error names the first problem and where it is. */
export function parseBody(input: unknown): BodyResult {
  const size = Buffer.byteLength(JSON.stringify(input ?? null), 'utf8');
  if (size > MAX_BODY_BYTES) return { ok: false, error: `The story body is too large (${size} bytes; the limit is ${MAX_BODY_BYTES}).` };
  if (depth(input) > MAX_DEPTH) return { ok: false, error: 'The story body is nested too deeply.' };
  const result = doc.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `Invalid story body${where}: ${issue.message}` };
  }
  try {
    proseMirrorSchema ??= getSchema(storyExtensions());
    proseMirrorSchema.nodeFromJSON(result.data).check();
  } catch (error) {
    return { ok: false, error: `Invalid story body: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, doc: result.data as Doc };
}
