import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db';
import { createStory, saveStory } from '@/lib/data/stories';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { backupDatabase, restoreDatabase } from '../../scripts/lib/backup';
import { dropDatabase, ensureDatabase } from '../../scripts/lib/postgres';
import { migrateDeploy } from '../../scripts/lib/prisma-cli';
import { makeUser, storyFields } from './helpers';

// A backup of this test database and a media folder, restored into a scratch database and an
// empty folder: stories, revisions, tags, bylines and media rows come back identical, and so do
// the files.

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

    const out = path.join(work, 'backup');
    const manifest = await backupDatabase(inject('databaseUrl'), mediaDir, out);
    expect(manifest.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['Story', 'Revision', 'Media', 'StoryTag', 'StoryAuthor', 'User']));
    expect(manifest.tables.map((t) => t.name)).not.toContain('UserSession');
    expect(manifest.mediaFiles).toBe(1);

    const restoredMedia = path.join(work, 'restored-media');
    await restoreDatabase(scratchUrl, restoredMedia, out);
    for (const sql of [
      'SELECT id, headline, slug, body, "plainText", version, status, "searchVector"::text AS vector FROM "Story" ORDER BY id',
      'SELECT id, "storyId", kind, label, "storyVersion", snapshot FROM "Revision" ORDER BY id',
      'SELECT "storyId", "tagId", "liveAt" FROM "StoryTag" ORDER BY 1, 2',
      'SELECT * FROM "Media" ORDER BY id',
      'SELECT id, email, "passwordHash" FROM "User" ORDER BY id',
    ]) {
      expect(await rows(scratchUrl, sql), sql).toEqual(await rows(inject('databaseUrl'), sql));
    }
    expect(readFileSync(path.join(restoredMedia, 'ab', 'original.webp'))).toEqual(Buffer.from([1, 2, 3, 4, 250]));

    // A second restore over what is now a newsroom is refused, and changes nothing.
    await expect(restoreDatabase(scratchUrl, path.join(work, 'other-media'), out)).rejects.toThrow('already holds a newsroom');
    // So is a backup into a folder that is not empty.
    await expect(backupDatabase(inject('databaseUrl'), mediaDir, out)).rejects.toThrow('not empty');
  });
});
