import os from 'node:os';
import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { PluginConfig } from '../config';
import { principalKey, principalLabel, type Principal } from '../utils/rights';
import {
  claimKey,
  dueAction,
  ownerProblem,
  scheduleProblem,
  toEpochMs,
  type DueItem,
  type ScheduleAction,
  type ScheduleOwner,
} from '../utils/schedule';
import { getService } from '../utils/get-service';

type Middleware = Modules.Documents.Middleware.Middleware;
type Params = { documentId?: string; locale?: string | string[]; status?: string; data?: Record<string, unknown> };
/**
 * One row per schedule acted on, unique per (document, locale, action, due time). The row is
 * inserted in the same transaction as the publish, so of several instances only one can commit
 * it (the others wait on the unique key, then find it taken), and a crash rolls both back.
 */
export const CLAIMS_TABLE = 'newsroom_schedule_claims';
/**
 * Who set each schedule: one row per (document, locale, action), with the time it was set for.
 * At due time the scheduler acts only if that principal may still publish the locale, and the
 * draft was not edited since by someone who may not (`edited_by`).
 */
export const OWNERS_TABLE = 'newsroom_schedule_owners';
const CRON_JOB = 'newsroom-scheduled-publishing';
const ACTIONS: ScheduleAction[] = ['publish', 'unpublish'];
/** A scheduled type's two datetime fields, by the action each one asks for. */
type ScheduleFields = Record<ScheduleAction, string>;

export type Outcome = 'done' | 'skipped' | 'failed' | 'refused';
/** A due schedule of one of the configured content types. */
export interface DueEntry extends DueItem {
  uid: UID.ContentType;
}

export interface RunResult extends DueEntry {
  outcome: Outcome;
  reason?: string;
}

interface ClaimRow {
  document_id: string;
  locale: string;
  action: string;
  due_at_ms: string | number;
  token: string;
}

/** What the scheduler uses of the editorial plugin's audit log, when that plugin is on. */
interface AuditRunner {
  runAs<T>(actor: { type: 'system'; name: string }, fn: () => Promise<T>): Promise<T>;
}

/** Thrown inside the claim transaction to roll it back without recording anything. */
class Superseded extends Error {}

export const scheduler = ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = `${os.hostname()}:${process.pid}`;
  const knex = () => strapi.db.connection;
  /** The cron tick running now, if any (`stopCron` waits for it). */
  let tick: Promise<void> | null = null;
  /** Set by `stopCron`: a running tick stops after the schedule it is acting on. */
  let stopping = false;
  /** The content types scheduling acts on (config `scheduling.contentTypes`) and their fields. */
  const scheduled = (): Record<string, { publishAt: string; unpublishAt: string }> =>
    (strapi.config.get('plugin::newsroom') as PluginConfig).scheduling.contentTypes;
  const fieldsOf = (uid: string): ScheduleFields => {
    const f = scheduled()[uid];
    return { publish: f.publishAt, unpublish: f.unpublishAt };
  };
  const meta = (uid: string) => {
    const m = strapi.db.metadata.get(uid as UID.ContentType);
    const column = (name: string) => (m.attributes[name] as { columnName?: string }).columnName ?? name;
    const fields = fieldsOf(uid);
    return {
      table: m.tableName,
      id: 'id',
      documentId: column('documentId'),
      locale: column('locale'),
      publishedAt: column('publishedAt'),
      publishAt: column(fields.publish),
      unpublishAt: column(fields.unpublish),
      updatedBy: (m.attributes.updatedBy as { joinColumn?: { name: string } }).joinColumn?.name ?? 'updated_by_id',
    };
  };
  /** The type's name as editors see it ("bài viết"), for log lines in Vietnamese. */
  const typeLabel = (uid: UID.ContentType): string => (strapi.contentTypes[uid]?.info?.displayName ?? uid).toLowerCase();
  /** Raw SQL in the caller's transaction when there is one: a second connection would wait on its locks. */
  const inTransaction = <T>(fn: (db: Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.transaction(({ trx }) => fn(trx as Knex.Transaction)) as Promise<T>;
  const defaultLocale = async (): Promise<string> => strapi.plugin('i18n').service('locales').getDefaultLocale();
  const localesOf = async (locale: Params['locale']): Promise<string[] | null> => {
    if (locale === '*') return null;
    if (Array.isArray(locale)) return locale;
    return [locale ?? (await defaultLocale())];
  };

  /** Draft rows of one document and locale (a draft always exists in Strapi 5; the published row is a copy). */
  const draftRow = (db: Knex | Knex.Transaction, uid: string, documentId: string, locale: string) => {
    const c = meta(uid);
    return db(c.table)
      .where({ [c.documentId]: documentId, [c.locale]: locale })
      .whereNull(c.publishedAt)
      .first(c.id, c.publishAt, c.unpublishAt);
  };

  /** Schedule fields are cleared with plain SQL: updated_at stays, so the draft is not shown as "modified". */
  const clearFields = (db: Knex | Knex.Transaction, uid: string, documentId: string, locale: string, fields: string[], draftOnly = true) => {
    const c = meta(uid);
    const q = db(c.table).where({ [c.documentId]: documentId, [c.locale]: locale });
    if (draftOnly) q.whereNull(c.publishedAt);
    return q.update(Object.fromEntries(fields.map((f) => [f, null])));
  };

  /**
   * Gives schedules already pending when the owners table is created the draft's last admin
   * editor as owner (most likely who set them; if that is a reporter, the publication is refused
   * at due time), so an upgrade does not drop every schedule it finds. Runs in the migration's
   * transaction (migrations/001-schedule-owners); returns how many drafts had a schedule.
   */
  async function backfillOwners(db: Knex.Transaction): Promise<number> {
    let pendingCount = 0;
    for (const uid of Object.keys(scheduled())) {
      const c = meta(uid);
      const pending = await db(c.table)
        .whereNull(c.publishedAt)
        .andWhere((w) => w.whereNotNull(c.publishAt).orWhereNotNull(c.unpublishAt))
        .select({ documentId: c.documentId, locale: c.locale, publish: c.publishAt, unpublish: c.unpublishAt, editor: c.updatedBy });
      pendingCount += pending.length;
      for (const row of pending) {
        for (const action of ACTIONS) {
          const dueAt = toEpochMs(row[action]);
          if (dueAt === null || row.editor === null) continue;
          await db(OWNERS_TABLE)
            .insert({ document_id: row.documentId, locale: row.locale, action, due_at_ms: dueAt, principal_kind: 'admin', principal_id: String(row.editor), set_at_ms: Date.now() })
            .onConflict(['document_id', 'locale', 'action'])
            .ignore();
        }
      }
    }
    if (pendingCount > 0) strapi.log.info(`[newsroom] ghi nhận người đặt lịch cho ${pendingCount} bản nháp đang hẹn giờ (theo người sửa cuối)`);
    return pendingCount;
  }

  async function findDue(now: Date): Promise<DueEntry[]> {
    const due: DueEntry[] = [];
    for (const uid of Object.keys(scheduled()) as UID.ContentType[]) {
      const c = meta(uid);
      // No ORDER BY: with one, SQLite walked the whole publish_at index for its order instead of
      // reading the two due ranges (one index each); the few due rows are put in order here.
      const rows = await knex()(c.table)
        .whereNull(c.publishedAt)
        .andWhere((w) => w.where(c.publishAt, '<=', now).orWhere(c.unpublishAt, '<=', now))
        .select({ documentId: c.documentId, locale: c.locale, publishAt: c.publishAt, unpublishAt: c.unpublishAt });
      const dueAt = (row: { publishAt: unknown; unpublishAt: unknown }) => toEpochMs(row.publishAt) ?? toEpochMs(row.unpublishAt) ?? 0;
      rows.sort((a, b) => dueAt(a) - dueAt(b));
      for (const row of rows) {
        const item = dueAction(row, now);
        if (item) due.push({ ...item, uid });
      }
    }
    if (due.length === 0) return due;
    // Claimed and failed schedules stay in the claims table; they are not tried again.
    const taken = new Set<string>();
    const ids = [...new Set(due.map((d) => d.documentId))];
    for (let i = 0; i < ids.length; i += 500) {
      const claims: ClaimRow[] = await knex()(CLAIMS_TABLE).whereIn('document_id', ids.slice(i, i + 500));
      for (const r of claims) taken.add(claimKey({ documentId: r.document_id, locale: r.locale, action: r.action, dueAt: Number(r.due_at_ms) } as DueItem));
    }
    return due.filter((d) => !taken.has(claimKey(d)));
  }

  /** Why the scheduler must not act on a due schedule (in Vietnamese), or null: checked at due time, not when set. */
  async function refusalOf(db: Knex.Transaction, item: DueEntry, now: Date): Promise<string | null> {
    const owner: ScheduleOwner | undefined = await db(OWNERS_TABLE)
      .where({ document_id: item.documentId, locale: item.locale, action: item.action })
      .first('due_at_ms', 'principal_kind', 'principal_id', 'edited_by');
    const problem = ownerProblem(owner, item.dueAt, item.action);
    if (problem || !owner) return problem;
    const version = await strapi.db.query(item.uid).findOne({
      where: { documentId: item.documentId, locale: item.locale, publishedAt: null },
      select: ['id', 'locale'],
      populate: { createdBy: { select: ['id'] } },
    });
    const principal = { kind: owner.principal_kind, id: owner.principal_id };
    const reason = await getService(strapi, 'rights').principalMayPublishNow(principal, item.uid, version ?? { locale: item.locale }, now);
    return reason ? `${principalLabel(principal)}: ${reason}` : null;
  }

  /** Acts on one due schedule if this instance wins its claim. */
  async function act(item: DueEntry, now: Date): Promise<RunResult | null> {
    const token = `${instance}:${Math.random().toString(36).slice(2)}`;
    const c = meta(item.uid);
    let owned = false;
    try {
      return await strapi.db.transaction(async ({ trx }) => {
        const db = trx as Knex.Transaction;
        const key = { document_id: item.documentId, locale: item.locale, action: item.action, due_at_ms: item.dueAt };
        await db(CLAIMS_TABLE)
          .insert({ ...key, token, status: 'done', instance, acted_at_ms: now.getTime() })
          .onConflict(['document_id', 'locale', 'action', 'due_at_ms'])
          .ignore();
        const claim: ClaimRow | undefined = await db(CLAIMS_TABLE).where(key).first('token');
        if (claim?.token !== token) throw new Superseded('claimed by another instance');
        owned = true;

        // The editor may have changed the schedule since it was read.
        const draft = await draftRow(db, item.uid, item.documentId, item.locale);
        const field = item.action === 'publish' ? c.publishAt : c.unpublishAt;
        if (!draft || toEpochMs(draft[field]) !== item.dueAt) throw new Superseded('schedule changed');

        const refusal = await refusalOf(db, item, now);
        if (refusal) {
          await db(CLAIMS_TABLE).where(key).update({ status: 'refused', reason: refusal.slice(0, 1000) });
          return { ...item, outcome: 'refused' as const, reason: refusal };
        }

        const docs = strapi.documents(item.uid);
        if (item.action === 'publish') {
          // Cleared before the copy, so the published version carries no schedule either.
          await clearFields(db, item.uid, item.documentId, item.locale, [c.publishAt]);
          await docs.publish({ documentId: item.documentId, locale: item.locale });
          return { ...item, outcome: 'done' as const };
        }
        const fields = [c.unpublishAt];
        // A publish time that also went by belongs to the window that is over.
        const publishAt = toEpochMs(draft[c.publishAt]);
        if (publishAt !== null && publishAt <= now.getTime()) fields.push(c.publishAt);
        await clearFields(db, item.uid, item.documentId, item.locale, fields);
        const published = await db(c.table)
          .where({ [c.documentId]: item.documentId, [c.locale]: item.locale })
          .whereNotNull(c.publishedAt)
          .first(c.id);
        if (!published) {
          await db(CLAIMS_TABLE).where(key).update({ status: 'skipped', reason: 'not published' });
          return { ...item, outcome: 'skipped' as const, reason: 'not published' };
        }
        await docs.unpublish({ documentId: item.documentId, locale: item.locale });
        return { ...item, outcome: 'done' as const };
      });
    } catch (error) {
      if (error instanceof Superseded) return null;
      const reason = error instanceof Error ? error.message : String(error);
      if (!owned) {
        // Lost a race on the claim (e.g. SQLite busy): the winner acts, or the next tick does.
        strapi.log.debug(`[newsroom] schedule ${item.action} of ${item.documentId}/${item.locale} not claimed: ${reason}`);
        return null;
      }
      // Recorded as failed so it is not retried every tick; a new time is a new claim.
      await knex()(CLAIMS_TABLE)
        .insert({
          document_id: item.documentId,
          locale: item.locale,
          action: item.action,
          due_at_ms: item.dueAt,
          token,
          status: 'failed',
          reason: reason.slice(0, 1000),
          instance,
          acted_at_ms: now.getTime(),
        })
        .onConflict(['document_id', 'locale', 'action', 'due_at_ms'])
        .ignore();
      strapi.log.warn(
        `[newsroom] scheduled ${item.action} of ${item.uid} ${item.documentId} (${item.locale}) due ${new Date(item.dueAt).toISOString()} failed and will not be retried until its time is changed: ${reason}`
      );
      return { ...item, outcome: 'failed', reason };
    }
  }

  /** runDue's work (below), run under the scheduler's name when the audit log is on. */
  async function runDueNow(now: Date): Promise<RunResult[]> {
    const results: RunResult[] = [];
    for (const item of await findDue(now)) {
      // Each schedule is one transaction with its claim; the ones not reached stay due for the
      // next tick of any instance, so stopping between two loses nothing.
      if (stopping) break;
      const result = await act(item, now);
      if (result) results.push(result);
    }
    for (const r of results.filter((x) => x.outcome === 'refused')) {
      strapi.log.warn(
        `[newsroom] Không ${r.action === 'publish' ? 'xuất bản' : 'gỡ'} ${typeLabel(r.uid)} ${r.documentId} (${r.locale}) theo lịch ${new Date(r.dueAt).toISOString()}: ${r.reason}. Người có quyền xuất bản cần đặt lại giờ.`
      );
    }
    const done = results.filter((r) => r.outcome === 'done');
    if (done.length > 0) {
      strapi.log.info(`[newsroom] scheduled publishing: ${done.map((r) => `${r.action} ${r.documentId}/${r.locale}`).join(', ')}`);
    }
    return results;
  }

  return {
    backfillOwners,

    /** Whether this content type has schedules (a write of it records who set them). */
    schedules(uid: string): boolean {
      return Object.hasOwn(scheduled(), uid);
    },

    /**
     * After a write of an article's draft (in the writer's transaction): who set each schedule.
     * A schedule set in this write, or kept by someone who may publish, is theirs; kept by someone
     * who may not (a reporter editing a scheduled draft), it is marked, and not published on time.
     */
    async recordDraftWrite(write: { uid: string; documentId: string; locale: string; principal: Principal; mayPublish: boolean; changed: string[] }): Promise<void> {
      const c = meta(write.uid);
      const fields = fieldsOf(write.uid);
      await inTransaction(async (db) => {
        const draft = await draftRow(db, write.uid, write.documentId, write.locale);
        if (!draft) return;
        const who = principalKey(write.principal);
        for (const action of ACTIONS) {
          const where = { document_id: write.documentId, locale: write.locale, action };
          const dueAt = toEpochMs(draft[action === 'publish' ? c.publishAt : c.unpublishAt]);
          if (dueAt === null) {
            await db(OWNERS_TABLE).where(where).delete();
          } else if (write.mayPublish || write.changed.includes(fields[action])) {
            const row = { ...where, due_at_ms: dueAt, principal_kind: who.kind, principal_id: who.id, edited_by: null, set_at_ms: Date.now() };
            await db(OWNERS_TABLE).insert(row).onConflict(['document_id', 'locale', 'action']).merge();
          } else {
            await db(OWNERS_TABLE).where(where).update({ edited_by: principalLabel(who).slice(0, 255) });
          }
        }
      });
    },

    /**
     * Publishes drafts whose publish time has come and unpublishes documents whose unpublish time has,
     * as of `now`. Safe to run from any number of instances at once: each schedule is acted on once.
     */
    async runDue(now: Date): Promise<RunResult[]> {
      // With the editorial plugin on, its audit log names the scheduler as the actor of what this publishes.
      const audit = strapi.plugin('editorial')?.service<AuditRunner>('auditLog');
      return audit ? audit.runAs({ type: 'system', name: 'scheduler' }, () => runDueNow(now)) : runDueNow(now);
    },

    /** Registers the cron task; an overlapping tick in this process is skipped (claims guard the rest). */
    startCron(config: PluginConfig['scheduling']): void {
      stopping = false;
      strapi.cron.add({
        [CRON_JOB]: {
          task: async () => {
            if (tick || stopping) return;
            tick = this.runDue(new Date())
              .then(() => undefined)
              .catch((error: Error) => void strapi.log.error(`[newsroom] scheduled publishing run failed: ${error.message}`))
              .finally(() => (tick = null));
            await tick;
          },
          options: { rule: config.rule },
        },
      });
    },

    /**
     * Removes the cron task and waits for a running tick, which stops after the schedule it is
     * acting on (a graceful shutdown: Strapi's own destroy stops the task but closes the database
     * under a running tick).
     */
    async stopCron(): Promise<void> {
      stopping = true;
      strapi.cron.remove(CRON_JOB);
      await tick;
    },

    /** Whether a tick is running (named in the shutdown's log line when it outlives the deadline). */
    busy(): boolean {
      return tick !== null;
    },

    /**
     * Document Service middleware: refuses an unpublish time not after the publish time, and lets
     * a manual publish fulfil a publish time that has passed (so it is not published again).
     */
    async middleware(ctx: Parameters<Middleware>[0], next: Parameters<Middleware>[1]) {
      if (!Object.hasOwn(scheduled(), ctx.uid)) return next();
      const params = ctx.params as Params;
      const uid = ctx.uid;
      const fields = fieldsOf(uid);

      if ((ctx.action === 'create' || ctx.action === 'update') && params.data) {
        const data = params.data;
        if (fields.publish in data || fields.unpublish in data) {
          let current: Record<string, unknown> | undefined;
          if (ctx.action === 'update' && params.documentId && (!(fields.publish in data) || !(fields.unpublish in data))) {
            const [locale] = (await localesOf(params.locale)) ?? [await defaultLocale()];
            current = await inTransaction((db) => draftRow(db, uid, params.documentId as string, locale));
          }
          const c = meta(uid);
          const publishAt = fields.publish in data ? data[fields.publish] : current?.[c.publishAt];
          const unpublishAt = fields.unpublish in data ? data[fields.unpublish] : current?.[c.unpublishAt];
          const problem = scheduleProblem(publishAt, unpublishAt);
          if (problem) throw new errors.ValidationError(problem, { errors: [{ path: [fields.unpublish], message: problem, name: 'ValidationError' }] });
        }
        return next();
      }

      if (ctx.action === 'publish' && params.documentId) {
        const result = await next();
        const c = meta(uid);
        const locales = await localesOf(params.locale);
        await inTransaction((db) => {
          const q = db(c.table).where(c.documentId, params.documentId as string).where(c.publishAt, '<=', new Date());
          if (locales) q.whereIn(c.locale, locales);
          return q.update({ [c.publishAt]: null });
        });
        return result;
      }
      return next();
    },
  };
};

export type Scheduler = ReturnType<typeof scheduler>;
