/**
 * Dates in old exports: ISO ("2019-11-27T15:20:00+07:00"), "2019-11-27 15:20", or the
 * Vietnamese day-first "27/11/2019 15:20". Without a zone they are Vietnam time (UTC+7).
 * Returns an ISO string in UTC, or null when the text is not a real date.
 */
export function parseLegacyDate(text: string): string | null {
  const value = text.trim();
  let parts: RegExpExecArray | null;
  let y: number, mo: number, d: number;
  let rest = '';
  if ((parts = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(value))) {
    [y, mo, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    rest = parts[4];
  } else if ((parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(.*)$/.exec(value))) {
    [d, mo, y] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    rest = parts[4];
  } else return null;

  const time = /^(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(rest);
  if (!time) return null;
  const [h, mi, s] = [Number(time[1] ?? 0), Number(time[2] ?? 0), Number(time[3] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const zone = time[4] ?? '+07:00';
  const offsetMinutes = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  // 31/02 would roll over into March: refuse it.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return null;
  return new Date(utc).toISOString();
}
