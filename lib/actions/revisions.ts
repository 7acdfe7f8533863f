'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/data/errors';
import { restoreRevision } from '@/lib/data/revisions';
import { parseForm, type FormState } from '@/lib/validations/form';

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
    if (error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof ConflictError) return { message: error.message };
    throw error;
  }
  redirect(`/newsroom/stories/${storyId}`);
}
