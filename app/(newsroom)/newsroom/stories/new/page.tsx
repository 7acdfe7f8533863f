import type { Metadata } from 'next';
import { StoryEditor } from '@/components/editor/story-editor';
import { requireViewer } from '@/lib/auth';
import { listSections } from '@/lib/data/sections';
import { getCopyDesk } from '@/lib/data/style';
import { listNewsroomPeople } from '@/lib/data/users';
import '../editor.css';

export const metadata: Metadata = { title: 'New story' };

export default async function NewStoryPage() {
  const viewer = await requireViewer();
  const [sections, people, copydesk] = await Promise.all([listSections(), listNewsroomPeople(viewer), getCopyDesk(viewer, null)]);
  return <StoryEditor story={null} viewerId={viewer.id} sections={sections} people={people} copydesk={copydesk} />;
}
