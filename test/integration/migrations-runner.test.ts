import knexFactory, { type Knex } from 'knex';
import { ensureUniqueKey, hasUniqueKey, MIGRATIONS_TABLE, runMigrations, type Migration } from 'strapi-plugin-migrations-runner';
import { queryFailure } from '../helpers/query-failure';
import { createTestEnv, describeIntegration, testDatabase } from '../helpers/strapi';

/**
 * The runner on a real, empty database, without Strapi: two instances starting together (two
 * connection pools, as two processes have), a failing step, a key an older table lacks.
 */
const LOG = 'runner_test_log';
const UNIQUE_VIOLATION = /UNIQUE constraint failed|duplicate key value violates unique constraint/;
const postgres = testDatabase === 'postgres';

function connect(env: Record<string, string>): Knex {
  return postgres
    ? knexFactory({ client: 'pg', connection: env.DATABASE_URL, pool: { min: 0, max: 4 } })
    : knexFactory({
        client: 'better-sqlite3',
        connection: { filename: env.DATABASE_FILENAME },
        useNullAsDefault: true,
        // Two writers on one SQLite file deadlock on a contested step until the busy timeout
        // (5 s by default) refuses one, which the runner then starts again: a short timeout
        // makes that happen within the test's time, the path taken is the same.
        pool: { afterCreate: (db: { pragma: (sql: string) => unknown }, done: (error: Error | null, db: unknown) => void) => done(null, db.pragma('busy_timeout = 100')) },
      });
}

/** Steps that log who ran them, each held open a moment so that the other instance arrives meanwhile. */
const loggedSteps = (count: number): Migration<string>[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `00${i + 1}-step-${i + 1}`,
    up: async (trx: Knex.Transaction, runner: string) => {
      if (i === 0) await trx.schema.createTable(LOG, (t) => (t.increments('id'), t.string('step', 32), t.string('runner', 8)));
      await new Promise((resolve) => setTimeout(resolve, 150));
      await trx(LOG).insert({ step: `00${i + 1}`, runner });
    },
  }));

describeIntegration(`migration runner (${testDatabase})`, () => {
  let drop: () => Promise<void>;
  let one: Knex;
  let two: Knex;

  beforeAll(async () => {
    const created = await createTestEnv();
    drop = created.drop;
    one = connect(created.env);
    two = connect(created.env);
  });
  afterAll(async () => {
    await one?.destroy();
    await two?.destroy();
    await drop?.();
  });

  it('two instances starting together apply each step once, in order', async () => {
    const steps = loggedSteps(3);
    const [a, b] = await Promise.all([runMigrations(one, 'race', steps, 'one'), runMigrations(two, 'race', steps, 'two')]);
    expect([...a, ...b].map((s) => s.name).sort()).toEqual(steps.map((s) => s.name));
    const log: { step: string }[] = await one(LOG).orderBy('id');
    expect(log.map((r) => r.step)).toEqual(['001', '002', '003']);
    const rows: { name: string }[] = await one(MIGRATIONS_TABLE).where({ plugin: 'race' }).orderBy('id');
    expect(rows.map((r) => r.name)).toEqual(steps.map((s) => s.name));
    // Started again, both find nothing to do.
    expect(await Promise.all([runMigrations(one, 'race', steps, 'one'), runMigrations(two, 'race', steps, 'two')])).toEqual([[], []]);
  });

  it('a failing step leaves nothing behind and is tried again at the next start', async () => {
    const failing: Migration<null> = {
      name: '001-half-done',
      up: async (trx) => {
        await trx.schema.createTable('runner_half_done', (t) => t.increments('id'));
        throw new Error('step failed');
      },
    };
    await expect(runMigrations(one, 'failing', [failing], null)).rejects.toThrow('step failed');
    expect(await one.schema.hasTable('runner_half_done')).toBe(false);
    expect(await one(MIGRATIONS_TABLE).where({ plugin: 'failing' })).toEqual([]);
    const fixed: Migration<null> = { name: '001-half-done', up: async (trx) => void (await trx.schema.createTable('runner_half_done', (t) => t.increments('id'))) };
    expect((await runMigrations(one, 'failing', [fixed], null)).map((s) => s.name)).toEqual(['001-half-done']);
    expect(await one.schema.hasTable('runner_half_done')).toBe(true);
  });

  it('refuses a database that has a migration this code does not know', async () => {
    await runMigrations(one, 'newer', loggedSteps(0), 'one');
    await one(MIGRATIONS_TABLE).insert({ plugin: 'newer', name: '001-from-newer-code' });
    await expect(runMigrations(one, 'newer', [], 'one')).rejects.toThrow(/the database has "001-from-newer-code"/);
  });

  it('makes a unique key an older table lacks, and refuses when rows already break it', async () => {
    await one.schema.createTable('runner_keys', (t) => (t.increments('id'), t.string('a', 8), t.string('b', 8)));
    await one('runner_keys').insert([{ a: 'x', b: '1' }, { a: 'x', b: '2' }]);
    expect(await hasUniqueKey(one, 'runner_keys', ['b', 'a'])).toBe(false);
    expect(await one.transaction((trx) => ensureUniqueKey(trx, 'runner_keys', 'runner_keys_ab', ['a', 'b']))).toBe('created');
    expect(await hasUniqueKey(one, 'runner_keys', ['b', 'a'])).toBe(true);
    expect(await queryFailure(one('runner_keys').insert({ a: 'x', b: '1' }))).toMatch(UNIQUE_VIOLATION);
    expect(await ensureUniqueKey(one, 'runner_keys', 'runner_keys_ab', ['a', 'b'])).toBe('kept');
    await expect(ensureUniqueKey(one, 'runner_keys', 'runner_keys_a', ['a'])).rejects.toThrow(/runner_keys has rows repeating \(a\)/);
  });
});
