/** Vietnam has kept UTC+7 without daylight saving since 1975: a fixed offset is exact. */
export const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-12-03 13:20:05": a time as a Vietnamese reader of an export expects it (giờ Việt Nam). */
export function vietnamTime(ms: number): string {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
