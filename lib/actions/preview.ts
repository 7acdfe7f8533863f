'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { assertMayPreview, revokeSharedPreview, sharePreview } from '@/lib/data/preview';
import { createPreviewToken } from '@/lib/preview-token';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';
import { refusal, type ActionResult } from './result';

const inputSchema = z.strictObject({
  storyId: z.string().min(1).max(64),
  revisionId: z.string().min(1).max(64).nullable().default(null),
  // "Preview" is for the person at the desk; "Share preview" makes a link that lasts two days.
  share: z.boolean().default(false),
});

export type PreviewLinkResult = ActionResult<{ path: string; expiresAt: string }>;

export async function createPreviewLinkAction(input: unknown): Promise<PreviewLinkResult> {
  const parsed = parseActionInput(inputSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId, revisionId, share } = parsed.data;
  try {
    const viewer = await getViewer();
    if (share) {
      // Shared links are rows of their own: fixed to a revision, listed on the story, revocable.
      const grant = await sharePreview(viewer, storyId);
      revalidatePath(`/newsroom/stories/${storyId}`);
      return { ok: true, path: `/preview/${createPreviewToken(grant)}`, expiresAt: grant.expiresAt.toISOString() };
    }
    await assertMayPreview(viewer, storyId, revisionId);
  } catch (error) {
    return refusal(error);
  }
  const expiresAt = new Date(Date.now() + 3_600_000);
  return { ok: true, path: `/preview/${createPreviewToken({ storyId, revisionId, expiresAt })}`, expiresAt: expiresAt.toISOString() };
}

const revokeSchema = z.strictObject({ storyId: z.string().min(1).max(64), linkId: z.string().min(1).max(64) });

export async function revokePreviewLinkAction(input: unknown): Promise<ActionResult> {
  const parsed = parseActionInput(revokeSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  try {
    await revokeSharedPreview(await getViewer(), parsed.data.storyId, parsed.data.linkId);
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(`/newsroom/stories/${parsed.data.storyId}`);
  return { ok: true };
}
