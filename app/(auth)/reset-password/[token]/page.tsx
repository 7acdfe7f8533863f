import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { findUsableReset } from '@/lib/data/passwords';
import '../../login/login.css';

export const metadata: Metadata = { title: 'Set a new password', robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const person = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findUsableReset(token) : null;
  return (
    <main className="login">
      <div className="login-card">
        <p className="login-brand">Masthead</p>
        <h1>Set a new password</h1>
        {person ? (
          <>
            <p className="login-note">For {person.email}. Your other sessions will be signed out.</p>
            <ResetPasswordForm token={token} />
          </>
        ) : (
          <p className="login-error" role="alert">
            This reset link has expired or has already been used. Ask an admin for a new one, or <Link href="/login">sign in</Link>.
          </p>
        )}
      </div>
    </main>
  );
}
