import type { Metadata } from 'next';
import { StoryEditor } from '@/components/editor/story-editor';
import { requireViewer } from '@/lib/auth';
import { env } from '@/lib/env';
import { listSections } from '@/lib/data/sections';
import { getCopyDesk } from '@/lib/data/style';
import { listNewsroomPeople } from '@/lib/data/users';
import '../editor.css';

type Props = { searchParams: Promise<{ format?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: (await searchParams).format === 'live' ? 'New live blog' : 'New story' };
}

/** A new story, or with `?format=live` a new live blog (its body is the summary above the entries). */
export default async function NewStoryPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const live = (await searchParams).format === 'live';
  const [sections, people, copydesk] = await Promise.all([listSections(), listNewsroomPeople(viewer), getCopyDesk(viewer, null)]);
  return <StoryEditor story={null} viewerId={viewer.id} sections={sections} people={people} copydesk={copydesk} format={live ? 'LIVE' : 'STORY'} collaborate={env().MASTHEAD_COLLABORATION === 'on'} />;
}
