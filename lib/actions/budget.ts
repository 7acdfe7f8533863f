'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { env } from '@/lib/env';
import { zonedLocalToInstant } from '@/lib/time';
import { cancelBudgetLine, createBudgetLine, startStoryFromLine } from '@/lib/data/budget';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';
import { budgetLineSchema } from '@/lib/validations/budget';
import { parseForm, type FormState } from '@/lib/validations/form';
import { refusal, type ActionResult } from './result';

export async function createBudgetLineAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(budgetLineSchema, formData, ['slugline', 'summary', 'sectionId', 'assigneeId', 'dueAt', 'plannedWords']);
  if (!parsed.ok) return parsed.state;
  const { dueAt, sectionId, assigneeId, ...rest } = parsed.data;
  const due = zonedLocalToInstant(dueAt, env().NEWSROOM_TIMEZONE);
  const values = Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, String(v)]));
  if (!due.ok) {
    const message = dueAt ? due.message : 'Give the due date and time.';
    return { message, fieldErrors: { dueAt: [message] }, values };
  }
  try {
    await createBudgetLine(await getViewer(), { ...rest, dueAt: due.instant, sectionId: sectionId || null, assigneeId: assigneeId || null });
  } catch (error) {
    return { ...refusal(error), values };
  }
  revalidatePath('/newsroom/budget');
  return { ok: true, message: `“${rest.slugline}” is on the budget.` };
}

const lineSchema = z.strictObject({ lineId: z.string().min(1).max(64) });

export async function startStoryAction(input: unknown): Promise<ActionResult<{ storyId: string }>> {
  const parsed = parseActionInput(lineSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  try {
    const { storyId } = await startStoryFromLine(await getViewer(), parsed.data.lineId);
    revalidatePath('/newsroom/budget');
    return { ok: true, storyId };
  } catch (error) {
    return refusal(error);
  }
}

export async function cancelBudgetLineAction(input: unknown): Promise<ActionResult> {
  const parsed = parseActionInput(lineSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  try {
    await cancelBudgetLine(await getViewer(), parsed.data.lineId);
    revalidatePath('/newsroom/budget');
    return { ok: true };
  } catch (error) {
    return refusal(error);
  }
}
