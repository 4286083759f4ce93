import type { Core } from '@strapi/strapi';
import { defineMigration } from 'strapi-table-migrations';
import { CLAIMS_TABLE } from '../services/scheduler';

/** One row per schedule acted on (see services/scheduler); an existing table is adopted. */
export default defineMigration<Core.Strapi>(__filename, async (trx) => {
  if (await trx.schema.hasTable(CLAIMS_TABLE)) return;
  await trx.schema.createTable(CLAIMS_TABLE, (t) => {
    t.increments('id');
    t.string('document_id', 255).notNullable();
    t.string('locale', 32).notNullable();
    t.string('action', 16).notNullable();
    // Epoch ms: compared in JavaScript, the same on SQLite and PostgreSQL.
    t.bigInteger('due_at_ms').notNullable();
    t.string('token', 128).notNullable();
    t.string('status', 16).notNullable();
    t.text('reason').nullable();
    t.string('instance', 255).nullable();
    t.bigInteger('acted_at_ms').notNullable();
    t.unique(['document_id', 'locale', 'action', 'due_at_ms'], { indexName: `${CLAIMS_TABLE}_unique` });
  });
});
