/**
 * A time zone's UTC offset, read from Intl (no date library). The scheduler computes in a
 * fixed offset, so a zone whose offset moves during the year (daylight saving) is refused
 * rather than scheduled an hour off. Asia/Ho_Chi_Minh has been UTC+7 all year since 1975.
 */
const offsets = new Map<string, number>();

/** Milliseconds to add to a UTC instant to get the zone's wall-clock time in `year`. */
export function fixedOffsetMs(timeZone: string, year: number): number {
  const key = `${timeZone} ${year}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = offsetAt(timeZone, Date.UTC(year, 0, 1));
    if (offsetAt(timeZone, Date.UTC(year, 6, 1)) !== offset) {
      throw new Error(
        `${timeZone} changes its UTC offset during ${year}; the local scheduler supports fixed-offset zones only`,
      );
    }
    offsets.set(key, offset);
  }
  return offset;
}

function offsetAt(timeZone: string, instant: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match) throw new Error(`Cannot read the UTC offset of ${timeZone} (Intl said "${name}")`);
  const sign = match[1] === '-' ? -1 : 1;
  return match[1] ? sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
}
