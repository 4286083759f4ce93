import type { Core } from '@strapi/strapi';
import { defineMigration } from 'strapi-table-migrations';
import { OWNERS_TABLE } from '../services/scheduler';
import { getService } from '../utils/get-service';

/**
 * Who set each schedule (see services/scheduler). A database from before migrations already has
 * the table in this layout: adopted with its rows, and not backfilled again.
 */
export default defineMigration<Core.Strapi>(__filename, async (trx, strapi) => {
  if (await trx.schema.hasTable(OWNERS_TABLE)) return;
  await trx.schema.createTable(OWNERS_TABLE, (t) => {
    t.increments('id');
    t.string('document_id', 255).notNullable();
    t.string('locale', 32).notNullable();
    t.string('action', 16).notNullable();
    t.bigInteger('due_at_ms').notNullable();
    t.string('principal_kind', 16).notNullable();
    t.string('principal_id', 64).nullable();
    t.string('edited_by', 255).nullable();
    t.bigInteger('set_at_ms').notNullable();
    t.unique(['document_id', 'locale', 'action'], { indexName: `${OWNERS_TABLE}_unique` });
  });
  await getService(strapi, 'scheduler').backfillOwners(trx);
});
