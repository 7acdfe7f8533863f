import 'server-only';
import { db } from '@/lib/db';
import { DEFAULT_POLICY, type Policy } from '@/lib/permissions';

// Newsroom-wide switches that the permission table consults.
const POLICY_KEY = 'policy.editorMayApproveOwnStory';

export async function getPolicy(): Promise<Policy> {
  const row = await db.setting.findUnique({ where: { key: POLICY_KEY }, select: { value: true } });
  return { ...DEFAULT_POLICY, editorMayApproveOwnStory: row?.value === true };
}
