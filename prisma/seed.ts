import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';
import { docFromPlainText, countWords, toPlainText } from '@/lib/editor/plain-text';
import { parseBody } from '@/lib/editor/schema';
import { recordStoryPath } from '@/lib/data/story-paths';
import { hashPassword } from '@/lib/passwords';
import { slugify } from '@/lib/slug';
import { mediaStorage } from '@/lib/media/storage';
import { processImage } from '@/lib/media/process';
import { FRONT_STORIES } from './seed-data/front-stories';
import { DEMO_LIVE_BLOG } from './seed-data/live-blog';
import { DEMO_STORIES, type DemoStory } from './seed-data/stories';
import { liveColumns, seedLiveEntries } from './seed-live';
import { seedDemoWire } from './seed-wires';
import { ALT_TEXT, drawIllustration } from './seed-images';

// The demo newsroom. Idempotent: it creates what is missing and never changes what exists, so
// running it again (or on every start) cannot overwrite a newsroom's own edits.

export const DEMO_PASSWORD = 'masthead-demo';
export const SEED_MARKER = 'demo.seededAt';

const PEOPLE = [
  { email: 'admin@example.com', name: 'Alex Morgan', role: 'ADMIN', bio: 'Managing editor.' },
  { email: 'editor@example.com', name: 'Eden Park', role: 'EDITOR', bio: 'World and politics editor.' },
  { email: 'reporter@example.com', name: 'Riley Chen', role: 'REPORTER', bio: 'City hall and politics reporter.' },
  { email: 'reporter2@example.com', name: 'Sam Okafor', role: 'REPORTER', bio: 'Business and labour reporter.' },
] as const;

// An outside contributor: a byline, not a login (the password is random and never shown).
const CONTRIBUTOR = {
  email: 'lee.jonyoung@diplomacy-journal.example',
  name: 'Lee Jon-young',
  role: 'REPORTER',
  bio: 'Correspondent, Diplomacy Journal.',
} as const;

const SECTIONS = ['Politics', 'World', 'Business', 'Opinion'];

export async function seedDemoNewsroom(db: Db, log: (msg: string) => void = console.log) {
  const demoHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  for (const person of [...PEOPLE, CONTRIBUTOR]) {
    const passwordHash = person === CONTRIBUTOR ? await hashPassword(randomBytes(24).toString('base64url')) : demoHash;
    const user = await db.user.upsert({
      where: { email: person.email },
      update: {},
      create: { ...person, slug: slugify(person.name), passwordHash },
      select: { id: true },
    });
    userIds.set(person.email, user.id);
  }

  const sectionIds = new Map<string, string>();
  for (const [position, name] of SECTIONS.entries()) {
    const slug = slugify(name);
    const section = await db.section.upsert({ where: { slug }, update: {}, create: { name, slug, position }, select: { id: true } });
    sectionIds.set(slug, section.id);
  }

  let created = 0;
  for (const story of [...DEMO_STORIES, ...FRONT_STORIES, DEMO_LIVE_BLOG]) {
    if (await db.story.findUnique({ where: { slug: story.slug }, select: { id: true } })) continue;
    const parsed = parseBody(docFromPlainText(story.paragraphs.join('\n')));
    if (!parsed.ok) throw new Error(`Demo story ${story.slug}: ${parsed.error}`);
    const plainText = toPlainText(parsed.doc);
    const tagIds: string[] = [];
    for (const name of story.tags) {
      const tag = await db.tag.upsert({ where: { slug: slugify(name) }, update: {}, create: { name, slug: slugify(name) }, select: { id: true } });
      tagIds.push(tag.id);
    }
    const creatorId = userIds.get(story.creator)!;
    const featuredImageId = story.image ? await seedIllustration(db, story, creatorId) : null;
    const authorIds = story.authors.map((email) => userIds.get(email)!);
    const fields = {
      headline: story.headline,
      dek: story.dek,
      slug: story.slug,
      body: parsed.doc,
      plainText,
      wordCount: countWords(plainText),
      status: story.status,
      creditLine: story.creditLine ?? '',
      dateline: story.dateline ?? '',
      sectionId: sectionIds.get(story.section)!,
      featuredImageId,
      publishedAt: story.publishedAt ? new Date(story.publishedAt) : null,
    };
    // A story published in 2024 was also written and last changed then, not when the seed ran.
    const at = fields.publishedAt ?? undefined;
    await db.$transaction(async (tx) => {
      const row = await tx.story.create({
        data: {
          ...fields,
          ...liveColumns(story),
          ...(at ? { createdAt: at, updatedAt: at, statusChangedAt: at, firstPublishedAt: at } : {}),
          createdById: creatorId,
          authors: { create: authorIds.map((userId, position) => ({ userId, position })) },
          tags: { create: tagIds.map((tagId) => ({ tagId })) },
        },
        select: { id: true, version: true },
      });
      await tx.revision.create({
        data: {
          storyId: row.id,
          authorId: creatorId,
          kind: 'IMPORT',
          storyVersion: row.version,
          ...(at ? { createdAt: at } : {}),
          snapshot: {
            headline: fields.headline,
            dek: fields.dek,
            slug: fields.slug,
            sectionId: fields.sectionId,
            tags: story.tags,
            bylineIds: authorIds,
            creditLine: fields.creditLine,
            dateline: fields.dateline,
            seoTitle: '',
            seoDescription: '',
            featuredImageId,
            body: fields.body,
          },
        },
      });
      await seedLiveEntries(tx, row.id, story, userIds);
      await recordStoryPath(tx, row.id);
      await tx.auditEvent.create({
        data: {
          action: 'story.import',
          entityType: 'story',
          entityId: row.id,
          storyId: row.id,
          toState: story.status,
          note: 'Demo newsroom seed',
          ...(at ? { createdAt: at } : {}),
        },
      });
      // A story waiting for changes carries the editor's request, as it would have in real use.
      if (story.status === 'CHANGES_REQUESTED') {
        await tx.auditEvent.create({
          data: {
            actorId: userIds.get('editor@example.com')!,
            action: 'story.requestChanges',
            entityType: 'story',
            entityId: row.id,
            storyId: row.id,
            fromState: 'IN_REVIEW',
            toState: 'CHANGES_REQUESTED',
            note: 'Please add a named example from another newsroom, and link to our own corrections page in the second paragraph.',
          },
        });
      }
    });
    created++;
  }

  await seedBudget(db, userIds, sectionIds);
  await seedDemoWire(db, log);

  await db.setting.upsert({
    where: { key: SEED_MARKER },
    update: {},
    create: { key: SEED_MARKER, value: new Date().toISOString() },
  });
  log(`Demo newsroom ready: ${PEOPLE.length} demo logins, ${SECTIONS.length} sections, ${created} new stories.`);
}

/** Today's planning budget, relative to the day the seed runs, so a newcomer sees a live one. */
async function seedBudget(db: Db, userIds: Map<string, string>, sectionIds: Map<string, string>) {
  if ((await db.budgetLine.count()) > 0) return;
  const day = new Date();
  const at = (offsetDays: number, hour: number) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + offsetDays, hour));
  const council = await db.story.findUnique({ where: { slug: 'council-delays-transit-budget-vote' }, select: { id: true } });
  const lines = [
    { slugline: 'TRANSIT-VOTE', summary: 'Council delays the transit budget vote: what the amendments change.', section: 'politics', assignee: 'reporter@example.com', dueAt: at(0, 16), plannedWords: 700, storyId: council?.id ?? null },
    { slugline: 'PORT-STRIKE-DAY8', summary: 'Day eight of the port strike: shipping diversions and what the union wants.', section: 'business', assignee: 'reporter2@example.com', dueAt: at(0, 18), plannedWords: 900, storyId: null },
    { slugline: 'CLIMATE-FINANCE-EXPLAINER', summary: 'How the new climate finance target is counted, in five questions.', section: 'world', assignee: 'editor@example.com', dueAt: at(1, 10), plannedWords: 1200, storyId: null },
    { slugline: 'LIBRARY-HOURS', summary: 'Which branch libraries cut evening hours, and who uses them.', section: 'politics', assignee: null, dueAt: at(1, 15), plannedWords: 600, storyId: null },
  ];
  const creator = userIds.get('editor@example.com')!;
  for (const line of lines) {
    await db.budgetLine.create({
      data: {
        slugline: line.slugline,
        summary: line.summary,
        sectionId: sectionIds.get(line.section) ?? null,
        assigneeId: line.assignee ? userIds.get(line.assignee)! : null,
        dueAt: line.dueAt,
        plannedWords: line.plannedWords,
        status: line.storyId ? 'IN_PROGRESS' : line.assignee ? 'ASSIGNED' : 'PLANNED',
        storyId: line.storyId,
        createdById: creator,
      },
    });
  }
}

/** Draws a story's illustration and stores it as an upload would be; returns the media id. */
async function seedIllustration(db: Db, story: DemoStory, uploadedById: string): Promise<string> {
  const id = randomBytes(12).toString('hex');
  const image = await processImage(id, await drawIllustration(story.slug, story.image!));
  await Promise.all(image.renditions.map((r) => mediaStorage().put(r.key, r.data, 'image/webp')));
  await db.media.create({
    data: {
      id,
      storageKey: id,
      originalName: `${story.slug}.png`,
      format: image.format,
      width: image.width,
      height: image.height,
      bytes: image.renditions.reduce((sum, r) => sum + r.bytes, 0),
      renditions: image.renditions.map(({ data: _data, ...r }) => r),
      altText: ALT_TEXT[story.image!],
      credit: 'Masthead illustration',
      uploadedById,
    },
  });
  return id;
}

export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.setting.count({ where: { key: SEED_MARKER } })) > 0;
}
