import type { Core, Modules, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { transactionRunner } from '../utils/transaction';
import type { PluginConfig } from '../config';
import { documentIdOf } from '../utils/document-result';
import { buildIndexRow, type IndexRow } from '../utils/search-row';
import { planPage, recencyId, TIER_SCORE, type Tier } from '../utils/search-plan';
import type { SearchQuery } from '../utils/search-text';

export const SEARCH_TABLE = 'vietnamese_text_search';
export const FTS_TABLE = `${SEARCH_TABLE}_fts`;
/** Results served per query at most; counting stops there, which keeps common words fast. */
export const RESULT_CAP = 1000;

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

interface Filter {
  locale: string;
  uids: string[];
  /** All indexed types are asked for: no type condition needed. */
  allTypes: boolean;
}

/** An app service giving text searched with entries (config `search.contentTypes[uid].extraText`). */
export interface ExtraTextProvider {
  /** Text per entry row id; entries without extra text may be left out. */
  searchText(entries: { id: number; documentId: string; locale: string }[]): Promise<Map<number, string>>;
}

const isExtraTextProvider = (service: unknown): service is ExtraTextProvider =>
  typeof service === 'object' && service !== null && typeof (service as { searchText?: unknown }).searchText === 'function';

/** A word-only token for the FTS5 facet column ("locale" + code, "type" + name). */
const facet = (prefix: string, value: string) => `${prefix}${value.toLowerCase().replace(/[^a-z0-9]/g, '')}`;

/**
 * The search index. Rows carry ids that sort by recency, so "newest first" is an index order,
 * and three word sets per entry: folded title, folded text, accented title. Matching is whole
 * words through SQLite FTS5 or PostgreSQL tsvector GIN indexes; both answer the same tiers
 * (exact-accent title, title, text) with the same counts and order.
 */
export const searchIndex = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('plugin::vietnamese-text') as PluginConfig).search;
  const slugConfig = () => (strapi.config.get('plugin::vietnamese-text') as PluginConfig).contentTypes;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const knex = () => strapi.db.connection;
  const run = transactionRunner(strapi);
  const typeOf = (uid: string) => strapi.contentTypes[uid as UID.ContentType]?.info.singularName ?? uid;

  /** Deletes index rows (and their FTS entries) matching a condition. */
  async function deleteRows(trx: Knex.Transaction, where: (q: Knex.QueryBuilder) => void): Promise<void> {
    const q = trx(SEARCH_TABLE).select('id');
    where(q);
    const ids = (await q).map((r: { id: number | string }) => Number(r.id));
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (!isPostgres()) await trx(FTS_TABLE).whereIn('rowid', chunk).delete();
      await trx(SEARCH_TABLE).whereIn('id', chunk).delete();
    }
  }

  /** Inserts rows, moving an id to the next free value in the rare case two share a millisecond and hash. */
  async function insertRows(trx: Knex.Transaction, rows: IndexRow[]): Promise<void> {
    for (const row of rows) {
      const key = `${row.content_type}|${row.document_id}|${row.locale}`;
      for (let attempt = 0; ; attempt += 1) {
        const id = recencyId(row.sort_time, key, attempt);
        const { title_folded, text_folded, title_exact, ...display } = row;
        const base = { id, ...display };
        const inserted = isPostgres()
          ? await trx(SEARCH_TABLE)
              .insert({
                ...base,
                title_f: trx.raw(`to_tsvector('simple', ?)`, [title_folded]),
                all_f: trx.raw(`to_tsvector('simple', ?)`, [`${title_folded} ${text_folded}`]),
                title_x: trx.raw(`to_tsvector('simple', ?)`, [title_exact]),
              })
              .onConflict('id')
              .ignore()
              .returning('id')
          : await trx(SEARCH_TABLE).insert(base).onConflict('id').ignore().returning('id');
        if (inserted.length === 0) {
          if (attempt > 50) throw new Error(`search index: no free id near ${id}`);
          continue;
        }
        if (!isPostgres()) {
          await trx(FTS_TABLE).insert({
            rowid: id,
            facets: `${facet('locale', row.locale)} ${facet('type', row.type)}`,
            title_f: title_folded,
            text_f: text_folded,
            title_x: title_exact,
          });
        }
        break;
      }
    }
  }

  // --- matching, per database ---

  const words = (list: string[], join: string, quote = false) => list.map((w) => (quote ? `"${w}"` : w)).join(join);

  /** The SQLite FTS5 MATCH expression of a tier (tiers exclude the ones above them). */
  function ftsExpression(tier: Tier | 'titleAll' | 'all', q: SearchQuery, filter: Filter): string {
    const folded = `(${words(q.folded, ' AND ', true)})`;
    const exact = `(${words(q.exact, ' AND ', true)})`;
    const scope = [`facets : "${facet('locale', filter.locale)}"`];
    if (!filter.allTypes) scope.push(`facets : (${filter.uids.map((u) => `"${facet('type', typeOf(u))}"`).join(' OR ')})`);
    const match = {
      titleExact: `title_x : ${exact}`,
      titleAll: `title_f : ${folded}`,
      title: `title_f : ${folded} NOT title_x : ${exact}`,
      all: `{title_f text_f} : ${folded}`,
      text: `{title_f text_f} : ${folded} NOT title_f : ${folded}`,
    }[tier];
    return `${scope.join(' AND ')} AND (${match})`;
  }

  /** The PostgreSQL condition of a tier. */
  function pgCondition(qb: Knex.QueryBuilder, tier: Tier | 'titleAll' | 'all', q: SearchQuery, filter: Filter) {
    const folded = words(q.folded, ' & ');
    const exact = words(q.exact, ' & ');
    qb.where('locale', filter.locale);
    if (!filter.allTypes) qb.whereIn('content_type', filter.uids);
    const has = (column: string, query: string) => qb.whereRaw(`?? @@ to_tsquery('simple', ?)`, [column, query]);
    const hasNot = (column: string, query: string) => qb.whereRaw(`NOT (?? @@ to_tsquery('simple', ?))`, [column, query]);
    if (tier === 'titleExact') has('title_x', exact);
    else if (tier === 'titleAll') has('title_f', folded);
    else if (tier === 'title') (has('title_f', folded), hasNot('title_x', exact));
    else if (tier === 'all') has('all_f', folded);
    else (has('all_f', folded), hasNot('title_f', folded));
    return qb;
  }

  /** Matching ids of a tier, newest first. */
  async function tierIds(
    tier: Tier | 'titleAll' | 'all',
    q: SearchQuery,
    filter: Filter,
    offset: number,
    limit: number
  ): Promise<number[]> {
    if (isPostgres()) {
      const rows = await pgCondition(knex()(SEARCH_TABLE).select('id'), tier, q, filter).orderBy('id', 'desc').offset(offset).limit(limit);
      return rows.map((r: { id: string | number }) => Number(r.id));
    }
    const rows = await knex()
      .select('rowid as id')
      .from(FTS_TABLE)
      .whereRaw(`${FTS_TABLE} MATCH ?`, [ftsExpression(tier, q, filter)])
      .orderBy('rowid', 'desc')
      .offset(offset)
      .limit(limit);
    return rows.map((r: { id: number }) => Number(r.id));
  }

  /** The matching rows of a tier, unordered: what counting needs. */
  function tierMatches(tier: Tier | 'titleAll' | 'all', q: SearchQuery, filter: Filter): Knex.QueryBuilder {
    if (isPostgres()) return pgCondition(knex()(SEARCH_TABLE).select(knex().raw('1')), tier, q, filter);
    return knex().select(knex().raw('1')).from(FTS_TABLE).whereRaw(`${FTS_TABLE} MATCH ?`, [ftsExpression(tier, q, filter)]);
  }

  /**
   * How many entries match the exact title, the title and anything, each counted up to cap + 1
   * (no ordering, stops early), in one round trip.
   */
  async function cappedCounts(q: SearchQuery, filter: Filter) {
    const db = knex();
    const count = (tier: 'titleExact' | 'titleAll' | 'all', alias: string) =>
      db.raw(`(SELECT count(*) FROM ? AS ??) AS ??`, [tierMatches(tier, q, filter).limit(RESULT_CAP + 1), `${alias}_rows`, alias]);
    const row = await db.select(count('titleExact', 'title_exact'), count('titleAll', 'title'), count('all', 'everything')).first();
    return { titleExact: Number(row.title_exact), title: Number(row.title), all: Number(row.everything) };
  }

  return {
    /** Content types searched, by API type name (singular name). */
    types(): Record<string, string> {
      return Object.fromEntries(Object.keys(config().contentTypes).map((uid) => [typeOf(uid), uid]));
    },

    isIndexed(uid: string): boolean {
      return uid in config().contentTypes;
    },

    /** The fields to read from a content type's table to build its rows. */
    fieldsOf(uid: string): string[] {
      const target = config().contentTypes[uid];
      const slug = slugConfig()[uid]?.field;
      const attributes = strapi.contentTypes[uid as UID.ContentType].attributes;
      const fields = [target.title, ...target.text, target.excerpt, target.date, slug].filter(
        (f): f is string => typeof f === 'string' && f in attributes
      );
      return [...new Set(['id', 'documentId', 'locale', 'publishedAt', ...fields])];
    },

    rowOf(uid: string, entry: Record<string, unknown>, extraText = ''): IndexRow {
      return buildIndexRow(uid, typeOf(uid), entry, config().contentTypes[uid], slugConfig()[uid]?.field, extraText);
    },

    /** The rows of stored entries, with the extra text of the type's `extraText` service, if any. */
    async rowsOf(uid: string, entries: Record<string, unknown>[]): Promise<IndexRow[]> {
      const name = config().contentTypes[uid]?.extraText;
      let extra = new Map<number, string>();
      if (name && entries.length > 0) {
        const provider: unknown = strapi.service(name as UID.Service);
        if (!isExtraTextProvider(provider)) throw new Error(`[vietnamese-text] search.contentTypes["${uid}"].extraText "${name}" is not a service with searchText(entries)`);
        extra = await provider.searchText(entries.map((e) => ({ id: Number(e.id), documentId: String(e.documentId), locale: String(e.locale ?? '') })));
      }
      return entries.map((e) => this.rowOf(uid, e, extra.get(Number(e.id)) ?? ''));
    },

    /** Brings the index in line with the published versions of one document. */
    async sync(uid: string, documentId: string): Promise<void> {
      if (!this.isIndexed(uid)) return;
      const entries = await strapi.db.query(uid as UID.ContentType).findMany({
        where: { documentId, publishedAt: { $notNull: true } },
        select: this.fieldsOf(uid),
      });
      const rows = await this.rowsOf(uid, entries as Record<string, unknown>[]);
      await run(async (trx) => {
        await deleteRows(trx, (q) => q.where({ content_type: uid, document_id: documentId }));
        await insertRows(trx, rows);
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
      await run((trx) => deleteRows(trx, (q) => q.where({ locale })));
    },

    /** Rebuilds everything from the published content, reporting progress. */
    async rebuild(onProgress?: (done: number, total: number) => void): Promise<number> {
      const uids = Object.keys(config().contentTypes);
      let total = 0;
      for (const uid of uids) {
        total += await strapi.db.query(uid as UID.ContentType).count({ where: { publishedAt: { $notNull: true } } });
      }
      await run(async (trx) => {
        if (!isPostgres()) await trx.raw(`DELETE FROM ${FTS_TABLE}`);
        await trx(SEARCH_TABLE).delete();
      });
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
          const rows = await this.rowsOf(uid, entries as Record<string, unknown>[]);
          await run((trx) => insertRows(trx, rows));
          done += entries.length;
          onProgress?.(done, total);
        }
      }
      if (isPostgres()) await knex().raw(`ANALYZE ??`, [SEARCH_TABLE]);
      else await knex().raw(`INSERT INTO ${FTS_TABLE}(${FTS_TABLE}) VALUES ('optimize')`);
      return done;
    },

    /** One page of ranked hits, and the number of hits (exact up to RESULT_CAP). */
    async search(query: SearchQuery, opts: { locale: string; uids: string[]; page: number; pageSize: number }) {
      const filter: Filter = {
        locale: opts.locale,
        uids: opts.uids,
        allTypes: Object.keys(config().contentTypes).every((uid) => opts.uids.includes(uid)),
      };
      const plan = planPage(await cappedCounts(query, filter), opts.page, opts.pageSize, RESULT_CAP);

      const ranked: { id: number; tier: Tier }[] = [];
      for (const slice of plan.slices) {
        const ids = await tierIds(slice.tier, query, filter, slice.offset, slice.limit);
        ranked.push(...ids.map((id) => ({ id, tier: slice.tier })));
      }
      const rows = ranked.length
        ? await knex()(SEARCH_TABLE)
            .select('id', 'type', 'document_id', 'title', 'slug', 'excerpt')
            .whereIn('id', ranked.map((r) => r.id))
        : [];
      const byId = new Map(rows.map((r: Record<string, unknown>) => [Number(r.id), r]));
      const hits: SearchHit[] = ranked.flatMap(({ id, tier }) => {
        const r = byId.get(id);
        return r
          ? [{
              type: r.type as string,
              documentId: r.document_id as string,
              title: r.title as string,
              slug: (r.slug as string | null) ?? null,
              excerpt: r.excerpt as string,
              score: TIER_SCORE[tier],
            }]
          : [];
      });
      return { hits, total: plan.total, capped: plan.capped };
    },
  };
};

export type SearchIndex = ReturnType<typeof searchIndex>;
