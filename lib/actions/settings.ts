'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { ForbiddenError } from '@/lib/data/errors';
import { setPolicy } from '@/lib/data/settings';
import { setSiteIdentity } from '@/lib/data/site-identity';
import { siteIdentitySchema } from '@/lib/validations/site';
import { parseForm, type FormState } from '@/lib/validations/form';

const policySchema = z.strictObject({
  // An unchecked checkbox is not sent at all.
  editorMayApproveOwnStory: z.literal('on').optional(),
});

export async function setPolicyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(policySchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await setPolicy(await getViewer(), { editorMayApproveOwnStory: parsed.data.editorMayApproveOwnStory === 'on' });
  } catch (error) {
    if (error instanceof ForbiddenError) return { message: error.message };
    throw error;
  }
  revalidatePath('/newsroom', 'layout');
  return { ok: true, message: 'Settings saved.' };
}

export async function setSiteIdentityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(siteIdentitySchema, formData, ['name', 'tagline', 'description']);
  if (!parsed.ok) return parsed.state;
  try {
    await setSiteIdentity(await getViewer(), parsed.data);
  } catch (error) {
    if (error instanceof ForbiddenError) return { message: error.message, values: parsed.data };
    throw error;
  }
  revalidatePath('/newsroom', 'layout');
  return { ok: true, message: 'Saved. The public site, its feeds and its search listings now use these.', values: parsed.data };
}
