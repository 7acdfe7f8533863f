'use server';

import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { setEmbedSettings } from '@/lib/data/embed-providers';
import { EmbedRefusedError, resolveEmbedCard } from '@/lib/data/embeds';
import type { EmbedNode } from '@/lib/editor/schema';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';
import { refusal, type ActionResult, type Refusal } from './result';

// Embeds from the editor (paste an address, or Embed in the toolbar) and the providers' settings:
// parse, call the data layer (which authorises and fetches safely), answer in one shape.

/** A refusal says why (`reason`) when the address could not be embedded: the editor keeps it as a link. */
export type EmbedResult = ActionResult<{ attrs: EmbedNode['attrs'] }> | (Refusal & { reason: string });

const resolveSchema = z.strictObject({ url: z.string().trim().min(1, 'Paste or type an address.').max(2000, 'That address is too long.') });

export async function resolveEmbedAction(input: unknown): Promise<EmbedResult> {
  const parsed = parseActionInput(resolveSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, parsed.error.issues[0]?.message ?? 'That address was not understood.'), reason: 'bad-address' };
  try {
    return { ok: true, attrs: await resolveEmbedCard(await getViewer(), parsed.data.url) };
  } catch (error) {
    if (error instanceof EmbedRefusedError) return { ok: false, message: error.message, reason: error.reason };
    return refusal(error);
  }
}

export type EmbedSettingsResult = ActionResult<{ message: string }>;

const settingsSchema = z.strictObject({
  enabled: z.array(z.string().max(200)).max(1100),
  mastodon: z.array(z.string().max(300)).max(200),
});

export async function setEmbedSettingsAction(input: unknown): Promise<EmbedSettingsResult> {
  const parsed = parseActionInput(settingsSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'Those settings were not understood.') };
  try {
    await setEmbedSettings(await getViewer(), parsed.data);
    return { ok: true, message: 'Saved. Reporters embed from the providers switched on; every public page now frames only their players.' };
  } catch (error) {
    return refusal(error);
  }
}
