'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { env } from '@/lib/env';
import { zonedLocalToInstant } from '@/lib/time';
import { restoreToReaders, setEmbargo, setLegalHold, takeDown } from '@/lib/data/holds';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';
import { refusal, type ActionResult } from './result';

type Result = ActionResult;

async function run(storyId: string, work: () => Promise<void>): Promise<Result> {
  try {
    await work();
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(`/newsroom/stories/${storyId}`);
  revalidatePath('/newsroom');
  return { ok: true };
}

const holdSchema = z.strictObject({ storyId: z.string().min(1).max(64), hold: z.boolean(), reason: z.string().max(500).default('') });

export async function setLegalHoldAction(input: unknown): Promise<Result> {
  const parsed = parseActionInput(holdSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId, hold, reason } = parsed.data;
  return run(storyId, async () => setLegalHold(await getViewer(), storyId, { hold, reason }));
}

// A wall-clock time in the newsroom's zone, as a datetime-local input gives it; empty clears it.
const embargoSchema = z.strictObject({ storyId: z.string().min(1).max(64), until: z.string().max(32) });

export async function setEmbargoAction(input: unknown): Promise<Result> {
  const parsed = parseActionInput(embargoSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId, until } = parsed.data;
  const time = until ? zonedLocalToInstant(until, env().NEWSROOM_TIMEZONE) : null;
  if (time && !time.ok) return { ok: false, message: time.message };
  const at = time?.instant ?? null;
  return run(storyId, async () => setEmbargo(await getViewer(), storyId, at));
}

const storySchema = z.strictObject({ storyId: z.string().min(1).max(64) });
const takedownSchema = storySchema.extend({ reason: z.string().max(500) });

export async function takeDownAction(input: unknown): Promise<Result> {
  const parsed = parseActionInput(takedownSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId, reason } = parsed.data;
  return run(storyId, async () => takeDown(await getViewer(), storyId, { reason }));
}

export async function restoreToReadersAction(input: unknown): Promise<Result> {
  const parsed = parseActionInput(storySchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId } = parsed.data;
  return run(storyId, async () => restoreToReaders(await getViewer(), storyId));
}
