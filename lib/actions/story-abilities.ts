'use server';

import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { storyAbilities, type StoryAbilities } from '@/lib/data/story-abilities';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';
import { refusal, type ActionResult } from './result';

// For the editor of a story that has just had its first save: the workflow steps and comment
// rights the story page would show, so that it becomes that page without a reload.

const inputSchema = z.strictObject({ storyId: z.string().min(1).max(64) });

export async function storyAbilitiesAction(input: unknown): Promise<ActionResult<StoryAbilities>> {
  const parsed = parseActionInput(inputSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  try {
    return { ok: true, ...(await storyAbilities(await getViewer(), parsed.data.storyId)) };
  } catch (error) {
    return refusal(error);
  }
}
