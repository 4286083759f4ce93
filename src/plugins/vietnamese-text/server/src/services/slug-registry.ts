import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { transactionRunner } from '../utils/transaction';
import { withSuffix } from '../utils/slugify';

/**
 * One row per slug ever given to a document, unique per (content type, locale, slug) in the
 * database itself, so concurrent writers can never end up with the same slug. Strapi's own
 * tables cannot carry that constraint: a draft and its published copy share one slug.
 * Rows that are not current are previous slugs, kept so old URLs can redirect.
 * The table and its keys are made by migrations/001-slug-registry.
 */
export const TABLE = 'vietnamese_text_slugs';
const MAX_TRIES = 1000;

export interface SlugRow {
  id: number;
  content_type: string;
  locale: string;
  slug: string;
  document_id: string | null;
  claim: string | null;
  is_current: boolean | number;
  published_once: boolean | number;
}

export interface SlugKey {
  uid: string;
  locale: string; // '' for content types without i18n
}

export const slugRegistry = ({ strapi }: { strapi: Core.Strapi }) => {
  const run = transactionRunner(strapi);
  const table = (trx: Knex.Transaction) => trx(TABLE);
  const where = (key: SlugKey) => ({ content_type: key.uid, locale: key.locale });

  return {
    /**
     * Takes the first free slug among base, base-2, base-3… for the document (null while it is
     * being created). A slug this document held before is free for it again. Returns the claim
     * token to `confirm` once the document is written, or `release` if the write fails.
     */
    async claim(key: SlugKey, base: string, documentId: string | null, maxLength: number) {
      const token = crypto.randomUUID();
      return run(async (trx) => {
        for (let n = 1; n <= MAX_TRIES; n += 1) {
          const slug = withSuffix(base, n, maxLength);
          await table(trx)
            .insert({ ...where(key), slug, document_id: documentId, claim: token, is_current: false })
            .onConflict(['content_type', 'locale', 'slug'])
            .ignore();
          const row: SlugRow | undefined = await table(trx).where({ ...where(key), slug }).first();
          if (row?.claim === token) return { slug, token };
          if (row && documentId && row.document_id === documentId) {
            await table(trx).where({ id: row.id }).update({ claim: token });
            return { slug, token };
          }
        }
        throw new Error(`no free slug for "${base}" after ${MAX_TRIES} tries`);
      });
    },

    /** Makes the claimed slug current; the old current one is kept (published) or dropped. */
    async confirm(key: SlugKey, token: string, documentId: string, keepOld: boolean): Promise<void> {
      await run(async (trx) => {
        const claimed: SlugRow | undefined = await table(trx).where({ claim: token }).first();
        if (!claimed) throw new Error('slug claim lost before it was confirmed');
        const old = table(trx).where({ ...where(key), document_id: documentId, is_current: true }).whereNot({ id: claimed.id });
        await (keepOld ? old.update({ is_current: false }) : old.delete());
        const publishedOnce = await table(trx).where({ ...where(key), document_id: documentId, published_once: true }).first();
        await table(trx)
          .where({ id: claimed.id })
          .update({ document_id: documentId, is_current: true, claim: null, published_once: Boolean(publishedOnce) });
      });
    },

    /** The slug `claim` would give now, without taking it (for the admin's suggestion). */
    async firstFree(key: SlugKey, base: string, documentId: string | null, maxLength: number): Promise<string> {
      return run(async (trx) => {
        for (let n = 1; n <= MAX_TRIES; n += 1) {
          const slug = withSuffix(base, n, maxLength);
          const row: SlugRow | undefined = await table(trx).where({ ...where(key), slug }).first();
          if (!row || (documentId && row.document_id === documentId)) return slug;
        }
        throw new Error(`no free slug for "${base}" after ${MAX_TRIES} tries`);
      });
    },

    /** Gives a claimed slug back after a failed write (a previous slug of the document stays). */
    async release(token: string): Promise<void> {
      await run(async (trx) => {
        await table(trx).where({ claim: token, is_current: false }).whereNull('document_id').delete();
        await table(trx).where({ claim: token }).update({ claim: null });
      });
    },

    async current(key: SlugKey, documentId: string): Promise<SlugRow | undefined> {
      return run((trx) => table(trx).where({ ...where(key), document_id: documentId, is_current: true }).first());
    },

    /** Every row of a slug's owner, current first: resolves old URLs to the current one. */
    async resolve(key: SlugKey, slug: string): Promise<{ documentId: string; current: string } | null> {
      return run(async (trx) => {
        const row: SlugRow | undefined = await table(trx).where({ ...where(key), slug }).whereNotNull('document_id').first();
        if (!row?.document_id) return null;
        const cur: SlugRow | undefined = await table(trx)
          .where({ ...where(key), document_id: row.document_id, is_current: true })
          .first();
        return { documentId: row.document_id, current: cur?.slug ?? row.slug };
      });
    },

    async markPublished(uid: string, documentId: string, locales: string[] | '*'): Promise<void> {
      await run(async (trx) => {
        const q = table(trx).where({ content_type: uid, document_id: documentId });
        if (locales !== '*') q.whereIn('locale', locales);
        await q.update({ published_once: true });
      });
    },

    /** A deleted document frees its slugs, previous ones included. */
    async forget(uid: string, documentId: string, locales: string[] | '*'): Promise<void> {
      await run(async (trx) => {
        const q = table(trx).where({ content_type: uid, document_id: documentId });
        if (locales !== '*') q.whereIn('locale', locales);
        await q.delete();
      });
    },

    /**
     * Draft rows of a content table whose slug is not the current one in the registry:
     * one query, empty once everything is registered, so cheap at every start.
     */
    async unregistered(uid: string, contentTable: string, slugColumn: string, localized: boolean) {
      const knex = strapi.db.connection;
      const rows: { document_id: string; locale?: string; slug: string }[] = await knex(contentTable)
        .select('document_id', { slug: slugColumn }, ...(localized ? ['locale'] : []))
        .whereNull('published_at')
        .whereNotNull(slugColumn)
        .whereNot(slugColumn, '')
        .whereNotExists((sub) => {
          sub
            .select(knex.raw('1'))
            .from(TABLE)
            .where(`${TABLE}.content_type`, uid)
            .where(`${TABLE}.is_current`, true)
            .whereRaw('??.document_id = ??.document_id', [TABLE, contentTable])
            .whereRaw('??.slug = ??.??', [TABLE, contentTable, slugColumn]);
          if (localized) sub.whereRaw('??.locale = ??.locale', [TABLE, contentTable]);
        });
      return rows.map((r) => ({ documentId: r.document_id, locale: localized ? (r.locale ?? '') : '', slug: r.slug }));
    },

    /** A deleted locale takes its entries, and so their slugs, with it. */
    async forgetLocale(locale: string): Promise<void> {
      await run((trx) => table(trx).where({ locale }).delete());
    },

    /** Records a slug found on a stored row (existing data, a discarded draft) as current. */
    async adopt(key: SlugKey, slug: string, documentId: string): Promise<boolean> {
      return run(async (trx) => {
        const row: SlugRow | undefined = await table(trx).where({ ...where(key), slug }).first();
        if (row && row.document_id !== documentId) return false; // someone else holds it
        await table(trx).where({ ...where(key), document_id: documentId, is_current: true }).whereNot({ slug }).update({ is_current: false });
        if (row) await table(trx).where({ id: row.id }).update({ is_current: true });
        else await table(trx).insert({ ...where(key), slug, document_id: documentId, is_current: true });
        return true;
      });
    },

    /**
     * Every slug held by a document, previous ones included (for backups: Strapi's export carries
     * content types only, and previous slugs are what old URLs redirect by). Pending claims are
     * not worth keeping.
     */
    async dump(): Promise<Omit<SlugRow, 'id' | 'claim'>[]> {
      const rows: SlugRow[] = await strapi.db.connection(TABLE).whereNotNull('document_id').orderBy('id');
      return rows.map(({ content_type, locale, slug, document_id, is_current, published_once }) => ({
        content_type,
        locale,
        slug,
        document_id,
        is_current: Boolean(is_current),
        published_once: Boolean(published_once),
      }));
    },

    /** Replaces the whole registry in one transaction (restoring a backup made with `dump`). */
    async replace(rows: Omit<SlugRow, 'id' | 'claim'>[]): Promise<void> {
      await run(async (trx) => {
        await table(trx).delete();
        for (let i = 0; i < rows.length; i += 200) await table(trx).insert(rows.slice(i, i + 200));
      });
    },
  };
};

export type SlugRegistry = ReturnType<typeof slugRegistry>;
