'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { env } from '@/lib/env';
import { zonedLocalToInstant } from '@/lib/time';
import { refusal, type ActionResult } from './result';
import { takeStep } from '@/lib/data/workflow';
import { TRANSITION_NAMES, UPDATE_STEP_NAMES, type TransitionName, type UpdateStepName } from '@/lib/workflow/steps';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';

const inputSchema = z
  .strictObject({
    storyId: z.string().min(1).max(64),
    // The step's name; with `update`, a step of the live story's pending update.
    transition: z.string().max(32),
    update: z.boolean().default(false),
    baseVersion: z.number().int().positive(),
    note: z.string().max(2000).default(''),
    // A wall-clock time in the newsroom's zone, as a datetime-local input gives it.
    publishAt: z.string().max(32).default(''),
  })
  .refine((input) => (input.update ? (UPDATE_STEP_NAMES as string[]) : (TRANSITION_NAMES as string[])).includes(input.transition), {
    message: 'There is no such workflow step.',
    path: ['transition'],
  });

export type WorkflowResult = ActionResult<{ status: string; version: number }>;

/** Every workflow step, of a story or of its pending update: one action over the one engine. */
export async function transitionStoryAction(input: unknown): Promise<WorkflowResult> {
  const parsed = parseActionInput(inputSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId, transition, update, baseVersion, note, publishAt } = parsed.data;
  const time = publishAt ? zonedLocalToInstant(publishAt, env().NEWSROOM_TIMEZONE) : null;
  if (time && !time.ok) return { ok: false, message: time.message };
  const at = time?.instant ?? null;
  try {
    const viewer = await getViewer();
    const input = { baseVersion, note, publishAt: at };
    const result = update ? await takeStep(viewer, storyId, 'update', transition as UpdateStepName, input) : await takeStep(viewer, storyId, 'story', transition as TransitionName, input);
    // Newsroom views refresh; the public pages it changed were revalidated by the data layer.
    revalidatePath('/newsroom', 'layout');
    return { ok: true, status: update ? (result.updateState ?? result.status) : result.status, version: result.version };
  } catch (error) {
    return refusal(error);
  }
}
