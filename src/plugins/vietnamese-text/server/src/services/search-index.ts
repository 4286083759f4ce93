import type { Core, Modules, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PluginConfig } from '../config';
import { buildIndexRow, type IndexRow } from '../utils/search-row';
import { documentIdOf } from '../utils/document-result';
import type { SearchQuery } from '../utils/search-text';

export const SEARCH_TABLE = 'vietnamese_text_search';
const FTS_TABLE = `${SEARCH_TABLE}_fts`;

type Middleware = Modules.Documents.Middleware.Middleware;
const SYNC_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'delete', 'discardDraft']);

export interface SearchHit {
  type: string;
  documentId: string;
  title: string;
  slug: string | null;
  excerpt: string;
  score: number;
}

/**
 * The search index: one row per published document and locale, with folded and accented word
 * lists. Candidates come from SQLite FTS5 or a PostgreSQL tsvector GIN index (whole folded words,
 * so both databases match the same rows); ranking is one SQL expression shared
 * by both: title over text, accented over folded, then recency.
 */
export const searchIndex = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('plugin::vietnamese-text') as PluginConfig).search;
  const slugConfig = () => (strapi.config.get('plugin::vietnamese-text') as PluginConfig).contentTypes;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const knex = () => strapi.db.connection;
  const run = async <T>(fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    (await strapi.db.transaction(({ trx }) => fn(trx as Knex.Transaction))) as T;

  const typeOf = (uid: string) => strapi.contentTypes[uid as UID.ContentType]?.info.singularName ?? uid;

  return {
    /** Content types searched, by API type name (singular name). */
    types(): Record<string, string> {
      return Object.fromEntries(Object.keys(config().contentTypes).map((uid) => [typeOf(uid), uid]));
    },

    isIndexed(uid: string): boolean {
      return uid in config().contentTypes;
    },

    /**
     * Creates the index tables when missing and fills them from the content already published
     * (the plugin enabled on an existing site). Returns how many entries were indexed then.
     */
    async prepare(): Promise<number> {
      return (await this.ensureTables()) ? this.rebuild() : 0;
    },

    /** Creates whatever is missing; true when the index is new and empty. */
    async ensureTables(): Promise<boolean> {
      const db = knex();
      let created = false;
      if (!(await db.schema.hasTable(SEARCH_TABLE))) {
        created = true;
        await db.schema.createTable(SEARCH_TABLE, (t) => {
          t.increments('id');
          t.string('content_type', 255).notNullable();
          t.string('type', 100).notNullable();
          t.string('document_id', 255).notNullable();
          t.string('locale', 32).notNullable().defaultTo('');
          t.text('title').notNullable();
          t.string('slug', 255).nullable();
          t.text('excerpt').notNullable();
          t.text('text_folded').notNullable();
          t.text('title_folded').notNullable();
          t.text('title_exact').notNullable();
          t.text('lead_exact').notNullable();
          t.bigInteger('sort_time').notNullable().defaultTo(0);
          t.unique(['content_type', 'document_id', 'locale'], { indexName: `${SEARCH_TABLE}_doc` });
          t.index(['locale', 'sort_time'], `${SEARCH_TABLE}_recent`);
        });
        if (isPostgres()) {
          await db.raw(
            `ALTER TABLE ?? ADD COLUMN text_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text_folded)) STORED`,
            [SEARCH_TABLE]
          );
          await db.raw(`CREATE INDEX ?? ON ?? USING GIN (text_tsv)`, [`${SEARCH_TABLE}_tsv`, SEARCH_TABLE]);
        }
      }
      if (!isPostgres() && !(await db.schema.hasTable(FTS_TABLE))) {
        // External-content FTS5 over the folded words, kept in step by triggers.
        await db.raw(
          `CREATE VIRTUAL TABLE ${FTS_TABLE} USING fts5(text_folded, content='${SEARCH_TABLE}', content_rowid='id', tokenize='unicode61')`
        );
        await db.raw(`CREATE TRIGGER ${FTS_TABLE}_ai AFTER INSERT ON ${SEARCH_TABLE} BEGIN
          INSERT INTO ${FTS_TABLE}(rowid, text_folded) VALUES (new.id, new.text_folded); END`);
        await db.raw(`CREATE TRIGGER ${FTS_TABLE}_ad AFTER DELETE ON ${SEARCH_TABLE} BEGIN
          INSERT INTO ${FTS_TABLE}(${FTS_TABLE}, rowid, text_folded) VALUES ('delete', old.id, old.text_folded); END`);
        await db.raw(`CREATE TRIGGER ${FTS_TABLE}_au AFTER UPDATE ON ${SEARCH_TABLE} BEGIN
          INSERT INTO ${FTS_TABLE}(${FTS_TABLE}, rowid, text_folded) VALUES ('delete', old.id, old.text_folded);
          INSERT INTO ${FTS_TABLE}(rowid, text_folded) VALUES (new.id, new.text_folded); END`);
        await db.raw(`INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES ('rebuild')`);
      }
      return created;
    },

    /** The fields to read from a content type's table to build its rows. */
    fieldsOf(uid: string): string[] {
      const target = config().contentTypes[uid];
      const slug = slugConfig()[uid]?.field;
      const fields = new Set(['documentId', 'locale', 'publishedAt', target.title, ...target.text]);
      if (target.excerpt) fields.add(target.excerpt);
      if (target.date) fields.add(target.date);
      if (slug) fields.add(slug);
      return [...fields].filter((f) => f === 'documentId' || f === 'locale' || f === 'publishedAt' || f in strapi.contentTypes[uid as UID.ContentType].attributes);
    },

    rowOf(uid: string, entry: Record<string, unknown>): IndexRow {
      return buildIndexRow(uid, typeOf(uid), entry, config().contentTypes[uid], slugConfig()[uid]?.field);
    },

    /** Brings the index in line with the published versions of one document. */
    async sync(uid: string, documentId: string): Promise<void> {
      if (!this.isIndexed(uid)) return;
      const entries = await strapi.db.query(uid as UID.ContentType).findMany({
        where: { documentId, publishedAt: { $notNull: true } },
        select: this.fieldsOf(uid),
      });
      await run(async (trx) => {
        const locales = entries.map((e) => String(e.locale ?? ''));
        const stale = trx(SEARCH_TABLE).where({ content_type: uid, document_id: documentId });
        if (locales.length) stale.whereNotIn('locale', locales);
        await stale.delete();
        for (const entry of entries) {
          const row = this.rowOf(uid, entry as Record<string, unknown>);
          await trx(SEARCH_TABLE)
            .insert(row)
            .onConflict(['content_type', 'document_id', 'locale'])
            .merge();
        }
      });
    },

    /** After every write of an indexed type, its index rows follow its published versions. */
    async middleware(ctx: Parameters<Middleware>[0], next: Parameters<Middleware>[1]) {
      const result = await next();
      if (!this.isIndexed(ctx.uid) || !SYNC_ACTIONS.has(ctx.action)) return result;
      const documentId = (ctx.params as { documentId?: string }).documentId ?? documentIdOf(result);
      if (documentId) await this.sync(ctx.uid, documentId);
      return result;
    },

    async removeLocale(locale: string): Promise<void> {
      await run((trx) => trx(SEARCH_TABLE).where({ locale }).delete());
    },

    /** Rebuilds everything from the published content, reporting progress. */
    async rebuild(onProgress?: (done: number, total: number) => void): Promise<number> {
      const uids = Object.keys(config().contentTypes);
      let total = 0;
      for (const uid of uids) {
        total += await strapi.db.query(uid as UID.ContentType).count({ where: { publishedAt: { $notNull: true } } });
      }
      await run((trx) => trx(SEARCH_TABLE).delete());
      let done = 0;
      const batch = 500;
      for (const uid of uids) {
        for (let offset = 0; ; offset += batch) {
          const entries = await strapi.db.query(uid as UID.ContentType).findMany({
            where: { publishedAt: { $notNull: true } },
            select: this.fieldsOf(uid),
            orderBy: { id: 'asc' },
            offset,
            limit: batch,
          });
          if (entries.length === 0) break;
          const rows = entries.map((e) => this.rowOf(uid, e as Record<string, unknown>));
          await run((trx) => trx.batchInsert(SEARCH_TABLE, rows as never, 100));
          done += rows.length;
          onProgress?.(done, total);
        }
      }
      return done;
    },

    /** Ranked hits of one page, and the number of all hits. */
    async search(query: SearchQuery, opts: { locale: string; uids: string[]; page: number; pageSize: number }) {
      const db = knex();
      const candidates = db(`${SEARCH_TABLE} as s`).where('s.locale', opts.locale).whereIn('s.content_type', opts.uids);
      if (isPostgres()) {
        candidates.whereRaw(`s.text_tsv @@ to_tsquery('simple', ?)`, [query.folded.join(' & ')]);
      } else {
        candidates
          .join(`${FTS_TABLE} as f`, 'f.rowid', 's.id')
          .whereRaw(`${FTS_TABLE} MATCH ?`, [query.folded.map((w) => `"${w}"`).join(' AND ')]);
      }

      const all = (column: string, words: string[]) => ({
        sql: words.map(() => `${column} LIKE ?`).join(' AND '),
        bindings: words.map((w) => `% ${w} %`),
      });
      const titleFolded = all('s.title_folded', query.folded);
      const titleExact = all('s.title_exact', query.exact);
      const leadExact = all('s.lead_exact', query.exact);
      const score = db.raw(
        `((CASE WHEN ${titleFolded.sql} THEN 4 ELSE 0 END) + (CASE WHEN ${titleExact.sql} THEN 2 ELSE 0 END) + (CASE WHEN ${leadExact.sql} THEN 1 ELSE 0 END)) as rank`,
        [...titleFolded.bindings, ...titleExact.bindings, ...leadExact.bindings]
      );

      const [{ total }] = await candidates.clone().count({ total: '*' });
      const rows = await candidates
        .clone()
        .select('s.type', 's.document_id', 's.title', 's.slug', 's.excerpt', score)
        .orderBy([
          { column: 'rank', order: 'desc' },
          { column: 's.sort_time', order: 'desc' },
          { column: 's.id', order: 'desc' },
        ])
        .limit(opts.pageSize)
        .offset((opts.page - 1) * opts.pageSize);

      const hits: SearchHit[] = rows.map((r: Record<string, unknown>) => ({
        type: r.type as string,
        documentId: r.document_id as string,
        title: r.title as string,
        slug: (r.slug as string | null) ?? null,
        excerpt: r.excerpt as string,
        score: Number(r.rank),
      }));
      return { hits, total: Number(total) };
    },
  };
};

export type SearchIndex = ReturnType<typeof searchIndex>;
