import 'server-only';
import type { PublicStory, PublicStorySummary } from '@/lib/data/public-stories';
import { bodyToHtml } from '@/lib/editor/html';
import { toPlainText } from '@/lib/editor/plain-text';
import { SITE, absoluteUrl, siteUrl } from '@/lib/site';
import { authorPath, sectionPath, storyPath, tagPath } from '@/lib/urls';

// What the public API says about a story. Explicit shapes: nothing from the newsroom leaks out.

export function storySummaryDto(s: PublicStorySummary) {
  return {
    id: s.id,
    url: absoluteUrl(storyPath(s)),
    slug: s.slug,
    headline: s.headline,
    dek: s.dek,
    bylines: s.bylines.map((b) => ({ name: b.name, slug: b.slug, url: absoluteUrl(authorPath(b)) })),
    section: { name: s.section.name, slug: s.section.slug },
    tags: s.tags,
    publishedAt: s.publishedAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    image: s.image ? { url: absoluteUrl(s.image.src), width: s.image.width, height: s.image.height, alt: s.image.alt, caption: s.image.caption, credit: s.image.credit } : null,
  };
}

export function storyDto(s: PublicStory) {
  return {
    ...storySummaryDto(s),
    creditLine: s.creditLine,
    dateline: s.dateline,
    corrections: s.corrections.map((c) => ({ kind: c.kind.toLowerCase(), text: c.text, createdAt: c.createdAt.toISOString() })),
    bodyHtml: bodyToHtml(s.body, { dateline: s.dateline, base: siteUrl() }),
    body: s.body,
  };
}

/** The story as IPTC ninjs 2.0 (https://www.iptc.org/std/ninjs/). */
export function storyNinjs(s: PublicStory, siteName: string) {
  const text = toPlainText(s.body);
  return {
    uri: absoluteUrl(storyPath(s)),
    type: 'text',
    representationtype: 'complete',
    firstcreated: s.publishedAt.toISOString(),
    versioncreated: s.updatedAt.toISOString(),
    pubstatus: 'usable',
    language: SITE.language,
    copyrightholder: siteName,
    headlines: [{ role: 'main', value: s.headline }],
    descriptions: s.dek ? [{ role: 'summary', contenttype: 'text/plain', value: s.dek }] : [],
    bodies: [{ role: 'main', contenttype: 'text/html', wordcount: text.split(/\s+/).filter(Boolean).length, value: bodyToHtml(s.body, { dateline: s.dateline, base: siteUrl() }) }],
    by: s.bylines.map((b) => b.name).join(', '),
    ...(s.dateline ? { located: s.dateline } : {}),
    people: s.bylines.map((b) => ({ name: b.name, rel: 'author', uri: absoluteUrl(authorPath(b)) })),
    subjects: [
      { name: s.section.name, uri: absoluteUrl(sectionPath(s.section)), rel: 'section' },
      ...s.tags.map((t) => ({ name: t.name, uri: absoluteUrl(tagPath(t)), rel: 'tag' })),
    ],
    ...(s.image
      ? { associations: [{ name: 'featureimage', type: 'picture', uri: absoluteUrl(s.image.src), renditions: [{ name: 'main', href: absoluteUrl(s.image.src), width: s.image.width, height: s.image.height, contenttype: 'image/webp' }], descriptions: [{ role: 'alt', value: s.image.alt }] }] }
      : {}),
  };
}
