import type { Knex } from 'knex';
import { isPostgres } from './keys';
import { migrationName, planMigrations } from './plan';

/** One table for every owner (each plugin, and the app): a row per migration applied. */
export const MIGRATIONS_TABLE = 'plugin_migrations';

/**
 * One numbered step. `up` gets the transaction it must use for every query (on SQLite the pool
 * has one connection: a query outside it would wait for the transaction forever). What `up`
 * returns is handed back to the caller (e.g. "the search index must be rebuilt").
 */
export interface Migration<Context, Outcome = void> {
  name: string;
  up(trx: Knex.Transaction, context: Context): Promise<Outcome>;
}

export interface Applied<Outcome> {
  name: string;
  outcome: Outcome;
}

/** `export default defineMigration(__filename, async (trx, ctx) => …)`: the file name is the migration's name. */
export function defineMigration<Context, Outcome = void>(file: string, up: Migration<Context, Outcome>['up']): Migration<Context, Outcome> {
  return { name: migrationName(file), up };
}

/** PostgreSQL advisory lock key of the table's creation: any fixed number, the same in every instance. */
const CREATE_LOCK = 7_310_020;

/**
 * Creates plugin_migrations when missing, with statements that are each a no-op when another
 * instance got there first. Not in one transaction on SQLite: two deferred transactions that both
 * read the schema, then both write, deadlock, and SQLite answers one of them "database is locked"
 * at once instead of waiting (each statement alone waits its turn). On PostgreSQL two
 * `CREATE TABLE IF NOT EXISTS` at the same moment can still collide in the catalog (a duplicate
 * type error), so there they run under a lock held until their transaction ends.
 */
async function ensureMigrationsTable(knex: Knex): Promise<void> {
  const create = async (db: Knex) => {
    if (!(await db.schema.hasTable(MIGRATIONS_TABLE))) {
      try {
        await db.schema.createTable(MIGRATIONS_TABLE, (t) => {
          t.increments('id');
          t.string('plugin', 100).notNullable();
          t.string('name', 255).notNullable();
          t.timestamp('applied_at').notNullable().defaultTo(db.fn.now());
        });
      } catch (error) {
        // Another instance created it between the check and the creation.
        if (!(await db.schema.hasTable(MIGRATIONS_TABLE))) throw error;
      }
    }
    await db.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', [`${MIGRATIONS_TABLE}_unique`, MIGRATIONS_TABLE, 'plugin', 'name']);
  };
  if (!isPostgres(knex)) return create(knex);
  await knex.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [CREATE_LOCK]);
    await create(trx);
  });
}

/** Tries of a step that SQLite refused with "database is locked"; 20 tries, 50 ms more each time: ~10 s in all. */
const BUSY_TRIES = 20;

/**
 * A transaction, tried again when SQLite gives up on a lock. Two instances on one SQLite file both
 * in a transaction that writes: SQLite refuses one of them rather than let both wait on each
 * other; that one rolled back (nothing of it stays), it waits and starts again, and by then the
 * other has committed. PostgreSQL waits on the unique key instead: never retried there.
 */
async function transaction<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await knex.transaction(work);
    } catch (error) {
      const busy = (error as { code?: string }).code === 'SQLITE_BUSY';
      if (!busy || attempt >= BUSY_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * Applies the owner's pending migrations in order, each in one transaction with the row that
 * records it (DDL is transactional on PostgreSQL and SQLite: a failed step leaves nothing behind
 * and is tried again at the next start). The row is inserted FIRST, under the unique
 * (plugin, name) key: a second instance starting at the same time waits on that key until the
 * first commits, then finds the row taken and skips the step, so no step runs twice and none runs
 * before the one it follows is committed. On SQLite the insert also takes the write lock at once.
 * Returns the steps this call applied, with what each returned.
 */
export async function runMigrations<Context, Outcome>(
  knex: Knex,
  owner: string,
  migrations: readonly Migration<Context, Outcome>[],
  context: Context
): Promise<Applied<Outcome>[]> {
  await ensureMigrationsTable(knex);
  const recorded: { name: string }[] = await knex(MIGRATIONS_TABLE).where({ plugin: owner }).select('name');
  const plan = planMigrations(owner, migrations.map((m) => m.name), recorded.map((r) => r.name));
  if (!plan.ok) throw new Error(plan.problem);
  const applied: Applied<Outcome>[] = [];
  for (const migration of migrations.filter((m) => plan.pending.includes(m.name))) {
    const result = await transaction(knex, async (trx) => {
      const claimed = await trx(MIGRATIONS_TABLE)
        .insert({ plugin: owner, name: migration.name })
        .onConflict(['plugin', 'name'])
        .ignore()
        .returning('id');
      if (claimed.length === 0) return null; // another instance applied it meanwhile
      return { outcome: await migration.up(trx, context) };
    });
    if (result) applied.push({ name: migration.name, outcome: result.outcome });
  }
  return applied;
}
