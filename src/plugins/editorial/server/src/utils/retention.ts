const DAY_MS = 24 * 3600 * 1000;

/** Entries older than this (epoch ms) are purged: `days` whole days before `now`. */
export function retentionCutoff(now: number, days: number): number {
  if (!Number.isInteger(days) || days < 1) throw new Error(`retention days must be a whole number ≥ 1, not ${days}`);
  return now - days * DAY_MS;
}
