import 'server-only';
import type { LiveBlog, PublicEntry } from '@/lib/data/live-public';
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
    // A live blog whose coverage runs.
    live: s.liveNow,
  };
}

function entryDto(s: PublicStory, e: PublicEntry) {
  return {
    id: e.id,
    url: `${absoluteUrl(storyPath(s))}#entry-${e.id}`,
    headline: e.headline,
    keyEvent: e.keyEvent,
    postedAt: e.postedAt.toISOString(),
    correctedAt: e.correctedAt?.toISOString() ?? null,
    author: e.author ? { name: e.author.name, url: absoluteUrl(authorPath(e.author)) } : null,
    bodyHtml: bodyToHtml(e.body, { base: siteUrl() }),
  };
}

/** A live blog's coverage and newest entries, for the API's story document. */
function liveBlogDto(s: PublicStory, blog: LiveBlog) {
  return {
    coverageEndedAt: blog.coverageEndedAt?.toISOString() ?? null,
    pinned: blog.pinned ? entryDto(s, blog.pinned) : null,
    entries: blog.entries.map((e) => entryDto(s, e)),
  };
}

export function storyDto(s: PublicStory, blog: LiveBlog | null = null) {
  return {
    ...(blog ? { liveBlog: liveBlogDto(s, blog) } : {}),
    ...storySummaryDto(s),
    creditLine: s.creditLine,
    dateline: s.dateline,
    corrections: s.corrections.map((c) => ({ kind: c.kind.toLowerCase(), text: c.text, createdAt: c.createdAt.toISOString() })),
    bodyHtml: bodyToHtml(s.body, { dateline: s.dateline, base: siteUrl() }),
    body: s.body,
  };
}

/** The story as IPTC ninjs 2.0 (https://www.iptc.org/std/ninjs/). */
export function storyNinjs(s: PublicStory, siteName: string, blog: LiveBlog | null = null) {
  const text = toPlainText(s.body);
  // A live blog's entries travel as associated text items, newest first.
  const entries = (blog?.entries ?? []).map((e) => ({
    name: `entry-${e.id}`,
    type: 'text',
    uri: `${absoluteUrl(storyPath(s))}#entry-${e.id}`,
    versioncreated: (e.correctedAt ?? e.postedAt).toISOString(),
    ...(e.headline ? { headlines: [{ role: 'main', value: e.headline }] } : {}),
    ...(e.author ? { by: e.author.name } : {}),
    bodies: [{ role: 'main', contenttype: 'text/html', value: bodyToHtml(e.body, { base: siteUrl() }) }],
  }));
  return {
    uri: absoluteUrl(storyPath(s)),
    type: 'text',
    representationtype: 'full',
    firstcreated: s.publishedAt.toISOString(),
    versioncreated: s.updatedAt.toISOString(),
    pubstatus: 'usable',
    language: SITE.language,
    copyrightholder: siteName,
    headlines: [{ role: 'main', value: s.headline }],
    descriptions: s.dek ? [{ role: 'summary', contenttype: 'text/plain', value: s.dek }] : [],
    bodies: [{ role: 'main', contenttype: 'text/html', wordcount: text.split(/\s+/).filter(Boolean).length, value: bodyToHtml(s.body, { dateline: s.dateline, base: siteUrl() }) }],
    by: [...s.bylines.map((b) => b.name), ...(s.agencyByline ? [s.agencyByline] : [])].join(', '),
    ...(s.dateline ? { located: s.dateline } : {}),
    people: s.bylines.map((b) => ({ name: b.name, rel: 'author', uri: absoluteUrl(authorPath(b)) })),
    subjects: [
      { name: s.section.name, uri: absoluteUrl(sectionPath(s.section)), rel: 'section' },
      ...s.tags.map((t) => ({ name: t.name, uri: absoluteUrl(tagPath(t)), rel: 'tag' })),
    ],
    ...(s.image || entries.length
      ? {
          associations: [
            ...(s.image ? [{ name: 'featureimage', type: 'picture', uri: absoluteUrl(s.image.src), renditions: [{ name: 'main', href: absoluteUrl(s.image.src), width: s.image.width, height: s.image.height, contenttype: 'image/webp' }], descriptions: [{ role: 'alt', value: s.image.alt }] }] : []),
            ...entries,
          ],
        }
      : {}),
  };
}
