import type { Core } from '@strapi/strapi';

/** What this plugin uses of the jobs plugin's worker (src/plugins/jobs). */
interface Jobs {
  register(name: string, handler: (job: { key: string }) => Promise<void>): void;
  enqueue(name: string, key: string, payload?: unknown): Promise<void>;
  idle(): Promise<void>;
}

/** The job name of an image's sizes, crops and WebP/AVIF files. */
export const IMAGE_FORMATS_JOB = 'image-formats';

/**
 * The work an upload does not wait for (sizes, crops, WebP, AVIF), as jobs of the jobs plugin: one
 * job per file (its id is the key: one waiting job per file), stored with the upload, run once by
 * whichever instance claims it, retried with backoff when it fails. Work a restart interrupts is
 * still in the table: no start-up sweep.
 */
export const queue = ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = (): Jobs => {
    const worker = strapi.plugin('jobs')?.service<Jobs>('worker');
    if (!worker) throw new Error('[image-pipeline] needs the jobs plugin (config/plugins.ts), listed before it');
    return worker;
  };

  return {
    /** Registers how an image job is done; called once, at bootstrap. */
    register(complete: (id: number) => Promise<void>): void {
      jobs().register(IMAGE_FORMATS_JOB, ({ key }) => complete(Number(key)));
    },

    /** Queues the completion of one stored image (joins the caller's transaction, if any). */
    add(id: number): Promise<void> {
      return jobs().enqueue(IMAGE_FORMATS_JOB, String(id));
    },

    /** Resolves when no due job is left for this instance (tests, scripts). */
    idle(): Promise<void> {
      return jobs().idle();
    },
  };
};

export type Queue = ReturnType<typeof queue>;
