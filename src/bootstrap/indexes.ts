import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ensureIndex } from 'strapi-plugin-migrations-runner';

interface ReadIndex {
  uid: UID.ContentType;
  name: string;
  /** Attribute names, in index order. */
  attributes: string[];
}

/**
 * Indexes Strapi does not declare, for the public reads measured slow at 10,000 articles on SQLite
 * (npm run bench:queries); Strapi's schema sync only drops indexes it created itself, so they stay.
 * - Lists, feeds, category pages and "Tin khác" read one locale newest first by dateline: without
 *   the first index each sorted the whole table (list query 31 ms → 0.4 ms, related 64 ms → under
 *   0.1 ms). `published_at` comes last so a page's count ("published, in this locale") is read
 *   from the index alone (70 ms → 0.9 ms).
 * - Pages by slug looked the slug up by reading every row (61 ms).
 * - The news sitemap reads the last two days of every locale by dateline (116 ms).
 */
const BY_SLUG = ['slug', 'locale', 'publishedAt'];
export const READ_INDEXES: ReadIndex[] = [
  { uid: 'api::article.article', name: 'articles_locale_dateline_idx', attributes: ['locale', 'dateline', 'id', 'publishedAt'] },
  { uid: 'api::article.article', name: 'articles_dateline_idx', attributes: ['dateline', 'publishedAt'] },
  { uid: 'api::article.article', name: 'articles_slug_idx', attributes: BY_SLUG },
  { uid: 'api::category.category', name: 'categories_slug_idx', attributes: BY_SLUG },
  { uid: 'api::bloc.bloc', name: 'blocs_slug_idx', attributes: BY_SLUG },
  { uid: 'api::agency.agency', name: 'agencies_slug_idx', attributes: BY_SLUG },
  { uid: 'api::movement.movement', name: 'movements_slug_idx', attributes: BY_SLUG },
];

/**
 * The scheduler's due query (newsroom scheduler.ts: drafts whose `publishAt` or `unpublishAt` has
 * passed) runs on every tick of every instance. Without these it read every article row: an OR of
 * two conditions on unindexed columns. With one index per column SQLite and PostgreSQL answer it
 * as a union of two index ranges (NULLs, the unscheduled drafts, are outside both).
 */
export const SCHEDULE_INDEXES: ReadIndex[] = [
  { uid: 'api::article.article', name: 'articles_publish_at_idx', attributes: ['publishAt'] },
  { uid: 'api::article.article', name: 'articles_unpublish_at_idx', attributes: ['unpublishAt'] },
];

/**
 * Creates the indexes missing (the migrations runner's `ensureIndex`). Run by the
 * app's migrations (database/migrations), in their transaction.
 */
export async function ensureReadIndexes(strapi: Core.Strapi, indexes = READ_INDEXES, knex: Knex = strapi.db.connection): Promise<void> {
  for (const index of indexes) {
    const meta = strapi.db.metadata.get(index.uid);
    const columns = index.attributes.map((name) => {
      const attribute = meta.attributes[name] as { columnName?: string } | undefined;
      if (!attribute) throw new Error(`[indexes] ${index.uid} has no attribute ${name}`);
      return attribute.columnName ?? name;
    });
    await ensureIndex(knex, meta.tableName, index.name, columns);
  }
}
