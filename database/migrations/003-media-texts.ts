import type { Core } from '@strapi/strapi';
import { defineMigration } from 'strapi-plugin-migrations-runner';

/**
 * The text read from each stored PDF (src/media/pdf-text): one row per upload file, with the hash
 * it was read from, so a replaced file is read again. Kept apart from the file row, which Strapi
 * returns whole wherever media is populated: a 300,000-character text must not ride along.
 */
export default defineMigration<Core.Strapi>(__filename, async (trx) => {
  if (await trx.schema.hasTable('media_texts')) return;
  await trx.schema.createTable('media_texts', (t) => {
    t.integer('file_id').primary();
    t.string('file_hash', 255).notNullable();
    t.string('status', 16).notNullable();
    t.integer('pages').notNullable();
    t.integer('pages_read').notNullable();
    t.boolean('truncated').notNullable();
    t.text('text').notNullable();
    t.string('error', 300);
    t.bigInteger('read_at').notNullable();
  });
});
