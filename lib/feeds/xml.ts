import { XMLBuilder } from 'fast-xml-parser';

// Feeds and sitemaps are written by fast-xml-parser's builder from plain objects ("@_name" is an
// attribute, an array repeats the element): it escapes every text and attribute. Before that,
// characters XML 1.0 forbids are dropped, since one would make the whole document unreadable.

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (_name: string, value: unknown) => (typeof value === 'string' ? value.replace(FORBIDDEN, '') : value);

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  format: true,
  indentBy: '',
  tagValueProcessor: clean,
  attributeValueProcessor: clean,
});

/** An XML document with its declaration, from one root element written as an object. */
export function xmlDocument(root: Record<string, unknown>): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...root });
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text escaped for an XML element or attribute, with the characters XML 1.0 forbids dropped. */
export function xmlText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for an RSS element that feed readers may render as HTML (RSS allows HTML in <title> and
 * <description>, and many readers treat both that way): escaped for HTML here, then for XML by the
 * builder, so that a reader that renders HTML shows the text and a headline such as "<script>…"
 * never runs.
 */
export function rssText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/** Public caching for machine-read documents: a CDN keeps them a minute and may serve stale for ten. */
export const FEED_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';

export function xmlResponse(body: string, contentType = 'application/xml'): Response {
  return new Response(body, { headers: { 'Content-Type': `${contentType}; charset=utf-8`, 'Cache-Control': FEED_CACHE_CONTROL } });
}
