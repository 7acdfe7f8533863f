'use server';

import { revalidatePath } from 'next/cache';
import { getViewer } from '@/lib/auth';
import { addCorrection } from '@/lib/data/corrections';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/data/errors';
import { correctionSchema } from '@/lib/validations/correction';
import { parseForm, type FormState } from '@/lib/validations/form';

export async function addCorrectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(correctionSchema, formData, ['kind', 'text']);
  if (!parsed.ok) return parsed.state;
  const { storyId, ...input } = parsed.data;
  try {
    await addCorrection(await getViewer(), storyId, input);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof ConflictError) return { message: error.message, values: { kind: input.kind, text: input.text } };
    throw error;
  }
  // Newsroom views refresh; the public pages it changed were revalidated by the data layer.
  revalidatePath('/newsroom', 'layout');
  return { ok: true, message: 'The correction is published on the story and on the corrections page.' };
}
