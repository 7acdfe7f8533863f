import type { Metadata } from 'next';
import Link from 'next/link';
import { StoryList } from '@/components/reading/story-list';
import { StorySummary } from '@/components/reading/story-summary';
import { getFrontPage } from '@/lib/data/public-stories';
import { listingMetadata } from '@/lib/seo/metadata';
import { SITE } from '@/lib/site';
import { sectionPath } from '@/lib/urls';

export const frontPageMetadata: Metadata = listingMetadata({ description: SITE.description, path: '/' });

/** The front page: the lead, the top stories, then each section's latest. */
export async function FrontPage() {
  const { lead, top, sections } = await getFrontPage();
  if (!lead) return <p className="empty">Nothing has been published yet.</p>;
  return (
    <div className="front">
      <h1 className="visually-hidden">{SITE.name}: top stories</h1>
      <section aria-labelledby="top-stories" className="front-top">
        <h2 id="top-stories" className="visually-hidden">
          Top stories
        </h2>
        <StorySummary story={lead} lead level={3} />
        {top.length > 0 && <StoryList stories={top} empty="" level={3} />}
      </section>
      {sections.map((section) => (
        <section key={section.slug} aria-labelledby={`front-${section.slug}`} className="front-section">
          <h2 id={`front-${section.slug}`} className="front-section-title">
            <Link href={sectionPath(section)}>{section.name}</Link>
          </h2>
          <StoryList stories={section.stories} empty="" showSection={false} level={3} />
        </section>
      ))}
    </div>
  );
}
