'use server';

import { revalidatePath } from 'next/cache';
import { getViewer } from '@/lib/auth';
import { changeStorySlug } from '@/lib/data/slug-change';
import { parseForm, type FormState } from '@/lib/validations/form';
import { slugChangeSchema } from '@/lib/validations/slug-change';
import { refusal } from './result';

export async function changeSlugAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(slugChangeSchema, formData, ['slug']);
  if (!parsed.ok) return parsed.state;
  const { storyId, ...input } = parsed.data;
  try {
    await changeStorySlug(await getViewer(), storyId, input);
  } catch (error) {
    return { ...refusal(error), values: { slug: input.slug } };
  }
  // Newsroom views refresh; the public pages it changed were revalidated by the data layer.
  revalidatePath('/newsroom', 'layout');
  return { ok: true, message: 'The story has its new address; the old one redirects to it.' };
}
