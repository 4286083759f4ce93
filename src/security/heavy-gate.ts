import { positive } from './request-bounds';

/**
 * Heavy reads take turns. A read estimated at many rows (REST) or costing much (GraphQL) spends
 * its time in Node's one thread: sanitizing and serializing 690 KB took 150 ms of CPU here, and
 * SQLite's driver is synchronous. With each client capped at 4 in flight, four clients looping the
 * worst allowed read still put 16 of them on two cores, and every other reader's p95 went from
 * 112 ms to 3.2 s (npm run bench:abuse). Cheap reads pass straight on; heavy ones run
 * `concurrency` at a time, server-wide, in arrival order, and a bounded number may wait.
 */
export class HeavyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number
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
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The turn passes to the next in line (running stays counted), or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    };
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
}

/**
 * HEAVY_MIN_RECORDS 300: a list page of 25 articles with cover, category, blocs and agencies is
 * about 150 rows and stays cheap. HEAVY_MIN_COST 1000: the website's largest query (home page
 * blocks) costs about 600.
 */
export function readHeavySettings(env: Record<string, string | undefined>): HeavySettings {
  return {
    minRecords: positive(env, 'HEAVY_MIN_RECORDS', 300),
    minCost: positive(env, 'HEAVY_MIN_COST', 1000),
    concurrency: positive(env, 'HEAVY_MAX_IN_FLIGHT', 1),
    maxWaiting: positive(env, 'HEAVY_MAX_WAITING', 32),
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
  if (shared?.key !== key) shared = { gate: new HeavyGate(settings.concurrency, settings.maxWaiting), settings, key };
  return shared;
}

export const HEAVY_QUEUE_FULL_MESSAGE =
  'Máy chủ đang xử lý nhiều yêu cầu nặng; yêu cầu này chưa được nhận. Vui lòng thử lại sau ít giây, hoặc thu hẹp truy vấn (trang nhỏ hơn, ít quan hệ hơn).';
