'use server';

import { redirect } from 'next/navigation';
import { getViewerSession } from '@/lib/auth';
import { changeOwnPassword, resetPasswordWithToken } from '@/lib/data/passwords';
import { parseForm, type FormState } from '@/lib/validations/form';
import { changePasswordSchema, resetPasswordSchema } from '@/lib/validations/users';
import { refusal } from './result';

function refused(error: unknown): FormState {
  const answer = refusal(error);
  // The field says what is wrong; the form's own line only points to it.
  return answer.fieldErrors ? { ...answer, message: 'Please correct the highlighted field.' } : answer;
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(changePasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const current = await getViewerSession();
  if (!current) return { message: 'Your session has ended. Sign in again.' };
  try {
    const { endedSessions } = await changeOwnPassword(current.viewer, current.sessionId, parsed.data);
    const others = endedSessions === 1 ? 'One other session was signed out.' : endedSessions > 1 ? `${endedSessions} other sessions were signed out.` : '';
    return { ok: true, message: `Your password has been changed. ${others}`.trim() };
  } catch (error) {
    return refused(error);
  }
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(resetPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await resetPasswordWithToken(parsed.data.token, parsed.data.newPassword);
  } catch (error) {
    return refused(error);
  }
  redirect('/login?reason=password-reset');
}
