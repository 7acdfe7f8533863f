import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { Viewer } from '@/lib/data/viewer';
import { docFromPlainText } from '@/lib/editor/plain-text';
import type { Role } from '@/lib/permissions';
import type { StoryFields } from '@/lib/validations/story';

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

/** Every field a story save needs, with plain defaults; tests override what they are about. */
export function storyFields(bylineIds: string[], overrides: Partial<StoryFields> = {}): StoryFields {
  return {
    headline: `Story ${randomUUID().slice(0, 8)}`,
    dek: '',
    slug: '',
    sectionId: null,
    tags: [],
    bylineIds,
    creditLine: '',
    dateline: '',
    seoTitle: '',
    seoDescription: '',
    featuredImageId: null,
    body: docFromPlainText('Text.'),
    ...overrides,
  };
}
