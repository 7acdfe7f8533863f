'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/lib/auth';
import type { FormState } from '@/lib/validations/form';

// One message for every refusal: wrong email, wrong password, deactivated or locked account.
const GENERIC_ERROR = 'That email and password do not match an active account.';

function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '';
  return /^\/newsroom(\/|$|\?)/.test(path) ? path : '/newsroom';
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const email = formData.get('email');
  const password = formData.get('password');
  if (typeof email !== 'string' || typeof password !== 'string' || !email.trim() || !password) {
    return { message: 'Enter your email and password.', values: { email: typeof email === 'string' ? email : '' } };
  }
  try {
    await signIn('credentials', { email, password, redirectTo: safeCallback(formData.get('callbackUrl')) });
    return { ok: true };
  } catch (error) {
    // A successful sign-in "throws" Next's redirect, which must propagate.
    if (error instanceof AuthError) return { message: GENERIC_ERROR, values: { email } };
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
