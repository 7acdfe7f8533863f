import { expect, request, test, type Page } from '@playwright/test';
import { createTestUser, query, userRow } from './support/db';
import { storageStateFor } from './support/roles';
import { expectSignedInAs, signIn } from './support/sign-in';

const peopleCount = async () => Number((await query<{ n: string }>('SELECT count(*) AS n FROM "User"'))[0]!.n);
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

test.describe('as an admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('adds a person who can then sign in', async ({ page, browser }) => {
    await page.goto('/newsroom/people');
    await page.screenshot({ path: 'tests/e2e/screenshots/people.png', fullPage: true });
    const email = `new-${Date.now()}@test.example`;
    await page.getByLabel('Name').fill('Noor Haddad');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption('EDITOR');
    await page.getByLabel('Initial password').fill('a sturdy first password');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Noor Haddad can now sign in' })).toBeVisible();
    await expect(row(page, 'Noor Haddad')).toContainText('Editor');

    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, email, 'a sturdy first password');
    await expectSignedInAs(other, 'Noor Haddad', 'Editor');
    await context.close();
  });

  test('bad input gets a clear message, keeps what was typed and writes nothing', async ({ page }) => {
    const existing = await createTestUser('REPORTER');
    await page.goto('/newsroom/people');
    const before = await peopleCount();

    await page.getByLabel('Name').fill('Duplicate Person');
    await page.getByLabel('Email').fill(existing.email.toUpperCase());
    await page.getByLabel('Initial password').fill('a sturdy first password');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'A person with this email address already exists.' })).toBeVisible();
    await expect(page.getByLabel('Name')).toHaveValue('Duplicate Person');

    await page.getByLabel('Email').fill('fresh@test.example');
    await page.getByLabel('Initial password').fill('short');
    // The browser's own minlength check would stop this; the server must refuse it too.
    await page.getByRole('form', { name: 'Add a person' }).evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
    await expect(page.getByLabel('Initial password')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Initial password').fill('password12345');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByText(/This password is too common or too easy to guess/)).toBeVisible();

    await page.getByLabel('Initial password').fill('');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
    expect(await peopleCount()).toBe(before);
  });

  test('a role change signs that person out at once; signing in again gives them the new role', async ({ page, browser }) => {
    const person = await createTestUser('REPORTER');
    const context = await browser.newContext();
    const theirs = await context.newPage();
    await signIn(theirs, person.email, person.password);
    await expectSignedInAs(theirs, person.name, 'Reporter');

    await page.goto('/newsroom/people');
    await row(page, person.name).getByRole('combobox', { name: `Role for ${person.name}` }).selectOption('EDITOR');
    await row(page, person.name).getByRole('button', { name: `Change role for ${person.name}` }).click();
    await expect(row(page, person.name).getByRole('cell').nth(1)).toHaveText('Editor');
    expect((await userRow(person.id))?.role).toBe('EDITOR');

    await theirs.reload();
    await expect(theirs).toHaveURL(/\/login\?reason=signed-out/);
    await signIn(theirs, person.email, person.password);
    await expectSignedInAs(theirs, person.name, 'Editor');
    await context.close();
  });

  test('a deactivated person is signed out on their next request, and can be reactivated', async ({ page, browser }) => {
    const person = await createTestUser('EDITOR');
    const context = await browser.newContext();
    const theirs = await context.newPage();
    await signIn(theirs, person.email, person.password);
    await expectSignedInAs(theirs, person.name, 'Editor');

    await page.goto('/newsroom/people');
    await row(page, person.name).getByRole('button', { name: `Deactivate ${person.name}` }).click();
    await expect(row(page, person.name)).toContainText('Deactivated');

    await theirs.goto('/newsroom');
    await expect(theirs).toHaveURL(/\/login\?reason=signed-out/);
    await expect(theirs.getByText('Your session has ended.')).toBeVisible();
    await signIn(theirs, person.email, person.password);
    await expect(theirs.getByRole('main').getByRole('alert')).toHaveText('That email and password do not match an active account.');

    await row(page, person.name).getByRole('button', { name: `Reactivate ${person.name}` }).click();
    await expect(row(page, person.name)).toContainText('Active');
    await signIn(theirs, person.email, person.password);
    await expectSignedInAs(theirs, person.name, 'Editor');
    await context.close();
  });
});

test.describe('as a reporter', () => {
  test.use({ storageState: storageStateFor('reporter') });

  test('cannot open the people page', async ({ page }) => {
    await page.goto('/newsroom/people');
    await expect(page.getByRole('heading', { name: 'Not available' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByText('admin@example.com')).toHaveCount(0);
  });
});

test('a direct POST of an admin action by a reporter changes nothing', async ({ browser, baseURL }) => {
  const target = await createTestUser('REPORTER');

  // Capture the exact request the admin's browser sends for "Deactivate", without letting it through.
  const adminContext = await browser.newContext({ storageState: storageStateFor('admin') });
  const adminPage = await adminContext.newPage();
  await adminPage.goto('/newsroom/people');
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await adminPage.route('**/newsroom/people', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.continue();
    captured = { headers: await req.allHeaders(), body: req.postDataBuffer()! };
    await route.abort();
  });
  await row(adminPage, target.name).getByRole('button', { name: `Deactivate ${target.name}` }).click();
  await expect.poll(() => captured).toBeDefined();
  expect(captured!.headers['next-action']).toBeTruthy();

  const replay = async (role: 'reporter' | 'admin') => {
    const api = await request.newContext({ baseURL, storageState: storageStateFor(role) });
    const response = await api.post('/newsroom/people', {
      headers: { 'next-action': captured!.headers['next-action']!, 'content-type': captured!.headers['content-type']!, accept: 'text/x-component' },
      data: captured!.body,
    });
    const text = await response.text();
    await api.dispose();
    return text;
  };

  const asReporter = await replay('reporter');
  expect(asReporter).toContain('You do not have permission to do that.');
  expect((await userRow(target.id))?.active).toBe(true);
  const events = await query('SELECT 1 FROM "AuditEvent" WHERE "entityId" = $1', [target.id]);
  expect(events).toHaveLength(0);

  // The same bytes from an admin do work, so the refusal above is the permission check, not a bad replay.
  await replay('admin');
  expect((await userRow(target.id))?.active).toBe(false);
  await adminContext.close();
});

/** The text fields of a multipart body, in order, as the browser sent them. */
function multipartFields(body: Buffer, contentType: string): [string, string][] {
  const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
  return body
    .toString('utf8')
    .split(`--${boundary}`)
    .map((part) => /name="([^"]+)"\r\n\r\n([\s\S]*)\r\n$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]);
}

test('malformed action payloads are refused and write nothing', async ({ browser, baseURL }) => {
  const target = await createTestUser('REPORTER');
  const adminContext = await browser.newContext({ storageState: storageStateFor('admin') });
  const adminPage = await adminContext.newPage();
  await adminPage.goto('/newsroom/people');
  let captured: { actionId: string; fields: [string, string][] } | undefined;
  await adminPage.route('**/newsroom/people', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.continue();
    const headers = await req.allHeaders();
    captured = { actionId: headers['next-action']!, fields: multipartFields(req.postDataBuffer()!, headers['content-type']!) };
    await route.abort();
  });
  await row(adminPage, target.name).getByRole('button', { name: `Change role for ${target.name}` }).click();
  await expect.poll(() => captured).toBeDefined();
  const roleField = captured!.fields.find(([name]) => name.endsWith('_role'))![0];
  const prefix = roleField.slice(0, -'role'.length);

  const api = await request.newContext({ baseURL, storageState: storageStateFor('admin') });
  // Replays the captured call with some fields changed, added or removed. The body is built by hand
  // because React decodes the fields in the order they arrive.
  const post = async (change: (fields: [string, string][]) => [string, string][]) => {
    const boundary = '----masthead-test-boundary';
    const body = change(captured!.fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') + `--${boundary}--\r\n`;
    const response = await api.post('/newsroom/people', {
      headers: {
        'next-action': captured!.actionId,
        accept: 'text/x-component',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      data: Buffer.from(body),
    });
    return response.text();
  };
  const withRole = (role: string) => (fields: [string, string][]) => fields.map(([k, v]): [string, string] => [k, k === roleField ? role : v]);

  expect(await post(withRole('OWNER'))).toContain('Choose a role: Reporter, Editor or Admin.');
  expect(await post((f) => [[`${prefix}isAdmin`, 'yes'], ...withRole('ADMIN')(f)])).toContain('Unknown field: isAdmin.');
  expect(await post((f) => f.filter(([k]) => !k.endsWith('_userId')).map(([k, v]): [string, string] => [k, k === roleField ? 'ADMIN' : v]))).toContain(
    'Please correct the highlighted fields.',
  );
  expect((await userRow(target.id))?.role).toBe('REPORTER');
  // The unchanged call goes through, so the refusals above came from validation.
  await post(withRole('EDITOR'));
  expect((await userRow(target.id))?.role).toBe('EDITOR');
  await api.dispose();
  await adminContext.close();
});
