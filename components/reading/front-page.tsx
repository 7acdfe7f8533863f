import Link from 'next/link';
import { StoryList } from '@/components/reading/story-list';
import { StorySummary } from '@/components/reading/story-summary';
import type { ResolvedFront } from '@/lib/reading/shapes';
import { sectionPath } from '@/lib/urls';

/**
 * Laid out as a newspaper's: the lead with its picture beside the top stories, then the section
 * blocks with the latest stories in a rail. Also the newsroom's preview of a draft.
 */
export function FrontPage({ front, siteName }: { front: ResolvedFront; siteName: string }) {
  const { lead, top, sections, latest } = front;
  if (!lead) return <p className="empty">Nothing has been published yet.</p>;
  return (
    <div className="front">
      <h1 className="visually-hidden">{siteName}: top stories</h1>
      <section aria-labelledby="top-stories" className="front-top">
        <h2 id="top-stories" className="visually-hidden">
          Top stories
        </h2>
        <div className="front-lead">
          <StorySummary story={lead} variant="lead" level={3} />
        </div>
        {top.length > 0 && <StoryList stories={top} empty="" level={3} variant="top" className="front-top-list" />}
      </section>
      <div className="front-body">
        <div className="front-sections">
          {sections.map((section) => (
            <section key={section.slug} aria-labelledby={`front-${section.slug}`} className="front-section">
              <h2 id={`front-${section.slug}`} className="front-section-title">
                <Link href={sectionPath(section)}>{section.name}</Link>
              </h2>
              <StorySummary story={section.stories[0]!} variant="list" level={3} showSection={false} />
              <StoryList stories={section.stories.slice(1)} empty="" showSection={false} level={3} variant="compact" className="front-section-more" />
            </section>
          ))}
        </div>
        {latest.length > 0 && (
          <section aria-labelledby="front-latest" className="front-latest">
            <h2 id="front-latest" className="front-section-title">
              Latest
            </h2>
            <StoryList stories={latest} empty="" level={3} variant="compact" className="latest-list" />
          </section>
        )}
      </div>
    </div>
  );
}
