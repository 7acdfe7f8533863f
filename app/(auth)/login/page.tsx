import type { Metadata } from 'next';
import { LoginForm } from '@/components/auth/login-form';
import { hasAnyAccount } from '@/lib/data/users';
import './login.css';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string; reason?: string }> };

const NOTES: Record<string, string> = {
  'signed-out': 'Your session has ended. Please sign in again.',
  'password-reset': 'Your password has been set. Sign in with it now.',
};

export default async function LoginPage({ searchParams }: Props) {
  const [{ callbackUrl, reason }, anyAccount] = await Promise.all([searchParams, hasAnyAccount()]);
  return (
    <main className="login">
      <div className="login-card">
        <p className="login-brand">Masthead</p>
        <h1>Sign in to the newsroom</h1>
        {!anyAccount && (
          <div className="login-setup" role="note" aria-label="First run">
            <strong>This newsroom has no accounts yet.</strong> On the server, create the first admin with:
            <code>npm run user:create -- --email you@example.com --name &quot;Your Name&quot; --role ADMIN</code>
          </div>
        )}
        {reason && NOTES[reason] && <p className="login-note">{NOTES[reason]}</p>}
        <LoginForm callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : '/newsroom'} />
      </div>
    </main>
  );
}
