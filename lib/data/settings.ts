import 'server-only';
import { db } from '@/lib/db';
import { DEFAULT_POLICY, type Policy } from '@/lib/permissions';
import { assertCan, type Viewer } from './viewer';

// Newsroom-wide switches that the permission table consults.
const POLICY_KEY = 'policy.editorMayApproveOwnStory';

export async function getPolicy(): Promise<Policy> {
  const row = await db.setting.findUnique({ where: { key: POLICY_KEY }, select: { value: true } });
  return { ...DEFAULT_POLICY, editorMayApproveOwnStory: row?.value === true };
}

/** Admins change newsroom policy; the change is audited like any privileged change. */
export async function setPolicy(viewer: Viewer | null, policy: Policy): Promise<void> {
  assertCan(viewer, 'user.manage');
  const before = await getPolicy();
  if (before.editorMayApproveOwnStory === policy.editorMayApproveOwnStory) return;
  await db.$transaction([
    db.setting.upsert({
      where: { key: POLICY_KEY },
      update: { value: policy.editorMayApproveOwnStory },
      create: { key: POLICY_KEY, value: policy.editorMayApproveOwnStory },
    }),
    db.auditEvent.create({
      data: {
        actorId: viewer.id,
        action: 'settings.policy',
        entityType: 'setting',
        entityId: POLICY_KEY,
        fromState: String(before.editorMayApproveOwnStory),
        toState: String(policy.editorMayApproveOwnStory),
      },
    }),
  ]);
}
