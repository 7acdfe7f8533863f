import 'server-only';
import { getChangeRequest } from './change-requests';
import { listComments } from './comments';
import { NotFoundError } from './errors';
import { getHolds } from './holds';
import { listSharedPreviews } from './preview';
import { getLiveDesk } from './live-entries';
import { can } from '@/lib/permissions';
import { changesForReview } from './revisions';
import { listSections } from './sections';
import { getStoryForEdit } from './stories';
import { storyAbilities } from './story-abilities';
import { getCopyDesk } from './style';
import { listNewsroomPeople } from './users';
import type { Viewer } from './viewer';
import { wireNoticeFor } from './wire-stories';

// Everything the story page shows, read at once and authorised here: the page decides nothing
// about who may do what, it renders what this hands it. Null: no such story.

export async function getStoryPage(viewer: Viewer | null, id: string) {
  const story = await getStoryForEdit(viewer, id).catch((error) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!story) return null;
  const [sections, people, threads, changeRequest, abilities, copydesk, holds] = await Promise.all([
    listSections(),
    listNewsroomPeople(viewer),
    listComments(viewer, id),
    getChangeRequest(viewer, id),
    storyAbilities(viewer, id),
    getCopyDesk(viewer, id),
    getHolds(viewer, id),
  ]);
  // Reviewing editors first see what changed since they last saw the story; bylines and the desk
  // see the preview links shared outside.
  const [changes, previews, live, wireNotice] = await Promise.all([
    abilities.reviews ? changesForReview(viewer, id) : null,
    can(viewer, 'story.sharePreview', { status: story.status, authorIds: story.bylineIds }) ? listSharedPreviews(viewer, id) : [],
    getLiveDesk(viewer, id),
    viewer ? wireNoticeFor(viewer, id) : null,
  ]);
  const wire = wireNotice && { notice: wireNotice, canClearKill: can(viewer, 'story.clearWireKill', { status: story.status, authorIds: story.bylineIds }) };
  return { story, sections, people, threads, changeRequest, abilities, copydesk, holds, changes, previews, live, wire };
}
