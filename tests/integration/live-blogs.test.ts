import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '@/lib/data/errors';
import { restoreToReaders, setLegalHold, takeDown } from '@/lib/data/holds';
import { approveEntry, editEntry, makeLiveBlog, pinEntry, postEntry, setBlogPeople, setCoverage, withdrawEntry } from '@/lib/data/live-entries';
import { getLiveBlog } from '@/lib/data/live-public';
import { createStory } from '@/lib/data/stories';
import { transitionStory } from '@/lib/data/workflow';
import type { Viewer } from '@/lib/data/viewer';
import { stopBoss } from '@/lib/jobs/boss';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { makeUser, storyFields } from './helpers';

// Live blogs: who may post, what waits for an editor, the copy desk's gate on entries, corrections
// and withdrawals, the pinned entry, ending and resuming coverage, and a blog under legal hold or
// taken down. Readers' view is read through the same cached read the reading page uses.

let reporter: Viewer;
let contributor: Viewer;
let outsider: Viewer;
let editor: Viewer;
let sectionId: string;
const run = randomUUID().slice(0, 6);

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
  contributor = await makeUser('REPORTER');
  outsider = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  sectionId = (await db.section.upsert({ where: { slug: 'world' }, update: {}, create: { name: 'World', slug: 'world' } })).id;
});
afterAll(stopBoss);

/** A live blog with `reporter` on its byline, started by `by`, published unless asked otherwise. */
async function blog(by: Viewer, options: { publish?: boolean } = {}) {
  const { id } = await createStory(by, storyFields([reporter.id], { headline: `Summit day ${run} ${randomUUID().slice(0, 4)}`, sectionId }));
  await makeLiveBlog(by, id);
  if (options.publish !== false) await publish(id);
  return id;
}

/** Through the workflow, as the desk would: readers' caches hear of it. */
async function publish(id: string) {
  let { version } = await db.story.findUniqueOrThrow({ where: { id }, select: { version: true } });
  for (const step of ['submit', 'approve', 'publish'] as const) version = (await transitionStory(editor, id, step, { baseVersion: version })).version;
}

const entry = (text: string, extra: { headline?: string; keyEvent?: boolean } = {}) => ({ headline: extra.headline ?? '', body: docFromPlainText(text), keyEvent: extra.keyEvent ?? false });
const readerIds = async (id: string) => (await getLiveBlog(id))?.entries.map((e) => e.id) ?? null;

describe('live blog entries', () => {
  it('are posted by the blog’s bylines, its contributors and editors, and by nobody else', async () => {
    const id = await blog(editor);
    await expect(postEntry(outsider, id, entry('Leaders arrive in Lima.'))).rejects.toThrow(ForbiddenError);
    await expect(postEntry(contributor, id, entry('Leaders arrive in Lima.'))).rejects.toThrow(ForbiddenError);
    await setBlogPeople(editor, id, { contributorIds: [contributor.id], entriesNeedEditor: false });
    await expect(setBlogPeople(reporter, id, { contributorIds: [outsider.id], entriesNeedEditor: false })).rejects.toThrow(ForbiddenError);
    const a = await postEntry(reporter, id, entry('Leaders arrive in Lima.'));
    const b = await postEntry(contributor, id, entry('The motorcade reaches the palace.', { keyEvent: true, headline: 'Talks begin' }));
    const c = await postEntry(editor, id, entry('Both delegations are seated.'));
    expect([a.status, b.status, c.status]).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED']);
    const seen = await getLiveBlog(id);
    expect(seen!.entries.map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect(seen!.keyEvents).toEqual([{ id: b.id, headline: 'Talks begin', postedAt: expect.any(Date) }]);
    expect(seen!.entries[1]!.author?.name).toBe(contributor.name);
    // Audited with the entry's text.
    expect(await db.auditEvent.count({ where: { storyId: id, action: 'live.entry.post', note: 'The motorcade reaches the palace.' } })).toBe(1);
    // A story that is not a live blog takes no entries.
    const { id: plain } = await createStory(editor, storyFields([reporter.id], { sectionId }));
    await expect(postEntry(editor, plain, entry('Nothing.'))).rejects.toThrow(NotFoundError);
  });

  it('wait for an editor when the blog says so; Approve entry publishes them', async () => {
    const id = await blog(reporter); // a reporter's blog: entries need an editor
    const waiting = await postEntry(reporter, id, entry('Crowds gather outside.'));
    expect(waiting.status).toBe('PENDING');
    expect(await readerIds(id)).toEqual([]);
    await expect(approveEntry(reporter, waiting.id)).rejects.toThrow(ForbiddenError);
    await approveEntry(editor, waiting.id);
    expect(await readerIds(id)).toEqual([waiting.id]);
    await expect(approveEntry(editor, waiting.id)).rejects.toThrow(/not waiting/);
    // An editor's own entry goes out directly.
    expect((await postEntry(editor, id, entry('Statement expected at noon.'))).status).toBe('PUBLISHED');
  });

  it('pass the copy desk’s style checks: an error blocks posting and changes nothing', async () => {
    const id = await blog(editor);
    await expect(postEntry(editor, id, entry('”We will not stop,” the minister said.'))).rejects.toThrow(ValidationError);
    await expect(postEntry(editor, id, { headline: '', body: { type: 'doc', content: [{ type: 'paragraph' }] }, keyEvent: false })).rejects.toThrow(/Write the entry/);
    await expect(postEntry(editor, id, { headline: 'a\u0000b', body: docFromPlainText('x'), keyEvent: false })).rejects.toThrow(/control characters/);
    await expect(postEntry(editor, id, { headline: '', body: { type: 'doc', content: [{ type: 'script' }] }, keyEvent: false })).rejects.toThrow(/not valid/);
    expect(await db.liveEntry.count({ where: { storyId: id } })).toBe(0);
  });

  it('are corrected (with the time shown) and withdrawn (gone from readers, kept in the newsroom)', async () => {
    const id = await blog(editor);
    const posted = await postEntry(reporter, id, entry('The talks lasted two hours.'));
    await expect(editEntry(outsider, posted.id, { ...entry('x'), baseVersion: posted.version })).rejects.toThrow(ForbiddenError);
    const { version } = await editEntry(reporter, posted.id, { ...entry('The talks lasted three hours.'), baseVersion: posted.version });
    await expect(editEntry(editor, posted.id, { ...entry('Stale.'), baseVersion: posted.version })).rejects.toThrow(VersionConflictError);
    const seen = (await getLiveBlog(id))!.entries[0]!;
    expect(JSON.stringify(seen.body)).toContain('three hours');
    expect(seen.correctedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { storyId: id, action: 'live.entry.edit', note: 'The talks lasted three hours.' } })).toBe(1);

    await withdrawEntry(editor, posted.id);
    expect(await readerIds(id)).toEqual([]);
    expect((await db.liveEntry.findUniqueOrThrow({ where: { id: posted.id } })).status).toBe('WITHDRAWN');
    await expect(editEntry(reporter, posted.id, { ...entry('Again.'), baseVersion: version + 1 })).rejects.toThrow(/withdrawn/);
    await expect(withdrawEntry(editor, posted.id)).rejects.toThrow(/already withdrawn/);
  });

  it('can be pinned, one at a time, by editors', async () => {
    const id = await blog(editor);
    const first = await postEntry(editor, id, entry('First.'));
    const second = await postEntry(editor, id, entry('Second.'));
    await expect(pinEntry(reporter, first.id, true)).rejects.toThrow(ForbiddenError);
    await pinEntry(editor, first.id, true);
    expect((await getLiveBlog(id))!.pinned?.id).toBe(first.id);
    await pinEntry(editor, second.id, true);
    expect((await getLiveBlog(id))!.pinned?.id).toBe(second.id);
    expect(await db.liveEntry.count({ where: { storyId: id, pinned: true } })).toBe(1);
    await withdrawEntry(editor, second.id);
    expect((await getLiveBlog(id))!.pinned).toBeNull();
  });

  it('stop after End coverage (readers are told when) and go on after Resume coverage', async () => {
    const id = await blog(editor);
    await expect(setCoverage(reporter, id, false)).rejects.toThrow(ForbiddenError);
    await setCoverage(editor, id, false);
    expect((await getLiveBlog(id))!.coverageEndedAt).toBeInstanceOf(Date);
    await expect(postEntry(editor, id, entry('Late news.'))).rejects.toThrow(/Coverage has ended/);
    await setCoverage(editor, id, true);
    expect((await getLiveBlog(id))!.coverageEndedAt).toBeNull();
    expect((await postEntry(editor, id, entry('Late news.'))).status).toBe('PUBLISHED');
  });

  it('do not reach readers while the blog is on legal hold, and leave with it when it is taken down', async () => {
    const id = await blog(editor);
    const before = await postEntry(editor, id, entry('Before the injunction.'));
    await setLegalHold(editor, id, { hold: true, reason: 'Counsel reviewing' });
    await expect(postEntry(editor, id, entry('During the hold.'))).rejects.toThrow(/legal hold \(Counsel reviewing\)/);
    await expect(editEntry(editor, before.id, { ...entry('Changed during the hold.'), baseVersion: before.version })).rejects.toThrow(/legal hold/);
    await setLegalHold(editor, id, { hold: false, reason: '' });

    await takeDown(editor, id, { reason: 'Injunction' });
    expect(await getLiveBlog(id)).toBeNull();
    await restoreToReaders(editor, id);
    await setLegalHold(editor, id, { hold: false, reason: '' });
    expect(await readerIds(id)).toEqual([before.id]);
  });

  it('of a blog not yet published are kept until it is, and a draft alone becomes a live blog', async () => {
    const id = await blog(editor, { publish: false });
    const early = await postEntry(editor, id, entry('Preparations.'));
    expect(await getLiveBlog(id)).toBeNull();
    await publish(id);
    expect(await readerIds(id)).toEqual([early.id]);
    await expect(makeLiveBlog(editor, id)).rejects.toThrow(/Only a draft/);
  });

  it('where entries need an editor, are corrected once published only by an editor; contributors must be active people', async () => {
    const id = await blog(reporter); // a reporter's blog: entries need an editor
    const waiting = await postEntry(reporter, id, entry('Crowds gather outside the hotel.'));
    // Still waiting: its author may fix it before an editor sees it.
    const { version } = await editEntry(reporter, waiting.id, { ...entry('Crowds gather outside the palace.'), baseVersion: waiting.version });
    await approveEntry(editor, waiting.id);
    const published = version + 1;
    await expect(editEntry(reporter, waiting.id, { ...entry('Changed after approval.'), baseVersion: published })).rejects.toThrow(/an editor corrects published entries/);
    await editEntry(editor, waiting.id, { ...entry('Crowds gather outside the presidential palace.'), baseVersion: published });
    expect(JSON.stringify((await getLiveBlog(id))!.entries[0]!.body)).toContain('presidential palace');
    // Contributors are people of the newsroom who can sign in; the list and the setting are audited.
    const gone = await makeUser('REPORTER', { active: false });
    await expect(setBlogPeople(editor, id, { contributorIds: [gone.id], entriesNeedEditor: true })).rejects.toThrow(/active members/);
    await setBlogPeople(editor, id, { contributorIds: [contributor.id], entriesNeedEditor: false });
    expect(await db.auditEvent.count({ where: { storyId: id, action: 'live.people' } })).toBe(1);
    expect((await postEntry(contributor, id, entry('The leaders leave together.'))).status).toBe('PUBLISHED');
  });

  it('are checked with their own headline', async () => {
    const id = await blog(editor);
    await expect(postEntry(editor, id, entry('Talks resume.', { headline: '”Talks resume,” officials say' }))).rejects.toThrow(ValidationError);
    expect((await postEntry(editor, id, entry('Talks resume.', { headline: '“Talks resume,” officials say' }))).status).toBe('PUBLISHED');
  });

  it('start from the desk: New live blog creates a live blog with its first save', async () => {
    const { id } = await createStory(reporter, storyFields([reporter.id], { sectionId }), undefined, 'LIVE');
    const row = await db.story.findUniqueOrThrow({ where: { id }, select: { format: true, entriesNeedEditor: true } });
    expect(row).toEqual({ format: 'LIVE', entriesNeedEditor: true });
    expect((await postEntry(reporter, id, entry('Preparations under way.'))).status).toBe('PENDING');
    const { id: editors } = await createStory(editor, storyFields([reporter.id], { sectionId }), undefined, 'LIVE');
    expect((await db.story.findUniqueOrThrow({ where: { id: editors }, select: { entriesNeedEditor: true } })).entriesNeedEditor).toBe(false);
  });

  it('page by cursor, newest first, without repeats', async () => {
    const id = await blog(editor);
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) ids.push((await postEntry(editor, id, entry(`Update number ${i}.`))).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof getLiveBlog>> = await getLiveBlog(id, cursor);
      seen.push(...page!.entries.map((e) => e.id));
      cursor = page!.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });
});
