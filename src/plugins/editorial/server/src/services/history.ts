import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PluginConfig } from '../config';
import { titleField } from '../utils/documents';
import { getService } from '../utils/get-service';
import { diffVersions, snapshotFields, statusAfter, SYSTEM_FIELDS, versionsToPurge, type FieldChange, type RetainedVersion, type Schema } from '../utils/history';
import { isObject, text, type Json } from '../utils/types';
import { ReviewError, stepActor, type Key, type StepActor } from './review';

export const VERSIONS_TABLE = 'editorial_versions';
export const VERSION_COLUMNS = ['id', 'uid', 'document_id', 'locale', 'action', 'status', 'actor_type', 'actor_id', 'actor_name', 'at', 'restored_from', 'content'] as const;

type Row = { [K in (typeof VERSION_COLUMNS)[number]]: K extends 'id' | 'at' | 'restored_from' ? number | string | null : string | null };

/** One version in a document's list. */
export interface VersionSummary {
  id: number;
  action: string;
  status: string;
  at: string;
  actor: StepActor;
}

/** A relation target or media file a restore could not put back. */
export interface Missing {
  field: string;
  kind: 'relation' | 'media';
  id: string;
}

const LIST_COLUMNS = ['id', 'action', 'status', 'at', 'actor_id', 'actor_name', 'restored_from'] as const;
const UPLOAD_FILE = 'plugin::upload.file';
/** Versions deleted per statement (SQLite allows 32,766 variables; far from it, and short locks). */
const DELETE_CHUNK = 500;
/** Documents read per step of the purge. */
const PURGE_DOCUMENTS = 200;

const summary = (row: Pick<Row, (typeof LIST_COLUMNS)[number]>): VersionSummary => ({
  id: Number(row.id),
  action: String(row.action),
  status: String(row.status),
  at: new Date(Number(row.at)).toISOString(),
  actor: stepActor(row.actor_id, row.actor_name),
});

const parse = (content: string | null): Json => {
  try {
    const value: unknown = JSON.parse(content ?? '{}');
    return isObject(value) ? value : {};
  } catch {
    return {};
  }
};

export const history = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('plugin::editorial') as PluginConfig).history;
  // Set while a restore writes the draft: the version that write stores is a `restore`.
  const restoring = new AsyncLocalStorage<{ versionId: number }>();
  let ready = false;

  const covered = (uid: string) => config().contentTypes.includes(uid);
  const model = (uid: string) => strapi.contentTypes[uid as UID.ContentType] ?? strapi.components[uid as UID.Component];
  const schemaOf = (uid: string): Schema => (model(uid)?.attributes ?? {}) as unknown as Schema;
  const components = (): Record<string, Schema> => Object.fromEntries(Object.keys(strapi.components).map((uid) => [uid, schemaOf(uid)]));
  const localized = (uid: string) => getService(strapi, 'review').localized(uid);
  const draftAndPublish = (uid: string) => strapi.contentTypes[uid as UID.ContentType]?.options?.draftAndPublish === true;

  /** What to populate to read a version: relation documentIds, media ids, components in depth. */
  function populateOf(schema: Schema, depth = 0): Json {
    const out: Json = {};
    for (const [name, attribute] of Object.entries(schema)) {
      if (SYSTEM_FIELDS.includes(name)) continue;
      if (attribute.type === 'relation') out[name] = { select: ['documentId'] };
      else if (attribute.type === 'media') out[name] = { select: ['id'] };
      // Strapi nests components at most a few levels; 5 is past any schema here.
      else if (attribute.type === 'component' && depth < 5) out[name] = { populate: populateOf(schemaOf(attribute.component ?? ''), depth + 1) };
      else if (attribute.type === 'dynamiczone') out[name] = true;
    }
    return out;
  }

  /** The row a version copies: the draft (the one editors change), in that locale. */
  async function currentRow(uid: string, documentId: string, locale: string): Promise<Json | null> {
    const where: Json = { documentId };
    if (draftAndPublish(uid)) where.publishedAt = null;
    if (locale) where.locale = locale;
    const row: unknown = await strapi.db.query(uid as UID.ContentType).findOne({ where, populate: populateOf(schemaOf(uid)) });
    return isObject(row) ? row : null;
  }

  async function hasPublished(uid: string, documentId: string, locale: string): Promise<boolean> {
    if (!draftAndPublish(uid)) return true;
    const where: Json = { documentId, publishedAt: { $notNull: true } };
    if (locale) where.locale = locale;
    return (await strapi.db.query(uid as UID.ContentType).count({ where })) > 0;
  }

  const keyOf = (uid: string, written: Json): Key => ({ uid, documentId: String(written.documentId), locale: localized(uid) ? (text(written.locale) ?? '') : '' });

  /** The content of a document's draft as a version keeps it, or null when there is none. */
  async function contentOf(key: Key): Promise<Json | null> {
    const row = await currentRow(key.uid, key.documentId, key.locale);
    return row ? snapshotFields(row, schemaOf(key.uid), components()) : null;
  }

  /** Which of these ids still exist: relation targets (in the locale, for a localized target) or media files. */
  async function existing(kind: 'relation' | 'media', target: string, ids: string[], locale: string): Promise<Set<string>> {
    if (!ids.length) return new Set();
    if (kind === 'media') {
      const rows = (await strapi.db.query(UPLOAD_FILE).findMany({ where: { id: { $in: ids.map(Number).filter(Number.isFinite) } }, select: ['id'] })) as Json[];
      return new Set(rows.map((r) => String(r.id)));
    }
    const where: Json = { documentId: { $in: ids } };
    if (locale && localized(target)) where.locale = locale;
    const rows = (await strapi.db.query(target as UID.ContentType).findMany({ where, select: ['documentId'] })) as Json[];
    return new Set(rows.map((r) => String(r.documentId)));
  }

  /**
   * A version's content turned into Document Service data: relations and media that no longer
   * exist are left out and named in `missing` (path `seo.ogImage` inside a component), the rest kept.
   */
  async function restorable(content: Json, schema: Schema, locale: string, path: string, missing: Missing[]): Promise<Json> {
    const data: Json = {};
    for (const [name, attribute] of Object.entries(schema)) {
      if (SYSTEM_FIELDS.includes(name) || attribute.type === 'password' || !(name in content)) continue;
      const value = content[name];
      const field = path ? `${path}.${name}` : name;
      if (attribute.type === 'relation' || attribute.type === 'media') {
        const kind = attribute.type;
        const ids = (Array.isArray(value) ? value : value === null ? [] : [value]).map(String);
        const found = await existing(kind, attribute.target ?? '', ids, locale);
        for (const id of ids) if (!found.has(id)) missing.push({ field, kind, id });
        const kept = ids.filter((id) => found.has(id));
        // Relations by documentId, in the document's locale when the target has locales (a bare
        // documentId would let Strapi pick the default locale's version).
        const inLocale = locale !== '' && localized(attribute.target ?? '');
        data[name] =
          kind === 'media'
            ? attribute.multiple ? kept.map(Number) : kept.length ? Number(kept[0]) : null
            : { set: kept.map((documentId) => (inLocale ? { documentId, locale } : { documentId })) };
      } else if (attribute.type === 'component') {
        const inner = schemaOf(attribute.component ?? '');
        const one = (v: unknown, i?: number) => (isObject(v) ? restorable(v, inner, locale, i === undefined ? field : `${field}.${i}`, missing) : Promise.resolve(null));
        data[name] = attribute.repeatable ? await Promise.all((Array.isArray(value) ? value : []).map((v, i) => one(v, i))) : await one(value);
      } else {
        data[name] = value;
      }
    }
    return data;
  }

  return {
    covered,
    table: VERSIONS_TABLE,

    /**
     * Stores the version a write left (called by the Document Service middleware, in the write's
     * transaction: the version commits or rolls back with it). `action` is the version's name
     * (VERSION_ACTIONS); a create or update with `status: 'published'` is a publication.
     */
    /** Called once the table exists (bootstrap): a write before it stores no version. */
    markReady(): void {
      ready = true;
    },

    /**
     * Stores the version a write left (called by the Document Service middleware, in the write's
     * transaction: the version commits or rolls back with it). `action` is the version's name
     * (VERSION_ACTIONS); a create or update with `status: 'published'` is a publication. Like the
     * audit log, never fails the write: the insert runs in a savepoint (a failed statement would
     * abort the whole transaction on PostgreSQL) and a failure is a warning.
     */
    async capture(uid: string, action: string, written: Json, alsoPublished: boolean): Promise<number | null> {
      if (!ready) return null;
      try {
        const key = keyOf(uid, written);
        const content = await contentOf(key);
        if (!content) return null;
        const restore = restoring.getStore();
        const actor = getService(strapi, 'auditLog').currentActor();
        const status = draftAndPublish(uid) ? statusAfter(action, alsoPublished, await hasPublished(uid, key.documentId, key.locale)) : 'published';
        const serialized = JSON.stringify(content);
        // A save that changed nothing (the admin's publish button saves the draft first) is no
        // version: the last one already holds that content and status.
        if (action === 'update' && !restore) {
          // In the write's transaction: on SQLite (one connection) a query outside it would wait forever.
          let last: Pick<Row, 'status' | 'content'> | undefined;
          await strapi.db.transaction(async ({ trx }) => {
            last = await (trx as Knex.Transaction)(VERSIONS_TABLE).where({ uid, document_id: key.documentId, locale: key.locale }).orderBy('id', 'desc').first('status', 'content');
          });
          if (last && last.status === status && last.content === serialized) return null;
        }
        const row = {
          uid,
          document_id: key.documentId,
          locale: key.locale,
          action: restore ? 'restore' : action,
          status,
          actor_type: actor.type,
          actor_id: actor.id ? actor.id.slice(0, 64) : null,
          actor_name: actor.name ? actor.name.slice(0, 255) : null,
          at: Date.now(),
          restored_from: restore ? restore.versionId : null,
          content: serialized,
        };
        let id: number | null = null;
        await strapi.db.transaction(({ trx }) =>
          (trx as Knex.Transaction).transaction(async (savepoint) => {
            const [out] = (await savepoint(VERSIONS_TABLE).insert(row).returning('id')) as ({ id: number } | number)[];
            id = typeof out === 'number' ? out : Number(out.id);
          })
        );
        return id;
      } catch (error) {
        strapi.log.warn(`[editorial] không lưu được phiên bản (${uid} ${text(written.documentId)}): ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    },

    /** One page of a document's versions in a locale, newest first, and how many there are. */
    async list(key: Key, page: number, pageSize: number): Promise<{ data: VersionSummary[]; total: number }> {
      const db = strapi.db.connection;
      const base = () => db(VERSIONS_TABLE).where({ uid: key.uid, document_id: key.documentId, locale: key.locale });
      const [{ n }] = (await base().count({ n: '*' })) as { n: number | string }[];
      const rows = (await base()
        .select(LIST_COLUMNS)
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)) as Row[];
      return { data: rows.map(summary), total: Number(n) };
    },

    /** A version with its content and its changes from the version before it (the first: from nothing). */
    async version(key: Key, versionId: number) {
      const db = strapi.db.connection;
      const where = { uid: key.uid, document_id: key.documentId, locale: key.locale };
      const row = (await db(VERSIONS_TABLE).where({ ...where, id: versionId }).first(VERSION_COLUMNS)) as Row | undefined;
      if (!row) throw new ReviewError(404, `Không có phiên bản ${versionId} của bài này${key.locale ? ` (ngôn ngữ ${key.locale})` : ''}.`);
      const previous = (await db(VERSIONS_TABLE).where(where).andWhere('id', '<', versionId).orderBy('id', 'desc').first('id', 'content')) as Pick<Row, 'id' | 'content'> | undefined;
      const content = parse(row.content);
      const changes: FieldChange[] = diffVersions(previous ? parse(previous.content) : null, content, schemaOf(key.uid));
      return {
        ...summary(row),
        restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
        content,
        diff: { previous: previous ? Number(previous.id) : null, changes },
      };
    },

    /**
     * Copies a version into the draft (never publishes): only the fields that differ from the
     * draft now are written (a field only a publisher may change stays untouched when it did not
     * change), relations and media that no longer exist are left out and listed in `missing`.
     * The write stores a `restore` version and an audit entry `history.restore`, in one transaction.
     */
    async restore(key: Key, versionId: number, allowed: (fields: string[]) => string[]): Promise<{ entry: Json; missing: Missing[]; title: string | null }> {
      const wanted = await this.version(key, versionId);
      const all = schemaOf(key.uid);
      // Only the fields the caller may update (a role's field list): the others stay as they are.
      const schema: Schema = Object.fromEntries(allowed(Object.keys(all)).map((name) => [name, all[name]]));
      const missing: Missing[] = [];
      const data = await restorable(wanted.content, schema, key.locale, '', missing);
      // Fields whose value in the version equals the draft's now, with nothing missing, stay out.
      const now = (await contentOf(key)) ?? {};
      const touched = new Set(missing.map((m) => m.field.split('.')[0]));
      for (const name of Object.keys(data)) {
        if (!touched.has(name) && JSON.stringify(wanted.content[name] ?? null) === JSON.stringify(now[name] ?? null)) delete data[name];
      }
      const titleName = titleField(all as unknown as Record<string, unknown>);
      let entry: Json = {};
      await strapi.db.transaction(async () => {
        const written: unknown = await restoring.run({ versionId }, () =>
          strapi.documents(key.uid as UID.ContentType).update({ documentId: key.documentId, ...(key.locale ? { locale: key.locale } : {}), data })
        );
        entry = isObject(written) ? written : {};
        await getService(strapi, 'auditLog').record({
          action: 'history.restore',
          target: { uid: key.uid, documentId: key.documentId, locale: key.locale || null, title: titleName ? text(entry[titleName]) : null },
          details: { version: versionId, fields: Object.keys(data).sort(), missing: missing.length },
        });
      });
      return { entry, missing, title: titleName ? text(entry[titleName]) : null };
    },

    /**
     * Retention (config history.keepAllDays): versions older than that are thinned to the last of
     * each day per document and locale; published versions are always kept. Document by document
     * (keyset on uid, documentId, locale), so memory stays bounded however long the history.
     */
    async purge(now = Date.now()): Promise<number> {
      const { keepAllDays } = config();
      const db = strapi.db.connection;
      const cutoff = now - keepAllDays * 24 * 3600 * 1000;
      let removed = 0;
      let after: { uid: string; document_id: string; locale: string } | null = null;
      for (;;) {
        const q = db(VERSIONS_TABLE).distinct('uid', 'document_id', 'locale').where('at', '<', cutoff).whereNot('status', 'published');
        if (after) q.andWhereRaw('(uid, document_id, locale) > (?, ?, ?)', [after.uid, after.document_id, after.locale]);
        const documents = (await q.orderBy(['uid', 'document_id', 'locale']).limit(PURGE_DOCUMENTS)) as { uid: string; document_id: string; locale: string }[];
        for (const d of documents) {
          const rows = (await db(VERSIONS_TABLE).where(d).andWhere('at', '<', cutoff).select('id', 'status', 'at')) as { id: number | string; status: string; at: number | string }[];
          const versions: RetainedVersion[] = rows.map((r) => ({ id: Number(r.id), uid: d.uid, documentId: d.document_id, locale: d.locale, status: r.status, at: Number(r.at) }));
          const ids = versionsToPurge(versions, now, keepAllDays);
          for (let i = 0; i < ids.length; i += DELETE_CHUNK) removed += Number(await db(VERSIONS_TABLE).whereIn('id', ids.slice(i, i + DELETE_CHUNK)).delete());
        }
        if (documents.length < PURGE_DOCUMENTS) break;
        after = documents[documents.length - 1];
      }
      if (removed > 0) {
        await getService(strapi, 'auditLog').record({
          action: 'history.purge',
          actor: { type: 'system', id: null, name: 'retention' },
          ip: null,
          details: { count: removed, keepAllDays, before: new Date(cutoff).toISOString() },
        });
      }
      return removed;
    },
  };
};

export type History = ReturnType<typeof history>;

