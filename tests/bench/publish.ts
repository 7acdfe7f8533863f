import { performance } from 'node:perf_hooks';
import { percentile } from './http';

// Publish-to-visible: an editor publishes through the data layer from this process (as another app
// instance would), and the clock runs until the story's public URL answers 200 on the server under
// test, which learns of the change from PostgreSQL NOTIFY. Its own caches were warmed beforehand.

export async function benchPublishToVisible(baseUrl: string, databaseUrl: string, rounds = 5) {
  // The data layer reads DATABASE_URL once, on first use; put it back for whatever runs next.
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    return await publishRounds(baseUrl, rounds);
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

async function publishRounds(baseUrl: string, rounds: number) {
  const { db } = await import('@/lib/db');
  const { createStory } = await import('@/lib/data/stories');
  const { transitionStory } = await import('@/lib/data/workflow');
  const { blankStory } = await import('@/lib/editor/blank-story');
  const { stopBoss } = await import('@/lib/jobs/boss');
  const viewer = async (email: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, active: true, name: true, email: true } });
    return u;
  };
  const [reporter, editor] = await Promise.all([viewer('reporter@example.com'), viewer('editor@example.com')]);
  const section = await db.section.findUniqueOrThrow({ where: { slug: 'business' }, select: { id: true } });
  const timings: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const story = await createStory(reporter, {
      ...blankStory(reporter.id, section.id),
      headline: `Bench publication ${i} ${Date.now()}`,
      tags: ['Bench'],
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Published by the benchmark.' }] }] },
    });
    let version = story.version;
    version = (await transitionStory(reporter, story.id, 'submit', { baseVersion: version })).version;
    version = (await transitionStory(editor, story.id, 'approve', { baseVersion: version })).version;
    const url = `${baseUrl}/business/${story.slug}`;
    // Readers are already looking: the 404 and the section page are in the server's cache.
    await fetch(url).then((r) => r.text());
    await fetch(`${baseUrl}/business`).then((r) => r.text());
    const t0 = performance.now();
    await transitionStory(editor, story.id, 'publish', { baseVersion: version });
    while ((await fetch(url).then(async (r) => (await r.text(), r.status))) !== 200) {
      if (performance.now() - t0 > 10_000) throw new Error('The story did not become visible within 10 s.');
    }
    timings.push(performance.now() - t0);
  }
  // A queue client the data layer started in this process (scheduling does) must be stopped, or
  // the run outlives its database by minutes, retrying.
  await stopBoss();
  await db.$disconnect();
  timings.sort((a, b) => a - b);
  return { rounds, p50: percentile(timings, 50), max: timings.at(-1)! };
}
