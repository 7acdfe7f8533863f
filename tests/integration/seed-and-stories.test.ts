import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ForbiddenError } from '@/lib/data/errors';
import { getPublishedStory, listPublishedStories } from '@/lib/data/public-stories';
import { searchPublishedStories } from '@/lib/data/public-search';
import { listDeskStories } from '@/lib/data/desk';
import { toPlainText } from '@/lib/editor/plain-text';
import { verifyPassword } from '@/lib/passwords';
import { DEMO_PASSWORD, isSeeded, seedDemoNewsroom } from '@/prisma/seed';
import { summitParagraphs } from '../support/summit';
import { FRONT_STORIES } from '@/prisma/seed-data/front-stories';
import { DEMO_LIVE_BLOG } from '@/prisma/seed-data/live-blog';
import { DEMO_STORIES } from '@/prisma/seed-data/stories';
import { getLiveBlog } from '@/lib/data/live-public';
import { makeUser } from './helpers';

const quiet = () => {};
const counts = async () => ({
  users: await db.user.count(),
  sections: await db.section.count(),
  tags: await db.tag.count(),
  stories: await db.story.count(),
  revisions: await db.revision.count(),
  audit: await db.auditEvent.count(),
});

beforeAll(async () => {
  await seedDemoNewsroom(db, quiet);
});

describe('the demo newsroom seed', () => {
  it('is idempotent: a second run adds nothing and changes nothing', async () => {
    const before = await counts();
    const summitBefore = await db.story.findUniqueOrThrow({ where: { slug: 'yoon-ishiba-second-summit-lima' } });
    await seedDemoNewsroom(db, quiet);
    expect(await counts()).toEqual(before);
    expect(await db.story.findUniqueOrThrow({ where: { slug: 'yoon-ishiba-second-summit-lima' } })).toEqual(summitBefore);
    expect(await isSeeded(db)).toBe(true);
  });

  it('answers a reader’s search for “Ishiba Lima” with the summit story first, then the ended live blog of that day', async () => {
    const { hits } = await searchPublishedStories('Ishiba Lima');
    expect(hits.map((h) => h.slug).slice(0, 2)).toEqual(['yoon-ishiba-second-summit-lima', DEMO_LIVE_BLOG.slug]);
  });

  it('puts a morning of agency copy on the Wires desk, through the wire pipeline', async () => {
    const items = await db.wireItem.findMany({ where: { source: { slug: 'demo-wire' } }, orderBy: { guid: 'asc' }, select: { guid: true, version: true, urgency: true, format: true } });
    expect(items).toEqual([
      { guid: 'urn:demo-wire:markets-open', version: 1, urgency: 5, format: 'ninjs-2' },
      { guid: 'urn:demo-wire:port-flash', version: 1, urgency: 1, format: 'ninjs-2' },
      { guid: 'urn:demo-wire:summit-communique', version: 2, urgency: 3, format: 'ninjs-2' },
    ]);
  });

  it('creates the four demo logins with the documented password', async () => {
    for (const [email, role] of [
      ['admin@example.com', 'ADMIN'],
      ['editor@example.com', 'EDITOR'],
      ['reporter@example.com', 'REPORTER'],
      ['reporter2@example.com', 'REPORTER'],
    ] as const) {
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { role: true, active: true, passwordHash: true } });
      expect(user.role).toBe(role);
      expect(user.active).toBe(true);
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
  });

  it('publishes the summit story in World by Lee Jon-young, word for word as the source', async () => {
    const story = await getPublishedStory('world', 'yoon-ishiba-second-summit-lima');
    expect(story).not.toBeNull();
    const paragraphs = summitParagraphs();
    expect(story!.body.content).toHaveLength(paragraphs.length);
    expect(toPlainText(story!.body)).toBe(paragraphs.join('\n\n'));
    expect(story!.bylines).toEqual([{ name: 'Lee Jon-young', slug: 'lee-jon-young' }]);
    expect(story!.creditLine).toBe('Diplomacy Journal');
    expect(story!.section).toEqual({ name: 'World', slug: 'world' });
    expect(story!.tags.map((t) => t.name).sort()).toEqual(['Diplomacy', 'Japan', 'North Korea', 'South Korea']);
  });

  it('has stories in other states by different reporters', async () => {
    const rows = await db.story.findMany({
      where: { slug: { in: DEMO_STORIES.map((d) => d.slug) } },
      select: { status: true, authors: { select: { user: { select: { email: true } } } } },
    });
    const states = new Set(rows.map((r) => r.status));
    expect(states).toEqual(new Set(['PUBLISHED', 'DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED']));
    const reporters = new Set(rows.flatMap((r) => r.authors.map((a) => a.user.email)));
    expect(reporters).toContain('reporter@example.com');
    expect(reporters).toContain('reporter2@example.com');
  });
  it('has a live blog of the summit day whose coverage ended: entries, a correction, a key event, a pinned one', async () => {
    const story = await getPublishedStory('world', 'lima-summit-day-live');
    expect(story?.live).toBe(true);
    const blog = await getLiveBlog(story!.id);
    expect(blog!.coverageEndedAt).toEqual(new Date('2024-11-17T03:40:00.000Z'));
    expect(blog!.entries).toHaveLength(DEMO_LIVE_BLOG.live!.entries.length);
    // Newest first, each with its author.
    const times = blog!.entries.map((e) => e.postedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(blog!.entries.every((e) => e.author !== null)).toBe(true);
    expect(blog!.entries.filter((e) => e.correctedAt)).toHaveLength(1);
    expect(blog!.keyEvents.map((k) => k.headline)).toEqual(['Leaders voice strong concern over North Korean troops in Russia']);
    expect(blog!.pinned?.headline).toBe('Leaders voice strong concern over North Korean troops in Russia');
  });
});

describe('story reads', () => {
  it('show readers only stories that are published and due', async () => {
    const reporter = await db.user.findUniqueOrThrow({ where: { email: 'reporter@example.com' } });
    const world = await db.section.findUniqueOrThrow({ where: { slug: 'world' } });
    const future = await db.story.create({
      data: {
        headline: 'Not yet',
        slug: 'not-yet',
        body: { type: 'doc', content: [] },
        status: 'PUBLISHED',
        publishedAt: new Date(Date.now() + 3_600_000),
        sectionId: world.id,
        createdById: reporter.id,
      },
    });
    // Other test files publish stories of their own; look only at the demo newsroom's.
    const all = [...DEMO_STORIES, ...FRONT_STORIES];
    const demo = new Set(all.map((d) => d.slug));
    const published = (await listPublishedStories({ take: 100 })).stories.filter((s) => demo.has(s.slug) || s.slug === 'not-yet');
    const expected = all.filter((d) => d.status === 'PUBLISHED').map((d) => d.slug);
    expect(expected).toContain('yoon-ishiba-second-summit-lima');
    expect(expected).not.toContain('council-delays-transit-budget-vote');
    expect(published.map((s) => s.slug).sort()).toEqual(expected.sort());
    expect(await getPublishedStory('world', 'not-yet')).toBeNull();
    expect(await getPublishedStory('politics', 'council-delays-transit-budget-vote')).toBeNull();
    // The right slug under the wrong section is not the story.
    expect(await getPublishedStory('business', 'yoon-ishiba-second-summit-lima')).toBeNull();
    await db.story.delete({ where: { id: future.id } });
  });

  it('give the newsroom list to active members only', async () => {
    const reporter = await makeUser('REPORTER');
    const { stories: desk } = await listDeskStories(reporter);
    expect(desk.length).toBeGreaterThanOrEqual(5);
    expect(desk[0]).toEqual(expect.objectContaining({ headline: expect.any(String), status: expect.any(String), bylines: expect.any(Array) }));
    await expect(listDeskStories(null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listDeskStories(await makeUser('EDITOR', { active: false }))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
