import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { requireViewer } from '@/lib/auth';
import { ROLE_LABELS } from '@/lib/format';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const viewer = await requireViewer();
  return (
    <>
      <div className="page-head">
        <h1>Your account</h1>
      </div>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{viewer.name}</dd>
        <dt>Email</dt>
        <dd>{viewer.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[viewer.role]}</dd>
      </dl>
      <ChangePasswordForm />
      <p className="muted">Changing your password signs you out everywhere else. Forgotten it? An admin can give you a one-time reset link.</p>
    </>
  );
}
