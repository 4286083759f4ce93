import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { defineMigration } from 'strapi-table-migrations';
import { FTS_TABLE, SEARCH_TABLE } from '../services/search-index';

/**
 * Before migrations the index layout had a version number in Strapi's core store, and the
 * plugin rebuilt the index when it differed from the code's; 2 was the last one.
 */
const LEGACY_VERSION_KEY = 'plugin_vietnamese-text_search_index_version';
const LEGACY_VERSION = 2;
const CORE_STORE = 'strapi_core_store_settings';

/** Whether the tables already there are the layout this migration would make. */
async function hasCurrentLayout(trx: Knex.Transaction, postgres: boolean): Promise<boolean> {
  if (!(await trx.schema.hasTable(SEARCH_TABLE))) return false;
  if (!postgres && !(await trx.schema.hasTable(FTS_TABLE))) return false;
  if (!(await trx.schema.hasTable(CORE_STORE))) return false;
  const row: { value: string | null } | undefined = await trx(CORE_STORE).where({ key: LEGACY_VERSION_KEY }).first('value');
  return Number(row?.value) === LEGACY_VERSION;
}

/**
 * The search index: rows with ids that sort by recency, and the word sets matched by SQLite FTS5
 * or PostgreSQL tsvector GIN indexes (see services/search-index). An index of version 2 is adopted;
 * anything else is dropped and made anew. Either way the plugin rebuilds it from the published
 * content after this (`rebuildsSearchIndex`), as it did when its version changed.
 */
const migration = defineMigration<Core.Strapi>(__filename, async (trx, strapi) => {
  const postgres = strapi.db.dialect.client === 'postgres';
  const adopt = await hasCurrentLayout(trx, postgres);
  if (await trx.schema.hasTable(CORE_STORE)) await trx(CORE_STORE).where({ key: LEGACY_VERSION_KEY }).delete();
  if (adopt) return;
  await trx.schema.dropTableIfExists(FTS_TABLE);
  await trx.schema.dropTableIfExists(SEARCH_TABLE);
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
    t.unique(['content_type', 'document_id', 'locale'], { indexName: `${SEARCH_TABLE}_doc` });
    if (postgres) {
      t.specificType('title_f', 'tsvector').notNullable();
      t.specificType('all_f', 'tsvector').notNullable();
      t.specificType('title_x', 'tsvector').notNullable();
    }
  });
  if (postgres) {
    for (const column of ['title_f', 'all_f', 'title_x']) {
      await trx.raw(`CREATE INDEX ?? ON ?? USING GIN (??)`, [`${SEARCH_TABLE}_${column}`, SEARCH_TABLE, column]);
    }
  } else {
    // Contentless: FTS5 keeps only the index; deletes by rowid need contentless_delete.
    await trx.raw(
      `CREATE VIRTUAL TABLE ${FTS_TABLE} USING fts5(facets, title_f, text_f, title_x, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`
    );
  }
});

export default { ...migration, rebuildsSearchIndex: true };
