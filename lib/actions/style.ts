'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { RULE_IDS } from '@/lib/copydesk/types';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/data/errors';
import { overrideStyleRule } from '@/lib/data/style';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';

const overrideSchema = z.strictObject({
  storyId: z.string().min(1).max(64),
  rule: z.enum(RULE_IDS),
  reason: z.string().trim().min(5, 'Say why this rule does not apply to this story.').max(500),
});

export async function overrideStyleRuleAction(input: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  const parsed = parseActionInput(overrideSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, parsed.error.issues[0]?.message ?? 'That request was not understood.') };
  try {
    await overrideStyleRule(await getViewer(), parsed.data.storyId, parsed.data.rule, parsed.data.reason);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof ValidationError) return { ok: false, message: error.message };
    throw error;
  }
  revalidatePath(`/newsroom/stories/${parsed.data.storyId}`);
  return { ok: true };
}
