import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { defineMigration, ensureUniqueKey, isPostgres } from 'strapi-plugin-migrations-runner';
import { FTS_TABLE, SEARCH_TABLE } from '../services/search-index';
import type { TextOutcome } from './outcome';

/**
 * Before migrations the index layout had a number in Strapi's core store, and a start that found
 * another number than the code's dropped and rebuilt the index; 2 was the last one. That number is
 * now this migration: a new layout is a new migration (003-search-index-v3…) that drops, creates and
 * returns `rebuildSearchIndex`.
 */
const LEGACY_STORE = 'strapi_core_store_settings';
const LEGACY_KEY = 'plugin_vietnamese-text_search_index_version';
const LEGACY_VERSION = 2;
const UNIQUE = ['content_type', 'document_id', 'locale'];
const GIN_COLUMNS = ['title_f', 'all_f', 'title_x'];

/** Whether the tables there are layout 2, made by the code before migrations. */
async function isLayout2(trx: Knex.Transaction): Promise<boolean> {
  if (!(await trx.schema.hasTable(SEARCH_TABLE))) return false;
  if (!isPostgres(trx) && !(await trx.schema.hasTable(FTS_TABLE))) return false;
  const row: { value: string | null } | undefined = await trx(LEGACY_STORE).where({ key: LEGACY_KEY }).first('value');
  return Number(row?.value) === LEGACY_VERSION;
}

async function createTables(trx: Knex.Transaction): Promise<void> {
  const postgres = isPostgres(trx);
  await trx.schema.createTable(SEARCH_TABLE, (t) => {
    t.bigInteger('id').primary();
    t.string('content_type', 255).notNullable();
    t.string('type', 100).notNullable();
    t.string('document_id', 255).notNullable();
    t.string('locale', 32).notNullable().defaultTo('');
    t.text('title').notNullable();
    t.string('slug', 255).nullable();
    t.text('excerpt').notNullable();
    t.bigInteger('sort_time').notNullable().defaultTo(0);
    if (postgres) for (const column of GIN_COLUMNS) t.specificType(column, 'tsvector').notNullable();
  });
  if (postgres) {
    for (const column of GIN_COLUMNS) await trx.raw(`CREATE INDEX ?? ON ?? USING GIN (??)`, [`${SEARCH_TABLE}_${column}`, SEARCH_TABLE, column]);
  } else {
    // Contentless: FTS5 keeps only the index; deletes by rowid need contentless_delete.
    await trx.raw(
      `CREATE VIRTUAL TABLE ${FTS_TABLE} USING fts5(facets, title_f, text_f, title_x, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`
    );
  }
}

/**
 * The search index (services/search-index): rows whose ids sort by recency, matched through
 * SQLite FTS5 or PostgreSQL tsvector GIN indexes. Layout 2 found in place is adopted with its
 * rows (no rebuild); anything else there is dropped and made anew, then rebuilt from the
 * published content after the transaction (a rebuild reads through Strapi, outside it).
 */
export default defineMigration<Core.Strapi, TextOutcome>(__filename, async (trx) => {
  const adopt = await isLayout2(trx);
  await trx(LEGACY_STORE).where({ key: LEGACY_KEY }).delete();
  if (!adopt) {
    await trx.schema.dropTableIfExists(FTS_TABLE);
    await trx.schema.dropTableIfExists(SEARCH_TABLE);
    await createTables(trx);
  }
  // Two rows of one document and locale would show it twice in the answers.
  await ensureUniqueKey(trx, SEARCH_TABLE, `${SEARCH_TABLE}_doc`, UNIQUE);
  return { rebuildSearchIndex: !adopt };
});
