import type { Core } from '@strapi/strapi';
import { defineMigration, ensureUniqueKey, missingColumns } from 'strapi-plugin-migrations-runner';
import { CLAIMS_TABLE } from '../services/scheduler';

/** The key that lets one instance only act on a schedule: without it two could publish the same one. */
const UNIQUE = ['document_id', 'locale', 'action', 'due_at_ms'];
const COLUMNS = ['id', 'document_id', 'locale', 'action', 'due_at_ms', 'token', 'status', 'reason', 'instance', 'acted_at_ms'];

/** One row per schedule acted on (services/scheduler); adopted with its rows when already there. */
export default defineMigration<Core.Strapi>(__filename, async (trx) => {
  if (await trx.schema.hasTable(CLAIMS_TABLE)) {
    const missing = await missingColumns(trx, CLAIMS_TABLE, COLUMNS);
    if (missing.length) throw new Error(`[newsroom] ${CLAIMS_TABLE} exists but lacks ${missing.join(', ')}: not a table this plugin made`);
  } else {
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
    });
  }
  await ensureUniqueKey(trx, CLAIMS_TABLE, `${CLAIMS_TABLE}_unique`, UNIQUE);
});
