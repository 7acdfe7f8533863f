'use client';

import { signOutAction } from '@/lib/actions/auth';
import { clearLocalCopiesOf } from '@/components/editor/local-copy';

/** Sign out, leaving none of this person's unsaved story text in the browser for the next person. */
export function SignOutButton({ personId }: { personId: string }) {
  return (
    <form action={signOutAction} onSubmit={() => clearLocalCopiesOf(personId)}>
      <button type="submit" className="btn btn-quiet">
        Sign out
      </button>
    </form>
  );
}
