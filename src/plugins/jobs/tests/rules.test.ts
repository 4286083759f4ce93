import { defaultConfig, validateConfig, type PluginConfig } from '../server/src/config';
import { afterFailure, canRetry, isClaimable, parseListQuery, retryDelay, STATES, type ClaimView, type JobState } from '../server/src/utils/rules';

const backoff = { baseMs: 10_000, capMs: 3_600_000 };

describe('retry delay', () => {
  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [4, 80_000],
    [9, 2_560_000],
    [10, 3_600_000],
    [50, 3_600_000],
    // A row never tried (handed back) waits the base.
    [0, 10_000],
  ])('after %i failed tries, waits %i ms (no spread)', (attempts, ms) => {
    expect(retryDelay(attempts, backoff, 0)).toBe(ms);
  });

  it('spreads by at most 20 %, never below the plain delay', () => {
    for (let attempts = 1; attempts <= 12; attempts += 1) {
      const plain = retryDelay(attempts, backoff, 0);
      for (const jitter of [0.01, 0.5, 0.99]) {
        const spread = retryDelay(attempts, backoff, jitter);
        expect(spread).toBeGreaterThanOrEqual(plain);
        expect(spread).toBeLessThanOrEqual(Math.round(plain * 1.2));
      }
    }
  });

  it('grows with every failure up to the cap', () => {
    const delays = Array.from({ length: 15 }, (_, i) => retryDelay(i + 1, backoff, 0));
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
    expect(Math.max(...delays)).toBe(backoff.capMs);
  });
});

describe('after a failed try', () => {
  const now = 1_000_000;
  it.each([
    [1, 5, { state: 'pending', runAt: now + 10_000 }],
    [4, 5, { state: 'pending', runAt: now + 80_000 }],
    [5, 5, { state: 'dead' }],
    [7, 5, { state: 'dead' }],
    [1, 1, { state: 'dead' }],
  ])('try %i of %i → %o', (attempts, max, outcome) => {
    expect(afterFailure(attempts, max, now, backoff, 0)).toEqual(outcome);
  });
});

describe('claim rules', () => {
  const now = 5_000;
  const cases: [string, ClaimView, boolean][] = [
    ['pending and due', { state: 'pending', run_at: now, lease_until: null }, true],
    ['pending, due earlier', { state: 'pending', run_at: now - 1, lease_until: null }, true],
    ['pending, in its backoff', { state: 'pending', run_at: now + 1, lease_until: null }, false],
    ['running under a live lease', { state: 'running', run_at: 0, lease_until: now + 1 }, false],
    ['running, lease ends this instant', { state: 'running', run_at: 0, lease_until: now }, false],
    ['running, lease ran out', { state: 'running', run_at: 0, lease_until: now - 1 }, true],
    ['running without a lease', { state: 'running', run_at: 0, lease_until: null }, false],
    ['done', { state: 'done', run_at: 0, lease_until: null }, false],
    ['dead', { state: 'dead', run_at: 0, lease_until: null }, false],
    ['superseded', { state: 'superseded', run_at: 0, lease_until: null }, false],
  ];
  it.each(cases)('%s → %s', (_, row, claimable) => {
    expect(isClaimable(row, now)).toBe(claimable);
  });

  it('only a dead job can be retried by an administrator', () => {
    expect(STATES.filter((s: JobState) => canRetry(s))).toEqual(['dead']);
  });
});

describe('admin list query', () => {
  it.each([
    [{}, { ok: true, state: null, page: 1, pageSize: 25 }],
    [{ state: 'dead' }, { ok: true, state: 'dead', page: 1, pageSize: 25 }],
    [{ state: '', page: '3', pageSize: '100' }, { ok: true, state: null, page: 3, pageSize: 100 }],
  ])('%o is read as %o', (query, parsed) => {
    expect(parseListQuery(query)).toEqual(parsed);
  });

  it.each([{ state: 'DEAD' }, { state: ['dead'] }, { state: 'failed' }, { page: '0' }, { page: '-1' }, { page: '1.5' }, { page: 'x' }, { pageSize: '101' }, { pageSize: '0' }, { page: ['1', '2'] }, { page: '9999999' }])(
    '%o is refused with a Vietnamese message',
    (query) => {
      const parsed = parseListQuery(query);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/Trạng thái|Trang|Số dòng/);
    }
  );
});

describe('config', () => {
  it('accepts the defaults', () => expect(() => validateConfig(defaultConfig)).not.toThrow());
  it.each(Object.keys(defaultConfig) as (keyof PluginConfig)[])('refuses a zero, negative or fractional %s', (key) => {
    for (const bad of [0, -1, 1.5]) expect(() => validateConfig({ ...defaultConfig, [key]: bad })).toThrow(key);
  });
  it('refuses a lease too short for its heartbeat', () => expect(() => validateConfig({ ...defaultConfig, leaseMs: 20 })).toThrow('leaseMs'));
});
