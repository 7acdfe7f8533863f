import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryEditor } from '@/components/editor/story-editor';
import { requireViewer } from '@/lib/auth';
import { NotFoundError } from '@/lib/data/errors';
import { listSections } from '@/lib/data/sections';
import { getStoryForEdit } from '@/lib/data/stories';
import { listNewsroomPeople } from '@/lib/data/users';
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
  const [sections, people] = await Promise.all([listSections(), listNewsroomPeople(viewer)]);
  // The key remounts the editor when the server's version changes (after a restore, say).
  return <StoryEditor key={`${story.id}:${story.version}`} story={story} viewerId={viewer.id} sections={sections} people={people} />;
}
