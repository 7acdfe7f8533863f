'use server';

import { revalidatePath } from 'next/cache';
import { getViewer } from '@/lib/auth';
import { updateMediaText } from '@/lib/data/media';
import { parseForm, type FormState } from '@/lib/validations/form';
import { mediaTextSchema } from '@/lib/validations/media';
import { refusal } from './result';

export async function updateMediaTextAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(mediaTextSchema, formData, ['altText', 'caption', 'credit']);
  if (!parsed.ok) return parsed.state;
  const { id, ...text } = parsed.data;
  try {
    await updateMediaText(await getViewer(), id, text);
  } catch (error) {
    return { ...refusal(error), values: { altText: text.altText, caption: text.caption, credit: text.credit } };
  }
  revalidatePath('/newsroom/media');
  return { ok: true, message: text.altText ? 'Saved.' : 'Saved. Add alt text before using this image.' };
}
