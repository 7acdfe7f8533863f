'use server';

import { revalidatePath } from 'next/cache';
import { getViewer } from '@/lib/auth';
import { issuePasswordReset } from '@/lib/data/passwords';
import { changeRole, createPerson, setPersonActive } from '@/lib/data/users';
import { parseForm, type FormState } from '@/lib/validations/form';
import { changeRoleSchema, createUserSchema, issueResetSchema, setActiveSchema } from '@/lib/validations/users';
import { refusal } from './result';

const PEOPLE_PATH = '/newsroom/people';

export async function createPersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(createUserSchema, formData, ['name', 'email', 'role']);
  if (!parsed.ok) return parsed.state;
  try {
    await createPerson(await getViewer(), parsed.data);
  } catch (error) {
    return { ...refusal(error), values: { name: parsed.data.name, email: parsed.data.email, role: parsed.data.role } };
  }
  revalidatePath(PEOPLE_PATH);
  return { ok: true, message: `${parsed.data.name} can now sign in as ${parsed.data.email}.` };
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(changeRoleSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await changeRole(await getViewer(), parsed.data.userId, parsed.data.role);
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(PEOPLE_PATH);
  return { ok: true, message: 'Role updated.' };
}

export async function setPersonActiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(setActiveSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await setPersonActive(await getViewer(), parsed.data.userId, parsed.data.active);
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(PEOPLE_PATH);
  return { ok: true, message: parsed.data.active ? 'Account reactivated.' : 'Account deactivated.' };
}

/** A one-time link for someone who has forgotten their password; shown once, to the admin. */
export async function issueResetLinkAction(_prev: FormState, formData: FormData): Promise<FormState & { url?: string }> {
  const parsed = parseForm(issueResetSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const { url } = await issuePasswordReset(await getViewer(), parsed.data.userId);
    return { ok: true, message: 'Give this link to them in person or by a channel you trust. It works once, for 24 hours.', url };
  } catch (error) {
    return refusal(error);
  }
}
