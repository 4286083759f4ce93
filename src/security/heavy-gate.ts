import { positive } from './request-bounds';

/**
 * Heavy reads take turns. A read estimated at many rows (REST) or costing much (GraphQL) spends
 * its time in Node's one thread: sanitizing and serializing 690 KB took 150 ms of CPU here, and
 * SQLite's driver is synchronous. With each client capped at 4 in flight, four clients looping the
 * worst allowed read still put 16 of them on two cores, and every other reader's p95 went from
 * 112 ms to 3.2 s (npm run bench:abuse). One at a time was not enough (a cached read's p95 still
 * went from 8 ms to 1.5 s: the heavy read blocks the thread for tens of ms, back to back). Cheap
 * reads pass straight on; heavy ones run `concurrency` at a time, server-wide, in arrival order,
 * and take at most `share` of the time (5 %: a cheap read then rarely lands behind one, which is
 * what a p95 measures); a bounded number may wait.
 */
export class HeavyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** No heavy read starts before this time (ms): the pause that keeps heavy work to its share. */
  private readyAt = 0;
  private timer: NodeJS.Timeout | undefined;

  /**
   * @param share the part of the time heavy reads may take (0–1]: after one that took t ms the next
   *   starts t × (1/share − 1) ms later. With 1 they run back to back.
   */
  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    private readonly share = 1
  ) {}

  /** Heavy reads running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * A turn: resolves with its release once one is free, or with null at once when the queue is
   * full (the caller answers 429 rather than letting the queue, and the memory it holds, grow).
   * Release exactly once.
   */
  async acquire(): Promise<(() => void) | null> {
    if (this.running < this.concurrency && this.waiting.length === 0 && Date.now() >= this.readyAt) {
      this.running += 1;
    } else {
      if (this.waiting.length >= this.maxWaiting) return null;
      // The turn is counted in `running` by next() before it resolves.
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        this.next();
      });
    }
    const started = Date.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = Date.now();
      this.readyAt = Math.max(this.readyAt, now + (now - started) * (1 / this.share - 1));
      this.running -= 1;
      this.next();
    };
  }

  /** Starts the first in line if a turn is free and the pause is over, or sets a timer for the pause. */
  private next(): void {
    if (this.timer || this.waiting.length === 0 || this.running >= this.concurrency) return;
    const pause = this.readyAt - Date.now();
    if (pause > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.next();
      }, pause);
      this.timer.unref();
      return;
    }
    this.running += 1;
    this.waiting.shift()?.();
  }

  /** Runs `work` in a turn; false, without running it, when the queue is full. */
  async run(work: () => Promise<unknown>): Promise<boolean> {
    const release = await this.acquire();
    if (!release) return false;
    try {
      await work();
      return true;
    } finally {
      release();
    }
  }
}

export interface HeavySettings {
  /** A REST read estimated at this many rows or more is heavy. */
  minRecords: number;
  /** A GraphQL operation costing this much or more is heavy. */
  minCost: number;
  concurrency: number;
  maxWaiting: number;
  /** Part of the time heavy reads may take, 0–1. */
  share: number;
}

/**
 * HEAVY_MIN_RECORDS 1500: a list of 100 articles with category, cover, blocs and agencies is about
 * 1,200 rows and is not paced; the worst read the limits allow is about 5,000. HEAVY_MIN_COST 1000: the website's largest query (home page
 * blocks) costs about 600.
 */
export function readHeavySettings(env: Record<string, string | undefined>): HeavySettings {
  return {
    minRecords: positive(env, 'HEAVY_MIN_RECORDS', 1500),
    minCost: positive(env, 'HEAVY_MIN_COST', 1000),
    concurrency: positive(env, 'HEAVY_MAX_IN_FLIGHT', 1),
    // 8: with the pause, the last in line waits about 8 s, under the 10 s deadline.
    maxWaiting: positive(env, 'HEAVY_MAX_WAITING', 8),
    share: Math.min(100, positive(env, 'HEAVY_SHARE_PERCENT', 5)) / 100,
  };
}

/**
 * One gate per process, shared by the REST middleware and the GraphQL plugin; made again only when
 * the settings change (tests start apps with other settings in one process).
 */
let shared: { gate: HeavyGate; settings: HeavySettings; key: string } | undefined;
export function heavyReads(env: Record<string, string | undefined> = process.env): { gate: HeavyGate; settings: HeavySettings } {
  const settings = readHeavySettings(env);
  const key = JSON.stringify(settings);
  if (shared?.key !== key) shared = { gate: new HeavyGate(settings.concurrency, settings.maxWaiting, settings.share), settings, key };
  return shared;
}

export const HEAVY_QUEUE_FULL_MESSAGE =
  'Máy chủ đang xử lý nhiều yêu cầu nặng; yêu cầu này chưa được nhận. Vui lòng thử lại sau ít giây, hoặc thu hẹp truy vấn (trang nhỏ hơn, ít quan hệ hơn).';
