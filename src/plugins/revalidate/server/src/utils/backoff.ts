/**
 * When to try a delivery again: 10 s after the first failure, doubling up to an hour, with a
 * little spread so receivers that come back are not hit by every instance at once; null once the
 * window (24 h) from the event's creation is over. 10 s · 2^n reaches the hour cap at the 9th try,
 * so a day holds about 30 tries.
 */
export function nextAttemptAt(attempts: number, createdAt: number, now: number, windowMs: number, jitter = Math.random()): number | null {
  const delay = Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000) * (1 + 0.2 * jitter);
  const at = Math.round(now + delay);
  return at - createdAt > windowMs ? null : at;
}
