import { z } from 'zod';
import { isPlayerOf, type Provider } from './providers';

// What Masthead keeps of an embed: data, never the provider's HTML. An oEmbed answer (video,
// photo, rich or link) or a page's Open Graph / Twitter card tags become the same snapshot, with
// every field bounded and every address http(s). A rich post's text is taken from its HTML as
// plain text; a video's player address is kept only when its host is one of the provider's
// player hosts, to be framed after a reader clicks (the public CSP's frame-src lists them).

export type EmbedKind = 'video' | 'photo' | 'rich' | 'link';

export type EmbedSnapshot = {
  kind: EmbedKind;
  /** The address the reporter embedded, as the source names it (canonical when it says so). */
  url: string;
  provider: string;
  title: string;
  authorName: string;
  authorUrl: string | null;
  /** The thumbnail at the source, before the resolver copies it into the media library. */
  thumbnailUrl: string | null;
  width: number | null;
  height: number | null;
  /** A rich post's own words, as plain text. */
  text: string;
  playerUrl: string | null;
};

export class EmbedAnswerError extends Error {}

const LIMITS = { title: 300, author: 200, provider: 100, text: 2000 } as const;

const line = (value: unknown, max: number) =>
  typeof value === 'string'
    ? value
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, max)
    : '';

/** An http(s) address of at most 2,000 characters, resolved against `base`, or null. */
export function webAddress(value: unknown, base?: string): string | null {
  if (typeof value !== 'string' || !value.trim() || value.length > 2000) return null;
  try {
    const url = new URL(value.trim(), base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? url.toString() : null;
  } catch {
    return null;
  }
}

const size = (value: unknown) => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 10_000 ? n : null;
};

// The named entities posts and card tags use; numeric ones are decoded whatever they are.
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', middot: '·',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x') || lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[lower] ?? whole;
  });
}

/** The words of a provider's HTML, as plain text: scripts and styles dropped, tags removed. */
export function textOfHtml(html: string): string {
  const text = html
    .replace(/<(script|style|noscript|iframe)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|blockquote|li)>/gi, '\n')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, LIMITS.text);
}

/** The player an oEmbed video's HTML frames, if it is one of the provider's player hosts. */
function playerOf(html: string, provider: Provider): string | null {
  const src = /<iframe\b[^>]*\bsrc\s*=\s*("([^"]*)"|'([^']*)')/i.exec(html);
  const address = webAddress(decodeEntities(src?.[2] ?? src?.[3] ?? ''));
  if (!address) return null;
  const url = new URL(address);
  // YouTube's player without its tracking cookies.
  if (url.hostname === 'www.youtube.com' && url.pathname.startsWith('/embed/')) url.hostname = 'www.youtube-nocookie.com';
  return isPlayerOf(url.toString(), [provider]) ? url.toString() : null;
}

const oembedSchema = z.looseObject({
  type: z.enum(['video', 'photo', 'rich', 'link']),
  version: z.union([z.string(), z.number()]).optional(),
});

/** An oEmbed answer as a snapshot; an answer that is not oEmbed is an EmbedAnswerError. */
export function snapshotFromOembed(answer: unknown, address: string, provider: Provider): EmbedSnapshot {
  const parsed = oembedSchema.safeParse(answer);
  if (!parsed.success) throw new EmbedAnswerError('The provider’s answer is not an oEmbed answer.');
  const o = parsed.data as Record<string, unknown> & { type: EmbedKind };
  const html = typeof o.html === 'string' ? o.html.slice(0, 200_000) : '';
  return {
    kind: o.type,
    url: address,
    provider: line(o.provider_name, LIMITS.provider) || provider.provider_name,
    title: line(o.title, LIMITS.title),
    authorName: line(o.author_name, LIMITS.author),
    authorUrl: webAddress(o.author_url),
    // A photo is its own picture; others bring a thumbnail.
    thumbnailUrl: webAddress(o.type === 'photo' ? o.url : o.thumbnail_url) ?? webAddress(o.thumbnail_url),
    width: size(o.type === 'photo' ? o.width : (o.thumbnail_width ?? o.width)),
    height: size(o.type === 'photo' ? o.height : (o.thumbnail_height ?? o.height)),
    text: o.type === 'rich' && html ? textOfHtml(html) : '',
    playerUrl: o.type === 'video' && html ? playerOf(html, provider) : null,
  };
}

/** The attributes of each <meta> tag in a page's head. */
function metaTags(html: string): Map<string, string> {
  const head = html.slice(0, 300_000).split(/<\/head\s*>/i)[0]!;
  const found = new Map<string, string>();
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(/([a-z:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) attrs.set(m[1]!.toLowerCase(), m[3] ?? m[4] ?? m[5] ?? '');
    const key = (attrs.get('property') ?? attrs.get('name') ?? '').toLowerCase();
    const content = attrs.get('content');
    if (key && content !== undefined && !found.has(key)) found.set(key, decodeEntities(content));
  }
  return found;
}

/** A page's Open Graph / Twitter card tags as a link card; its <title> when it has no card tags. */
export function snapshotFromPage(html: string, address: string, providerName?: string): EmbedSnapshot {
  const meta = metaTags(html);
  const pick = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v && v.trim()) ?? '';
  const title = pick('og:title', 'twitter:title') || decodeEntities(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html.slice(0, 300_000))?.[1] ?? '');
  const canonical = webAddress(pick('og:url'), address);
  const host = new URL(address).hostname.replace(/^www\./, '');
  return {
    kind: 'link',
    url: canonical && new URL(canonical).hostname.replace(/^www\./, '') === host ? canonical : address,
    provider: line(providerName || pick('og:site_name') || host, LIMITS.provider),
    title: line(title, LIMITS.title),
    authorName: line(pick('author', 'article:author', 'twitter:creator'), LIMITS.author),
    authorUrl: null,
    thumbnailUrl: webAddress(pick('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'), address),
    width: size(pick('og:image:width')),
    height: size(pick('og:image:height')),
    text: line(pick('og:description', 'twitter:description', 'description'), LIMITS.text),
    playerUrl: null,
  };
}
