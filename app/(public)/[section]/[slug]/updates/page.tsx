import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveEntries } from '@/components/reading/live-blog';
import { getLiveBlog } from '@/lib/data/live-public';
import { getPublishedStory } from '@/lib/data/public-stories';
import { getSiteIdentity } from '@/lib/data/site-identity';
import { BadCursorError, decodeCursor } from '@/lib/pagination';
import { decodePath, storyPath } from '@/lib/urls';

// A live blog's older entries, a page at a time by cursor (`?before=` from the "Older entries"
// link). Plain HTML like the blog itself; the front caches each page under the blog's address key,
// so an entry change purges these pages with the blog.

type Props = { params: Promise<{ section: string; slug: string }>; searchParams: Promise<{ before?: string | string[] }> };

async function load({ params, searchParams }: Props) {
  const { section, slug } = await params;
  const { before } = await searchParams;
  if (typeof before !== 'string') return null;
  try {
    decodeCursor(before);
  } catch (error) {
    if (error instanceof BadCursorError) return null;
    throw error;
  }
  const story = await getPublishedStory(decodePath(section), decodePath(slug));
  const blog = story?.live ? await getLiveBlog(story.id, before) : null;
  return story && blog ? { story, blog, before } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const page = await load(props);
  if (!page) return {};
  // The blog's own address is the one to index; these pages are how to reach its older entries.
  return { title: `Earlier updates: ${page.story.headline} · ${(await getSiteIdentity()).name}`, robots: { index: false, follow: true } };
}

export default async function OlderEntriesPage(props: Props) {
  const page = await load(props);
  if (!page) notFound();
  const { story, blog } = page;
  const url = storyPath(story);
  return (
    <article className="article live-older-page">
      <header className="article-header">
        <p className="kicker">Earlier updates</p>
        <h1>
          <Link href={url}>{story.headline}</Link>
        </h1>
        <p className="meta">
          <Link href={url}>Back to the latest updates</Link>
        </p>
      </header>
      <section className="live-blog" aria-label="Earlier updates">
        <LiveEntries blog={blog} olderUrl={`${url}/updates`} />
      </section>
      {/* Entries' videos play only when a reader presses play. */}
      <script async src="/embeds-v1.js" />
    </article>
  );
}
