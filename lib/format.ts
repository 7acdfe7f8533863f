import 'server-only';
import { env } from '@/lib/env';
import type { Role, StoryState } from '@/lib/permissions';

export const STATUS_LABELS: Record<StoryState, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  CHANGES_REQUESTED: 'Changes requested',
  APPROVED: 'Approved',
  SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published',
  UNPUBLISHED: 'Unpublished',
};

export const ROLE_LABELS: Record<Role, string> = { REPORTER: 'Reporter', EDITOR: 'Editor', ADMIN: 'Admin' };

// Building an Intl formatter costs far more than using one: keep one per style and time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: 'dateTime' | 'date'): Intl.DateTimeFormat {
  const timeZone = env().NEWSROOM_TIMEZONE;
  const key = `${style}:${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found =
      style === 'dateTime'
        ? new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })
        : new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
    formatters.set(key, found);
  }
  return found;
}

/** A date-time in the newsroom's time zone, e.g. "16 Nov 2024, 14:05 UTC". */
export function formatDateTime(date: Date): string {
  return formatter('dateTime').format(date);
}

export function formatDate(date: Date): string {
  return formatter('date').format(date);
}

export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
