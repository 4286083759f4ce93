import type { Core } from '@strapi/strapi';
import { defineMigration, ensureIndex, ensureUniqueKey } from 'strapi-plugin-migrations-runner';
import { TABLE } from '../services/store';

/**
 * The jobs table (services/store). `pending_key` is the job's key while it waits and NULL
 * otherwise; unique with `name`, it makes one waiting job per key (NULLs never collide, on
 * PostgreSQL or SQLite), while a job of the same key may be running meanwhile.
 */
export default defineMigration<Core.Strapi>(__filename, async (trx) => {
  await trx.schema.createTable(TABLE, (t) => {
    t.increments('id');
    t.string('name', 64).notNullable();
    t.string('job_key', 191).notNullable();
    t.string('pending_key', 191).nullable();
    t.text('payload').nullable();
    t.string('state', 16).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    // Epoch ms: compared in JavaScript, the same on SQLite and PostgreSQL.
    t.bigInteger('run_at').notNullable();
    t.bigInteger('lease_until').nullable();
    t.string('lease_token', 64).nullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.bigInteger('finished_at').nullable();
    t.string('last_error', 1000).nullable();
  });
  await ensureUniqueKey(trx, TABLE, `${TABLE}_pending`, ['name', 'pending_key']);
  await ensureIndex(trx, TABLE, `${TABLE}_due`, ['state', 'run_at']);
  await ensureIndex(trx, TABLE, `${TABLE}_key`, ['name', 'job_key', 'state']);
});
