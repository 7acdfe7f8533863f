'use server';

import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { ForbiddenError, NotFoundError } from '@/lib/data/errors';
import { assertMayPreview } from '@/lib/data/preview';
import { createPreviewToken } from '@/lib/preview-token';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';

const inputSchema = z.strictObject({
  storyId: z.string().min(1).max(64),
  revisionId: z.string().min(1).max(64).nullable().default(null),
  // "Preview" is for the person at the desk; "Share preview" makes a link that lasts two days.
  share: z.boolean().default(false),
});

export type PreviewLinkResult = { ok: true; path: string; expiresAt: string } | { ok: false; message: string };

export async function createPreviewLinkAction(input: unknown): Promise<PreviewLinkResult> {
  const parsed = parseActionInput(inputSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId, revisionId, share } = parsed.data;
  try {
    await assertMayPreview(await getViewer(), storyId, revisionId);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, message: error.message };
    throw error;
  }
  const expiresAt = new Date(Date.now() + (share ? 48 : 1) * 3_600_000);
  return { ok: true, path: `/preview/${createPreviewToken({ storyId, revisionId, expiresAt })}`, expiresAt: expiresAt.toISOString() };
}
