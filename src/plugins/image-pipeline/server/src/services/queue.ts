import type { Core } from '@strapi/strapi';

type Job = () => Promise<void>;

/** Jobs waiting at most; past that, new work is left to the next start's sweep (and logged). */
const MAX_PENDING = 500;

/**
 * A one-at-a-time, in-process queue for the work an upload does not wait for (sizes, crops, WebP,
 * AVIF): one job runs at a time, so memory stays bounded however many uploads arrive. Jobs have a
 * key (the file id): a key already waiting is not queued twice. Nothing here survives a restart;
 * the plugin's start-up sweep finds what was left undone from the database instead.
 */
export const queue = ({ strapi }: { strapi: Core.Strapi }) => {
  const pending = new Map<string, Job>();
  let running: Promise<void> | null = null;
  let stopped = false;

  async function drain() {
    while (pending.size > 0 && !stopped) {
      const [key, job] = pending.entries().next().value as [string, Job];
      pending.delete(key);
      try {
        await job();
      } catch (error) {
        strapi.log.error(`[image-pipeline] background job ${key} failed: ${(error as Error).message}`);
      }
    }
    running = null;
  }

  return {
    /** Queues a job unless one with this key is waiting; false when it was not queued. */
    add(key: string, job: Job): boolean {
      if (stopped) return false;
      if (pending.has(key)) return true;
      if (pending.size >= MAX_PENDING) {
        strapi.log.warn('[image-pipeline] background queue full; what is left is picked up at the next start');
        return false;
      }
      pending.set(key, job);
      running ??= drain();
      return true;
    },

    /** Resolves when no job is waiting or running (tests, scripts). */
    async idle(): Promise<void> {
      while (running) await running;
    },

    /** Jobs waiting or running. */
    size(): number {
      return pending.size + (running ? 1 : 0);
    },

    /** Room left before the queue is full. */
    room(): number {
      return MAX_PENDING - pending.size;
    },

    /**
     * Drops waiting jobs (as a crash or restart would: the start-up sweep finds them again) and
     * lets the running one finish; nothing is queued until `start`.
     */
    async stop(): Promise<void> {
      stopped = true;
      pending.clear();
      await this.idle();
    },

    start(): void {
      stopped = false;
    },
  };
};

export type Queue = ReturnType<typeof queue>;
