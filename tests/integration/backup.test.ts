import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db';
import { createStory, saveStory } from '@/lib/data/stories';
import { publishFront } from '@/lib/data/front';
import { emptyLayout } from '@/lib/front/layout';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { backupDatabase, restoreDatabase } from '../../scripts/lib/backup';
import { dropDatabase, ensureDatabase } from '../../scripts/lib/postgres';
import { migrateDeploy } from '../../scripts/lib/prisma-cli';
import { makeUser, storyFields } from './helpers';

// A backup of this test database and a media folder, restored into a scratch database and an
// empty folder: stories, revisions, tags, bylines and media rows come back identical, and so do
// the files. The restored newsroom then works: a front page is published and a story on it is
// unpublished (new rows take numbers after the restored ones), by a separate process on it.

const work = mkdtempSync(path.join(os.tmpdir(), 'masthead-backup-test-'));
const scratch = `masthead_restore_${Date.now().toString(36)}`;
let scratchUrl: string;

beforeAll(async () => {
  await ensureDatabase(inject('adminUrl'), scratch);
  scratchUrl = Object.assign(new URL(inject('adminUrl')), { pathname: `/${scratch}` }).toString();
  migrateDeploy(scratchUrl, true);
});

afterAll(async () => {
  await dropDatabase(inject('adminUrl'), scratch);
  rmSync(work, { recursive: true, force: true });
});

async function rows(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('db:backup and db:restore', () => {
  it('restore a consistent copy of stories, revisions and media into an empty database', async () => {
    const reporter = await makeUser('REPORTER');
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Backups are kept off site', tags: ['Archives'], body: docFromPlainText('The “first” copy.\nA second paragraph.') }));
    await saveStory(reporter, story.id, { ...storyFields([reporter.id], { headline: 'Backups are kept off site', tags: ['Archives'], body: docFromPlainText('The “second” copy.') }), baseVersion: story.version, kind: 'manual', label: 'Checked' });
    const mediaDir = path.join(work, 'media');
    mkdirSync(path.join(mediaDir, 'ab'), { recursive: true });
    writeFileSync(path.join(mediaDir, 'ab', 'original.webp'), Buffer.from([1, 2, 3, 4, 250]));
    await db.media.create({ data: { storageKey: `ab-${Date.now()}`, originalName: 'harbour.jpg', format: 'webp', width: 4, height: 3, bytes: 5, renditions: [], altText: 'A harbour at dusk', uploadedById: reporter.id } });
    // Front page versions, numbered by a sequence, and a live story leading them.
    const editor = await makeUser('EDITOR');
    const section = await db.section.upsert({ where: { slug: 'world' }, update: {}, create: { name: 'World', slug: 'world' } });
    const lead = await createStory(editor, storyFields([editor.id], { headline: 'Harbour reopens after storm', sectionId: section.id }));
    await db.story.update({ where: { id: lead.id }, data: { status: 'PUBLISHED', publishedAt: new Date(), firstPublishedAt: new Date() } });
    const slugs = (await db.section.findMany({ select: { slug: true } })).map((s) => s.slug);
    for (let i = 0; i < 3; i++) await publishFront(editor, { layout: { ...emptyLayout(slugs), lead: lead.id }, note: `Version ${i}`, publishAt: null });

    const out = path.join(work, 'backup');
    const manifest = await backupDatabase(inject('databaseUrl'), mediaDir, out);
    expect(manifest.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['Story', 'Revision', 'Media', 'StoryTag', 'StoryAuthor', 'User']));
    expect(manifest.tables.map((t) => t.name)).not.toContain('UserSession');
    expect(manifest.tables.map((t) => t.name)).not.toContain('SitemapMonth');
    expect(manifest.tables.map((t) => t.name)).not.toContain('LiveLinkCount');
    expect(manifest.mediaFiles).toBe(1);

    const restoredMedia = path.join(work, 'restored-media');
    await restoreDatabase(scratchUrl, restoredMedia, out);
    for (const sql of [
      'SELECT id, headline, slug, body, "plainText", version, status, "searchVector"::text AS vector FROM "Story" ORDER BY id',
      'SELECT id, "storyId", kind, label, "storyVersion", snapshot FROM "Revision" ORDER BY id',
      'SELECT "storyId", "tagId", "liveAt" FROM "StoryTag" ORDER BY 1, 2',
      'SELECT * FROM "Media" ORDER BY id',
      'SELECT id, email, "passwordHash" FROM "User" ORDER BY id',
      // Not in the backup: rebuilt by the triggers as the stories come back.
      'SELECT "month", "stories" FROM "SitemapMonth" WHERE "stories" <> 0 ORDER BY 1',
      'SELECT "kind", "ownerId", sum("n")::int AS n FROM "LiveLinkCount" GROUP BY 1, 2 HAVING sum("n") <> 0 ORDER BY 1, 2',
    ]) {
      expect(await rows(scratchUrl, sql), sql).toEqual(await rows(inject('databaseUrl'), sql));
    }
    expect(readFileSync(path.join(restoredMedia, 'ab', 'original.webp'))).toEqual(Buffer.from([1, 2, 3, 4, 250]));
    // The backup holds password hashes and drafts: nobody but its owner reads it.
    expect(statSync(out).mode & 0o777).toBe(0o700);
    for (const file of ['manifest.json', ...readdirSync(path.join(out, 'tables')).map((f) => path.join('tables', f))]) {
      expect(statSync(path.join(out, file)).mode & 0o777, file).toBe(0o600);
    }

    // The restored newsroom works: a new front page version, then an unpublish that takes the
    // story off the front page (another new version) in its own transaction.
    const before = (await rows(scratchUrl, 'SELECT max(number) AS n FROM "FrontVersion"'))[0].n as number;
    const child = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/front-after-restore.ts', lead.id, editor.id], {
      env: { ...process.env, DATABASE_URL: scratchUrl, MASTHEAD_FRONT_URLS: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout.trim().split('\n').at(-1)!)).toEqual({ front: before + 1 });
    expect(await rows(scratchUrl, `SELECT status FROM "Story" WHERE id = '${lead.id}'`)).toEqual([{ status: 'UNPUBLISHED' }]);
    const newest = (await rows(scratchUrl, 'SELECT number, layout FROM "FrontVersion" ORDER BY number DESC LIMIT 1'))[0];
    expect(newest.number).toBe(before + 2);
    expect(newest.layout.lead).toBeNull();

    // A second restore over what is now a newsroom is refused, and changes nothing.
    await expect(restoreDatabase(scratchUrl, path.join(work, 'other-media'), out)).rejects.toThrow('already holds a newsroom');
    // So is a backup into a folder that is not empty.
    await expect(backupDatabase(inject('databaseUrl'), mediaDir, out)).rejects.toThrow('not empty');
  });
});
