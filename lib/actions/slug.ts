'use server';

import { revalidatePath } from 'next/cache';
import { getViewer } from '@/lib/auth';
import { changeStorySlug } from '@/lib/data/slug-change';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '@/lib/data/errors';
import { parseForm, type FormState } from '@/lib/validations/form';
import { slugChangeSchema } from '@/lib/validations/slug-change';

export async function changeSlugAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(slugChangeSchema, formData, ['slug']);
  if (!parsed.ok) return parsed.state;
  const { storyId, ...input } = parsed.data;
  try {
    await changeStorySlug(await getViewer(), storyId, input);
  } catch (error) {
    const values = { slug: input.slug };
    if (error instanceof ValidationError) return { message: error.message, fieldErrors: error.fieldErrors, values };
    if (error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof VersionConflictError) return { message: error.message, values };
    throw error;
  }
  // Newsroom views refresh; the public pages it changed were revalidated by the data layer.
  revalidatePath('/newsroom', 'layout');
  return { ok: true, message: 'The story has its new address; the old one redirects to it.' };
}
