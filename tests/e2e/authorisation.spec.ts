import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createTestUser, query, type TestUser } from './support/db';
import { expectSaved, pasteText } from './support/editor';
import { ROLES, storageStateFor } from './support/roles';
import { signIn } from './support/sign-in';

// The authorisation matrix of the editorial workflow, end to end: every transition × every kind of
// actor, once through the UI (the button is offered exactly when allowed, and works) and once as a
// direct POST of the server action (the server refuses exactly the cells the UI hides). Each cell
// gets its own story, so one cell's success cannot hide another's refusal.

test.describe.configure({ mode: 'serial' });

const ACTORS = ['anonymous', 'reporter (own story)', 'reporter (other story)', 'editor', 'editor on own byline', 'admin', 'deactivated editor'] as const;
type ActorName = (typeof ACTORS)[number];

const TRANSITIONS = {
  submit: { label: 'Submit for review', from: 'DRAFT', to: 'IN_REVIEW' },
  withdraw: { label: 'Withdraw', from: 'IN_REVIEW', to: 'DRAFT' },
  requestChanges: { label: 'Request changes', from: 'IN_REVIEW', to: 'CHANGES_REQUESTED' },
  approve: { label: 'Approve', from: 'IN_REVIEW', to: 'APPROVED' },
  schedule: { label: 'Schedule', from: 'APPROVED', to: 'SCHEDULED' },
  unschedule: { label: 'Unschedule', from: 'SCHEDULED', to: 'APPROVED' },
  publish: { label: 'Publish', from: 'APPROVED', to: 'PUBLISHED' },
  unpublish: { label: 'Unpublish', from: 'PUBLISHED', to: 'UNPUBLISHED' },
} as const;
type TransitionName = keyof typeof TRANSITIONS;

// Who may do what, as the newsroom stated it (issue: editorial workflow, point 2), written out here
// independently of lib/permissions.ts.
const EDITORS: ActorName[] = ['editor', 'editor on own byline', 'admin'];
const ALLOWED: Record<TransitionName, ActorName[]> = {
  submit: ['reporter (own story)', ...EDITORS],
  withdraw: ['reporter (own story)', ...EDITORS],
  requestChanges: EDITORS,
  approve: ['editor', 'admin'], // not an editor on the byline, by default
  schedule: EDITORS,
  unschedule: EDITORS,
  publish: EDITORS,
  unpublish: EDITORS,
};

type Session = { context: BrowserContext; page: Page; request: APIRequestContext };
let sessions: Record<ActorName, Session>;
let ownerId: string;
let editorOnBylineId: string;
let actionId: string;
let sectionId: string;

async function signedIn(browser: Browser, user: { email: string; password: string } | null, storage?: string): Promise<Session> {
  const context = await browser.newContext(storage ? { storageState: storage } : {});
  const page = await context.newPage();
  if (user) {
    await signIn(page, user.email, user.password);
    await expect(page).toHaveURL(/\/newsroom$/);
  }
  return { context, page, request: context.request };
}

/** A story with the reporter and `editor on own byline` as bylines, sitting in `status`. */
async function storyIn(status: string): Promise<string> {
  const id = `authz${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Matrix.' }] }] };
  await query(
    `INSERT INTO "Story" (id, headline, slug, body, "plainText", "wordCount", status, "sectionId", "createdById", "updatedAt", "publishedAt", "firstPublishedAt", "scheduledAt")
     VALUES ($1, $2, $1, $3, 'Matrix.', 1, $4, $5, $6, now(), $7, $7, $8)`,
    [id, `Matrix ${status} ${id}`, JSON.stringify(body), status, sectionId, ownerId, status === 'PUBLISHED' ? new Date() : null, status === 'SCHEDULED' ? new Date('2099-01-01T09:00:00Z') : null],
  );
  await query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ($1, $2, 0), ($1, $3, 1)`, [id, ownerId, editorOnBylineId]);
  return id;
}

const stateOf = async (id: string) => (await query<{ status: string; version: number }>('SELECT status, version FROM "Story" WHERE id = $1', [id]))[0]!;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const [owner] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [ROLES.reporter.email]);
  ownerId = owner!.id;
  sectionId = (await query<{ id: string }>(`SELECT id FROM "Section" WHERE slug = 'politics'`))[0]!.id;
  const otherReporter: TestUser = await createTestUser('REPORTER');
  const editorOnByline: TestUser = await createTestUser('EDITOR');
  const deactivated: TestUser = await createTestUser('EDITOR');
  editorOnBylineId = editorOnByline.id;
  sessions = {
    anonymous: await signedIn(browser, null),
    'reporter (own story)': await signedIn(browser, null, storageStateFor('reporter')),
    'reporter (other story)': await signedIn(browser, otherReporter),
    editor: await signedIn(browser, null, storageStateFor('editor')),
    'editor on own byline': await signedIn(browser, editorOnByline),
    admin: await signedIn(browser, null, storageStateFor('admin')),
    'deactivated editor': await signedIn(browser, deactivated),
  };
  // Deactivated after signing in: the session cookie is still sent, and must count for nothing.
  await query(`UPDATE "User" SET active = false WHERE id = $1`, [deactivated.id]);

  // The server action's id, captured from a real click (every transition goes through one action).
  const reporter = sessions['reporter (own story)'].page;
  await reporter.goto('/newsroom/stories/new');
  await reporter.getByLabel('Headline').fill('Captured for the matrix');
  await pasteText(reporter, 'Text.');
  await expectSaved(reporter);
  await reporter.reload();
  const captured = reporter.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  actionId = (await captured).headers()['next-action']!;
});

test.afterAll(async () => {
  for (const s of Object.values(sessions ?? {})) await s.context.close();
  await query(`DELETE FROM "Story" WHERE id LIKE 'authz%'`);
});

for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
  test(`“${TRANSITIONS[name].label}”: offered and working exactly for the allowed actors, by UI and by direct POST`, async ({ baseURL }) => {
    test.setTimeout(120_000);
    const { label, from, to } = TRANSITIONS[name];
    for (const actor of ACTORS) {
      const allowed = ALLOWED[name].includes(actor);
      const { page, request } = sessions[actor];

      // By UI: the button is there only when allowed, and pressing it does the transition.
      const viaUi = await storyIn(from);
      await page.goto(`/newsroom/stories/${viaUi}`);
      const workflow = page.getByRole('region', { name: 'Workflow' });
      const button = workflow.getByRole('button', { name: label, exact: true });
      if (!allowed) {
        await expect(workflow.or(page.getByLabel('Email')).first()).toBeVisible();
        await expect(button, `${actor} must not be offered ${label}`).toHaveCount(0);
      } else {
        if (name === 'requestChanges') await workflow.getByLabel('Note for the reporter').fill('Tighten the second paragraph.');
        if (name === 'schedule') await workflow.getByLabel(/Publish at/).fill('2099-06-01T09:00');
        await button.click();
        await expect.poll(async () => (await stateOf(viaUi)).status, `${actor} ${label} by UI`).toBe(to);
      }

      // By direct POST of the server action, whatever the UI offered.
      const viaPost = await storyIn(from);
      const before = await stateOf(viaPost);
      const args = [{ storyId: viaPost, transition: name, baseVersion: before.version, note: name === 'requestChanges' ? 'Tighten it.' : '', publishAt: name === 'schedule' ? '2099-06-01T09:00' : '' }];
      const post = () =>
        request.post(`/newsroom/stories/${viaPost}`, {
          headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: baseURL! },
          data: JSON.stringify(args),
          maxRedirects: 0,
        });
      // A kept-alive socket the server has just closed as idle resets; the request never arrived.
      const response = await post().catch((error: Error) => (/ECONNRESET/.test(error.message) ? post() : Promise.reject(error)));
      const after = await stateOf(viaPost);
      if (allowed) {
        expect(after.status, `${actor} ${label} by POST`).toBe(to);
        expect(after.version).toBe(before.version + 1);
      } else {
        expect(after, `${actor} ${label} by POST (HTTP ${response.status()})`).toEqual(before);
        const events = await query(`SELECT 1 FROM "AuditEvent" WHERE "storyId" = $1`, [viaPost]);
        expect(events, `${actor} ${label}: no audit event for a refused transition`).toHaveLength(0);
      }
      // Out of the way of the tests that read the desk in parallel.
      await query(`DELETE FROM "Story" WHERE id = ANY($1)`, [[viaUi, viaPost]]);
    }
  });
}

test('an admin may let editors approve their own stories; the matrix cell changes with the setting', async ({ browser }) => {
  const admin = sessions.admin.page;
  await admin.goto('/newsroom/people');
  const settings = admin.getByRole('form', { name: 'Newsroom settings' });
  const box = settings.getByLabel('Editors may approve stories they are a byline on');
  await expect(box).not.toBeChecked();
  await box.check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved.');
  expect((await query<{ value: boolean }>(`SELECT value FROM "Setting" WHERE key = 'policy.editorMayApproveOwnStory'`))[0]!.value).toBe(true);

  const id = await storyIn('IN_REVIEW');
  const page = sessions['editor on own byline'].page;
  await page.goto(`/newsroom/stories/${id}`);
  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Approve', exact: true }).click();
  await expect.poll(async () => (await stateOf(id)).status).toBe('APPROVED');

  await box.uncheck();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(async () => (await query<{ value: boolean }>(`SELECT value FROM "Setting" WHERE key = 'policy.editorMayApproveOwnStory'`))[0]!.value).toBe(false);
  const again = await storyIn('IN_REVIEW');
  await page.goto(`/newsroom/stories/${again}`);
  await expect(page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  void browser;
});
