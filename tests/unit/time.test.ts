import { describe, expect, it } from 'vitest';
import { budgetRange } from '@/lib/budget-days';
import { instantToZonedLocal, startOfDay, zonedLocalToInstant } from '@/lib/time';

const instant = (local: string, zone: string) => {
  const time = zonedLocalToInstant(local, zone);
  return time.ok ? time.instant.toISOString() : time.message;
};

describe('newsroom wall-clock times', () => {
  it.each([
    ['2026-11-28T21:00', 'UTC', '2026-11-28T21:00:00.000Z'],
    ['2026-11-28T21:00', 'Asia/Seoul', '2026-11-28T12:00:00.000Z'],
    ['2026-07-01T09:30', 'America/New_York', '2026-07-01T13:30:00.000Z'],
    ['2026-01-15T09:30', 'America/New_York', '2026-01-15T14:30:00.000Z'],
    ['2026-03-29T03:30', 'Europe/London', '2026-03-29T02:30:00.000Z'],
    // Either side of the clock changes in New York: the last minute before and the first after.
    ['2026-03-08T01:59', 'America/New_York', '2026-03-08T06:59:00.000Z'],
    ['2026-03-08T03:00', 'America/New_York', '2026-03-08T07:00:00.000Z'],
    ['2026-11-01T00:59', 'America/New_York', '2026-11-01T04:59:00.000Z'],
    ['2026-11-01T02:00', 'America/New_York', '2026-11-01T07:00:00.000Z'],
    // Seconds, when given (an embargo to the second), survive the round trip.
    ['2026-11-28T21:00:15', 'Asia/Seoul', '2026-11-28T12:00:15.000Z'],
  ])('%s in %s is %s', (local, zone, iso) => {
    expect(instant(local, zone)).toBe(iso);
    expect(instantToZonedLocal(new Date(iso), zone)).toBe(local);
  });

  it.each(['2026-03-08T02:00', '2026-03-08T02:30', '2026-03-08T02:59'])('refuses %s in New York: the clocks skip it', (local) => {
    expect(instant(local, 'America/New_York')).toMatch(/does not exist in America\/New_York \(the clocks go forward/);
  });

  it.each(['2026-11-01T01:00', '2026-11-01T01:30', '2026-11-01T01:59'])('refuses %s in New York: it happens twice', (local) => {
    expect(instant(local, 'America/New_York')).toMatch(/happens twice in America\/New_York \(the clocks go back/);
  });

  it('shows both instants of the repeated hour as the wall clock does', () => {
    expect(instantToZonedLocal(new Date('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30');
    expect(instantToZonedLocal(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30');
  });

  it.each(['2026-02-30T10:00', 'tomorrow', '2026-11-28 21:00', '', '2026-11-28T24:00', '2026-11-28T21:60', '2026-11-28T21:00:60'])('refuses %j', (text) => {
    expect(zonedLocalToInstant(text, 'UTC')).toEqual({ ok: false, message: 'That is not a date and time.' });
  });

  it('starts a day at its first instant, which is not midnight where the clocks skip midnight', () => {
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(startOfDay('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });

  it('gives the budget day of a clock change its 23 or 25 hours', () => {
    const spring = budgetRange('day', '2026-03-08', 'America/New_York');
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 3_600_000);
    const autumn = budgetRange('day', '2026-11-01', 'America/New_York');
    expect(autumn.to.getTime() - autumn.from.getTime()).toBe(25 * 3_600_000);
    expect(budgetRange('week', '2026-12-03', 'UTC').days[0]).toBe('2026-11-30'); // the Monday
  });
});
