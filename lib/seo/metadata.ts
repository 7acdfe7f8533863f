import type { Metadata } from 'next';
import type { ListingSubject } from '@/lib/data/public-page';
import type { PublicStory } from '@/lib/data/public-stories';
import { authorPath, sectionPath, storyPath, tagPath } from '@/lib/urls';

/** Title, description, canonical URL and social cards of a listing page (home, section, tag…). */
/** `siteName` is the publication's name as an admin set it (lib/data/site-identity.ts). */
export function listingMetadata(input: { title?: string; description: string; path: string; feed?: string; siteName: string }): Metadata {
  return {
    ...(input.title ? { title: input.title } : {}),
    description: input.description,
    alternates: { canonical: input.path, types: { 'application/rss+xml': input.feed ?? '/feed.xml' } },
    openGraph: { type: 'website', siteName: input.siteName, title: input.title ?? input.siteName, description: input.description, url: input.path },
    twitter: { card: 'summary', title: input.title ?? input.siteName, description: input.description },
  };
}

export function articleMetadata(story: PublicStory, siteName: string): Metadata {
  const title = story.seoTitle || story.headline;
  const description = story.seoDescription || story.dek || undefined;
  const path = storyPath(story);
  const images = story.image ? [{ url: story.image.src, width: story.image.width, height: story.image.height, alt: story.image.alt }] : undefined;
  return {
    title,
    description,
    alternates: { canonical: path },
    authors: story.bylines.map((b) => ({ name: b.name, url: authorPath(b) })),
    keywords: story.tags.map((t) => t.name),
    openGraph: {
      type: 'article',
      siteName,
      title,
      description,
      url: path,
      publishedTime: story.publishedAt.toISOString(),
      modifiedTime: story.updatedAt.toISOString(),
      section: story.section.name,
      tags: story.tags.map((t) => t.name),
      images,
    },
    twitter: { card: story.image ? 'summary_large_image' : 'summary', title, description, images: images?.map((i) => i.url) },
  };
}

/** A section's, tag's or author's listing. */
export function subjectMetadata(subject: ListingSubject, siteName: string): Metadata {
  if (subject.kind === 'section') {
    const { section } = subject;
    return listingMetadata({ title: section.name, description: `The latest ${section.name} stories.`, path: sectionPath(section), feed: `/${section.slug}/feed.xml`, siteName });
  }
  if (subject.kind === 'tag') {
    const { tag } = subject;
    return listingMetadata({ title: tag.name, description: `Stories about ${tag.name}.`, path: tagPath(tag), feed: `/tags/${tag.slug}/feed.xml`, siteName });
  }
  const { author } = subject;
  return listingMetadata({ title: author.name, description: author.bio || `Stories by ${author.name}.`, path: authorPath(author), siteName });
}
