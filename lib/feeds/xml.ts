// XML text and attribute escaping for feeds and sitemaps; also drops characters XML 1.0 forbids.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for an RSS element that feed readers may render as HTML (RSS allows HTML in <title> and
 * <description>, and many readers treat both that way): escaped for HTML, then for XML, so that a
 * reader that renders HTML shows the text and a headline such as "<script>…" never runs.
 */
export function rssText(text: string): string {
  return xml(text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!));
}

/** Public caching for machine-read documents: a CDN keeps them a minute and may serve stale for ten. */
export const FEED_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';

export function xmlResponse(body: string, contentType = 'application/xml'): Response {
  return new Response(body, { headers: { 'Content-Type': `${contentType}; charset=utf-8`, 'Cache-Control': FEED_CACHE_CONTROL } });
}
