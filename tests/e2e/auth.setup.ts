import { test as setup } from '@playwright/test';
import { DEMO_PASSWORD, ROLES, storageStateFor, type RoleName } from './support/roles';
import { expectSignedInAs, signIn } from './support/sign-in';

// One signed-in browser state per role, reused by the tests that act as that role.
for (const role of Object.keys(ROLES) as RoleName[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const { email, name, label } = ROLES[role];
    await signIn(page, email, DEMO_PASSWORD);
    await expectSignedInAs(page, name, label);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
