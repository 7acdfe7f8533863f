import Link from 'next/link';
import { SignOutButton } from './sign-out-button';
import type { Viewer } from '@/lib/data/viewer';
import { ROLE_LABELS } from '@/lib/format';
import { can } from '@/lib/permissions';

export function NewsroomHeader({ viewer, unread }: { viewer: Viewer; unread: number }) {
  return (
    <header className="desk-header">
      <Link href="/newsroom" className="desk-brand">
        Masthead <span>Newsroom</span>
      </Link>
      <nav aria-label="Newsroom">
        <ul>
          <li>
            <Link href="/newsroom">Stories</Link>
          </li>
          <li>
            <Link href="/newsroom/budget">Budget</Link>
          </li>
          {can(viewer, 'wire.read') && (
            <li>
              <Link href="/newsroom/wires">Wires</Link>
            </li>
          )}
          {viewer.role !== 'REPORTER' && (
            <li>
              <Link href="/newsroom/review">Review</Link>
            </li>
          )}
          {can(viewer, 'front.arrange') && (
            <li>
              <Link href="/newsroom/front">Front page</Link>
            </li>
          )}
          <li>
            <Link href="/newsroom/media">Media</Link>
          </li>
          {can(viewer, 'user.manage') && (
            <li>
              <Link href="/newsroom/people">People</Link>
            </li>
          )}
          {can(viewer, 'site.configure') && (
            <li>
              <Link href="/newsroom/settings/site">Settings</Link>
            </li>
          )}
          {can(viewer, 'audit.viewAll') && (
            <li>
              <Link href="/newsroom/audit">Audit log</Link>
            </li>
          )}
          <li>
            {/* The name a screen reader hears is the text shown, with "unread" spelled out. */}
            <Link href="/newsroom/inbox">
              Inbox{' '}
              {unread > 0 && (
                <span className="unread">
                  {unread}
                  <span className="visually-hidden"> unread</span>
                </span>
              )}
            </Link>
          </li>
          <li>
            <Link href="/">Public site</Link>
          </li>
        </ul>
      </nav>
      <div className="desk-user" role="group" aria-label="Signed in as">
        <Link href="/newsroom/account" className="desk-user-name" aria-label={`Your account: ${viewer.name}`}>
          {viewer.name}
        </Link>
        <span className="role-badge">{ROLE_LABELS[viewer.role]}</span>
        <SignOutButton personId={viewer.id} />
      </div>
    </header>
  );
}
