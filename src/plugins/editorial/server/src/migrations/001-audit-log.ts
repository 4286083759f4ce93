import type { Core } from '@strapi/strapi';
import { defineMigration, ensureIndex, missingColumns } from 'strapi-plugin-migrations-runner';
import { COLUMNS, TABLE } from '../services/audit-log';

/**
 * The audit log: a plain table (not a content type, so no content-API route, GraphQL type or
 * admin editor exists for it). Times are epoch ms, compared the same on SQLite and PostgreSQL.
 * Indexes serve the admin filters, each newest first: by time, action, actor, and a document.
 * A table already there (a database whose migrations record was lost) is adopted if it has the columns.
 */
export default defineMigration<Core.Strapi>(__filename, async (trx) => {
  if (await trx.schema.hasTable(TABLE)) {
    const missing = await missingColumns(trx, TABLE, [...COLUMNS]);
    if (missing.length) throw new Error(`[editorial] ${TABLE} exists but lacks ${missing.join(', ')}: not a table this plugin made`);
  } else {
    await trx.schema.createTable(TABLE, (t) => {
      t.increments('id');
      t.bigInteger('at').notNullable();
      t.string('action', 64).notNullable();
      t.string('actor_type', 16).notNullable();
      t.string('actor_id', 64).nullable();
      t.string('actor_name', 255).nullable();
      // "admin:5", "api-token:2", "system:scheduler": one indexed column for the actor filter.
      t.string('actor_key', 100).notNullable();
      t.string('ip', 64).nullable();
      t.string('target_uid', 255).nullable();
      t.string('target_document_id', 255).nullable();
      t.string('target_locale', 32).nullable();
      t.string('target_title', 500).nullable();
      t.text('details').nullable();
    });
  }
  await ensureIndex(trx, TABLE, `${TABLE}_at`, ['at']);
  await ensureIndex(trx, TABLE, `${TABLE}_action_at`, ['action', 'at']);
  await ensureIndex(trx, TABLE, `${TABLE}_actor_at`, ['actor_key', 'at']);
  await ensureIndex(trx, TABLE, `${TABLE}_target`, ['target_uid', 'target_document_id']);
});
