'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { refusal, type ActionResult, type Refusal } from './result';
import { releaseWireItem } from '@/lib/data/wire-desk';
import { createWireSource, rotateWireToken, setWireExpiryDays, updateWireSource } from '@/lib/data/wire-sources';
import { clearWireKill, markWireUpdateApplied, storyFromWireItem } from '@/lib/data/wire-stories';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';
import { splitIssues } from '@/lib/validations/issues';
import { wireExpirySchema, wireSourceSchema } from '@/lib/validations/wire';

// The Wires desk's and the wire settings' actions: parse, call the data layer (which authorises),
// answer in one shape.

export type WireResult<T extends object = object> = ActionResult<T>;

async function run<T extends object>(work: () => Promise<T>, paths: string[]): Promise<WireResult<T>> {
  try {
    const value = await work();
    for (const path of paths) revalidatePath(path);
    return { ok: true, ...value };
  } catch (error) {
    return refusal(error);
  }
}

function refused(error: z.ZodError, fallback: string): Refusal {
  const { general, fieldErrors } = splitIssues(error, 'field');
  return { ok: false, message: actionInputMessage(error, general[0] ?? Object.values(fieldErrors)[0]?.[0] ?? fallback), fieldErrors };
}

const id = z.string().min(1).max(64);
const SETTINGS = '/newsroom/settings/wires';

export async function createWireSourceAction(input: unknown): Promise<WireResult<{ slug: string; token: string }>> {
  const parsed = parseActionInput(wireSourceSchema, input);
  if (!parsed.success) return refused(parsed.error, 'That source was not understood.');
  return run(async () => {
    const { slug, token } = await createWireSource(await getViewer(), parsed.data);
    return { slug, token };
  }, [SETTINGS]);
}

const updateSchema = wireSourceSchema.extend({ id });

export async function updateWireSourceAction(input: unknown): Promise<WireResult> {
  const parsed = parseActionInput(updateSchema, input);
  if (!parsed.success) return refused(parsed.error, 'That source was not understood.');
  const { id: sourceId, ...fields } = parsed.data;
  return run(async () => {
    await updateWireSource(await getViewer(), sourceId, fields);
    return {};
  }, [SETTINGS]);
}

export async function rotateWireTokenAction(input: unknown): Promise<WireResult<{ slug: string; token: string }>> {
  const parsed = parseActionInput(z.strictObject({ id }), input);
  if (!parsed.success) return refused(parsed.error, 'That request was not understood.');
  return run(async () => rotateWireToken(await getViewer(), parsed.data.id), [SETTINGS]);
}

export async function setWireExpiryAction(input: unknown): Promise<WireResult> {
  const parsed = parseActionInput(wireExpirySchema, input);
  if (!parsed.success) return refused(parsed.error, 'That number of days was not understood.');
  return run(async () => {
    await setWireExpiryDays(await getViewer(), parsed.data.days);
    return {};
  }, [SETTINGS]);
}

export async function releaseWireItemAction(input: unknown): Promise<WireResult> {
  const parsed = parseActionInput(z.strictObject({ itemId: id }), input);
  if (!parsed.success) return refused(parsed.error, 'That request was not understood.');
  return run(async () => {
    await releaseWireItem(await getViewer(), parsed.data.itemId);
    return {};
  }, ['/newsroom/wires', `/newsroom/wires/${parsed.data.itemId}`]);
}

export async function storyFromWireItemAction(input: unknown): Promise<WireResult<{ storyId: string; notice: string | null }>> {
  const parsed = parseActionInput(z.strictObject({ itemId: id }), input);
  if (!parsed.success) return refused(parsed.error, 'That request was not understood.');
  return run(async () => storyFromWireItem(await getViewer(), parsed.data.itemId), ['/newsroom', '/newsroom/wires', `/newsroom/wires/${parsed.data.itemId}`]);
}

const appliedSchema = z.strictObject({ storyId: id, version: z.number().int().min(1).max(1e9), note: z.string().max(500).default('') });

export async function markWireUpdateAppliedAction(input: unknown): Promise<WireResult> {
  const parsed = parseActionInput(appliedSchema, input);
  if (!parsed.success) return refused(parsed.error, 'That request was not understood.');
  const { storyId, version, note } = parsed.data;
  return run(async () => {
    await markWireUpdateApplied(await getViewer(), storyId, version, note);
    return {};
  }, [`/newsroom/stories/${storyId}`]);
}

const clearSchema = z.strictObject({ storyId: id, reason: z.string().trim().min(1, 'Say why the story may go on despite the kill.').max(500, 'The reason is at most 500 characters.') });

export async function clearWireKillAction(input: unknown): Promise<WireResult> {
  const parsed = parseActionInput(clearSchema, input);
  if (!parsed.success) return refused(parsed.error, 'That request was not understood.');
  const { storyId, reason } = parsed.data;
  return run(async () => {
    await clearWireKill(await getViewer(), storyId, reason);
    return {};
  }, [`/newsroom/stories/${storyId}`, '/newsroom']);
}
