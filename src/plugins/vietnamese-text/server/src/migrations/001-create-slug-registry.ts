import type { Core } from '@strapi/strapi';
import { defineMigration } from 'strapi-table-migrations';
import { TABLE } from '../services/slug-registry';

/**
 * The slug registry (see services/slug-registry). A database from before migrations already has
 * it, made with this same layout: adopted as it is, rows kept.
 */
export default defineMigration<Core.Strapi>(__filename, async (trx) => {
  if (await trx.schema.hasTable(TABLE)) return;
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
    t.unique(['content_type', 'locale', 'slug'], { indexName: `${TABLE}_unique` });
    t.index(['content_type', 'document_id'], `${TABLE}_document`);
  });
});
