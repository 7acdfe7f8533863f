import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryEditor } from '@/components/editor/story-editor';
import { CorrectionForm } from '@/components/story/correction-form';
import { SlugForm } from '@/components/story/slug-form';
import { ReviewChanges } from '@/components/story/review-changes';
import { ChangesRequested } from '@/components/story/changes-requested';
import { requireViewer } from '@/lib/auth';
import { env } from '@/lib/env';
import { instantToZonedLocal } from '@/lib/time';
import { getStoryPage } from '@/lib/data/story-page';
import { formatDateTime } from '@/lib/format';
import { HoldBanners, LegalPanel, type HoldsView } from '@/components/story/holds-panel';
import { PreviewLinks } from '@/components/story/preview-links';
import { LiveDesk, StartLiveBlog } from '@/components/story/live-desk';
import '../editor.css';

export const metadata: Metadata = { title: 'Edit story' };

type Props = { params: Promise<{ id: string }> };

export default async function EditStoryPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const page = await getStoryPage(viewer, id);
  if (!page) notFound();
  const { story, sections, people, threads, changeRequest, abilities, copydesk, holds, changes, previews, live, wire } = page;
  const timeZone = env().NEWSROOM_TIMEZONE;
  const holdsView: HoldsView = {
    legalHold: holds.legalHold && { reason: holds.legalHold.reason, by: holds.legalHold.by, when: formatDateTime(holds.legalHold.at) },
    embargo: holds.embargoUntil && { when: formatDateTime(holds.embargoUntil), local: instantToZonedLocal(holds.embargoUntil, timeZone) },
    takedown: holds.takedown && { reason: holds.takedown.reason, by: holds.takedown.by, when: formatDateTime(holds.takedown.at) },
    live: holds.live,
    canHold: holds.canHold,
    canEmbargo: holds.canEmbargo,
    timeZone,
  };
  // Written together: every story but a live one, whose changes go through its pending update.
  const collaborate = env().MASTHEAD_COLLABORATION === 'on' && story.status !== 'PUBLISHED';
  // An embargoed story's publication time starts at the embargo, the earliest the server accepts.
  const scheduledFor = story.scheduledAt ? instantToZonedLocal(new Date(story.scheduledAt), timeZone) : (holdsView.embargo?.local ?? null);
  // The key remounts the editor when the server's version changes (after a restore, say), and when
  // a legal hold or an embargo changes the steps and times it offers (unsaved typing is kept by the
  // editor's local copy).
  const editor = (
    <StoryEditor key={`${story.id}:${story.version}:${holds.legalHold ? 'held' : 'free'}:${holds.takedown ? 'down' : 'up'}:${holds.embargoUntil?.getTime() ?? ''}:${wire?.notice.killedAt ? 'killed' : ''}`} story={story} threads={threads} abilities={abilities} timeZone={timeZone} scheduledFor={scheduledFor} viewerId={viewer.id} sections={sections} people={people} copydesk={copydesk} format={live ? 'LIVE' : 'STORY'} wire={wire} collaborate={collaborate} sidePanel={<LegalPanel storyId={story.id} holds={holdsView} />} />
  );
  return (
    <>
      <HoldBanners storyId={story.id} holds={holdsView} />
      {changeRequest && <ChangesRequested request={changeRequest} />}
      {changes && <ReviewChanges changes={changes} />}
      {!live && story.status === 'DRAFT' && story.canEdit && <StartLiveBlog storyId={story.id} />}
      {editor}
      {live && (
        <LiveDesk
          storyId={story.id}
          section={sections.find((s) => s.id === story.sectionId)?.slug ?? null}
          copydesk={copydesk}
          people={people}
          desk={{ ...live, endedAt: live.endedAt && formatDateTime(live.endedAt), entries: live.entries.map((e) => ({ ...e, at: formatDateTime(e.at) })) }}
        />
      )}
      <PreviewLinks storyId={story.id} links={previews.map((p) => ({ id: p.id, by: p.by, made: formatDateTime(p.createdAt), until: formatDateTime(p.expiresAt) }))} />
      {abilities.canCorrect && <CorrectionForm storyId={story.id} />}
      {abilities.canChangeSlug && <SlugForm storyId={story.id} version={story.version} slug={story.slug} />}
    </>
  );
}
