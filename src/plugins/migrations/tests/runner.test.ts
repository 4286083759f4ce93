import knexFactory, { type Knex } from 'knex';
import { defineMigration, MIGRATIONS_TABLE, runMigrations, type TableMigration } from '../src/runner';

/** The runner on a throwaway in-memory SQLite database: no Strapi needed. */
describe('runMigrations', () => {
  let knex: Knex;
  beforeEach(() => {
    knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  });
  afterEach(() => knex.destroy());

  const log: string[] = [];
  beforeEach(() => log.splice(0));
  const createTable = (version: number, table: string): TableMigration<string> => ({
    version,
    name: `create-${table}`,
    up: async (trx, context) => {
      log.push(`${context}:${table}`);
      await trx.schema.createTable(table, (t) => t.increments('id'));
    },
  });
  const rows = () => knex(MIGRATIONS_TABLE).orderBy(['plugin', 'version']).select('plugin', 'version', 'name');

  it('applies the pending steps in order, once, and records each', async () => {
    const list = [createTable(1, 'first'), createTable(2, 'second')];
    expect((await runMigrations(knex, 'demo', list, 'ctx')).map((m) => m.version)).toEqual([1, 2]);
    expect(log).toEqual(['ctx:first', 'ctx:second']);
    expect(await runMigrations(knex, 'demo', list, 'ctx')).toEqual([]);
    expect(log).toHaveLength(2);
    const more = [...list, createTable(3, 'third')];
    expect((await runMigrations(knex, 'demo', more, 'ctx')).map((m) => m.name)).toEqual(['create-third']);
    expect(await rows()).toEqual([
      { plugin: 'demo', version: 1, name: 'create-first' },
      { plugin: 'demo', version: 2, name: 'create-second' },
      { plugin: 'demo', version: 3, name: 'create-third' },
    ]);
  });

  it('keeps scopes apart: the same number in two plugins is two steps', async () => {
    await runMigrations(knex, 'one', [createTable(1, 'a')], 'ctx');
    await runMigrations(knex, 'two', [createTable(1, 'b')], 'ctx');
    expect((await rows()).map((r: { plugin: string }) => r.plugin)).toEqual(['one', 'two']);
  });

  it('rolls a failing step back with its record and stops before the next', async () => {
    const failing: TableMigration<string> = {
      version: 2,
      name: 'half-done',
      up: async (trx) => {
        await trx.schema.createTable('partial', (t) => t.increments('id'));
        throw new Error('disk full');
      },
    };
    const list = [createTable(1, 'first'), failing, createTable(3, 'third')];
    await expect(runMigrations(knex, 'demo', list, 'ctx')).rejects.toThrow('disk full');
    expect(await knex.schema.hasTable('partial')).toBe(false);
    expect(await knex.schema.hasTable('third')).toBe(false);
    expect((await rows()).map((r: { version: number }) => r.version)).toEqual([1]);
  });

  it('refuses to run a list the database contradicts, changing nothing', async () => {
    await runMigrations(knex, 'demo', [createTable(1, 'first')], 'ctx');
    await expect(runMigrations(knex, 'demo', [createTable(1, 'renamed')], 'ctx')).rejects.toThrow(/was applied as "create-first"/);
    expect(await knex.schema.hasTable('renamed')).toBe(false);
  });

  it('takes number and name from the file name', () => {
    const up = async () => undefined;
    expect(defineMigration('/app/dist/migrations/004-add-owner-column.js', up)).toMatchObject({ version: 4, name: 'add-owner-column' });
    expect(() => defineMigration('/app/migrations/add-owner-column.ts', up)).toThrow(/not named like 001-what-it-does.ts/);
  });
});
