import type { Core } from '@strapi/strapi';
import { defineMigration, ensureUniqueKey, missingColumns } from 'strapi-plugin-migrations-runner';
import { OWNERS_TABLE } from '../services/scheduler';
import { getService } from '../utils/get-service';

const UNIQUE = ['document_id', 'locale', 'action'];
const COLUMNS = ['id', 'document_id', 'locale', 'action', 'due_at_ms', 'principal_kind', 'principal_id', 'edited_by', 'set_at_ms'];

/**
 * Who set each schedule (services/scheduler). Adopted with its rows when a database from before
 * migrations has it; made and back-filled from the schedules already pending otherwise. The unique
 * key is what the scheduler's upserts rely on: made when an older table lacks it.
 */
export default defineMigration<Core.Strapi>(__filename, async (trx, strapi) => {
  if (await trx.schema.hasTable(OWNERS_TABLE)) {
    const missing = await missingColumns(trx, OWNERS_TABLE, COLUMNS);
    if (missing.length) throw new Error(`[newsroom] ${OWNERS_TABLE} exists but lacks ${missing.join(', ')}: not a table this plugin made`);
    await ensureUniqueKey(trx, OWNERS_TABLE, `${OWNERS_TABLE}_unique`, UNIQUE);
    return;
  }
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
  });
  await ensureUniqueKey(trx, OWNERS_TABLE, `${OWNERS_TABLE}_unique`, UNIQUE);
  await getService(strapi, 'scheduler').backfillOwners(trx);
});
