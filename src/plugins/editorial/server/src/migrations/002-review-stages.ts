import type { Core } from '@strapi/strapi';
import { defineMigration, ensureIndex, ensureUniqueKey, missingColumns } from 'strapi-plugin-migrations-runner';
import { STAGE_COLUMNS, STAGES_TABLE, TRAIL_COLUMNS, TRAIL_TABLE } from '../services/review';

/**
 * Review stages: plain tables (not content types: no content-API route, GraphQL type or admin
 * editor). One row per document and locale holds the current stage under a unique key, so two
 * instances cannot create it twice and a change is a conditional UPDATE … WHERE stage = expected;
 * the trail keeps every change. A locale-less type stores '' (a NULL would escape the unique key).
 */
export default defineMigration<Core.Strapi>(__filename, async (trx) => {
  if (await trx.schema.hasTable(STAGES_TABLE)) {
    const missing = await missingColumns(trx, STAGES_TABLE, [...STAGE_COLUMNS]);
    if (missing.length) throw new Error(`[editorial] ${STAGES_TABLE} exists but lacks ${missing.join(', ')}: not a table this plugin made`);
  } else {
    await trx.schema.createTable(STAGES_TABLE, (t) => {
      t.increments('id');
      t.string('uid', 255).notNullable();
      t.string('document_id', 255).notNullable();
      t.string('locale', 32).notNullable().defaultTo('');
      t.string('stage', 16).notNullable();
      // Epoch ms of the last change: the queue's "waiting since", compared the same on both databases.
      t.bigInteger('since').notNullable();
      t.string('submitted_by_id', 64).nullable();
      t.string('submitted_by_name', 255).nullable();
    });
  }
  await ensureUniqueKey(trx, STAGES_TABLE, `${STAGES_TABLE}_key`, ['uid', 'document_id', 'locale']);
  await ensureIndex(trx, STAGES_TABLE, `${STAGES_TABLE}_queue`, ['stage', 'locale', 'since']);

  if (await trx.schema.hasTable(TRAIL_TABLE)) {
    const missing = await missingColumns(trx, TRAIL_TABLE, [...TRAIL_COLUMNS]);
    if (missing.length) throw new Error(`[editorial] ${TRAIL_TABLE} exists but lacks ${missing.join(', ')}: not a table this plugin made`);
  } else {
    await trx.schema.createTable(TRAIL_TABLE, (t) => {
      t.increments('id');
      t.string('uid', 255).notNullable();
      t.string('document_id', 255).notNullable();
      t.string('locale', 32).notNullable().defaultTo('');
      t.string('from_stage', 16).notNullable();
      t.string('stage', 16).notNullable();
      t.text('note').nullable();
      t.string('actor_type', 16).notNullable();
      t.string('actor_id', 64).nullable();
      t.string('actor_name', 255).nullable();
      t.bigInteger('at').notNullable();
    });
  }
  await ensureIndex(trx, TRAIL_TABLE, `${TRAIL_TABLE}_document`, ['uid', 'document_id', 'locale', 'id']);
});
