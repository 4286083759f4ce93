import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PluginConfig } from '../config';
import { titleField } from '../utils/documents';
import { getService } from '../utils/get-service';
import { decideTransition, isStage, stageAfterEdit, stageAfterPublish, type Abilities, type Stage } from '../utils/review';
import { isObject, text, type Actor, type Json } from '../utils/types';

export const STAGES_TABLE = 'editorial_review_stages';
export const TRAIL_TABLE = 'editorial_review_trail';
export const STAGE_COLUMNS = ['id', 'uid', 'document_id', 'locale', 'stage', 'since', 'submitted_by_id', 'submitted_by_name'] as const;
export const TRAIL_COLUMNS = ['id', 'uid', 'document_id', 'locale', 'from_stage', 'stage', 'note', 'actor_type', 'actor_id', 'actor_name', 'at'] as const;

interface StageRow {
  id: number;
  uid: string;
  document_id: string;
  locale: string;
  stage: string;
  since: number | string;
  submitted_by_id: string | null;
  submitted_by_name: string | null;
}

interface TrailRow {
  stage: string;
  note: string | null;
  actor_id: string | null;
  actor_name: string | null;
  at: number | string;
}

/** A draft version as the permission engine needs it (its locale and creator, for conditions). */
export interface Version extends Json {
  id: number | string;
  documentId: string;
  locale?: string | null;
  createdBy?: { id: number | string } | null;
}

/** Who changed a stage, as the routes answer it: an admin user's id, else null with the job's name. */
export interface StepActor {
  id: number | null;
  name: string | null;
}

export interface Step {
  stage: Stage;
  note: string | null;
  actor: StepActor;
  at: string;
}

/** The document a stage belongs to: a '' locale is a type without locales. */
export interface Key {
  uid: string;
  documentId: string;
  locale: string;
}

/**
 * The newsroom plugin's `rights` service, by the part used here: the same publishing check its
 * publication guard applies (admin permissions with locale and conditions, full-access tokens,
 * code outside a request). Optional: another app without the newsroom plugin falls back to
 * Strapi's permission checker for administrators.
 */
interface PublishRights {
  currentActor(): unknown;
  mayPublish(actor: unknown, uid: string, entity: Version): boolean;
}

interface PermissionChecker {
  can: Record<'read' | 'update' | 'publish', (entity?: Version, field?: string) => boolean>;
}

/** The parts of a Koa request state read here (set by Strapi's admin auth). */
interface RequestState {
  userAbility?: object;
}

/** A refusal the controller turns into its HTTP status. */
export class ReviewError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string
  ) {
    super(message);
  }
}

const PUBLISH_RIGHTS = 'plugin::newsroom.rights';

export const stepActor = (id: string | null, name: string | null): StepActor => ({ id: id !== null && /^\d+$/.test(id) ? Number(id) : null, name });

export const review = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('plugin::editorial') as PluginConfig).review;
  const audit = () => getService(strapi, 'auditLog');

  const state = (): RequestState | undefined => (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;
  const checker = (ability: object, uid: string): PermissionChecker =>
    strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: uid });

  function publishRights(): PublishRights | null {
    try {
      return strapi.service(PUBLISH_RIGHTS) as PublishRights | null;
    } catch {
      return null;
    }
  }

  function canApprove(uid: string, version: Version): boolean {
    const rights = publishRights();
    if (rights) return rights.mayPublish(rights.currentActor(), uid, version);
    const ctx = strapi.requestContext.get();
    if (!ctx) return true;
    const ability = state()?.userAbility;
    return ability !== undefined && checker(ability, uid).can.publish(version);
  }

  function canEdit(uid: string, version: Version): boolean {
    const ability = state()?.userAbility;
    return ability !== undefined && checker(ability, uid).can.update(version);
  }

  const reviewed = (uid: string) => config().contentTypes.includes(uid);
  const localized = (uid: string) => {
    const model = strapi.contentTypes[uid as UID.ContentType] as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined;
    return model?.pluginOptions?.i18n?.localized === true;
  };

  /** The draft version of a document in a locale, with its creator, or null. */
  async function draftOf(key: Key): Promise<Version | null> {
    const where: Json = { documentId: key.documentId, publishedAt: null };
    if (key.locale) where.locale = key.locale;
    const found = await strapi.db.query(key.uid as UID.ContentType).findOne({ where, populate: { createdBy: { select: ['id'] } } });
    return isObject(found) ? (found as Version) : null;
  }

  /**
   * Runs `fn` in the caller's transaction when there is one, else in a new one: a write's
   * middleware may run inside another plugin's transaction, and on SQLite (one connection) a
   * query outside it would wait for that transaction forever.
   */
  const inTransaction = async <T>(fn: (db: Knex) => Promise<T>): Promise<T> => {
    let out: T | undefined;
    await strapi.db.transaction(async ({ trx }) => {
      out = await fn(trx as Knex.Transaction);
    });
    return out as T;
  };

  async function currentStage(db: Knex, key: Key): Promise<Stage> {
    const row = (await db(STAGES_TABLE).where({ uid: key.uid, document_id: key.documentId, locale: key.locale }).first('stage')) as { stage: string } | undefined;
    return row && isStage(row.stage) ? row.stage : 'draft';
  }

  /**
   * Moves the stage from `from` to `to` if it is still `from`: the row is created as `draft` if
   * missing (the unique key makes that once), then a conditional UPDATE; a second request that
   * read the same stage updates nothing and writes no trail row. In the caller's transaction, if
   * any (SQLite has one connection), with the trail row and the audit entry.
   */
  async function move(key: Key, from: Stage, to: Stage, note: string | null, actor: Actor, title: string | null): Promise<Step | null> {
    return inTransaction(async (db) => {
      const at = Date.now();
      await db(STAGES_TABLE).insert({ uid: key.uid, document_id: key.documentId, locale: key.locale, stage: 'draft', since: at }).onConflict(['uid', 'document_id', 'locale']).ignore();
      const submitter = to === 'submitted' ? { submitted_by_id: actor.id, submitted_by_name: actor.name } : {};
      const changed = Number(
        await db(STAGES_TABLE)
          .where({ uid: key.uid, document_id: key.documentId, locale: key.locale, stage: from })
          .update({ stage: to, since: at, ...submitter })
      );
      if (changed === 0) return null;
      await db(TRAIL_TABLE).insert({
        uid: key.uid,
        document_id: key.documentId,
        locale: key.locale,
        from_stage: from,
        stage: to,
        note,
        actor_type: actor.type,
        actor_id: actor.id,
        actor_name: actor.name ? actor.name.slice(0, 255) : null,
        at,
      });
      await audit().record({
        action: `review.${to}`,
        actor,
        target: { uid: key.uid, documentId: key.documentId, locale: key.locale || null, title },
        details: { from, note: note ? note.slice(0, 500) : null },
      });
      return { stage: to, note, actor: stepActor(actor.id, actor.name), at: new Date(at).toISOString() };
    });
  }

  const titleOf = (uid: string, version: Json | null) => {
    const field = titleField((strapi.contentTypes[uid as UID.ContentType]?.attributes ?? {}) as Record<string, unknown>);
    return field && version ? text(version[field]) : null;
  };

  return {
    reviewed,
    localized,

    /**
     * The document a route names, checked: a reviewed content type, a configured locale, an
     * existing draft in that locale. Refusals are ReviewErrors in Vietnamese.
     */
    async resolve(uid: string, documentId: string, localeIn: unknown, scope: 'review' | 'history' = 'review'): Promise<{ key: Key; version: Version }> {
      if (!strapi.contentTypes[uid as UID.ContentType]) throw new ReviewError(400, `Không có loại nội dung "${uid}".`);
      if (scope === 'review' && !reviewed(uid)) throw new ReviewError(400, `Loại nội dung "${uid}" không qua duyệt bài (cấu hình review.contentTypes).`);
      if (scope === 'history' && !(strapi.config.get('plugin::editorial') as PluginConfig).history.contentTypes.includes(uid)) {
        throw new ReviewError(400, `Loại nội dung "${uid}" không lưu lịch sử phiên bản (cấu hình history.contentTypes).`);
      }
      let locale = '';
      if (localized(uid)) {
        if (localeIn !== undefined && typeof localeIn !== 'string') throw new ReviewError(400, 'Ngôn ngữ (locale) chỉ được ghi một lần.');
        const codes = ((await strapi.plugin('i18n').service('locales').find()) as { code: string }[]).map((l) => l.code);
        locale = typeof localeIn === 'string' && localeIn !== '' ? localeIn : await strapi.plugin('i18n').service('locales').getDefaultLocale();
        if (!codes.includes(locale)) throw new ReviewError(400, `Ngôn ngữ "${locale}" không có trong trang (các ngôn ngữ: ${codes.join(', ')}).`);
      }
      const key = { uid, documentId, locale };
      const version = await draftOf(key);
      if (!version) throw new ReviewError(404, `Không tìm thấy bài "${documentId}"${locale ? ` bằng ngôn ngữ ${locale}` : ''}.`);
      return { key, version };
    },

    /** Whether the acting admin may read this type at all (explorer.read, any condition). */
    mayRead(uid: string): boolean {
      const ability = state()?.userAbility;
      return ability !== undefined && checker(ability, uid).can.read();
    },

    /**
     * Of these fields, those the acting admin may read (`read`) or update (`update`) on this draft:
     * a role's field list (Settings → Roles) limits what a version shows and what a restore writes.
     */
    allowedFields(uid: string, version: Version, action: 'read' | 'update', fields: string[]): string[] {
      const ability = state()?.userAbility;
      if (ability === undefined) return [];
      const can = checker(ability, uid).can[action];
      const attributes = (strapi.contentTypes[uid as UID.ContentType]?.attributes ?? {}) as Record<string, { type?: string; component?: string }>;
      // A component's permission is given per inner field ("seo.metaTitle"): any of them lets it through.
      const inner = (field: string): string[] => {
        const attribute = attributes[field];
        if (attribute?.type !== 'component' || !attribute.component) return [];
        return Object.keys(strapi.components[attribute.component as UID.Component]?.attributes ?? {}).map((sub) => `${field}.${sub}`);
      };
      return fields.filter((field) => can(version, field) || inner(field).some((path) => can(version, path)));
    },

    /** Whether the acting admin may update this draft (explorer.update with its conditions). */
    mayUpdate(uid: string, version: Version): boolean {
      return canEdit(uid, version);
    },

    abilities(uid: string, version: Version): Abilities {
      return { canApprove: canApprove(uid, version), canEdit: canEdit(uid, version) };
    },

    /** The stage now and every change, oldest first (a document never touched: draft, no trail). */
    async trail(key: Key): Promise<{ stage: Stage; trail: Step[] }> {
      const db = strapi.db.connection;
      const rows = (await db(TRAIL_TABLE)
        .where({ uid: key.uid, document_id: key.documentId, locale: key.locale })
        .orderBy('id', 'asc')
        .select('stage', 'note', 'actor_id', 'actor_name', 'at')) as TrailRow[];
      return {
        stage: await currentStage(db, key),
        trail: rows.map((r) => ({ stage: isStage(r.stage) ? r.stage : 'draft', note: r.note, actor: stepActor(r.actor_id, r.actor_name), at: new Date(Number(r.at)).toISOString() })),
      };
    },

    /** A stage asked for through the route, by the acting admin. */
    async request(key: Key, version: Version, asked: unknown, note: unknown): Promise<Step> {
      const from = await inTransaction((db) => currentStage(db, key));
      const decision = decideTransition(from, asked, note, this.abilities(key.uid, version));
      if (!decision.ok) throw new ReviewError(decision.status, decision.message);
      const step = await move(key, from, decision.stage, decision.note, audit().currentActor(), titleOf(key.uid, version));
      if (!step) throw new ReviewError(409, 'Trạng thái duyệt của bài vừa được người khác đổi: tải lại rồi thử lại.');
      return step;
    },

    /** After a draft was written (Document Service update): back to draft if someone who cannot approve changed a reviewed draft. */
    async afterEdit(uid: string, written: Json): Promise<void> {
      const key = { uid, documentId: String(written.documentId), locale: localized(uid) ? (text(written.locale) ?? '') : '' };
      const from = await inTransaction((db) => currentStage(db, key));
      if (from !== 'submitted' && from !== 'approved') return;
      const version = await draftOf(key);
      if (!version || stageAfterEdit(from, canApprove(uid, version)) === null) return;
      await move(key, from, 'draft', null, audit().currentActor(), titleOf(uid, version));
    },

    /** After a publication: an approver publishing a version not approved approves it. */
    async afterPublish(uid: string, published: Json): Promise<void> {
      const key = { uid, documentId: String(published.documentId), locale: localized(uid) ? (text(published.locale) ?? '') : '' };
      const from = await inTransaction((db) => currentStage(db, key));
      if (from === 'approved') return;
      const version = await draftOf(key);
      if (!version || stageAfterPublish(from, canApprove(uid, version)) === null) return;
      await move(key, from, 'approved', null, audit().currentActor(), titleOf(uid, version));
    },

    /** Documents waiting in a stage, oldest first, among the types given. */
    async queue(uids: string[], stage: Stage, locale: string | null, page: number, pageSize: number) {
      const db = strapi.db.connection;
      const base = () => {
        const q = db(STAGES_TABLE).whereIn('uid', uids).andWhere('stage', stage);
        if (locale !== null) q.andWhere('locale', locale);
        return q;
      };
      const [{ n }] = (await base().count({ n: '*' })) as { n: number | string }[];
      const rows = (await base()
        .select(STAGE_COLUMNS)
        .orderBy([{ column: 'since', order: 'asc' }, { column: 'id', order: 'asc' }])
        .limit(pageSize)
        .offset((page - 1) * pageSize)) as StageRow[];
      const data = [];
      for (const row of rows) {
        const version = await draftOf({ uid: row.uid, documentId: row.document_id, locale: row.locale });
        data.push({
          uid: row.uid,
          documentId: row.document_id,
          locale: row.locale || null,
          title: titleOf(row.uid, version),
          stage: row.stage,
          since: new Date(Number(row.since)).toISOString(),
          submittedBy: row.submitted_by_id || row.submitted_by_name ? stepActor(row.submitted_by_id, row.submitted_by_name) : null,
        });
      }
      return { data, total: Number(n) };
    },
  };
};

export type Review = ReturnType<typeof review>;
