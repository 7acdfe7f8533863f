'use server';

import { revalidatePath } from 'next/cache';
import { getViewer } from '@/lib/auth';
import { addCorrection } from '@/lib/data/corrections';
import { correctionSchema } from '@/lib/validations/correction';
import { parseForm, type FormState } from '@/lib/validations/form';
import { refusal } from './result';

export async function addCorrectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(correctionSchema, formData, ['kind', 'text']);
  if (!parsed.ok) return parsed.state;
  const { storyId, ...input } = parsed.data;
  try {
    await addCorrection(await getViewer(), storyId, input);
  } catch (error) {
    return { ...refusal(error), values: { kind: input.kind, text: input.text } };
  }
  // Newsroom views refresh; the public pages it changed were revalidated by the data layer.
  revalidatePath('/newsroom', 'layout');
  return { ok: true, message: 'The correction is published on the story and on the corrections page.' };
}
