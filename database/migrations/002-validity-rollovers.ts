import type { Core } from '@strapi/strapi';
import { defineMigration } from 'strapi-plugin-migrations-runner';

/**
 * One row per day whose văn bản validity changes were announced (src/legal-documents/
 * validity-rollover.ts): the day is the primary key, so of several instances whose midnight jobs
 * fire together exactly one inserts it and announces.
 */
export default defineMigration<Core.Strapi>(__filename, async (trx) => {
  if (await trx.schema.hasTable('legal_validity_rollovers')) return;
  await trx.schema.createTable('legal_validity_rollovers', (t) => {
    t.string('day', 10).primary();
    t.integer('documents').notNullable();
    t.bigInteger('at').notNullable();
  });
});
