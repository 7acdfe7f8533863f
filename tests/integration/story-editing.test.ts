import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ForbiddenError, ValidationError, VersionConflictError } from '@/lib/data/errors';
import { compareRevisions, listRevisions, restoreRevision, REVISION_LIST_LIMIT } from '@/lib/data/revisions';
import { listDeskStories } from '@/lib/data/desk';
import { createStory, getStoryForEdit, keepVersionAside, saveStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { docFromPlainText } from '@/lib/editor/plain-text';
import type { StoryFields } from '@/lib/validations/story';
import { makeUser } from './helpers';
import { saturateCpu } from '../support/busy-cpu';

/** An id of the shape the editor makes: "c" and 24 base-36 characters. */
const clientMadeId = () => `c${[...randomBytes(24)].map((b) => (b % 36).toString(36)).join('')}`;

let reporter: Viewer;
let otherReporter: Viewer;
let editor: Viewer;
let worldId: string;

const fields = (overrides: Partial<StoryFields> = {}): StoryFields => ({
  headline: 'Council approves harbour plan',
  dek: 'A first draft',
  slug: '',
  sectionId: worldId,
  tags: ['Harbour'],
  bylineIds: [reporter.id],
  creditLine: '',
  dateline: 'LIMA',
  seoTitle: '',
  seoDescription: '',
  featuredImageId: null,
  body: docFromPlainText('First paragraph.\nSecond paragraph.'),
  ...overrides,
});
const save = (viewer: Viewer, id: string, baseVersion: number, overrides: Partial<StoryFields> = {}, kind: 'autosave' | 'manual' = 'autosave') =>
  saveStory(viewer, id, { ...fields(overrides), baseVersion, kind, label: '' });

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
  otherReporter = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  worldId = (await db.section.upsert({ where: { slug: 'world' }, update: {}, create: { name: 'World', slug: 'world' } })).id;
});

describe('saving a story', () => {
  it('creates a draft with a unique slug, the creator on the byline and a first revision', async () => {
    const a = await createStory(reporter, fields());
    const b = await createStory(reporter, fields());
    expect(a.slug).toBe('council-approves-harbour-plan');
    expect(b.slug).toBe('council-approves-harbour-plan-2');
    const story = await getStoryForEdit(reporter, a.id);
    expect(story).toMatchObject({ status: 'DRAFT', version: 1, bylineIds: [reporter.id], tags: ['Harbour'], canEdit: true });
    expect(await listRevisions(reporter, a.id)).toHaveLength(1);
  });

  it('lets exactly one of 50 concurrent saves on the same version through; 49 get a conflict', async () => {
    const { id, version } = await createStory(reporter, fields());
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => save(reporter, id, version, { dek: `Edit number ${i}` })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof VersionConflictError);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const current = await getStoryForEdit(reporter, id);
    expect(current.version).toBe(version + 1);
    const winner = (ok[0] as PromiseFulfilledResult<{ version: number }>).value;
    expect(winner.version).toBe(version + 1);
    // Every conflict carries the story as it now is, so the editor can show both versions.
    const conflict = (conflicts[0] as PromiseRejectedResult).reason as VersionConflictError<{ dek: string; version: number }>;
    expect(conflict.current.version).toBe(version + 1);
    expect(conflict.current.dek).toBe(current.dek);
  });

  it('ends each of 50 concurrent saves as saved or as a conflict, 20 rounds in a row with every core busy', { timeout: 600_000 }, async () => {
    const stop = saturateCpu();
    try {
      for (let round = 0; round < 20; round++) {
        const { id, version } = await createStory(reporter, fields());
        const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => save(reporter, id, version, { dek: `Round ${round}, edit ${i}` })));
        const other = results.flatMap((r) => (r.status === 'rejected' && !(r.reason instanceof VersionConflictError) ? [String(r.reason)] : []));
        expect(other, `round ${round}`).toEqual([]);
        expect(results.filter((r) => r.status === 'fulfilled'), `round ${round}`).toHaveLength(1);
        expect((await getStoryForEdit(reporter, id)).version).toBe(version + 1);
      }
    } finally {
      await stop();
    }
  });

  it('coalesces one author’s autosaves into one revision, while manual saves always add one', async () => {
    const { id } = await createStory(reporter, fields());
    let v = (await save(reporter, id, 1, { dek: 'one' })).version;
    v = (await save(reporter, id, v, { dek: 'two' })).version;
    v = (await save(reporter, id, v, { dek: 'three' })).version;
    let revisions = await listRevisions(reporter, id);
    expect(revisions.map((r) => r.kind)).toEqual(['AUTOSAVE', 'MANUAL']);
    v = (await save(reporter, id, v, { dek: 'four' }, 'manual')).version;
    v = (await save(reporter, id, v, { dek: 'five' })).version;
    revisions = await listRevisions(reporter, id);
    expect(revisions.map((r) => r.kind)).toEqual(['AUTOSAVE', 'MANUAL', 'AUTOSAVE', 'MANUAL']);
    expect(v).toBe(6);
  });

  it('writes what a save changed: the text and its search vector in one row write, bylines and tags only when they change', async () => {
    const colleague = await makeUser('REPORTER');
    const { id } = await createStory(reporter, fields({ tags: ['Harbour', 'Port'] }));
    // Row versions (ctid) of the story's relations: a rewrite gives them new ones.
    const relations = async () => (await db.$queryRaw<{ rows: string }[]>`
      SELECT (SELECT string_agg(ctid::text || "userId", ',' ORDER BY position) FROM "StoryAuthor" WHERE "storyId" = ${id}) || ' | ' ||
             (SELECT string_agg(ctid::text, ',' ORDER BY ctid) FROM "StoryTag" WHERE "storyId" = ${id}) AS rows`)[0]!.rows;
    const vectorIsCurrent = async () => (await db.$queryRaw<{ same: boolean }[]>`
      SELECT "searchVector" = setweight(to_tsvector('english', headline), 'A') || setweight(to_tsvector('english', dek), 'B') || setweight(to_tsvector('english', "plainText"), 'C') AS same
      FROM "Story" WHERE id = ${id}`)[0]!.same;
    expect(await vectorIsCurrent()).toBe(true);
    const start = await relations();

    // The text only (tags spelt differently are the same tags): no relation is rewritten.
    let v = (await save(reporter, id, 1, { tags: ['port', 'HARBOUR'], body: docFromPlainText('Dredgers arrived overnight.'), dek: 'Cranes idle' })).version;
    expect(await relations()).toBe(start);
    expect(await vectorIsCurrent()).toBe(true);
    expect((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Story" WHERE id = ${id} AND "searchVector" @@ to_tsquery('english', 'dredgers & cranes')`)[0]!.n).toBe(1n);

    // A byline added, then the order changed: rewritten each time, in the order given.
    v = (await save(reporter, id, v, { bylineIds: [reporter.id, colleague.id] })).version;
    v = (await save(reporter, id, v, { bylineIds: [colleague.id, reporter.id] })).version;
    expect((await getStoryForEdit(reporter, id)).bylineIds).toEqual([colleague.id, reporter.id]);
    const afterBylines = await relations();
    expect(afterBylines).not.toBe(start);
    // A tag removed: the tags are rewritten, the bylines not.
    await save(reporter, id, v, { bylineIds: [colleague.id, reporter.id], tags: ['Harbour'] });
    expect((await getStoryForEdit(reporter, id)).tags).toEqual(['Harbour']);
    expect((await relations()).split(' | ')[0]).toBe(afterBylines.split(' | ')[0]);
  });

  it('normalises tags: case and spacing variants are one tag, new tags are created', async () => {
    const { id } = await createStory(reporter, fields({ tags: ['North Korea', ' north   korea', 'NORTH KOREA', 'Diplomacy'] }));
    const story = await getStoryForEdit(reporter, id);
    expect(story.tags).toEqual(['Diplomacy', 'North Korea']);
  });

  it('refuses a slug another story uses, and a changed slug after first publication', async () => {
    const { id } = await createStory(reporter, fields({ slug: 'unique-slug-for-test' }));
    const other = await createStory(reporter, fields());
    await expect(save(reporter, other.id, other.version, { slug: 'unique-slug-for-test' })).rejects.toThrow(
      new ValidationError('Another story already uses this slug.', { slug: ['Another story already uses this slug.'] }),
    );
    await db.story.update({ where: { id }, data: { firstPublishedAt: new Date() } });
    await expect(save(reporter, id, 1, { slug: 'a-new-slug' })).rejects.toThrow('The slug is part of a published URL');
  });

  it('gives stories created at the same moment with the same headline a slug each, when the server chooses them', async () => {
    const headline = `Tide tables revised ${Date.now()}`;
    const created = await Promise.all(Array.from({ length: 12 }, () => createStory(reporter, fields({ headline, slug: '' }))));
    expect(new Set(created.map((c) => c.slug)).size).toBe(12);
    expect(created.every((c) => c.slug.startsWith('tide-tables-revised'))).toBe(true);
    // A slug the reporter typed is still refused when taken: it is theirs to change.
    await expect(createStory(reporter, fields({ headline, slug: created[0]!.slug }))).rejects.toThrow('Another story already uses this slug.');
  });

  it('creates a story once per client id: a first save sent again, or twice at once, finds the same story', async () => {
    const clientId = clientMadeId();
    const headline = `Night buses return ${Date.now()}`;
    const first = await createStory(reporter, fields({ headline }), clientId);
    expect(first).toMatchObject({ id: clientId, created: true });
    const again = await createStory(reporter, fields({ headline }), clientId);
    expect(again).toEqual({ ...first, created: false });
    const racing = clientMadeId();
    const both = await Promise.all([createStory(reporter, fields({ headline }), racing), createStory(reporter, fields({ headline }), racing)]);
    expect(both.map((b) => b.id)).toEqual([racing, racing]);
    expect(both.filter((b) => b.created)).toHaveLength(1);
    expect(await db.story.count({ where: { headline } })).toBe(2);
    expect(await db.revision.count({ where: { storyId: racing } })).toBe(1);
    // Someone else's id is not a way into their story.
    await expect(createStory(otherReporter, fields({ headline, bylineIds: [otherReporter.id] }), clientId)).rejects.toThrow('already in use');
  });

  it('refuses unknown sections, inactive bylines and too many tags, naming the field', async () => {
    const { id } = await createStory(reporter, fields());
    const inactive = await makeUser('REPORTER', { active: false });
    const cases: [Partial<StoryFields>, string][] = [
      [{ sectionId: 'no-such-section' }, 'sectionId'],
      [{ bylineIds: [reporter.id, inactive.id] }, 'bylineIds'],
      [{ bylineIds: [reporter.id, reporter.id] }, 'bylineIds'],
      [{ featuredImageId: 'no-such-image' }, 'featuredImageId'],
    ];
    for (const [overrides, field] of cases) {
      const error = await save(reporter, id, 1, overrides).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
    }
    expect((await getStoryForEdit(reporter, id)).version).toBe(1);
  });

  it('keeps reporters to their own stories and their own byline', async () => {
    const { id } = await createStory(reporter, fields());
    await expect(save(otherReporter, id, 1)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(save(reporter, id, 1, { bylineIds: [otherReporter.id] })).rejects.toThrow('not take themselves off a story');
    await expect(createStory(reporter, fields({ bylineIds: [otherReporter.id] }))).rejects.toBeInstanceOf(ForbiddenError);
    // Editors may hand a story to someone else.
    expect((await save(editor, id, 1, { bylineIds: [otherReporter.id, reporter.id] })).version).toBe(2);
    // A story in review is not the reporter's to edit any more.
    await db.story.update({ where: { id }, data: { status: 'IN_REVIEW' } });
    await expect(save(reporter, id, 2)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('the body validator on the save path', () => {
  const link = (href: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }] });
  const unsafe: [string, unknown, RegExp][] = [
    ['an unknown node', { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil.example' } }] }, /Invalid story body at content\.0/],
    ['an unknown mark', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }] }] }] }, /marks\.0/],
    ['a javascript: link', link('javascript:alert(1)'), /Links must use http, https or mailto/],
    ['an obfuscated javascript: link', link('\u0001JaVa\tScRiPt:alert(1)'), /Links must use http, https or mailto/],
    ['a data: link', link('data:text/html;base64,PHNjcmlwdD4='), /Links must use http, https or mailto/],
    ['a vbscript: link', link('vbscript:msgbox(1)'), /Links must use http, https or mailto/],
    ['an image without alt text', { type: 'doc', content: [{ type: 'image', attrs: { src: '/media/abcdef012345/480.webp', alt: ' ', mediaId: 'abcdef012345' } }] }, /Every image needs alt text/],
    // Any same-origin URL would be fetched by every editor's browser, with their cookies.
    ['an image src that climbs out of the media folder', { type: 'doc', content: [{ type: 'image', attrs: { src: '/media/../newsroom/inbox', alt: 'x', mediaId: 'abc' } }] }, /media library/],
    ['an image src with .. inside a media path', { type: 'doc', content: [{ type: 'image', attrs: { src: '/media/abcdef012345/../../api/desk/stories', alt: 'x', mediaId: 'abcdef012345' } }] }, /media library/],
    ['an image src that is another file of the site', { type: 'doc', content: [{ type: 'image', attrs: { src: '/media/abcdef012345/480.webp?x=/newsroom', alt: 'x', mediaId: 'abcdef012345' } }] }, /media library/],
    ['an image that names no media row', { type: 'doc', content: [{ type: 'image', attrs: { src: '/media/abcdef012345/480.webp', alt: 'x', mediaId: 'abcdef012345' } }] }, /not in the media library/],
    ['an image from outside the library', { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://evil.example/x.png', alt: 'x', mediaId: 'abc' } }] }, /media library/],
    ['content where it may not go', { type: 'doc', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }, /Invalid story body/],
    ['an oversized document', docFromPlainText('word '.repeat(120_000)), /too large/],
  ];

  it.each(unsafe)('refuses %s with a clear error and stores nothing', async (_name, body, message) => {
    const { id } = await createStory(reporter, fields());
    const error = await save(reporter, id, 1, { body }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.body?.[0]).toMatch(message);
    const story = await getStoryForEdit(reporter, id);
    expect(story.version).toBe(1);
    expect(story.body).toEqual(docFromPlainText('First paragraph.\nSecond paragraph.'));
  });
});

describe('revisions', () => {
  it('lists the newest 200 revisions with their headlines, however many a story has', async () => {
    const { id } = await createStory(reporter, fields({ headline: 'A long-running story' }));
    const [created] = await db.revision.findMany({ where: { storyId: id }, select: { snapshot: true } });
    const snapshot = created!.snapshot as Record<string, unknown>;
    await db.revision.createMany({
      data: Array.from({ length: REVISION_LIST_LIMIT + 20 }, (_, i) => ({
        storyId: id,
        authorId: reporter.id,
        kind: 'AUTOSAVE' as const,
        storyVersion: 1,
        snapshot: { ...snapshot, headline: `Take ${i}` },
        createdAt: new Date(Date.now() + (i + 1) * 1000),
      })),
    });
    const listed = await listRevisions(reporter, id);
    expect(listed).toHaveLength(REVISION_LIST_LIMIT);
    expect(listed[0]!.headline).toBe(`Take ${REVISION_LIST_LIMIT + 19}`);
    expect(listed.at(-1)!.headline).toBe('Take 20');
  });

  it('compares two revisions word by word and restores one, undoably', async () => {
    const { id } = await createStory(reporter, fields({ headline: 'Early headline' }));
    let v = (await save(reporter, id, 1, { headline: 'Final headline', body: docFromPlainText('First paragraph, revised.\nSecond paragraph.') }, 'manual')).version;
    const [latest, first] = await listRevisions(reporter, id);
    const diff = await compareRevisions(reporter, id, first!.id, latest!.id);
    const headline = diff.find((f) => f.field === 'headline')!;
    expect(headline.parts).toEqual([
      { kind: 'removed', text: 'Early' },
      { kind: 'added', text: 'Final' },
      { kind: 'same', text: ' headline' },
    ]);
    expect(diff.find((f) => f.field === 'body')!.parts.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'added', text: ', revised' }]);
    expect(diff.find((f) => f.field === 'dek')!.changed).toBe(false);

    v = (await restoreRevision(reporter, id, first!.id, v)).version;
    expect((await getStoryForEdit(reporter, id)).headline).toBe('Early headline');
    const afterRestore = await listRevisions(reporter, id);
    expect(afterRestore.map((r) => r.kind)).toEqual(['RESTORE', 'MANUAL', 'MANUAL']);
    // Undo: restore the revision that was current before.
    await restoreRevision(reporter, id, latest!.id, v);
    expect((await getStoryForEdit(reporter, id)).headline).toBe('Final headline');
    expect(await listRevisions(reporter, id)).toHaveLength(4);
  });

  it('refuses a restore based on a stale version', async () => {
    const { id } = await createStory(reporter, fields());
    const [first] = await listRevisions(reporter, id);
    await save(reporter, id, 1, { dek: 'moved on' });
    await expect(restoreRevision(reporter, id, first!.id, 1)).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('keeps a conflicting version aside as a revision without changing the story', async () => {
    const { id } = await createStory(reporter, fields());
    await keepVersionAside(reporter, id, fields({ dek: 'My words' }), 'Kept aside');
    const story = await getStoryForEdit(reporter, id);
    expect(story).toMatchObject({ version: 1, dek: 'A first draft' });
    const [aside] = await listRevisions(reporter, id);
    expect(aside).toMatchObject({ kind: 'MANUAL', label: 'Kept aside' });
  });
});

describe('the desk list', () => {
  it('searches headline, dek and body with PostgreSQL full-text search, and filters', async () => {
    const { id } = await createStory(reporter, fields({ headline: 'Lighthouse keepers strike', body: docFromPlainText('The keepers walked out over pensions.') }));
    expect((await listDeskStories(editor, { q: 'pension' })).stories.map((s) => s.id)).toEqual([id]);
    expect((await listDeskStories(editor, { q: 'lighthouse keepers' })).stories.map((s) => s.id)).toEqual([id]);
    expect((await listDeskStories(editor, { q: 'lighthouse', status: 'PUBLISHED' })).stories).toEqual([]);
    expect((await listDeskStories(otherReporter, { q: 'lighthouse', mine: true })).stories).toEqual([]);
    expect((await listDeskStories(reporter, { q: 'lighthouse', mine: true })).stories.map((s) => s.id)).toEqual([id]);
  });

  it('pages by cursor without repeating or skipping a story', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listDeskStories(editor, { take: 4, cursor });
      seen.push(...page.stories.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await db.story.count());
  });
});
