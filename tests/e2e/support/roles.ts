import path from 'node:path';

// The demo logins (see README) and where each role's signed-in browser state is kept.
export const DEMO_PASSWORD = 'masthead-demo';

export const ROLES = {
  admin: { email: 'admin@example.com', name: 'Alex Morgan', label: 'Admin' },
  editor: { email: 'editor@example.com', name: 'Eden Park', label: 'Editor' },
  reporter: { email: 'reporter@example.com', name: 'Riley Chen', label: 'Reporter' },
} as const;
export type RoleName = keyof typeof ROLES;

export const storageStateFor = (role: RoleName) => path.join('tests', 'e2e', '.auth', `${role}.json`);
