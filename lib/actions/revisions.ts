'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { restoreRevision } from '@/lib/data/revisions';
import { parseForm, type FormState } from '@/lib/validations/form';
import { refusal } from './result';

const restoreSchema = z.strictObject({
  storyId: z.string().min(1).max(64),
  revisionId: z.string().min(1).max(64),
  baseVersion: z.coerce.number().int().positive(),
});

export async function restoreRevisionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(restoreSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { storyId, revisionId, baseVersion } = parsed.data;
  try {
    await restoreRevision(await getViewer(), storyId, revisionId, baseVersion);
  } catch (error) {
    return refusal(error);
  }
  redirect(`/newsroom/stories/${storyId}`);
}
