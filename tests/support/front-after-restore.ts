import { publishFront } from '@/lib/data/front';
import { listFrontSections } from '@/lib/data/public-front';
import { transitionStory } from '@/lib/data/workflow';
import { db } from '@/lib/db';
import { emptyLayout } from '@/lib/front/layout';

// A second process for tests/integration/backup.test.ts, pointed at a restored database: an editor
// publishes a front page that leads with a story, then unpublishes that story (which takes it off
// the front page in the same transaction, as a new front page version).

async function main() {
  const [storyId, editorId] = process.argv.slice(2);
  const editor = await db.user.findUniqueOrThrow({ where: { id: editorId }, select: { id: true, name: true, email: true, role: true, active: true } });
  const sections = (await listFrontSections()).map((s) => s.slug);
  const front = await publishFront(editor, { layout: { ...emptyLayout(sections), lead: storyId! }, note: 'After the restore', publishAt: null });
  const { version } = await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { version: true } });
  await transitionStory(editor, storyId!, 'unpublish', { baseVersion: version });
  console.log(JSON.stringify({ front: front.number }));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
