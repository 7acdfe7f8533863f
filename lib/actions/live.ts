'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { approveEntry, editEntry, makeLiveBlog, pinEntry, postEntry, setBlogPeople, setCoverage, withdrawEntry } from '@/lib/data/live-entries';
import { liveEntrySchema } from '@/lib/validations/live';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';
import { refusal, type ActionResult } from './result';

// The live blog's desk: parse, call the data layer (which authorises, gates and purges), refresh.

export type LiveResult = ActionResult<{ message?: string }>;

const id = z.string().min(1).max(64);

async function run(storyId: string, work: () => Promise<string | void>): Promise<LiveResult> {
  try {
    const message = await work();
    revalidatePath(`/newsroom/stories/${storyId}`);
    return message ? { ok: true, message } : { ok: true };
  } catch (error) {
    return refusal(error);
  }
}

const postSchema = liveEntrySchema.extend({ storyId: id });

export async function postEntryAction(input: unknown): Promise<LiveResult> {
  const parsed = parseActionInput(postSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That entry was not understood.') };
  const { storyId, ...entry } = parsed.data;
  return run(storyId, async () => ((await postEntry(await getViewer(), storyId, entry)).status === 'PENDING' ? 'Sent to an editor: it goes out once approved.' : 'Posted.'));
}

const editSchema = liveEntrySchema.extend({ storyId: id, entryId: id, baseVersion: z.number().int().min(1) });

export async function editEntryAction(input: unknown): Promise<LiveResult> {
  const parsed = parseActionInput(editSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That correction was not understood.') };
  const { storyId, entryId, ...entry } = parsed.data;
  return run(storyId, async () => {
    await editEntry(await getViewer(), entryId, entry);
    return 'Entry corrected.';
  });
}

const peopleSchema = z.strictObject({ storyId: id, contributorIds: z.array(id).max(50), entriesNeedEditor: z.boolean() });

export async function blogPeopleAction(input: unknown): Promise<LiveResult> {
  const parsed = parseActionInput(peopleSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That list of contributors was not understood.') };
  const { storyId, ...people } = parsed.data;
  return run(storyId, async () => {
    await setBlogPeople(await getViewer(), storyId, people);
    return 'Contributors saved.';
  });
}

const entrySchema = z.strictObject({ storyId: id, entryId: id, action: z.enum(['approve', 'withdraw', 'pin', 'unpin']) });

export async function entryStepAction(input: unknown): Promise<LiveResult> {
  const parsed = parseActionInput(entrySchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId, entryId, action } = parsed.data;
  return run(storyId, async () => {
    const viewer = await getViewer();
    if (action === 'approve') await approveEntry(viewer, entryId);
    else if (action === 'withdraw') await withdrawEntry(viewer, entryId);
    else await pinEntry(viewer, entryId, action === 'pin');
  });
}

const storySchema = z.strictObject({ storyId: id, action: z.enum(['start', 'end', 'resume']) });

export async function liveBlogAction(input: unknown): Promise<LiveResult> {
  const parsed = parseActionInput(storySchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  const { storyId, action } = parsed.data;
  return run(storyId, async () => {
    const viewer = await getViewer();
    if (action === 'start') await makeLiveBlog(viewer, storyId);
    else await setCoverage(viewer, storyId, action === 'resume');
  });
}
