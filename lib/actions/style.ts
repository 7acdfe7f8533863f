'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { RULE_IDS } from '@/lib/copydesk/types';
import { overrideStyleRule } from '@/lib/data/style';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';
import { refusal, type ActionResult } from './result';

const overrideSchema = z.strictObject({
  storyId: z.string().min(1).max(64),
  rule: z.enum(RULE_IDS),
  reason: z.string().trim().min(5, 'Say why this rule does not apply to this story.').max(500),
});

export async function overrideStyleRuleAction(input: unknown): Promise<ActionResult> {
  const parsed = parseActionInput(overrideSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, parsed.error.issues[0]?.message ?? 'That request was not understood.') };
  try {
    await overrideStyleRule(await getViewer(), parsed.data.storyId, parsed.data.rule, parsed.data.reason);
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(`/newsroom/stories/${parsed.data.storyId}`);
  return { ok: true };
}
