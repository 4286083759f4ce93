import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isPostgres } from 'strapi-plugin-migrations-runner';
import type { PluginConfig } from '../config';
import { afterFailure, type JobState } from '../utils/rules';

/**
 * One row per job. A worker runs a job only while it holds its lease (`lease_token` until
 * `lease_until`, renewed by the worker's heartbeat), so two instances never run it at once, and a
 * job whose instance died is taken up again once the lease runs out. Times are epoch ms.
 */
export const TABLE = 'background_jobs';

export interface JobRow {
  id: number;
  name: string;
  job_key: string;
  payload: string | null;
  state: JobState;
  attempts: number;
  run_at: number;
  lease_until: number | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  last_error: string | null;
}

export type Claimed = JobRow & { lease_token: string };

export type RetryOutcome = 'retried' | 'not-found' | 'not-dead' | 'already-waiting';

/** PostgreSQL returns bigint columns as strings. */
const numbers = (row: Record<string, unknown>): JobRow => {
  const out = { ...row };
  for (const k of ['id', 'attempts', 'run_at', 'lease_until', 'created_at', 'updated_at', 'finished_at']) if (out[k] !== null && out[k] !== undefined) out[k] = Number(out[k]);
  return out as unknown as JobRow;
};

/** The unique key on (name, pending_key): a job of this key is already waiting. By code, not by class (see docs/testing.md). */
const isUniqueViolation = (error: unknown): boolean => {
  const { code } = (error ?? {}) as { code?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

const MAX_ERROR = 1000;

/**
 * The store on a connection: Strapi's (the `store` service below), or another pool in the tests
 * that race two instances on one database.
 */
export const createStore = (knex: () => Knex, config: () => PluginConfig) => {
  /** utils/rules `isClaimable` in SQL. */
  const claimable = (q: Knex.QueryBuilder, now: number, alias = '') =>
    q.where((w) =>
      w
        .where((p) => p.where(`${alias}state`, 'pending').where(`${alias}run_at`, '<=', now))
        .orWhere((r) => r.where(`${alias}state`, 'running').where(`${alias}lease_until`, '<', now))
    );

  /**
   * Back to waiting (a failed try with tries left, or a job handed back at shutdown); when a job
   * of the same key was queued meanwhile, that one does the work and this one is `superseded`.
   */
  async function backToWaiting(row: Claimed, changes: Record<string, unknown>): Promise<void> {
    const now = Date.now();
    const where = { id: row.id, lease_token: row.lease_token };
    const common = { ...changes, lease_until: null, lease_token: null, updated_at: now };
    try {
      await knex()(TABLE).where(where).update({ ...common, state: 'pending', pending_key: row.job_key });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await knex()(TABLE).where(where).update({ ...common, state: 'superseded', finished_at: now });
    }
  }

  return {
    /**
     * Queues a job unless one of this name and key is waiting; a waiting one is made due now with
     * the new payload (new work does not wait out an earlier failure's backoff). Inside a
     * transaction (the write that made the work) the row joins it: both commit or neither.
     */
    async enqueue(trx: Knex, name: string, key: string, payload: unknown): Promise<void> {
      const now = Date.now();
      const json = payload === undefined ? null : JSON.stringify(payload);
      await trx(TABLE)
        .insert({ name, job_key: key, pending_key: key, payload: json, state: 'pending', attempts: 0, run_at: now, created_at: now, updated_at: now })
        .onConflict(['name', 'pending_key'])
        .merge({ payload: json, run_at: now, updated_at: now });
    },

    /**
     * Takes the next due job among `names` for this instance, in one statement: on PostgreSQL the
     * candidate row is locked with SKIP LOCKED, so workers claiming at the same moment take
     * different jobs instead of queueing on the same one; SQLite runs one write at a time. The
     * conditions are checked again by the update itself. A job whose key is running elsewhere
     * under a live lease waits for it (the two would work on the same file).
     */
    async claim(names: string[]): Promise<Claimed | null> {
      if (names.length === 0) return null;
      const now = Date.now();
      const token = randomUUID();
      const db = knex();
      const pick = db(`${TABLE} as j`)
        .select('j.id')
        .whereIn('j.name', names)
        .modify((q) => claimable(q, now, 'j.'))
        .whereNotExists((q) =>
          q.select(db.raw('1')).from(`${TABLE} as r`).whereRaw('r.name = j.name').whereRaw('r.job_key = j.job_key').whereRaw('r.id <> j.id').where('r.state', 'running').where('r.lease_until', '>=', now)
        )
        .orderBy('j.run_at')
        .orderBy('j.id')
        .limit(1);
      if (isPostgres(db)) pick.forUpdate().skipLocked();
      const updated = await db(TABLE)
        .where('id', pick)
        .modify((q) => claimable(q, now))
        .update({ state: 'running', pending_key: null, lease_token: token, lease_until: now + config().leaseMs, attempts: db.raw('attempts + 1'), updated_at: now });
      if (!updated) return null;
      const row = (await db(TABLE).where({ lease_token: token }).first()) as Record<string, unknown> | undefined;
      return row ? { ...numbers(row), lease_token: token } : null;
    },

    /** Extends the lease; false when it was lost (it ran out and another instance took the job). */
    async heartbeat(row: Claimed): Promise<boolean> {
      const now = Date.now();
      const n = await knex()(TABLE).where({ id: row.id, lease_token: row.lease_token, state: 'running' }).update({ lease_until: now + config().leaseMs, updated_at: now });
      return n > 0;
    },

    async done(row: Claimed): Promise<void> {
      const now = Date.now();
      await knex()(TABLE).where({ id: row.id, lease_token: row.lease_token }).update({ state: 'done', finished_at: now, updated_at: now, lease_until: null, lease_token: null, last_error: null });
    },

    /** A failed try: due again after the backoff, or dead once the tries are used up. */
    async failed(row: Claimed, error: string): Promise<JobState> {
      const cfg = config();
      const now = Date.now();
      const next = afterFailure(row.attempts, cfg.maxAttempts, now, { baseMs: cfg.backoffBaseMs, capMs: cfg.backoffCapMs });
      const last_error = error.slice(0, MAX_ERROR);
      if (next.state === 'dead') {
        await knex()(TABLE).where({ id: row.id, lease_token: row.lease_token }).update({ state: 'dead', last_error, finished_at: now, updated_at: now, lease_until: null, lease_token: null });
        return 'dead';
      }
      await backToWaiting(row, { last_error, run_at: next.runAt });
      return 'pending';
    },

    /** Hands a job back untried (the instance is stopping): due now for any instance, the try not counted. */
    async release(row: Claimed): Promise<void> {
      await backToWaiting(row, { run_at: Date.now(), attempts: Math.max(0, row.attempts - 1) });
    },

    /** "Thử lại": a dead job waits again, its tries counted from zero. */
    async retry(id: number): Promise<RetryOutcome> {
      const row = (await knex()(TABLE).where({ id }).first()) as Record<string, unknown> | undefined;
      if (!row) return 'not-found';
      if (row.state !== 'dead') return 'not-dead';
      const now = Date.now();
      try {
        const n = await knex()(TABLE)
          .where({ id, state: 'dead' })
          .update({ state: 'pending', pending_key: row.job_key, attempts: 0, run_at: now, finished_at: null, updated_at: now });
        return n ? 'retried' : 'not-dead';
      } catch (error) {
        if (isUniqueViolation(error)) return 'already-waiting';
        throw error;
      }
    },

    async find(id: number): Promise<JobRow | null> {
      const row = (await knex()(TABLE).where({ id }).first()) as Record<string, unknown> | undefined;
      return row ? numbers(row) : null;
    },

    /** A page of jobs, newest first, in one state or all. */
    async list(state: JobState | null, page: number, pageSize: number): Promise<{ rows: JobRow[]; total: number }> {
      const base = () => knex()(TABLE).modify((q) => (state ? q.where({ state }) : q));
      const rows = (await base().select('*').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize)) as Record<string, unknown>[];
      const [{ n }] = (await base().count({ n: '*' })) as { n: string | number }[];
      return { rows: rows.map(numbers), total: Number(n) };
    },

    /** Jobs per state (every state listed, zeros included). */
    async counts(): Promise<Record<JobState, number>> {
      const rows = (await knex()(TABLE).select('state').count({ n: '*' }).groupBy('state')) as { state: JobState; n: string | number }[];
      const out: Record<JobState, number> = { pending: 0, running: 0, done: 0, dead: 0, superseded: 0 };
      for (const r of rows) out[r.state] = Number(r.n);
      return out;
    },

    /** Deletes finished jobs older than `keepDoneMs`; dead ones stay until an administrator acts. */
    async prune(): Promise<number> {
      return knex()(TABLE).whereIn('state', ['done', 'superseded']).where('finished_at', '<', Date.now() - config().keepDoneMs).delete();
    },
  };
};

export type Store = ReturnType<typeof createStore>;

export const store = ({ strapi }: { strapi: Core.Strapi }): Store =>
  createStore(
    () => strapi.db.connection,
    () => strapi.config.get('plugin::jobs') as PluginConfig
  );
