import type { Metadata } from 'next';
import { LoginForm } from '@/components/auth/login-form';
import './login.css';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string; reason?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, reason } = await searchParams;
  return (
    <main className="login">
      <div className="login-card">
        <p className="login-brand">Masthead</p>
        <h1>Sign in to the newsroom</h1>
        {reason === 'signed-out' && <p className="login-note">Your session has ended. Please sign in again.</p>}
        <LoginForm callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : '/newsroom'} />
      </div>
    </main>
  );
}
