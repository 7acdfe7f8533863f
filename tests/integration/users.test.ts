import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/data/errors';
import { findSessionViewer, openSession } from '@/lib/data/sessions';
import { changeRole, createPerson, listPeople, setPersonActive } from '@/lib/data/users';
import type { Viewer } from '@/lib/data/viewer';
import { verifyPassword } from '@/lib/passwords';
import { makeUser } from './helpers';

let admin: Viewer;
let editor: Viewer;
let reporter: Viewer;

const snapshot = async () => ({
  users: await db.user.findMany({ orderBy: { id: 'asc' } }),
  audit: await db.auditEvent.count(),
});

beforeAll(async () => {
  admin = await makeUser('ADMIN');
  editor = await makeUser('EDITOR');
  reporter = await makeUser('REPORTER');
});

describe('people administration', () => {
  it('lets an admin create a person with a hashed password and an audit event', async () => {
    const { id } = await createPerson(admin, { name: 'Zoë Ångström', email: 'zoe@test.example', role: 'EDITOR', password: 'a long initial password' });
    const row = await db.user.findUniqueOrThrow({ where: { id }, select: { slug: true, role: true, passwordHash: true } });
    expect(row.slug).toBe('zoe-angstrom');
    expect(row.role).toBe('EDITOR');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, 'a long initial password')).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({ actorId: admin.id, action: 'user.create', toState: 'EDITOR' });
  });

  it('refuses a duplicate email and writes nothing', async () => {
    const before = await snapshot();
    await expect(createPerson(admin, { name: 'Zoe Again', email: 'zoe@test.example', role: 'REPORTER', password: 'another long password' })).rejects.toThrow(
      new ConflictError('A person with this email address already exists.'),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('gives a second person with the same name their own author slug', async () => {
    const { id } = await createPerson(admin, { name: 'Zoë Ångström', email: 'zoe2@test.example', role: 'REPORTER', password: 'a long initial password' });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).slug).toBe('zoe-angstrom-2');
  });

  it.each([
    ['reporter', () => reporter],
    ['editor', () => editor],
    ['nobody', () => null],
  ])('refuses every people action to %s and changes nothing', async (_who, who) => {
    const before = await snapshot();
    const viewer = who();
    await expect(listPeople(viewer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPerson(viewer, { name: 'X', email: 'x@test.example', role: 'ADMIN', password: 'a long initial password' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeRole(viewer, reporter.id, 'ADMIN')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setPersonActive(viewer, reporter.id, false)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a deactivated admin', async () => {
    const former = await makeUser('ADMIN', { active: false });
    await expect(changeRole(former, reporter.id, 'ADMIN')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('changes a role, records from → to, and ends that person\'s sessions so they sign in with the new role', async () => {
    const person = await makeUser('REPORTER');
    const sessions = [await openSession(person.id, 'browser one'), await openSession(person.id, 'browser two')];
    const bystander = await openSession(admin.id, 'admin browser');
    expect((await findSessionViewer(sessions[0]!))?.role).toBe('REPORTER');
    await changeRole(admin, person.id, 'EDITOR');
    for (const id of sessions) expect(await findSessionViewer(id)).toBeNull();
    expect((await findSessionViewer(bystander))?.id).toBe(admin.id);
    expect((await findSessionViewer(await openSession(person.id, 'again')))?.role).toBe('EDITOR');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: person.id, action: 'user.role' } });
    expect(audit).toMatchObject({ fromState: 'REPORTER', toState: 'EDITOR', actorId: admin.id });
  });

  it('deactivates and reactivates; deactivation ends every session, and reactivation does not bring them back', async () => {
    const person = await makeUser('REPORTER');
    const session = await openSession(person.id, 'browser');
    await setPersonActive(admin, person.id, false);
    expect(await findSessionViewer(session)).toBeNull();
    expect(await db.userSession.count({ where: { userId: person.id } })).toBe(0);
    await setPersonActive(admin, person.id, true);
    expect(await findSessionViewer(session)).toBeNull();
    expect((await findSessionViewer(await openSession(person.id, 'browser')))?.id).toBe(person.id);
    const actions = await db.auditEvent.findMany({ where: { entityId: person.id }, orderBy: { createdAt: 'asc' }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(['user.deactivate', 'user.reactivate']);
  });

  it('does not let an admin demote or deactivate themselves', async () => {
    await expect(changeRole(admin, admin.id, 'REPORTER')).rejects.toThrow('You cannot change your own role.');
    await expect(setPersonActive(admin, admin.id, false)).rejects.toThrow('You cannot deactivate your own account.');
  });

  it('answers not found for an unknown person', async () => {
    await expect(changeRole(admin, 'no-such-user', 'EDITOR')).rejects.toBeInstanceOf(NotFoundError);
    await expect(setPersonActive(admin, 'no-such-user', false)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never returns password hashes from list queries', async () => {
    const people = await listPeople(admin);
    expect(people.length).toBeGreaterThan(3);
    for (const person of people) expect(person).not.toHaveProperty('passwordHash');
  });
});

describe('newsroom policy', () => {
  it('is changed by admins only, with an audit event', async () => {
    const { getPolicy, setPolicy } = await import('@/lib/data/settings');
    await expect(setPolicy(editor, { editorMayApproveOwnStory: true })).rejects.toBeInstanceOf(ForbiddenError);
    await setPolicy(admin, { editorMayApproveOwnStory: true });
    expect(await getPolicy()).toEqual({ editorMayApproveOwnStory: true });
    await setPolicy(admin, { editorMayApproveOwnStory: false });
    expect(await getPolicy()).toEqual({ editorMayApproveOwnStory: false });
    const events = await db.auditEvent.findMany({ where: { action: 'settings.policy' }, orderBy: { createdAt: 'asc' }, select: { fromState: true, toState: true } });
    expect(events.slice(-2)).toEqual([
      { fromState: 'false', toState: 'true' },
      { fromState: 'true', toState: 'false' },
    ]);
  });
});
