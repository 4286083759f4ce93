import { createHash, randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PluginConfig } from '../config';
import { nextAttemptAt } from '../utils/backoff';

/**
 * One row per event and receiver. `unique_key` (the change and the receiver) makes a change one
 * event per receiver whichever instance records it; a row is sent only by the instance holding its
 * lease (`lease_token` until `lease_until`), so two instances never send it at once, and a row
 * leased by an instance that died is taken up again once the lease runs out. Times are epoch ms.
 */
export const TABLE = 'revalidate_outbox';

export interface OutboxRow {
  id: number;
  event_id: string;
  receiver: string;
  payload: string;
  attempts: number;
  created_at: number;
  next_at: number;
  delivered_at: number | null;
  failed_at: number | null;
  last_status: number | null;
  last_error: string | null;
  last_ms: number | null;
}

/** PostgreSQL returns bigint columns as strings. */
const numbers = (row: Record<string, unknown>): OutboxRow => {
  const out = { ...row } as Record<string, unknown>;
  for (const k of ['id', 'attempts', 'created_at', 'next_at', 'delivered_at', 'failed_at', 'last_status', 'last_ms']) if (out[k] !== null && out[k] !== undefined) out[k] = Number(out[k]);
  return out as unknown as OutboxRow;
};

const keyOf = (changeKey: string, receiver: string) => createHash('sha256').update(`${changeKey}\n${receiver}`).digest('hex');

export const outbox = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection;
  const config = () => strapi.config.get('plugin::revalidate') as PluginConfig;
  const due = (q: Knex.QueryBuilder, now: number) =>
    q.whereNull('delivered_at').whereNull('failed_at').where('next_at', '<=', now).andWhere((w) => w.whereNull('lease_until').orWhere('lease_until', '<', now));

  return {
    /**
     * Records an event for every receiver, due `delayMs` from now; a change already recorded (same
     * key) is not recorded again. Inside a transaction (the write that made the change) the rows
     * join it: they commit with the change or not at all, so no crash falls between the two.
     */
    async enqueue(changeKey: string, eventId: string, payload: string, receivers: string[], delayMs = 0): Promise<void> {
      const now = Date.now();
      const rows = receivers.map((receiver) => ({
        unique_key: keyOf(changeKey, receiver),
        event_id: eventId,
        receiver,
        payload,
        created_at: now,
        next_at: now + delayMs,
      }));
      if (rows.length) await strapi.db.transaction(({ trx }) => trx(TABLE).insert(rows).onConflict('unique_key').ignore());
    },

    /** Rows recorded ahead of a change (`delayMs` > 0) become due now, with the change's own payload. */
    async release(changeKey: string, payload: string, receivers: string[]): Promise<number> {
      if (receivers.length === 0) return 0;
      const keys = receivers.map((r) => keyOf(changeKey, r));
      return strapi.db.transaction(({ trx }) => trx(TABLE).whereIn('unique_key', keys).whereNull('delivered_at').update({ payload, next_at: Date.now() }));
    },

    /**
     * Takes up to `limit` due rows for this instance. On PostgreSQL the rows are locked with SKIP
     * LOCKED, so claimers at the same moment take different rows instead of waiting on the same
     * first ones and then finding them taken (4 claimers of 15 got 13 of 40 due rows before);
     * SQLite runs one write transaction at a time. The conditions are checked again in the update.
     */
    async claim(limit: number): Promise<(OutboxRow & { lease_token: string })[]> {
      const now = Date.now();
      const token = randomUUID();
      await knex().transaction(async (trx) => {
        const select = trx(TABLE).select('id').modify((q) => due(q, now)).orderBy('id').limit(limit);
        if (strapi.db.dialect.client === 'postgres') select.forUpdate().skipLocked();
        const ids = ((await select) as { id: number }[]).map((r) => r.id);
        if (ids.length === 0) return;
        await trx(TABLE)
          .whereIn('id', ids)
          .modify((q) => due(q, now))
          .update({ lease_token: token, lease_until: now + config().leaseMs, attempts: trx.raw('attempts + 1') });
      });
      const rows = (await knex()(TABLE).where({ lease_token: token }).whereNull('delivered_at').orderBy('id')) as Record<string, unknown>[];
      return rows.map((r) => ({ ...numbers(r), lease_token: token }));
    },

    async delivered(row: OutboxRow & { lease_token: string }, status: number, ms: number): Promise<void> {
      await knex()(TABLE).where({ id: row.id, lease_token: row.lease_token }).update({ delivered_at: Date.now(), last_status: status, last_error: null, last_ms: ms, lease_until: null });
    },

    /** A failed try: due again after the backoff, or given up once the retry window is over. */
    async failed(row: OutboxRow & { lease_token: string }, status: number | null, error: string, ms: number): Promise<void> {
      const now = Date.now();
      const next = nextAttemptAt(row.attempts, row.created_at, now, config().retryWindowMs);
      await knex()(TABLE)
        .where({ id: row.id, lease_token: row.lease_token })
        .update({ last_status: status, last_error: error.slice(0, 500), last_ms: ms, lease_until: null, next_at: next ?? now, failed_at: next === null ? now : null });
    },

    async recent(limit: number): Promise<OutboxRow[]> {
      return ((await knex()(TABLE).select('*').orderBy('id', 'desc').limit(limit)) as Record<string, unknown>[]).map(numbers);
    },

    /** Rows whose last try failed (still retried, or given up). */
    async failures(limit: number): Promise<OutboxRow[]> {
      const rows = await knex()(TABLE).select('*').whereNull('delivered_at').whereNotNull('last_error').orderBy('id', 'desc').limit(limit);
      return (rows as Record<string, unknown>[]).map(numbers);
    },

    async pending(): Promise<number> {
      const [{ n }] = (await knex()(TABLE).whereNull('delivered_at').whereNull('failed_at').count({ n: '*' })) as { n: string | number }[];
      return Number(n);
    },
  };
};
