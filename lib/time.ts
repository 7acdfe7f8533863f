import { Temporal } from 'temporal-polyfill';

// Wall-clock times in the newsroom's time zone ↔ instants, on the Temporal polyfill's time-zone
// rules. Editors type "21:00" meaning 21:00 where the newsroom is, whatever the server's zone. A
// time the clocks skip (spring forward) or show twice (fall back) is refused with a reason rather
// than quietly moved: a story scheduled for 02:30 on the night the clocks jump must not go out at
// a time nobody chose.

export type LocalTime = { ok: true; instant: Date } | { ok: false; message: string };

// Seconds of 60 (a leap second, which Temporal would read as :59) are not a time anyone types.
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::[0-5]\d)?$/;
const NOT_A_TIME: LocalTime = { ok: false, message: 'That is not a date and time.' };

/** "2026-11-28T21:00" (seconds optional) in `timeZone` → the instant, or why it is not one. */
export function zonedLocalToInstant(local: string, timeZone: string): LocalTime {
  if (!LOCAL.test(local)) return NOT_A_TIME;
  let wall: Temporal.PlainDateTime;
  try {
    wall = Temporal.PlainDateTime.from(local, { overflow: 'reject' });
  } catch {
    return NOT_A_TIME;
  }
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(timeZone, { disambiguation: 'later' });
  if (earlier.epochMilliseconds === later.epochMilliseconds) return { ok: true, instant: new Date(earlier.epochMilliseconds) };
  const shown = `${wall.toPlainDate().toString()} ${wall.toPlainTime().toString({ smallestUnit: 'minute' })}`;
  // Both readings show the wall time typed: it happens twice. Otherwise it falls in the gap.
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wall) === 0) {
    return { ok: false, message: `${shown} happens twice in ${timeZone} (the clocks go back that night): choose a time outside the repeated hour.` };
  }
  return { ok: false, message: `${shown} does not exist in ${timeZone} (the clocks go forward that night): choose a time outside the skipped hour.` };
}

/** The first instant of a calendar day in `timeZone` (not always midnight: some zones skip it). */
export function startOfDay(date: string, timeZone: string): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds);
}

/** The instant as "YYYY-MM-DDTHH:mm" (":ss" too when not zero) on the newsroom's wall clock, for datetime-local inputs. */
export function instantToZonedLocal(instant: Date, timeZone: string): string {
  const wall = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDateTime();
  return wall.toString({ smallestUnit: wall.second ? 'second' : 'minute' });
}
