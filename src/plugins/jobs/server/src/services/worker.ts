import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { getService } from '../utils/get-service';
import type { Claimed } from './store';

/** What a handler is given: the job and a signal aborted when the lease is lost or the instance stops. */
export interface JobContext {
  id: number;
  name: string;
  key: string;
  payload: unknown;
  /** 1 for the first try. */
  attempt: number;
  signal: AbortSignal;
}

export type Handler = (job: JobContext) => Promise<void>;

/** Finished jobs are pruned at most this often (an hour: the table is small, the delete cheap). */
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Runs this instance's jobs one at a time (an image encode holds a decoded photo in memory: one at
 * a time keeps an instance's memory bounded however many uploads arrive), every `pollMs` and at
 * once when this process queues a job. Only jobs whose name has a handler here are claimed.
 */
export const worker = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::jobs') as PluginConfig;
  const store = () => getService(strapi, 'store');
  const handlers = new Map<string, Handler>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let current: AbortController | undefined;
  let prunedAt = 0;

  async function run(row: Claimed): Promise<void> {
    const handler = handlers.get(row.name);
    const controller = new AbortController();
    current = controller;
    // Renewed every third of the lease, so two missed beats still leave it held.
    const beat = setInterval(() => {
      store()
        .heartbeat(row)
        .then((held) => held || controller.abort(new Error('lease lost')))
        .catch((error: Error) => strapi.log.warn(`[jobs] heartbeat of job ${row.id} failed: ${error.message}`));
    }, Math.max(10, Math.floor(config().leaseMs / 3)));
    beat.unref();
    try {
      if (!handler) throw new Error(`no handler named ${row.name}`);
      const payload: unknown = row.payload === null ? undefined : JSON.parse(row.payload);
      await handler({ id: row.id, name: row.name, key: row.job_key, payload, attempt: row.attempts, signal: controller.signal });
      await store().done(row);
    } catch (error) {
      if (stopped && controller.signal.aborted) {
        await store().release(row);
      } else {
        const message = (error as Error).message ?? String(error);
        const state = await store().failed(row, message);
        strapi.log.warn(`[jobs] ${row.name} ${row.job_key} (job ${row.id}, try ${row.attempts}) failed: ${message}${state === 'dead' ? ' — given up (dead)' : ''}`);
      }
    } finally {
      clearInterval(beat);
      current = undefined;
    }
  }

  async function round(): Promise<void> {
    if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await store().prune();
    }
    while (!stopped) {
      again = false;
      const row = await store().claim([...handlers.keys()]);
      if (row) await run(row);
      else if (!again) return;
    }
  }

  return {
    /** The owner of some work registers how to do it, by name ("image-formats"). */
    register(name: string, handler: Handler): void {
      if (handlers.has(name)) throw new Error(`[jobs] a handler named ${name} is registered already`);
      handlers.set(name, handler);
    },

    /**
     * Queues a job (one waiting job per name and key). Joins the caller's transaction if there is
     * one, and wakes the worker once that commits.
     */
    async enqueue(name: string, key: string, payload?: unknown): Promise<void> {
      await strapi.db.transaction(async ({ trx, onCommit }) => {
        await store().enqueue(trx, name, key, payload);
        onCommit(() => void this.kick());
      });
    },

    /** Runs what is due now; a call during a round makes it look again before it ends. */
    kick(): Promise<void> {
      if (stopped || handlers.size === 0) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      const round$ = round()
        .catch((error: Error) => void strapi.log.warn(`[jobs] round failed: ${error.message}`))
        .finally(() => (running = undefined));
      running = round$;
      return round$;
    },

    /** Resolves once nothing due is left for this instance (tests, scripts): jobs in backoff are not waited for. */
    async idle(): Promise<void> {
      while (running) await running;
      await this.kick();
    },

    start(): void {
      stopped = false;
      timer ??= setInterval(() => void this.kick(), config().pollMs);
      timer.unref();
    },

    /**
     * Claims nothing more; the running job is told (its signal) and awaited: a handler that
     * finishes marks it done, one that gives up hands it back (released, due at once for any
     * instance). Past the shutdown's deadline the process exits anyway and the lease runs out.
     */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      current?.abort(new Error('stopping'));
      await running;
    },

    /** Jobs running here (named in the shutdown's log line when it outlives the deadline). */
    size(): number {
      return current ? 1 : 0;
    },
  };
};

export type Worker = ReturnType<typeof worker>;
