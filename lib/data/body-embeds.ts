import 'server-only';
import { db } from '@/lib/db';
import { attrsOf } from '@/lib/editor/node-attrs';
import { isPlayerOf, type Provider } from '@/lib/embeds/providers';
import type { Doc, EmbedNode } from '@/lib/editor/schema';
import { webAddress } from '@/lib/embeds/snapshot';
import type { Rendition } from '@/lib/media/process';
import { enabledProviders } from './embed-providers';

// Embeds in a story body name an Embed row; their card comes from that row (and its thumbnail from
// the media library), on save and again on every render, exactly as images come from their media
// rows. The caption and alt text are the reporter's. A player is kept only while its provider is
// enabled, so the public CSP's frame-src (the enabled providers' players) always allows it.

type Client = Pick<typeof db, 'embed' | 'media'>;
export type StoredEmbed = {
  id: string; url: string; kind: string; provider: string; title: string; authorName: string; authorUrl: string | null;
  text: string; playerUrl: string | null; goneAt: Date | null; thumbnail: { src: string; width: number; height: number } | null;
};

const embedSelect = { id: true, url: true, kind: true, provider: true, title: true, authorName: true, authorUrl: true, text: true, playerUrl: true, goneAt: true, thumbnailId: true } as const;

export const embedIds = (doc: Doc): string[] => attrsOf(doc, 'embed', 'embedId');

/** The stored embeds behind these ids, with their thumbnails' card-size renditions. */
export async function loadEmbeds(client: Client, ids: string[]): Promise<Map<string, StoredEmbed>> {
  if (ids.length === 0) return new Map();
  const rows = await client.embed.findMany({ where: { id: { in: [...new Set(ids)] } }, select: embedSelect });
  const thumbIds = rows.map((r) => r.thumbnailId).filter((x): x is string => !!x);
  const media = thumbIds.length ? await client.media.findMany({ where: { id: { in: thumbIds } }, select: { id: true, renditions: true } }) : [];
  const thumbs = new Map(
    media.map((m) => {
      const renditions = m.renditions as Rendition[];
      const shown = renditions.find((r) => r.width >= 640) ?? renditions.at(-1);
      return [m.id, shown ? { src: shown.src, width: shown.width, height: shown.height } : null];
    }),
  );
  return new Map(rows.map(({ thumbnailId, ...row }) => [row.id, { ...row, thumbnail: (thumbnailId && thumbs.get(thumbnailId)) || null }]));
}

/**
 * The card's attributes from its row; the reporter's caption and alt text kept. Addresses are
 * checked again (the row is data): a row whose own address is not http(s) gives no card (null).
 */
export function embedAttrsFrom(row: StoredEmbed, own: { caption?: string; alt?: string }, providers: readonly Provider[]): EmbedNode['attrs'] | null {
  const url = webAddress(row.url);
  if (!url) return null;
  const player = webAddress(row.playerUrl);
  return {
    embedId: row.id,
    url,
    kind: (['video', 'photo', 'rich', 'link'].includes(row.kind) ? row.kind : 'link') as EmbedNode['attrs']['kind'],
    provider: row.provider,
    title: row.title,
    authorName: row.authorName,
    authorUrl: webAddress(row.authorUrl),
    thumbnailSrc: row.thumbnail?.src ?? null,
    thumbnailWidth: row.thumbnail?.width ?? null,
    thumbnailHeight: row.thumbnail?.height ?? null,
    text: row.text,
    playerUrl: player && isPlayerOf(player, providers) ? player : null,
    gone: row.goneAt !== null,
    caption: own.caption ?? '',
    alt: own.alt ?? '',
  };
}

/** What body-images.ts needs to map embeds: the rows, and the providers whose players may be framed. */
export async function embedsFor(client: Client, doc: Doc): Promise<{ rows: Map<string, StoredEmbed>; providers: Provider[] } | null> {
  const ids = embedIds(doc);
  if (ids.length === 0) return null;
  const [rows, providers] = await Promise.all([loadEmbeds(client, ids), enabledProviders()]);
  return { rows, providers };
}
