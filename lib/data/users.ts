import 'server-only';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/passwords';
import type { Role } from '@/lib/permissions';
import { slugify } from '@/lib/slug';
import type { CreateUserInput } from '@/lib/validations/users';
import { recordAudit } from './audit';
import { endSessionsOf } from './sessions';
import { ConflictError, ForbiddenError, NotFoundError, isUniqueViolation } from './errors';
import { assertCan, type Viewer } from './viewer';

const viewerSelect = { id: true, name: true, email: true, role: true, active: true } as const;

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  slug: string;
  createdAt: Date;
};

export async function listPeople(viewer: Viewer | null): Promise<PersonRow[]> {
  assertCan(viewer, 'user.manage');
  return db.user.findMany({
    select: { ...viewerSelect, slug: true, createdAt: true },
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
  });
}

async function uniqueAuthorSlug(name: string): Promise<string> {
  const base = slugify(name) || 'author';
  const taken = await db.user.findMany({
    where: { slug: { startsWith: base } },
    select: { slug: true },
  });
  const used = new Set(taken.map((u) => u.slug));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export async function createPerson(viewer: Viewer | null, input: CreateUserInput): Promise<{ id: string }> {
  assertCan(viewer, 'user.manage');
  return createAccount(input, viewer.id);
}

/**
 * Creates an account. `actorId` is the admin who made it, or null when it comes from the command
 * line (`npm run user:create`), which is how a new installation gets its first admin.
 */
export async function createAccount(input: CreateUserInput, actorId: string | null): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  const slug = await uniqueAuthorSlug(input.name);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, passwordHash, slug },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        toState: input.role,
        note: actorId ? '' : 'Created from the command line',
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('A person with this email address already exists.');
    throw error;
  }
}

/** Whether anyone can sign in yet: a new installation has nobody until `npm run user:create`. */
export async function hasAnyAccount(): Promise<boolean> {
  return (await db.user.count({ where: { active: true } })) > 0;
}

export async function changeRole(viewer: Viewer | null, userId: string, role: Role): Promise<void> {
  assertCan(viewer, 'user.manage');
  // An admin who demoted themselves could leave the newsroom with nobody able to manage people.
  if (userId === viewer.id) throw new ForbiddenError('You cannot change your own role.');
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new NotFoundError('That person does not exist.');
    if (before.role === role) return;
    const { count } = await tx.user.updateMany({ where: { id: userId, role: before.role }, data: { role } });
    if (count === 0) throw new ConflictError('Someone else changed this person at the same time; reload and try again.');
    // What they may do changed: they sign in again and get it from the start.
    await endSessionsOf(tx, userId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'user.role',
      entityType: 'user',
      entityId: userId,
      fromState: before.role,
      toState: role,
    });
  });
}

export async function setPersonActive(viewer: Viewer | null, userId: string, active: boolean): Promise<void> {
  assertCan(viewer, 'user.manage');
  if (userId === viewer.id) throw new ForbiddenError('You cannot deactivate your own account.');
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, active: !active }, data: { active } });
    if (count === 0) {
      const exists = await tx.user.count({ where: { id: userId } });
      if (!exists) throw new NotFoundError('That person does not exist.');
      return; // already in the requested state
    }
    if (!active) await endSessionsOf(tx, userId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: userId,
      fromState: active ? 'inactive' : 'active',
      toState: active ? 'active' : 'inactive',
    });
  });
}

/** Active members of the newsroom, for byline pickers and author filters. */
export async function listNewsroomPeople(viewer: Viewer | null): Promise<{ id: string; name: string }[]> {
  assertCan(viewer, 'newsroom.enter');
  return db.user.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 5_000 });
}
