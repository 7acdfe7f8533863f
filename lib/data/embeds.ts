import 'server-only';
import { db } from '@/lib/db';
import { endpointHosts, matchProvider, oembedRequest, type Provider } from '@/lib/embeds/providers';
import { FetchRefusedError, safeFetch } from '@/lib/embeds/safe-fetch';
import { EmbedAnswerError, snapshotFromOembed, snapshotFromPage, webAddress, type EmbedSnapshot } from '@/lib/embeds/snapshot';
import type { EmbedNode } from '@/lib/editor/schema';
import { embedAttrsFrom, loadEmbeds } from './body-embeds';
import { importRemoteImage } from './media';
import { enabledProviders } from './embed-providers';
import { ValidationError } from './errors';
import { assertCan, type Viewer } from './viewer';

// Embeds resolved on the server, once: the provider's oEmbed answer (or the page's card tags for
// any other address) becomes a stored snapshot of data, and its thumbnail is copied into the media
// library through the upload pipeline, never hot-linked. The same address resolves to the same
// embed; a refresh updates it in place, and a post deleted at the source keeps its card.

const FRESH_FOR_MS = 7 * 24 * 3600_000;
const THUMBNAIL_MAX_BYTES = 5 * 1024 * 1024;

export type EmbedRow = NonNullable<Awaited<ReturnType<typeof db.embed.findUnique>>>;

/** Fetches what the address says about itself: its provider's oEmbed answer, or its page's card tags. */
async function fetchSnapshot(address: string, providers: Provider[]): Promise<EmbedSnapshot> {
  const trustedHosts = endpointHosts(providers);
  const match = matchProvider(address, providers);
  if (match?.endpoint) {
    const answer = await safeFetch(oembedRequest(match.endpoint, address), { trustedHosts, accept: 'application/json' });
    let json: unknown;
    try {
      json = JSON.parse(answer.body.toString('utf8'));
    } catch {
      throw new EmbedAnswerError('The provider’s answer is not JSON.');
    }
    return snapshotFromOembed(json, address, match.provider);
  }
  const page = await safeFetch(address, { accept: 'text/html,application/xhtml+xml', trustedHosts });
  if (!/html/i.test(page.contentType)) throw new EmbedAnswerError('That address is not a web page, so it has no card to show.');
  return snapshotFromPage(page.body.toString('utf8'), address, match?.provider.provider_name);
}

/** The thumbnail, copied into the media library (re-encoded by the upload pipeline), or null. */
async function copyThumbnail(source: string | null, provider: string, createdById: string, trustedHosts: Set<string>): Promise<string | null> {
  if (!source) return null;
  // A card without its picture is still a card: the thumbnail is optional.
  return importRemoteImage(source, { maxBytes: THUMBNAIL_MAX_BYTES, trustedHosts, text: { originalName: 'Embed thumbnail', credit: provider }, uploadedById: createdById }).catch(() => null);
}

const columns = (s: EmbedSnapshot) => ({
  kind: s.kind, provider: s.provider, title: s.title, authorName: s.authorName, authorUrl: s.authorUrl, thumbnailSource: s.thumbnailUrl,
  width: s.width, height: s.height, text: s.text, playerUrl: s.playerUrl,
});

/** Why an address cannot be embedded, in words for the reporter, with the reason's code. */
export class EmbedRefusedError extends ValidationError {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message, { url: [message] });
  }
}

/**
 * The embed for an address a reporter pasted: resolved now, or the stored one when it is fresh.
 * A refusal (bad or private address, not found, too large, timed out, not oEmbed) changes nothing.
 */
export async function resolveEmbed(viewer: Viewer | null, address: string): Promise<EmbedRow> {
  assertCan(viewer, 'story.create');
  const url = webAddress(address);
  if (!url) throw new EmbedRefusedError('bad-address', 'That is not a web address (http or https).');
  const known = await db.embed.findUnique({ where: { url } });
  if (known && Date.now() - known.fetchedAt.getTime() < FRESH_FOR_MS) return known;
  const providers = await enabledProviders();
  let snapshot: EmbedSnapshot;
  try {
    snapshot = await fetchSnapshot(url, providers);
  } catch (error) {
    if (error instanceof FetchRefusedError) throw new EmbedRefusedError(error.reason, error.message);
    if (error instanceof EmbedAnswerError) throw new EmbedRefusedError('not-embeddable', error.message);
    throw error;
  }
  const thumbnailId = known?.thumbnailSource === snapshot.thumbnailUrl && known?.thumbnailId ? known.thumbnailId : await copyThumbnail(snapshot.thumbnailUrl, snapshot.provider, viewer.id, endpointHosts(providers));
  return db.embed.upsert({
    where: { url },
    create: { url, ...columns(snapshot), thumbnailId, fetchedAt: new Date(), createdById: viewer.id },
    update: { ...columns(snapshot), thumbnailId, fetchedAt: new Date(), goneAt: null },
  });
}

/** An address resolved (resolveEmbed) as the card the editor inserts: the body node's attributes. */
export async function resolveEmbedCard(viewer: Viewer | null, address: string): Promise<EmbedNode['attrs']> {
  const embed = await resolveEmbed(viewer, address);
  const [stored, providers] = await Promise.all([loadEmbeds(db, [embed.id]), enabledProviders()]);
  const attrs = embedAttrsFrom(stored.get(embed.id)!, {}, providers);
  if (!attrs) throw new EmbedRefusedError('bad-address', 'That is not a web address (http or https).');
  return attrs;
}

/**
 * Refreshes embeds fetched more than a week ago (the weekly job): a changed answer updates the
 * card; an address that now answers 404 or 410 keeps its card, marked gone at the source; any
 * other failure leaves it for the next run. Returns how many were refreshed and how many are gone.
 */
export async function refreshEmbeds(now = new Date(), batch = 200): Promise<{ refreshed: number; gone: number }> {
  const stale = await db.embed.findMany({ where: { fetchedAt: { lt: new Date(now.getTime() - FRESH_FOR_MS) }, goneAt: null }, orderBy: { fetchedAt: 'asc' }, take: batch });
  const providers = await enabledProviders();
  let refreshed = 0;
  let gone = 0;
  for (const embed of stale) {
    try {
      const snapshot = await fetchSnapshot(embed.url, providers);
      const thumbnailId = embed.thumbnailSource === snapshot.thumbnailUrl ? embed.thumbnailId : await copyThumbnail(snapshot.thumbnailUrl, snapshot.provider, embed.createdById, endpointHosts(providers));
      await db.embed.update({ where: { id: embed.id }, data: { ...columns(snapshot), thumbnailId, fetchedAt: now } });
      refreshed++;
    } catch (error) {
      if (error instanceof FetchRefusedError && error.reason === 'not-found') {
        await db.embed.update({ where: { id: embed.id }, data: { goneAt: now, fetchedAt: now } });
        gone++;
      }
    }
  }
  return { refreshed, gone };
}
