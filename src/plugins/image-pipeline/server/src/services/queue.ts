import type { Core } from '@strapi/strapi';

type Job = () => Promise<void>;

/** Jobs waiting at most; past that, new work is left to `media:regenerate` (and logged). */
const MAX_PENDING = 500;

/**
 * A one-at-a-time, in-process queue for slow encodes (WebP, AVIF): the upload answers as soon as
 * the original and its JPEG/PNG sizes are stored, and memory stays bounded under many uploads.
 */
export const queue = ({ strapi }: { strapi: Core.Strapi }) => {
  const pending: Job[] = [];
  let running: Promise<void> | null = null;

  async function drain() {
    while (pending.length > 0) {
      const job = pending.shift() as Job;
      try {
        await job();
      } catch (error) {
        strapi.log.error(`[image-pipeline] background encode failed: ${(error as Error).message}`);
      }
    }
    running = null;
  }

  return {
    add(job: Job): boolean {
      if (pending.length >= MAX_PENDING) {
        strapi.log.warn('[image-pipeline] encode queue full; run `npm run media:regenerate` later');
        return false;
      }
      pending.push(job);
      running ??= drain();
      return true;
    },

    /** Resolves when every queued job has finished (tests, shutdown). */
    async idle(): Promise<void> {
      while (running) await running;
    },

    size(): number {
      return pending.length + (running ? 1 : 0);
    },
  };
};

export type Queue = ReturnType<typeof queue>;
