import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../../../lib/passwords';

// Direct database access for arranging and checking e2e data. The app under test is a separate
// process; this is the test's own connection to the same database.

export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set; run e2e through `npm run test:e2e`.');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export type TestUser = { id: string; name: string; email: string; password: string };

/** A person made for one test, so that locking or deactivating them disturbs no other test. */
export async function createTestUser(role: 'REPORTER' | 'EDITOR' | 'ADMIN', name?: string): Promise<TestUser> {
  const tag = randomUUID().slice(0, 8);
  const user = {
    id: `e2e-${tag}`,
    name: name ?? `Test ${role.toLowerCase()} ${tag}`,
    email: `e2e-${tag}@test.example`,
    password: `pw-${randomUUID()}`,
  };
  await query(
    `INSERT INTO "User" (id, email, name, role, active, slug, "passwordHash", "updatedAt")
     VALUES ($1, $2, $3, $4, true, $5, $6, now())`,
    [user.id, user.email, user.name, role, `e2e-${tag}`, await hashPassword(user.password)],
  );
  return user;
}

export async function userRow(id: string) {
  const [row] = await query<{ role: string; active: boolean; name: string }>('SELECT role, active, name FROM "User" WHERE id = $1', [id]);
  return row;
}

/** An approved story in World by the demo reporter, ready for an editor to publish. */
/** An approved story, made directly. Its id is `<prefix>-<8 hex>`; `cuidShaped` makes it the shape the newsroom makes (needed to write it together). */
export async function createApprovedStory(prefix: string, headline: string, options: { cuidShaped?: boolean } = {}): Promise<{ id: string; path: string }> {
  const [world] = await query<{ id: string }>(`SELECT id FROM "Section" WHERE slug = 'world'`);
  const [reporter] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reporter@example.com'`);
  const id = options.cuidShaped ? `${prefix}${randomUUID().replace(/-/g, '').slice(0, 20)}` : `${prefix}-${randomUUID().slice(0, 8)}`;
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Written for a test.' }] }] };
  await query(
    `INSERT INTO "Story" (id, headline, slug, body, "plainText", status, "sectionId", "createdById", "updatedAt")
     VALUES ($1, $2, $1, $3, '', 'APPROVED', $4, $5, now())`,
    [id, headline, JSON.stringify(body), world!.id, reporter!.id],
  );
  await query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ($1, $2, 0)`, [id, reporter!.id]);
  return { id, path: `/world/${id}` };
}
