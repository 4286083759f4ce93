/** The count of one key in its current window. */
export interface WindowState {
  count: number;
  resetAt: number;
}

export interface Decision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends (at least 1). */
  resetSeconds: number;
}

/** Whether the request that made `state` (already counted) may pass, and what to tell the client. */
export function decide(state: WindowState, limit: number, now: number): Decision {
  const resetSeconds = Math.max(1, Math.ceil((state.resetAt - now) / 1000));
  return { allowed: state.count <= limit, limit, remaining: Math.max(0, limit - state.count), resetSeconds };
}

/**
 * Fixed windows counted in memory: a key's window starts at its first request. Expired windows
 * are swept every `windowMs` so memory stays bounded by the keys active in one window.
 */
export class MemoryCounter {
  private windows = new Map<string, WindowState>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  hit(key: string, windowMs: number): WindowState {
    const now = this.now();
    if (now >= this.nextSweep) this.sweep(now, windowMs);
    let state = this.windows.get(key);
    if (!state || state.resetAt <= now) {
      state = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, state);
    }
    state.count += 1;
    return { ...state };
  }

  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number, windowMs: number) {
    for (const [key, state] of this.windows) if (state.resetAt <= now) this.windows.delete(key);
    this.nextSweep = now + windowMs;
  }
}
