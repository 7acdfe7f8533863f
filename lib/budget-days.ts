import { instantToZonedLocal, zonedLocalToInstant } from '@/lib/time';

// The budget's day and week, on the newsroom's calendar: a day runs from its midnight to the next
// in NEWSROOM_TIMEZONE (23 or 25 hours on a clock change), a week from Monday.

export type BudgetView = 'day' | 'week';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function budgetRange(view: BudgetView, date: string | undefined, timeZone: string, now = new Date()) {
  const today = instantToZonedLocal(now, timeZone).slice(0, 10);
  let start = date && DATE.test(date) && !Number.isNaN(Date.parse(date)) ? date : today;
  if (view === 'week') {
    const [y, m, d] = start.split('-').map(Number) as [number, number, number];
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
    start = addDays(start, -weekday);
  }
  const length = view === 'week' ? 7 : 1;
  const days = Array.from({ length }, (_, i) => addDays(start, i));
  return {
    start,
    days,
    today,
    from: zonedLocalToInstant(`${start}T00:00`, timeZone)!,
    to: zonedLocalToInstant(`${addDays(start, length)}T00:00`, timeZone)!,
    previous: addDays(start, -length),
    next: addDays(start, length),
  };
}

export const dayOf = (instant: Date, timeZone: string) => instantToZonedLocal(instant, timeZone).slice(0, 10);
