'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { env } from '@/lib/env';
import { zonedLocalToInstant } from '@/lib/time';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/data/errors';
import { transitionStory } from '@/lib/data/workflow';
import { TRANSITION_NAMES } from '@/lib/workflow/transitions';
import { UPDATE_STEP_NAMES, type UpdateStepName } from '@/lib/workflow/updates';
import { stepUpdate } from '@/lib/data/updates';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';

const inputSchema = z.strictObject({
  storyId: z.string().min(1).max(64),
  transition: z.enum(TRANSITION_NAMES as [string, ...string[]]),
  baseVersion: z.number().int().positive(),
  note: z.string().max(2000).default(''),
  // A wall-clock time in the newsroom's zone, as a datetime-local input gives it.
  publishAt: z.string().max(32).default(''),
});

export type WorkflowResult = { ok: true; status: string; version: number } | { ok: false; message: string };

export async function transitionStoryAction(input: unknown): Promise<WorkflowResult> {
  const parsed = parseActionInput(inputSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId, transition, baseVersion, note, publishAt } = parsed.data;
  const at = publishAt ? zonedLocalToInstant(publishAt, env().NEWSROOM_TIMEZONE) : null;
  if (publishAt && !at) return { ok: false, message: 'That is not a date and time.' };
  try {
    const result = await transitionStory(await getViewer(), storyId, transition as (typeof TRANSITION_NAMES)[number], { baseVersion, note, publishAt: at });
    // Newsroom views refresh; the public pages it changed were revalidated by the data layer.
    revalidatePath('/newsroom', 'layout');
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof ConflictError || error instanceof ValidationError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}

const updateSchema = z.strictObject({
  storyId: z.string().min(1).max(64),
  step: z.enum(UPDATE_STEP_NAMES as [UpdateStepName, ...UpdateStepName[]]),
  baseVersion: z.number().int().positive(),
  note: z.string().max(2000).default(''),
});

export async function stepUpdateAction(input: unknown): Promise<WorkflowResult> {
  const parsed = parseActionInput(updateSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId, step, baseVersion, note } = parsed.data;
  try {
    const result = await stepUpdate(await getViewer(), storyId, step, { baseVersion, note });
    // Newsroom views refresh; the public pages it changed were revalidated by the data layer.
    revalidatePath('/newsroom', 'layout');
    return { ok: true, status: result.updateState ?? 'PUBLISHED', version: result.version };
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof ConflictError || error instanceof ValidationError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}
