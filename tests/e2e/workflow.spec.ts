import { expect, test, type Browser } from '@playwright/test';
import { query } from './support/db';
import { SUMMIT_PARAGRAPHS, body, caretAtEnd, expectSaved, pasteText, startStory, writeAndSubmit } from './support/editor';
import { storageStateFor, type RoleName } from './support/roles';

const HEADLINE = 'Yoon and Ishiba pledge closer ties at second summit';
// The summit text as the copy desk leaves it: its three quotations opened with “, not ”.
const FIXED = SUMMIT_PARAGRAPHS.map((p) => p.replace(/(^|\s)”/g, '$1“'));

async function as(browser: Browser, role: RoleName) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return { context, page: await context.newPage() };
}

test('a story goes from draft through review, changes and approval to the public site', async ({ browser }) => {
  test.setTimeout(120_000);
  const reporter = await as(browser, 'reporter');
  await reporter.page.goto('/newsroom/stories/new');
  await reporter.page.getByLabel('Headline').fill(HEADLINE);
  await pasteText(reporter.page, SUMMIT_PARAGRAPHS.join('\n'));
  await reporter.page.getByLabel('Section').selectOption({ label: 'World' });
  await expectSaved(reporter.page);
  const id = reporter.page.url().split('/').pop()!;
  // The style checks' errors block Submit: the reporter fixes them first.
  const errors = reporter.page.getByRole('region', { name: 'Style checks' }).getByRole('listitem').filter({ hasText: /^Error/ });
  await expect(errors).toHaveCount(3);
  for (let left = 3; left > 0; left--) {
    await errors.first().getByRole('button', { name: 'Fix' }).click();
    await expect(errors).toHaveCount(left - 1);
  }
  await expectSaved(reporter.page);
  await reporter.page.reload();
  const workflow = reporter.page.getByRole('region', { name: 'Workflow' });
  await expect(workflow.getByRole('button')).toHaveText(['Submit for review']);
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(workflow).toContainText('in review');
  await expect(reporter.page.getByText('You can read this story, but not edit it in its current state.')).toBeVisible();
  await expect(workflow.getByRole('button')).toHaveText(['Withdraw']);

  const editor = await as(browser, 'editor');
  await editor.page.goto('/newsroom/review');
  await expect(editor.page.getByRole('rowheader', { name: HEADLINE })).toBeVisible();
  await editor.page.screenshot({ path: 'tests/e2e/screenshots/review-queue.png', fullPage: true });
  await editor.page.getByRole('link', { name: HEADLINE }).click();
  const editorWorkflow = editor.page.getByRole('region', { name: 'Workflow' });
  await expect(editorWorkflow.getByRole('button')).toHaveText(['Withdraw', 'Request changes', 'Approve']);

  // An inline comment on the Ishiba quotation.
  await body(editor.page).locator('p').nth(4).click({ clickCount: 3 });
  await editor.page.getByRole('button', { name: 'Comment on selection' }).click();
  await editor.page.getByLabel('Comment on this passage').fill('Who did Ishiba say this to? Please attribute.');
  await editor.page.getByRole('button', { name: 'Add comment' }).click();
  const comments = editor.page.getByRole('region', { name: 'Comments' });
  await expect(comments.getByRole('listitem', { name: 'Comment by Eden Park' })).toContainText('Who did Ishiba say this to?');
  await expect(body(editor.page).locator('.comment-anchor')).toHaveText(FIXED[4]!);
  await expectSaved(editor.page);

  await editorWorkflow.getByRole('button', { name: 'Request changes' }).click();
  await expect(editorWorkflow.getByRole('alert')).toHaveText('Say what needs to change.');
  await editorWorkflow.getByLabel('Note for the reporter').fill('Please attribute the Ishiba quote in the fifth paragraph.');
  await editorWorkflow.getByRole('button', { name: 'Request changes' }).click();
  await expect(editorWorkflow).toContainText('changes requested');

  await reporter.page.reload();
  await expect(workflow).toContainText('changes requested');
  // The editor's note is on the story, first thing, with who asked and when.
  const request = reporter.page.getByRole('region', { name: 'Changes requested' });
  await expect(request).toContainText('Please attribute the Ishiba quote in the fifth paragraph.');
  await expect(request).toContainText('Eden Park');
  await expect(request.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  // …and on the desk list, as a mark whose description is the note.
  const desk = await reporter.context.newPage();
  await desk.goto('/newsroom');
  const mark = desk.getByRole('row').filter({ has: desk.locator(`a[href="/newsroom/stories/${id}"]`) }).getByRole('img', { name: 'Note from the editor' });
  await expect(mark).toHaveAccessibleDescription('Eden Park: Please attribute the Ishiba quote in the fifth paragraph.');
  await desk.screenshot({ path: 'tests/e2e/screenshots/desk-changes-requested.png' });
  await desk.close();
  await reporter.page.screenshot({ path: 'tests/e2e/screenshots/story-changes-requested.png' });
  const thread = reporter.page.getByRole('region', { name: 'Comments' }).getByRole('listitem', { name: 'Comment by Eden Park' });
  await expect(thread).toContainText(FIXED[4]!.slice(0, 40));
  await expect(body(reporter.page).locator('.comment-anchor')).toHaveCount(1);
  await reporter.page.screenshot({ path: 'tests/e2e/screenshots/editor-comments.png', fullPage: true });
  await caretAtEnd(body(reporter.page).locator('p').nth(4));
  await reporter.page.keyboard.type(' (Attributed to Prime Minister Ishiba.)');
  await expectSaved(reporter.page);
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(thread.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(workflow).toContainText('in review');
  // Resubmitted: the request is answered, and the notice goes (the note stays in Activity).
  await reporter.page.reload();
  await expect(reporter.page.getByRole('region', { name: 'Changes requested' })).toHaveCount(0);

  await editor.page.reload();
  // The editor sees only the paragraph the reporter changed.
  const review = editor.page.getByRole('region', { name: 'Changes since the previous submission' });
  await expect(review).toContainText('1 paragraph changed');
  await expect(review.getByRole('listitem', { name: 'Edited paragraph' })).toHaveCount(1);
  const edited = review.getByRole('listitem', { name: 'Edited paragraph' });
  await expect(edited).toHaveText(`${FIXED[4]} (Attributed to Prime Minister Ishiba.)`);
  expect((await edited.locator('ins').allTextContents()).join('')).toMatch(/^ \(Attributed to Prime Minister Ishiba\.?\)$/);
  await expect(edited.locator('del')).toHaveCount(0);
  await expect(review.getByRole('listitem', { name: /paragraph$/ })).toHaveCount(1);
  await editor.page.screenshot({ path: 'tests/e2e/screenshots/review-changes.png' });
  await editorWorkflow.getByRole('button', { name: 'Approve' }).click();
  await expect(editorWorkflow).toContainText('approved');
  await editorWorkflow.getByRole('button', { name: 'Publish' }).click();
  await expect(editorWorkflow).toContainText('published');
  await editor.page.screenshot({ path: 'tests/e2e/screenshots/editor-published.png' });

  await editor.page.goto(`/newsroom/stories/${id}/history`);
  const activity = editor.page.getByRole('region', { name: 'Activity' });
  await expect(activity).toContainText('Please attribute the Ishiba quote in the fifth paragraph.');
  await expect(activity.getByRole('listitem')).toHaveCount(6); // created, submit, changes, submit, approve, publish
  await expect(activity).toContainText('Eden Park asked for changes (in review → changes requested)');
  await expect(activity).not.toContainText('CHANGES_REQUESTED');

  const reader = await browser.newContext();
  const page = await reader.newPage();
  const [story] = await query<{ slug: string }>('SELECT slug FROM "Story" WHERE id = $1', [id]);
  await page.goto(`/world/${story!.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  await expect(page.getByRole('article')).toContainText('By Riley Chen');
  await expect(page.getByRole('article')).toContainText('(Attributed to Prime Minister Ishiba.)');
  await page.goto('/');
  await expect(page.getByRole('link', { name: HEADLINE })).toBeVisible();
  await Promise.all([reporter.context.close(), editor.context.close(), reader.close()]);
});

test('the review queue is for editors', async ({ browser }) => {
  const reporter = await as(browser, 'reporter');
  await reporter.page.goto('/newsroom/review');
  await expect(reporter.page.getByRole('heading', { name: 'Not available' })).toBeVisible();
  await expect(reporter.page.getByRole('link', { name: 'Review' })).toHaveCount(0);
  await reporter.context.close();
});

test('an editor schedules an approved story, which stays off the public site until its time', async ({ browser }) => {
  const reporter = await as(browser, 'reporter');
  const id = await writeAndSubmit(reporter.page, { headline: 'Budget embargoed until the minister speaks', text: 'The budget will be published when the minister rises.', section: 'Business' });

  const editor = await as(browser, 'editor');
  await editor.page.goto(`/newsroom/stories/${id}`);
  const workflow = editor.page.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Approve' }).click();
  await expect(workflow.getByRole('button', { name: 'Schedule' })).toBeVisible();
  await workflow.getByRole('button', { name: 'Schedule' }).click();
  await expect(workflow.getByRole('alert')).toHaveText('Choose when to publish.');
  await workflow.getByLabel(/Publish at/).fill('2099-01-01T09:00');
  await workflow.getByRole('button', { name: 'Schedule' }).click();
  await expect(workflow).toContainText('scheduled');
  await expect(workflow).toContainText('for 2099-01-01 09:00 (UTC)');
  const [row] = await query<{ status: string; scheduledAt: Date }>('SELECT status, "scheduledAt" FROM "Story" WHERE id = $1', [id]);
  expect(row!.status).toBe('SCHEDULED');
  expect(new Date(row!.scheduledAt).toISOString()).toBe('2099-01-01T09:00:00.000Z');

  const reader = await browser.newContext();
  const page = await reader.newPage();
  await page.goto('/business');
  await expect(page.getByText('Budget embargoed until the minister speaks')).toHaveCount(0);

  await workflow.getByRole('button', { name: 'Unschedule' }).click();
  await expect(workflow).toContainText('approved');
  await Promise.all([reporter.context.close(), editor.context.close(), reader.close()]);
});

test('workflow actions sent directly by someone not allowed change nothing', async ({ browser, baseURL }) => {
  // A reporter's own submit, captured as the browser sends it…
  const reporter = await as(browser, 'reporter');
  await reporter.page.goto('/newsroom/stories/new');
  await reporter.page.getByLabel('Headline').fill('Captured submit');
  await pasteText(reporter.page, 'Text.');
  await expectSaved(reporter.page);
  await reporter.page.reload();
  let captured: { headers: Record<string, string>; body: string } | undefined;
  await reporter.page.route('**/newsroom/stories/*', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    captured = { headers: await route.request().allHeaders(), body: route.request().postData() ?? '' };
    await route.abort();
  });
  await reporter.page.getByRole('button', { name: 'Submit for review' }).click();
  await expect.poll(() => captured).toBeDefined();
  const ownId = reporter.page.url().split('/').pop()!;
  expect(captured!.body).toContain(ownId);

  // …replayed against another reporter's draft, and as an approval of a story in review.
  const [other] = await query<{ id: string; version: number }>(`SELECT id, version FROM "Story" WHERE slug = 'port-strike-second-week'`);
  const replay = async (body: string, path: string) => {
    const response = await reporter.context.request.post(path, {
      headers: { 'next-action': captured!.headers['next-action']!, 'content-type': captured!.headers['content-type']!, accept: 'text/x-component', origin: baseURL! },
      data: body,
    });
    return response.text();
  };
  const approveOther = captured!.body.replace(ownId, other!.id).replace('"submit"', '"approve"').replace(/"baseVersion":\d+/, `"baseVersion":${other!.version}`);
  expect(await replay(approveOther, `/newsroom/stories/${other!.id}`)).toContain('You do not have permission to do that.');
  const publishOther = approveOther.replace('"approve"', '"publish"');
  expect(await replay(publishOther, `/newsroom/stories/${other!.id}`)).toMatch(/no longer applies|You do not have permission/);
  const [after] = await query<{ status: string; version: number }>('SELECT status, version FROM "Story" WHERE id = $1', [other!.id]);
  expect(after).toEqual({ status: 'IN_REVIEW', version: other!.version });

  // The unchanged request does work, so the refusals above are the permission checks.
  expect(await replay(captured!.body, `/newsroom/stories/${ownId}`)).toContain('"ok":true');
  const [own] = await query<{ status: string }>('SELECT status FROM "Story" WHERE id = $1', [ownId]);
  expect(own!.status).toBe('IN_REVIEW');
  await reporter.context.close();
});

test('an update to a live story is edited aside and replaces the live version when published', async ({ browser }) => {
  const [story] = await query<{ id: string }>(`SELECT id FROM "Story" WHERE slug = 'central-bank-holds-rates-steady'`);
  const editor = await as(browser, 'editor');
  await editor.page.goto(`/newsroom/stories/${story!.id}`);
  const workflow = editor.page.getByRole('region', { name: 'Workflow' });
  await expect(editor.page.getByText('You can read this story, but not edit it in its current state.')).toBeVisible();
  await workflow.getByRole('button', { name: 'Edit as update' }).click();
  await expect(workflow).toContainText('update: draft');
  await caretAtEnd(body(editor.page).locator('p').last());
  await editor.page.keyboard.type(' The governor will speak again in January.');
  await expectSaved(editor.page);

  const reader = await browser.newContext();
  const page = await reader.newPage();
  await page.goto('/business/central-bank-holds-rates-steady');
  await expect(page.getByRole('article')).not.toContainText('The governor will speak again in January.');

  await workflow.getByRole('button', { name: 'Publish update' }).click();
  await expect(workflow).not.toContainText('update:');
  await page.reload();
  await expect(page.getByRole('article')).toContainText('The governor will speak again in January.');
  await expect(page.getByRole('article')).toContainText('Updated');
  await Promise.all([editor.context.close(), reader.close()]);
});

test('comments reach the other people who have the story open, without a reload', async ({ browser }) => {
  test.setTimeout(60_000);
  const reporter = await as(browser, 'reporter');
  const id = await startStory(reporter.page, 'Council agenda for Thursday', 'The council meets on Thursday.');
  const editor = await as(browser, 'editor');
  await editor.page.goto(`/newsroom/stories/${id}`);
  const comments = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Comments' });
  await comments(editor.page).getByLabel('New comment').fill('Which room is the meeting in?');
  await comments(editor.page).getByRole('button', { name: 'Add comment' }).click();
  await expect(comments(editor.page)).toContainText('Which room is the meeting in?');
  // The reporter's page was opened before the comment; its heartbeat brings the thread in.
  await expect(comments(reporter.page)).toContainText('Which room is the meeting in?', { timeout: 25_000 });
  await Promise.all([reporter.context.close(), editor.context.close()]);
});

test('after its first save a new story is the full story page without a reload: workflow, comments, history, preview', async ({ browser }) => {
  const reporter = await as(browser, 'reporter');
  const page = reporter.page;
  let loads = 0;
  page.on('load', () => (loads += 1));
  const id = await startStory(page, `Ferry timetable changes for winter ${Date.now()}`, 'The harbour ferries will run every forty minutes from December.');
  expect(loads).toBe(1); // the page was never reloaded
  const workflow = page.getByRole('region', { name: 'Workflow' });
  await expect(workflow.getByRole('button', { name: 'Submit for review' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Comments' }).getByLabel('New comment')).toBeVisible();
  await expect(page.getByRole('link', { name: 'History' })).toHaveAttribute('href', `/newsroom/stories/${id}/history`);
  await expect(page.getByRole('button', { name: /Preview/ }).first()).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/new-story-after-first-save.png' });
  // …and it works: the story goes to review from here.
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(workflow).toContainText('in review');
  const [row] = await query<{ status: string }>('SELECT status FROM "Story" WHERE id = $1', [id]);
  expect(row!.status).toBe('IN_REVIEW');
  await reporter.context.close();
});
