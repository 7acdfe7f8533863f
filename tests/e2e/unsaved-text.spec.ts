import { expect, test, type Browser, type Page } from '@playwright/test';
import { body, expectSaved, startStory, withoutWritingTogether } from './support/editor';
import { createTestUser, query, type TestUser } from './support/db';

// Text typed in the browser and not yet on the server belongs to the person who typed it: it is
// offered back when the story leaves their hands before it is saved, never handed to the next
// person at the same computer, and cleared when they sign out.

async function signedIn(browser: Browser, person: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/newsroom$/);
  return { context, page };
}

const unsavedKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('masthead:unsaved:')));

/** Starts a story as this person, then types more with the connection gone: kept only in the browser. */
async function storyWithUnsavedText(browser: Browser, person: TestUser, headline: string, saved: string, unsaved: string) {
  const { context, page } = await signedIn(browser, person);
  // The version-checked path's copy on the device (written together, the shared document keeps its own: writing-together.spec).
  await withoutWritingTogether(context);
  const id = await startStory(page, headline, saved);
  await context.setOffline(true);
  await body(page).press('End');
  await body(page).pressSequentially(unsaved);
  await expect.poll(async () => (await unsavedKeys(page)).length).toBe(1);
  return { context, page, id };
}

test('a story moved out of a reporter’s hands mid-typing offers the unsaved text back, to copy or to send as a comment', async ({ browser }) => {
  // Offline, the reporter goes on typing; meanwhile an editor submits the story for review.
  const { context, page, id } = await storyWithUnsavedText(browser, await createTestUser('REPORTER'), 'Council vote on the harbour plan', 'The council met on Tuesday.', ' The vote was seven to two.');
  await query(`UPDATE "Story" SET status = 'IN_REVIEW', version = version + 1 WHERE id = $1`, [id]);
  await context.setOffline(false);

  const offered = page.getByRole('region', { name: 'Your unsaved text' });
  await expect(offered).toBeVisible({ timeout: 20_000 });
  await expect(offered.getByRole('textbox', { name: 'Unsaved text' })).toHaveValue(/The vote was seven to two\./);
  // The page now shows the story as it stands: in review, read-only for the reporter.
  await expect(page.getByText('You can read this story, but not edit it in its current state.')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/unsaved-text.png', fullPage: true });

  // A reload keeps offering it (it is still only on this device) …
  await page.reload();
  await expect(offered).toBeVisible();
  // … until it goes to the editors as a comment.
  await offered.getByRole('button', { name: 'Send to the editor as a comment' }).click();
  await expect(offered).toHaveCount(0);
  await expect.poll(async () => (await query<{ body: string }>(`SELECT body FROM "Comment" WHERE "storyId" = $1`, [id])).map((c) => c.body).join('\n')).toContain('The vote was seven to two.');
  expect(await unsavedKeys(page)).toEqual([]);
  await context.close();
});

test('unsaved text is kept per person and cleared at sign-out: the next person at the computer never gets it', async ({ browser }) => {
  const first = await createTestUser('REPORTER');
  const { context, page, id } = await storyWithUnsavedText(browser, first, 'Ferry timetable changes', 'Sailings move to the hour.', ' From Monday.');
  const [key] = await unsavedKeys(page);
  expect(key).toMatch(new RegExp(`^masthead:unsaved:${first.id}:${id}:`));
  const kept = await page.evaluate((k) => localStorage.getItem(k), key!);
  await context.setOffline(false);
  await expectSaved(page);

  // A copy the server never got (a tab closed while offline), then another person's.
  await page.evaluate(([k, v]) => localStorage.setItem(k!.replace(/:[a-z0-9]+$/, ':gone1'), v!), [key, kept]);
  await page.evaluate((v) => localStorage.setItem('masthead:unsaved:someone-else:new:tab1', v!), kept);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await unsavedKeys(page)).toEqual(['masthead:unsaved:someone-else:new:tab1']);

  // The next person at this computer opens the same story: nothing of the first person's comes back.
  const second = await createTestUser('EDITOR');
  await page.getByLabel('Email').fill(second.email);
  await page.getByLabel('Password').fill(second.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/newsroom$/);
  await page.goto(`/newsroom/stories/${id}`);
  await expect(body(page)).toContainText('Sailings move to the hour. From Monday.');
  await expect(page.getByRole('region', { name: 'Your unsaved text' })).toHaveCount(0);
  await context.close();
});
