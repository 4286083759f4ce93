import type { Core } from '@strapi/strapi';
import { defineMigration, ensureIndex, ensureUniqueKey, missingColumns } from 'strapi-plugin-migrations-runner';
import { TABLE } from '../services/outbox';

const COLUMNS = ['id', 'unique_key', 'event_id', 'receiver', 'payload', 'attempts', 'created_at', 'next_at', 'lease_until', 'lease_token', 'delivered_at', 'failed_at', 'last_status', 'last_error', 'last_ms'];

/**
 * The outbox (services/outbox), adopted with its rows when an earlier build made it with
 * `hasTable → createTable`. The unique key is what makes a change one event per receiver.
 */
export default defineMigration<Core.Strapi>(__filename, async (trx) => {
  if (await trx.schema.hasTable(TABLE)) {
    const missing = await missingColumns(trx, TABLE, COLUMNS);
    if (missing.length) throw new Error(`[revalidate] ${TABLE} exists but lacks ${missing.join(', ')}: not a table this plugin made`);
  } else {
    await trx.schema.createTable(TABLE, (t) => {
      t.increments('id');
      t.string('unique_key', 64).notNullable();
      t.string('event_id', 64).notNullable();
      t.text('receiver').notNullable();
      t.text('payload').notNullable();
      t.integer('attempts').notNullable().defaultTo(0);
      // Epoch ms: compared in JavaScript, the same on SQLite and PostgreSQL.
      t.bigInteger('created_at').notNullable();
      t.bigInteger('next_at').notNullable();
      t.bigInteger('lease_until').nullable();
      t.string('lease_token', 64).nullable();
      t.bigInteger('delivered_at').nullable();
      t.bigInteger('failed_at').nullable();
      t.integer('last_status').nullable();
      t.string('last_error', 500).nullable();
      t.integer('last_ms').nullable();
    });
  }
  await ensureUniqueKey(trx, TABLE, `${TABLE}_unique`, ['unique_key']);
  await ensureIndex(trx, TABLE, `${TABLE}_due`, ['delivered_at', 'failed_at', 'next_at']);
});
