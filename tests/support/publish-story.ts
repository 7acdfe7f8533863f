import { transitionStory } from '@/lib/data/workflow';
import { db } from '@/lib/db';

// A second process for tests/integration/purges.test.ts: publishes one story as one editor, the
// way a request would, with whatever fronts MASTHEAD_FRONT_URLS names. The test kills it mid-way.

async function main() {
  const [storyId, editorId] = process.argv.slice(2);
  const editor = await db.user.findUniqueOrThrow({ where: { id: editorId }, select: { id: true, name: true, email: true, role: true, active: true } });
  const { version } = await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { version: true } });
  await transitionStory(editor, storyId!, 'publish', { baseVersion: version });
  console.log('published');
  process.exit(0);
}

void main();
