import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryEditor } from '@/components/editor/story-editor';
import { CorrectionForm } from '@/components/story/correction-form';
import { SlugForm } from '@/components/story/slug-form';
import { ReviewChanges } from '@/components/story/review-changes';
import { ChangesRequested } from '@/components/story/changes-requested';
import { getChangeRequest } from '@/lib/data/change-requests';
import { changesForReview } from '@/lib/data/revisions';
import { requireViewer } from '@/lib/auth';
import { env } from '@/lib/env';
import { instantToZonedLocal } from '@/lib/time';
import { listComments } from '@/lib/data/comments';
import { NotFoundError } from '@/lib/data/errors';
import { listSections } from '@/lib/data/sections';
import { getStoryForEdit } from '@/lib/data/stories';
import { getPolicy } from '@/lib/data/settings';
import { getCopyDesk } from '@/lib/data/style';
import { getHolds } from '@/lib/data/holds';
import { formatDateTime } from '@/lib/format';
import { HoldsPanel, type HoldsView } from '@/components/story/holds-panel';
import { listNewsroomPeople } from '@/lib/data/users';
import { can } from '@/lib/permissions';
import { storyAbilities } from '@/lib/data/story-abilities';
import '../editor.css';

export const metadata: Metadata = { title: 'Edit story' };

type Props = { params: Promise<{ id: string }> };

export default async function EditStoryPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const story = await getStoryForEdit(viewer, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [sections, people, policy, threads, changeRequest, abilities, copydesk, holds] = await Promise.all([
    listSections(),
    listNewsroomPeople(viewer),
    getPolicy(),
    listComments(viewer, id),
    getChangeRequest(viewer, id),
    storyAbilities(viewer, id),
    getCopyDesk(viewer, id),
    getHolds(viewer, id),
  ]);
  const ref = { status: story.status, authorIds: story.bylineIds };
  const timeZone = env().NEWSROOM_TIMEZONE;
  const holdsView: HoldsView = {
    legalHold: holds.legalHold && { reason: holds.legalHold.reason, by: holds.legalHold.by, when: formatDateTime(holds.legalHold.at) },
    embargo: holds.embargoUntil && { when: formatDateTime(holds.embargoUntil), local: instantToZonedLocal(holds.embargoUntil, timeZone) },
    canHold: holds.canHold,
    canEmbargo: holds.canEmbargo,
    timeZone,
  };
  // An embargoed story's publication time starts at the embargo, the earliest the server accepts.
  const scheduledFor = story.scheduledAt ? instantToZonedLocal(new Date(story.scheduledAt), timeZone) : (holdsView.embargo?.local ?? null);
  // The key remounts the editor when the server's version changes (after a restore, say), and when
  // a legal hold or an embargo changes the steps and times it offers (unsaved typing is kept by the
  // editor's local copy).
  const editor = (
    <StoryEditor key={`${story.id}:${story.version}:${holds.legalHold ? 'held' : 'free'}:${holds.embargoUntil?.getTime() ?? ''}`} story={story} threads={threads} abilities={abilities} timeZone={timeZone} scheduledFor={scheduledFor} viewerId={viewer.id} sections={sections} people={people} copydesk={copydesk} />
  );
  // Reviewing editors first see what changed since they last saw the story.
  const inReview = story.status === 'IN_REVIEW' || story.update?.state === 'IN_REVIEW';
  const reviewRef = { status: 'IN_REVIEW' as const, authorIds: story.bylineIds };
  const changes = inReview && can(viewer, 'story.requestChanges', reviewRef, policy) ? await changesForReview(viewer, id) : null;
  return (
    <>
      <HoldsPanel storyId={story.id} holds={holdsView} />
      {changeRequest && <ChangesRequested request={changeRequest} />}
      {changes && <ReviewChanges changes={changes} />}
      {editor}
      {can(viewer, 'story.correct', ref, policy) && <CorrectionForm storyId={story.id} />}
      {story.slugLocked && can(viewer, 'story.changeSlug', ref, policy) && <SlugForm storyId={story.id} version={story.version} slug={story.slug} />}
    </>
  );
}
