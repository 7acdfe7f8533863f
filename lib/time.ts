// Wall-clock times in the newsroom's time zone ↔ instants. Editors type "21:00" meaning 21:00 where
// the newsroom is, whatever the server's zone.

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "2026-11-28T21:00" (seconds optional) in `timeZone` → the instant; null if the text is not such a time. */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec] = m.map((v) => Number(v ?? 0)) as [number, number, number, number, number, number, number];
  if (h > 23 || mi > 59 || sec > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== d) return null;
  // Two passes settle the offset around daylight-saving changes.
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** The instant as "YYYY-MM-DDTHH:mm" (":ss" too when not zero) on the newsroom's wall clock, for datetime-local inputs. */
export function instantToZonedLocal(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));
  return local.toISOString().slice(0, local.getUTCSeconds() ? 19 : 16);
}
