import type { Core } from '@strapi/strapi';
import { defineMigration, ensureIndex, ensureUniqueKey, missingColumns } from 'strapi-plugin-migrations-runner';
import { TABLE } from '../services/slug-registry';
import type { TextOutcome } from './outcome';

const UNIQUE = ['content_type', 'locale', 'slug'];
const COLUMNS = ['id', 'content_type', 'locale', 'slug', 'document_id', 'claim', 'is_current', 'published_once', 'created_at'];

/**
 * The slug registry (services/slug-registry). A database from before migrations already has it:
 * adopted with its rows. Its unique key is what keeps two concurrent writers off one slug, so
 * adoption makes sure the key exists (a table from an older build may lack it) rather than trust it.
 */
export default defineMigration<Core.Strapi, TextOutcome>(__filename, async (trx) => {
  if (await trx.schema.hasTable(TABLE)) {
    const missing = await missingColumns(trx, TABLE, COLUMNS);
    if (missing.length) throw new Error(`[vietnamese-text] ${TABLE} exists but lacks ${missing.join(', ')}: not a table this plugin made`);
  } else {
    await trx.schema.createTable(TABLE, (t) => {
      t.increments('id');
      t.string('content_type', 255).notNullable();
      t.string('locale', 32).notNullable().defaultTo('');
      t.string('slug', 255).notNullable();
      t.string('document_id', 255).nullable();
      t.string('claim', 64).nullable();
      t.boolean('is_current').notNullable().defaultTo(false);
      t.boolean('published_once').notNullable().defaultTo(false);
      t.timestamp('created_at').notNullable().defaultTo(trx.fn.now());
    });
  }
  await ensureUniqueKey(trx, TABLE, `${TABLE}_unique`, UNIQUE);
  await ensureIndex(trx, TABLE, `${TABLE}_document`, ['content_type', 'document_id']);
  return {};
});
