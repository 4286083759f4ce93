import path from 'node:path';
import type { Knex } from 'knex';
import { parseFileName, planMigrations, type AppliedRow, type Migration } from './plan';

/** One table for every scope (each plugin, and the app): a row per migration applied. */
export const MIGRATIONS_TABLE = 'plugin_migrations';

export type TableMigration<Context> = Migration<Knex.Transaction, Context>;

/**
 * A migration whose number and name come from its own file name (`001-create-slug-registry.ts`),
 * so the two cannot drift apart: `export default defineMigration(__filename, async (trx) => …)`.
 */
export function defineMigration<Context>(file: string, up: TableMigration<Context>['up']): TableMigration<Context> {
  const parsed = parseFileName(path.basename(file));
  if (!parsed) throw new Error(`[migrations] "${path.basename(file)}" is not named like 001-what-it-does.ts`);
  return { ...parsed, up };
}

/**
 * Creates the migrations table when missing. Two instances starting together may both try: the
 * loser's error (PostgreSQL reports a duplicate type) is ignored once the table is there.
 */
async function ensureMigrationsTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(MIGRATIONS_TABLE)) return;
  try {
    await knex.schema.createTable(MIGRATIONS_TABLE, (t) => {
      t.increments('id');
      t.string('plugin', 100).notNullable();
      t.integer('version').notNullable();
      t.string('name', 255).notNullable();
      t.timestamp('applied_at').notNullable().defaultTo(knex.fn.now());
      t.unique(['plugin', 'version'], { indexName: `${MIGRATIONS_TABLE}_unique` });
    });
  } catch (error) {
    if (!(await knex.schema.hasTable(MIGRATIONS_TABLE))) throw error;
  }
}

async function appliedRows(knex: Knex, scope: string): Promise<AppliedRow[]> {
  const rows: AppliedRow[] = await knex(MIGRATIONS_TABLE).where({ plugin: scope }).select('version', 'name').orderBy('version');
  return rows.map((r) => ({ version: Number(r.version), name: r.name }));
}

/**
 * Applies the scope's pending migrations in order, each in its own transaction with the row that
 * records it (DDL is transactional on PostgreSQL and SQLite: a failed step leaves nothing behind).
 * Safe with several instances starting at once: the row is inserted first, under the unique
 * (plugin, version) key, so a second instance waits on that key until the first commits, then
 * finds it taken and skips the step; it never runs step 2 before step 1 is committed. Inserting
 * first also makes SQLite take its write lock at once (busy timeout) rather than fail a
 * read-then-write upgrade. Returns the migrations this call applied.
 */
export async function runMigrations<Context, M extends TableMigration<Context>>(
  knex: Knex,
  scope: string,
  migrations: readonly M[],
  context: Context
): Promise<M[]> {
  await ensureMigrationsTable(knex);
  const plan = planMigrations(scope, migrations, await appliedRows(knex, scope));
  if (!plan.ok) throw new Error(plan.problem);
  const applied: M[] = [];
  for (const migration of plan.pending) {
    const ran = await knex.transaction(async (trx) => {
      const claimed = await trx(MIGRATIONS_TABLE)
        .insert({ plugin: scope, version: migration.version, name: migration.name })
        .onConflict(['plugin', 'version'])
        .ignore()
        .returning('id');
      if (claimed.length === 0) return false;
      await migration.up(trx, context);
      return true;
    });
    if (ran) applied.push(migration);
  }
  return applied;
}
