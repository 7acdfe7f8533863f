import { expect, test } from '@playwright/test';
import { createTestUser } from './support/db';
import { ROLES, storageStateFor, type RoleName } from './support/roles';
import { expectSignedInAs, signIn } from './support/sign-in';

const GENERIC = 'That email and password do not match an active account.';

for (const role of Object.keys(ROLES) as RoleName[]) {
  test.describe(`signed in as ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test('sees their name and role on the desk', async ({ page }) => {
      await page.goto('/newsroom');
      await expectSignedInAs(page, ROLES[role].name, ROLES[role].label);
      // The desk lists the newest stories first, and other tests add many: find the summit story by search.
      await expect(page.getByRole('table')).toBeVisible();
      await page.goto('/newsroom?q=second+summit+Lima');
      await expect(page.getByRole('table')).toContainText('Yoon and Ishiba hold second summit');
      await expect(page.getByRole('link', { name: 'People' })).toHaveCount(role === 'admin' ? 1 : 0);
    });
  });
}

test('an anonymous visit to the newsroom is sent to sign in, and comes back after', async ({ page }) => {
  await page.goto('/newsroom/people');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnewsroom%2Fpeople/);
  const user = await createTestUser('ADMIN');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/newsroom\/people$/);
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
});

test('wrong password and unknown email get the same message', async ({ page }) => {
  const user = await createTestUser('REPORTER');
  await signIn(page, user.email, 'not the password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(GENERIC);
  await expect(page.getByLabel('Email')).toHaveValue(user.email);
  await signIn(page, 'nobody@test.example', 'whatever');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(GENERIC);
  await expect(page).toHaveURL(/\/login/);
});

test('wrong passwords from one address lock the account there, with the same message as a wrong one', async ({ page }) => {
  const user = await createTestUser('REPORTER');
  for (let attempt = 1; attempt <= 6; attempt++) {
    await signIn(page, user.email, `wrong ${attempt}`);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(GENERIC);
  }
  // The right password no longer works while the lock lasts.
  await signIn(page, user.email, user.password);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(GENERIC);
  await expect(page).toHaveURL(/\/login/);
});

test('sign out ends the session', async ({ page }) => {
  const user = await createTestUser('EDITOR');
  await signIn(page, user.email, user.password);
  await expectSignedInAs(page, user.name, 'Editor');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/newsroom');
  await expect(page).toHaveURL(/\/login/);
});
