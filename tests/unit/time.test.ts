import { describe, expect, it } from 'vitest';
import { instantToZonedLocal, zonedLocalToInstant } from '@/lib/time';

describe('newsroom wall-clock times', () => {
  it.each([
    ['2026-11-28T21:00', 'UTC', '2026-11-28T21:00:00.000Z'],
    ['2026-11-28T21:00', 'Asia/Seoul', '2026-11-28T12:00:00.000Z'],
    ['2026-07-01T09:30', 'America/New_York', '2026-07-01T13:30:00.000Z'],
    ['2026-01-15T09:30', 'America/New_York', '2026-01-15T14:30:00.000Z'],
    ['2026-03-29T03:30', 'Europe/London', '2026-03-29T02:30:00.000Z'],
    // Seconds, when given (an embargo to the second), survive the round trip.
    ['2026-11-28T21:00:15', 'Asia/Seoul', '2026-11-28T12:00:15.000Z'],
  ])('%s in %s is %s', (local, zone, iso) => {
    expect(zonedLocalToInstant(local, zone)?.toISOString()).toBe(iso);
    expect(instantToZonedLocal(new Date(iso), zone)).toBe(local);
  });

  it.each(['2026-02-30T10:00', 'tomorrow', '2026-11-28 21:00', '', '2026-11-28T24:00', '2026-11-28T21:60', '2026-11-28T21:00:60'])('refuses %j', (text) => {
    expect(zonedLocalToInstant(text, 'UTC')).toBeNull();
  });
});
