/**
 * The queue's rules as pure functions: when a failed job runs again, when it is given up, and which
 * rows a worker may take. The store (services/store) says the same in SQL; tests/rules.test.ts
 * checks these tables.
 */

export type JobState = 'pending' | 'running' | 'done' | 'dead' | 'superseded';

export const STATES: readonly JobState[] = ['pending', 'running', 'done', 'dead', 'superseded'];

export interface Backoff {
  /** Delay after the first failure, in ms. */
  baseMs: number;
  /** The delay doubles per failure up to this, in ms. */
  capMs: number;
}

/**
 * The delay before try `attempts + 1`, after `attempts` tries failed: base · 2^(attempts−1), capped,
 * plus up to 20 % spread so jobs that failed together (a storage outage) do not all come back in the
 * same second. With 10 s and 1 h: 10 s, 20 s, 40 s, 80 s… the cap from the 10th failure.
 */
export function retryDelay(attempts: number, backoff: Backoff, jitter = Math.random()): number {
  const exponent = Math.min(Math.max(0, attempts - 1), 40);
  return Math.round(Math.min(backoff.baseMs * 2 ** exponent, backoff.capMs) * (1 + 0.2 * jitter));
}

/** After a failed try: due again later, or dead once `maxAttempts` tries have failed. */
export function afterFailure(attempts: number, maxAttempts: number, now: number, backoff: Backoff, jitter = Math.random()): { state: 'pending'; runAt: number } | { state: 'dead' } {
  if (attempts >= maxAttempts) return { state: 'dead' };
  return { state: 'pending', runAt: now + retryDelay(attempts, backoff, jitter) };
}

export interface ClaimView {
  state: JobState;
  run_at: number;
  lease_until: number | null;
}

/**
 * Whether a worker may take the row now: pending and due, or running under a lease that ran out
 * (its instance died or hung: the try it was making counts as one of the attempts).
 */
export function isClaimable(row: ClaimView, now: number): boolean {
  if (row.state === 'pending') return row.run_at <= now;
  if (row.state === 'running') return row.lease_until !== null && row.lease_until < now;
  return false;
}

/** The states an administrator may send back to the queue ("thử lại"). */
export const canRetry = (state: JobState): boolean => state === 'dead';

/** A state from a query string, or null when it names none. */
export const parseState = (value: unknown): JobState | null => (typeof value === 'string' && (STATES as readonly string[]).includes(value) ? (value as JobState) : null);

export type ListQuery = { ok: true; state: JobState | null; page: number; pageSize: number } | { ok: false; message: string };

/** `?state=&page=&pageSize=` of the admin list: a known state or none, page from 1, 1–100 rows (25). */
export function parseListQuery(query: Record<string, unknown>): ListQuery {
  const whole = (v: unknown, fallback: number) => (v === undefined ? fallback : typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : NaN);
  const state = query.state === undefined || query.state === '' ? null : parseState(query.state);
  if (state === null && query.state !== undefined && query.state !== '') return { ok: false, message: `Trạng thái không hợp lệ: chọn một trong ${STATES.join(', ')}.` };
  const page = whole(query.page, 1);
  const pageSize = whole(query.pageSize, 25);
  if (!(page >= 1)) return { ok: false, message: 'Trang (page) phải là số nguyên từ 1.' };
  if (!(pageSize >= 1 && pageSize <= 100)) return { ok: false, message: 'Số dòng mỗi trang (pageSize) phải từ 1 đến 100.' };
  return { ok: true, state, page, pageSize };
}
