'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { env } from '@/lib/env';
import { zonedLocalToInstant } from '@/lib/time';
import { cancelScheduledFront, publishFront, restoreFrontVersion, saveFrontDraft, searchFrontStories, type FrontStory } from '@/lib/data/front';
import type { SlotFills } from '@/lib/data/public-front';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';
import { frontLayoutSchema } from '@/lib/validations/front';
import { refusal, type ActionResult } from './result';

// The front page desk's actions: parse, call the data layer (which authorises and audits), refresh.

export type FrontResult<T extends object = object> = ActionResult<T>;

async function run<T extends object>(work: () => Promise<T>): Promise<FrontResult<T>> {
  try {
    const result = await work();
    revalidatePath('/newsroom/front');
    return { ok: true, ...result };
  } catch (error) {
    return refusal(error);
  }
}

const refused = (error: z.ZodError) => ({ ok: false as const, message: actionInputMessage(error, error.issues[0]?.message ?? 'That arrangement was not understood.') });

const draftSchema = z.strictObject({ layout: frontLayoutSchema, baseVersion: z.number().int().min(0) });

export async function saveFrontDraftAction(input: unknown): Promise<FrontResult<{ version: number; fills: SlotFills }>> {
  const parsed = parseActionInput(draftSchema, input);
  if (!parsed.success) return refused(parsed.error);
  try {
    // Saved as editors work: no page refresh, which would fight the arrangement on screen.
    return { ok: true, ...(await saveFrontDraft(await getViewer(), parsed.data.layout, parsed.data.baseVersion)) };
  } catch (error) {
    return refusal(error);
  }
}

const publishSchema = z.strictObject({
  layout: frontLayoutSchema,
  note: z.string().trim().max(500).default(''),
  // A wall-clock time in the newsroom's zone, as a datetime-local input gives it; empty: now.
  publishAt: z.string().max(32).default(''),
});

export async function publishFrontAction(input: unknown): Promise<FrontResult<{ number: number; scheduled: boolean }>> {
  const parsed = parseActionInput(publishSchema, input);
  if (!parsed.success) return refused(parsed.error);
  const { layout, note, publishAt } = parsed.data;
  const time = publishAt ? zonedLocalToInstant(publishAt, env().NEWSROOM_TIMEZONE) : null;
  if (time && !time.ok) return { ok: false, message: time.message };
  const at = time?.instant ?? null;
  return run(async () => {
    const { number, scheduled } = await publishFront(await getViewer(), { layout, note, publishAt: at });
    return { number, scheduled };
  });
}

const versionSchema = z.strictObject({ versionId: z.string().min(1).max(64) });

export async function restoreFrontAction(input: unknown): Promise<FrontResult<{ number: number }>> {
  const parsed = parseActionInput(versionSchema, input);
  if (!parsed.success) return refused(parsed.error);
  return run(async () => restoreFrontVersion(await getViewer(), parsed.data.versionId));
}

export async function cancelFrontScheduleAction(input: unknown): Promise<FrontResult> {
  const parsed = parseActionInput(versionSchema, input);
  if (!parsed.success) return refused(parsed.error);
  return run(async () => {
    await cancelScheduledFront(await getViewer(), parsed.data.versionId);
    return {};
  });
}

const searchSchema = z.strictObject({ query: z.string().max(200) });

export async function searchFrontStoriesAction(input: unknown): Promise<FrontResult<{ stories: FrontStory[] }>> {
  const parsed = parseActionInput(searchSchema, input);
  if (!parsed.success) return refused(parsed.error);
  try {
    return { ok: true, stories: await searchFrontStories(await getViewer(), parsed.data.query) };
  } catch (error) {
    return refusal(error);
  }
}
