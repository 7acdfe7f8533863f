import { Temporal } from 'temporal-polyfill';
import { instantToZonedLocal, startOfDay } from '@/lib/time';

// The budget's day and week, on the newsroom's calendar: a day runs from its midnight to the next
// in NEWSROOM_TIMEZONE (23 or 25 hours on a clock change), a week from Monday.

export type BudgetView = 'day' | 'week';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const addDays = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

export function budgetRange(view: BudgetView, date: string | undefined, timeZone: string, now = new Date()) {
  const today = instantToZonedLocal(now, timeZone).slice(0, 10);
  let start = date && DATE.test(date) && !Number.isNaN(Date.parse(date)) ? date : today;
  if (view === 'week') start = addDays(start, 1 - Temporal.PlainDate.from(start).dayOfWeek); // from Monday
  const length = view === 'week' ? 7 : 1;
  const days = Array.from({ length }, (_, i) => addDays(start, i));
  return {
    start,
    days,
    today,
    from: startOfDay(start, timeZone),
    to: startOfDay(addDays(start, length), timeZone),
    previous: addDays(start, -length),
    next: addDays(start, length),
  };
}

export const dayOf = (instant: Date, timeZone: string) => instantToZonedLocal(instant, timeZone).slice(0, 10);
