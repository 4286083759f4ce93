import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PluginConfig } from '../config';
import { actorFromState, actorKey, SYSTEM } from '../utils/actor';
import { compactDetails, parseDetails } from '../utils/details';
import { actorMatch, type Filters } from '../utils/filters';
import { retentionCutoff } from '../utils/retention';
import { isObject, type Actor, type AuditEntry, type EntryInput } from '../utils/types';

export const TABLE = 'editorial_audit_log';
export const COLUMNS = [
  'id',
  'at',
  'action',
  'actor_type',
  'actor_id',
  'actor_name',
  'actor_key',
  'ip',
  'target_uid',
  'target_document_id',
  'target_locale',
  'target_title',
  'details',
] as const;

type Row = { [K in (typeof COLUMNS)[number]]: K extends 'id' | 'at' ? number | string : string | null };

/** Who runs background work, named by its caller (runAs); absent, the request decides. */
interface RunContext {
  actor: Actor;
}

/** What is known about the request running now, if any. */
export interface RequestInfo {
  actor: Actor;
  ip: string | null;
  /** An administrator's POST/PUT/DELETE: what makes a settings write someone's change. */
  adminWrite: boolean;
  hasFiles: boolean;
  body: Record<string, unknown> | null;
  /** The route's path and parameters (a role's id in PUT /admin/roles/:id/permissions). */
  path: string;
  params: Record<string, unknown>;
}

const cut = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : null);

const toEntry = (row: Row): AuditEntry => ({
  id: Number(row.id),
  at: new Date(Number(row.at)).toISOString(),
  action: String(row.action),
  actor: { type: row.actor_type as Actor['type'], id: row.actor_id, name: row.actor_name },
  ip: row.ip,
  target: { uid: row.target_uid, documentId: row.target_document_id, locale: row.target_locale, title: row.target_title },
  details: parseDetails(row.details),
});

export const auditLog = ({ strapi }: { strapi: Core.Strapi }) => {
  const runs = new AsyncLocalStorage<RunContext>();
  const config = () => strapi.config.get('plugin::editorial') as PluginConfig;
  // Set once the table exists (bootstrap): a write before it is dropped, not an error at every start.
  let ready = false;

  function request(): RequestInfo | null {
    const ctx = strapi.requestContext.get();
    if (!ctx) return null;
    const body = isObject(ctx.request.body) ? ctx.request.body : null;
    const files = (ctx.request as { files?: unknown }).files;
    const actor = actorFromState(ctx.state);
    return {
      actor,
      ip: ctx.request.ip || null,
      adminWrite: actor.type === 'admin' && ctx.method !== 'GET' && ctx.method !== 'HEAD',
      hasFiles: isObject(files) && Object.keys(files).length > 0,
      body,
      path: ctx.path,
      params: isObject(ctx.params) ? ctx.params : {},
    };
  }

  /** The actor now: named by runAs, else the request's, else the server itself. */
  function currentActor(): Actor {
    return runs.getStore()?.actor ?? request()?.actor ?? SYSTEM;
  }

  function filtered(db: Knex, filters: Omit<Filters, 'page' | 'pageSize'>): Knex.QueryBuilder {
    const q = db(TABLE);
    if (filters.action) q.where('action', filters.action);
    if (filters.uid) q.where('target_uid', filters.uid);
    if (filters.documentId) q.where('target_document_id', filters.documentId);
    if (filters.from !== undefined) q.where('at', '>=', filters.from);
    if (filters.to !== undefined) q.where('at', '<', filters.to);
    if (filters.actor) {
      const m = actorMatch(filters.actor);
      if ('key' in m) q.where('actor_key', m.key);
      else if ('type' in m) q.where('actor_type', m.type);
      // LIKE's own wildcards in a name are taken literally.
      else q.whereRaw(`actor_name LIKE ? ESCAPE '\\'`, [`%${m.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
    }
    return q;
  }

  return {
    /**
     * Runs `fn` with `actor` as the actor of everything it logs (its async continuations too),
     * e.g. `runAs({ type: 'system', name: 'scheduler' }, () => publishDue())`. For background
     * work other code starts; requests need nothing, their actor comes from the request.
     */
    runAs<T>(actor: Partial<Actor> & { type: Actor['type'] }, fn: () => Promise<T> | T): Promise<T> {
      const full: Actor = { type: actor.type, id: actor.id ?? null, name: actor.name ?? null };
      return Promise.resolve(runs.run({ actor: full }, fn));
    },

    currentActor,
    request,

    markReady(): void {
      ready = true;
    },

    /**
     * Appends one entry. Never throws: a failed write is a warning, the audited operation goes on.
     * The insert joins the caller's transaction when there is one (SQLite has one connection: a
     * second one would wait on the caller forever), inside a savepoint, so a failed insert does
     * not abort the caller's transaction on PostgreSQL. If the caller's transaction rolls back,
     * the entry goes with it: the operation did not happen.
     */
    async record(input: EntryInput & { actor?: Actor; ip?: string | null }): Promise<void> {
      if (!ready) return;
      try {
        const req = request();
        const actor = input.actor ?? runs.getStore()?.actor ?? req?.actor ?? SYSTEM;
        const target = input.target ?? {};
        const row = {
          at: Date.now(),
          action: cut(input.action, 64) ?? 'unknown',
          actor_type: actor.type,
          actor_id: cut(actor.id, 64),
          actor_name: cut(actor.name, 255),
          actor_key: cut(actorKey(actor), 100) ?? 'system',
          ip: input.ip !== undefined ? input.ip : runs.getStore() ? null : (req?.ip ?? null),
          target_uid: cut(target.uid, 255),
          target_document_id: cut(target.documentId, 255),
          target_locale: cut(target.locale, 32),
          target_title: cut(target.title, 500),
          details: compactDetails(input.details),
        };
        await strapi.db.transaction(({ trx }) => (trx as Knex.Transaction).transaction((savepoint) => savepoint(TABLE).insert(row)));
      } catch (error) {
        strapi.log.warn(`[editorial] không ghi được nhật ký "${input.action}": ${error instanceof Error ? error.message : String(error)}`);
      }
    },

    /** One page, newest first, and how many entries match. */
    async list(filters: Filters): Promise<{ entries: AuditEntry[]; total: number }> {
      const db = strapi.db.connection;
      const [{ n }] = (await filtered(db, filters).count({ n: '*' })) as { n: number | string }[];
      const rows = (await filtered(db, filters)
        .select(COLUMNS)
        .orderBy([{ column: 'at', order: 'desc' }, { column: 'id', order: 'desc' }])
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize)) as Row[];
      return { entries: rows.map(toEntry), total: Number(n) };
    },

    /**
     * Entries for an export, newest first, read in pages of 1,000 (keyset on time and id, so a
     * page costs the same at the end as at the start), at most `exportMaxRows`.
     */
    async *exportEntries(filters: Omit<Filters, 'page' | 'pageSize'>): AsyncGenerator<AuditEntry> {
      const max = config().exportMaxRows;
      let sent = 0;
      let after: { at: number; id: number } | null = null;
      while (sent < max) {
        const q = filtered(strapi.db.connection, filters);
        if (after) {
          const { at, id } = after;
          q.andWhere((w) => w.where('at', '<', at).orWhere((x) => x.where('at', at).andWhere('id', '<', id)));
        }
        const rows = (await q
          .select(COLUMNS)
          .orderBy([{ column: 'at', order: 'desc' }, { column: 'id', order: 'desc' }])
          .limit(Math.min(1000, max - sent))) as Row[];
        for (const row of rows) yield toEntry(row);
        sent += rows.length;
        if (rows.length < 1000) return;
        const last = rows[rows.length - 1];
        after = { at: Number(last.at), id: Number(last.id) };
      }
    },

    /**
     * Removes entries older than the retention (config retentionDays) and logs how many, as the
     * system: the log says when it was shortened. Nothing removed, nothing logged.
     */
    async purge(now = Date.now()): Promise<number> {
      const { retentionDays } = config();
      const cutoff = retentionCutoff(now, retentionDays);
      const removed = Number(await strapi.db.connection(TABLE).where('at', '<', cutoff).delete());
      if (removed > 0) {
        await this.record({
          action: 'audit.purge',
          actor: { type: 'system', id: null, name: 'retention' },
          ip: null,
          details: { count: removed, retentionDays, before: new Date(cutoff).toISOString() },
        });
      }
      return removed;
    },
  };
};

export type AuditLog = ReturnType<typeof auditLog>;
