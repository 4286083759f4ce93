import { memoize } from '../../src/utils/memo';

/** A computation whose calls are counted and resolved by the test. */
function source() {
  const pending: ((v: string) => void)[] = [];
  let calls = 0;
  const compute = () => {
    calls += 1;
    return new Promise<string>((resolve) => pending.push(resolve));
  };
  return { compute, calls: () => calls, resolve: (v: string) => pending.shift()!(v) };
}

describe('memoize', () => {
  it('computes once for concurrent and later callers within the TTL', async () => {
    const s = source();
    const memo = memoize(s.compute, 1000, () => 0);
    const a = memo.get();
    const b = memo.get();
    s.resolve('x');
    expect(await Promise.all([a, b, memo.get()])).toEqual(['x', 'x', 'x']);
    expect(s.calls()).toBe(1);
  });

  it.each([
    ['invalidated', (memo: { invalidate(): void }, _clock: { t: number }) => memo.invalidate()],
    ['older than the TTL', (_memo: { invalidate(): void }, clock: { t: number }) => (clock.t += 1000)],
  ])('computes again once %s', async (_name, expire) => {
    const s = source();
    const clock = { t: 0 };
    const memo = memoize(s.compute, 1000, () => clock.t);
    const first = memo.get();
    s.resolve('old');
    await first;
    expire(memo, clock);
    const second = memo.get();
    s.resolve('new');
    expect(await second).toBe('new');
    expect(s.calls()).toBe(2);
  });

  it('does not keep a value whose computation was running when it was invalidated', async () => {
    const s = source();
    const memo = memoize(s.compute, 1000, () => 0);
    const during = memo.get();
    memo.invalidate();
    s.resolve('read before the write ended');
    await during;
    const after = memo.get();
    s.resolve('fresh');
    expect(await after).toBe('fresh');
  });

  it('does not keep a failure', async () => {
    let calls = 0;
    const memo = memoize(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database unavailable');
      return 'ok';
    }, 1000, () => 0);
    await expect(memo.get()).rejects.toThrow('database unavailable');
    expect(await memo.get()).toBe('ok');
  });
});
