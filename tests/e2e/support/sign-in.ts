import { expect, type Page } from '@playwright/test';

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function expectSignedInAs(page: Page, name: string, role: string) {
  await expect(page).toHaveURL(/\/newsroom$/);
  const user = page.getByLabel('Signed in as');
  await expect(user).toContainText(name);
  await expect(user).toContainText(role);
}
