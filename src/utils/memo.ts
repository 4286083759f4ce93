/** A value kept in memory: computed on first use, kept until invalidated or `ttlMs` old. */
export interface Memo<T> {
  get(): Promise<T>;
  invalidate(): void;
}

/**
 * Concurrent callers share one computation. A computation that fails is not kept, and neither is
 * one running when `invalidate()` is called: callers after the invalidation compute afresh, so a
 * value read before a write finished never outlives the write.
 */
export function memoize<T>(compute: () => Promise<T>, ttlMs: number, now: () => number = Date.now): Memo<T> {
  let entry: { value: Promise<T>; at: number } | undefined;
  return {
    get() {
      if (entry && now() - entry.at < ttlMs) return entry.value;
      const mine = { value: compute(), at: now() };
      entry = mine;
      mine.value.catch(() => {
        if (entry === mine) entry = undefined;
      });
      return mine.value;
    },
    invalidate() {
      entry = undefined;
    },
  };
}
