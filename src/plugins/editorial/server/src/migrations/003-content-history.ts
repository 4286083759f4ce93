import type { Core } from '@strapi/strapi';
import { defineMigration, ensureIndex, missingColumns } from 'strapi-plugin-migrations-runner';
import { VERSION_COLUMNS, VERSIONS_TABLE } from '../services/history';

/**
 * Content history: one row per version, its content as JSON text (`text` is unbounded on
 * PostgreSQL and SQLite; a JSON column type would differ between them). A plain table, not a
 * content type: no content-API route, GraphQL type or admin editor. The index serves the list of
 * one document's versions in a locale, newest first (ids grow with time), and the restore lookup.
 */
export default defineMigration<Core.Strapi>(__filename, async (trx) => {
  if (await trx.schema.hasTable(VERSIONS_TABLE)) {
    const missing = await missingColumns(trx, VERSIONS_TABLE, [...VERSION_COLUMNS]);
    if (missing.length) throw new Error(`[editorial] ${VERSIONS_TABLE} exists but lacks ${missing.join(', ')}: not a table this plugin made`);
  } else {
    await trx.schema.createTable(VERSIONS_TABLE, (t) => {
      t.increments('id');
      t.string('uid', 255).notNullable();
      t.string('document_id', 255).notNullable();
      // '' for a type without locales, as the review stages do.
      t.string('locale', 32).notNullable().defaultTo('');
      t.string('action', 16).notNullable();
      t.string('status', 16).notNullable();
      t.string('actor_type', 16).notNullable();
      t.string('actor_id', 64).nullable();
      t.string('actor_name', 255).nullable();
      t.bigInteger('at').notNullable();
      // The version restored, for a restore.
      t.integer('restored_from').nullable();
      t.text('content').notNullable();
    });
  }
  await ensureIndex(trx, VERSIONS_TABLE, `${VERSIONS_TABLE}_document`, ['uid', 'document_id', 'locale', 'id']);
  // The purge reads old versions by time.
  await ensureIndex(trx, VERSIONS_TABLE, `${VERSIONS_TABLE}_at`, ['at']);
});
