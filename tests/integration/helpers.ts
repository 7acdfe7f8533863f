import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { Viewer } from '@/lib/data/viewer';
import type { Role } from '@/lib/permissions';

/** A person created straight in the database for a test, returned as the data layer's viewer. */
export async function makeUser(role: Role, overrides: { active?: boolean; passwordHash?: string; email?: string } = {}): Promise<Viewer> {
  const tag = randomUUID().slice(0, 8);
  const user = await db.user.create({
    data: {
      name: `${role.toLowerCase()} ${tag}`,
      email: overrides.email ?? `${role.toLowerCase()}-${tag}@test.example`,
      role,
      active: overrides.active ?? true,
      slug: `${role.toLowerCase()}-${tag}`,
      passwordHash: overrides.passwordHash ?? 'not-a-real-hash',
    },
    select: { id: true, name: true, email: true, role: true, active: true },
  });
  return user;
}
