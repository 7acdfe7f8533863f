import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { publicMediaSrc } from '@/lib/media/urls';
import { attrsOf } from '@/lib/editor/node-attrs';
import type { Block, Doc, ImageNode } from '@/lib/editor/schema';
import type { Rendition } from '@/lib/media/process';
import { embedAttrsFrom, embedsFor, type StoredEmbed } from './body-embeds';

// Images in a story body name a media-library row; everything else about them (the file, its size,
// alt text, caption, credit) comes from that row, on save and again on every render. A body can
// therefore never point an <img> at another URL, and an editor's correction to a caption reaches
// every story that shows the image. Embeds are mapped the same way, from their rows (body-embeds.ts).

type Client = Pick<typeof db, 'media' | 'embed'>;
type Embeds = Awaited<ReturnType<typeof embedsFor>>;
type MediaRow = { id: string; altText: string; caption: string; credit: string; renditions: unknown };

export const bodyImageSelect = { id: true, altText: true, caption: true, credit: true, renditions: true } as const;

export const imageIds = (doc: Doc): string[] => attrsOf(doc, 'image', 'mediaId');

/** The attributes an image node gets from its media row: a mid-size rendition and the row's texts. */
export function imageAttrsFrom(row: MediaRow): ImageNode['attrs'] {
  const renditions = row.renditions as Rendition[];
  const shown = renditions.find((r) => r.width >= 960) ?? renditions.at(-1);
  return {
    src: shown?.src ?? '',
    width: shown?.width ?? null,
    height: shown?.height ?? null,
    alt: row.altText,
    caption: row.caption,
    credit: row.credit,
    mediaId: row.id,
    title: null,
  };
}

/** `rows` null leaves images as they are (a live entry's, mapped on render only). */
function mapBlocks(blocks: Block[], rows: Map<string, MediaRow> | null, embeds: Embeds): Block[] {
  return blocks.flatMap((block): Block[] => {
    if (block.type === 'image' && rows) {
      const row = rows.get(block.attrs.mediaId);
      return row ? [{ ...block, attrs: imageAttrsFrom(row) }] : []; // an image no longer in the library is left out
    }
    if (block.type === 'embed') {
      const row: StoredEmbed | undefined = embeds?.rows.get(block.attrs.embedId);
      const attrs = row && embeds ? embedAttrsFrom(row, block.attrs, embeds.providers) : null;
      return attrs ? [{ ...block, attrs }] : []; // an embed no longer stored (or damaged) is left out
    }
    if (block.type === 'blockquote') return [{ ...block, content: mapBlocks(block.content, rows, embeds) }];
    if (block.type === 'bulletList' || block.type === 'orderedList') {
      return [{ ...block, content: block.content.map((item) => ({ ...item, content: mapBlocks(item.content, rows, embeds) })) } as Block];
    }
    return [block];
  });
}

/** The body with every image's attributes taken from its media row, and every embed's card from its row. */
export function withLibraryImages(doc: Doc, rows: MediaRow[], embeds: Embeds = null): Doc {
  return { ...doc, content: mapBlocks(doc.content, new Map(rows.map((r) => [r.id, r])), embeds) };
}

/** The body with every embed's card taken from its row; images untouched. */
export function withStoredEmbeds(doc: Doc, embeds: Embeds): Doc {
  return embeds ? { ...doc, content: mapBlocks(doc.content, null, embeds) } : doc;
}

/** The body as readers get it: images and embeds as their rows say now; ones since deleted left out. */
export async function resolveBodyRefs(client: Client, doc: Doc): Promise<Doc> {
  const ids = imageIds(doc);
  const [rows, embeds] = await Promise.all([ids.length ? client.media.findMany({ where: { id: { in: ids } }, select: bodyImageSelect }) : [], embedsFor(client, doc)]);
  if (ids.length === 0 && !embeds) return doc;
  return withPublicMedia(withLibraryImages(doc, rows, embeds));
}

/** Every rendition a body shows (images, embeds' thumbnails) at the address readers fetch it from. */
function withPublicMedia(doc: Doc): Doc {
  if (!env().MASTHEAD_MEDIA_PUBLIC_URL) return doc;
  const map = (blocks: Block[]): Block[] =>
    blocks.map((block): Block => {
      if (block.type === 'image') return { ...block, attrs: { ...block.attrs, src: publicMediaSrc(block.attrs.src) } };
      if (block.type === 'embed' && block.attrs.thumbnailSrc) return { ...block, attrs: { ...block.attrs, thumbnailSrc: publicMediaSrc(block.attrs.thumbnailSrc) } };
      if (block.type === 'blockquote') return { ...block, content: map(block.content) };
      if (block.type === 'bulletList' || block.type === 'orderedList') return { ...block, content: block.content.map((item) => ({ ...item, content: map(item.content) })) } as Block;
      return block;
    });
  return { ...doc, content: map(doc.content) };
}

/** Live or scheduled stories that show an image, as featured image or in the body. */
export async function storiesShowingImage(mediaId: string): Promise<{ id: string; headline: string; legalHold: boolean }[]> {
  return db.$queryRaw<{ id: string; headline: string; legalHold: boolean }[]>`
    SELECT id, headline, "legalHold" FROM "Story"
    WHERE status IN ('PUBLISHED', 'SCHEDULED')
      AND ("featuredImageId" = ${mediaId}
        OR jsonb_path_exists(body, '$.** ? (@.type == "image" && @.attrs.mediaId == $id)', jsonb_build_object('id', ${mediaId}::text)))`;
}

/** Which of these images a published or scheduled story shows (featured or in the body). */
export async function imagesOnLiveStories(mediaIds: string[]): Promise<string[]> {
  if (mediaIds.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT m.id FROM unnest(${mediaIds}::text[]) AS m(id)
    JOIN "Story" s ON s.status IN ('PUBLISHED', 'SCHEDULED')
      AND (s."featuredImageId" = m.id
        OR jsonb_path_exists(s.body, '$.** ? (@.type == "image" && @.attrs.mediaId == $id)', jsonb_build_object('id', m.id)))`;
  return rows.map((r) => r.id);
}
