import type { LiveBlog } from '@/lib/data/live-public';
import type { PublicStory } from '@/lib/data/public-stories';
import { toPlainText } from '@/lib/editor/plain-text';
import { SITE } from '@/lib/site';
import { authorPath, sectionPath, storyPath } from '@/lib/urls';

/**
 * JSON for a <script type="application/ld+json">. Every character that could end the script
 * element or start markup is written as a JSON escape, so a headline containing "</script>" stays
 * text: JSON parsers read the same string back.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** schema.org NewsArticle, with the fields Google News and aggregators read. */
export function newsArticleJsonLd(story: PublicStory, absolute: (path: string) => string, siteName: string) {
  const url = absolute(storyPath(story));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: story.headline,
    description: story.seoDescription || story.dek || undefined,
    datePublished: story.publishedAt.toISOString(),
    dateModified: story.updatedAt.toISOString(),
    author: story.bylines.map((b) => ({ '@type': 'Person', name: b.name, url: absolute(authorPath(b)) })),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: siteName,
      url: absolute('/'),
      logo: { '@type': 'ImageObject', url: absolute(SITE.logoPath), width: SITE.logoSize.width, height: SITE.logoSize.height },
    },
    image: story.image ? [absolute(story.image.src)] : [absolute(SITE.logoPath)],
    articleSection: story.section.name,
    keywords: story.tags.map((t) => t.name).join(', ') || undefined,
    isAccessibleForFree: true,
    inLanguage: SITE.language,
    ...(story.dateline ? { locationCreated: { '@type': 'Place', name: story.dateline } } : {}),
    isPartOf: { '@type': 'WebPage', url: absolute(sectionPath(story.section)) },
  };
}

/**
 * schema.org LiveBlogPosting for a live blog: the article's fields, when coverage started and
 * ended, and its newest entries as liveBlogUpdate (each a BlogPosting with its own address).
 */
export function liveBlogJsonLd(story: PublicStory, blog: LiveBlog, absolute: (path: string) => string, siteName: string) {
  const article = newsArticleJsonLd(story, absolute, siteName);
  return {
    ...article,
    '@type': 'LiveBlogPosting',
    coverageStartTime: story.publishedAt.toISOString(),
    ...(blog.coverageEndedAt ? { coverageEndTime: blog.coverageEndedAt.toISOString() } : {}),
    ...(blog.newestAt ? { dateModified: blog.newestAt.toISOString() } : {}),
    liveBlogUpdate: blog.entries.map((entry) => ({
      '@type': 'BlogPosting',
      headline: entry.headline || toPlainText(entry.body).split('\n')[0]!.slice(0, 110),
      url: `${article.url}#entry-${entry.id}`,
      datePublished: entry.postedAt.toISOString(),
      ...(entry.correctedAt ? { dateModified: entry.correctedAt.toISOString() } : {}),
      articleBody: toPlainText(entry.body),
      ...(entry.author ? { author: { '@type': 'Person', name: entry.author.name, url: absolute(authorPath(entry.author)) } } : {}),
    })),
  };
}
