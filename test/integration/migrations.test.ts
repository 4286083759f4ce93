import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { MIGRATIONS_TABLE, runMigrations } from 'strapi-table-migrations';
import { READ_INDEXES } from '../../src/bootstrap/indexes';
import { RACE_LOG, RACE_SCOPE, raceSteps } from '../helpers/migration-race';
import { migrate as migrateApp } from '../../src/migrations';
import { migrate as migrateNewsroom } from '../../src/plugins/newsroom/server/src/migrations';
import { migrate as migrateText } from '../../src/plugins/vietnamese-text/server/src/migrations';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const SLUGS = 'vietnamese_text_slugs';
const SEARCH = 'vietnamese_text_search';
const OWNERS = 'newsroom_schedule_owners';
const CLAIMS = 'newsroom_schedule_claims';
const STORE = 'strapi_core_store_settings';
const VERSION_KEY = 'plugin_vietnamese-text_search_index_version';
const APPLIED = [
  { plugin: 'app', version: 1, name: 'create-read-indexes' },
  { plugin: 'newsroom', version: 1, name: 'create-schedule-owners' },
  { plugin: 'newsroom', version: 2, name: 'create-schedule-claims' },
  { plugin: 'vietnamese-text', version: 1, name: 'create-slug-registry' },
  { plugin: 'vietnamese-text', version: 2, name: 'create-search-index' },
];

describeIntegration(`migrations (${testDatabase})`, () => {
  let app: TestApp;
  const db = () => app.strapi.db.connection;
  const appliedRows = async () =>
    (await db()(MIGRATIONS_TABLE).whereNot('plugin', RACE_SCOPE).orderBy(['plugin', 'version']).select('plugin', 'version', 'name')).map(
      (r: { plugin: string; version: number | string; name: string }) => ({ ...r, version: Number(r.version) })
    );
  const indexNames = async (): Promise<string[]> =>
    testDatabase === 'postgres'
      ? (await db().raw(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()`)).rows.map((r: { name: string }) => r.name)
      : (await db().raw(`SELECT name FROM sqlite_master WHERE type = 'index'`)).map((r: { name: string }) => r.name);
  const searchRows = () => db()(SEARCH).orderBy('id').select('id', 'content_type', 'document_id', 'locale', 'title', 'slug');
  /** Every step as the plugins' and the app's bootstraps run them. */
  const migrateAll = async () => ({
    text: await migrateText(app.strapi),
    newsroom: await migrateNewsroom(app.strapi),
    app: await migrateApp(app.strapi),
  });

  /** Turns the app's database into one made by the code before migrations (test/fixtures/legacy-schema). */
  async function makeLegacyDatabase(): Promise<void> {
    await db().schema.dropTableIfExists(MIGRATIONS_TABLE);
    for (const table of [`${SEARCH}_fts`, SEARCH, SLUGS, OWNERS, CLAIMS]) await db().schema.dropTableIfExists(table);
    for (const { name } of READ_INDEXES) await db().raw('DROP INDEX IF EXISTS ??', [name]);
    await db()(STORE).where({ key: VERSION_KEY }).delete();
    const sql = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'legacy-schema', `${testDatabase}.sql`), 'utf8');
    for (const statement of sql.split(/;\n/).filter((s) => s.trim())) await db().raw(statement);
  }

  const PUBLISHED = 3;
  beforeAll(async () => {
    app = await startApp({ SEED_SAMPLE_DATA: 'false' });
    for (let i = 1; i <= PUBLISHED; i += 1) {
      await app.strapi.documents('api::article.article').create({ status: 'published', data: { title: `Hội nghị tổng kết khối thi đua số ${i}` } });
    }
  }, 120_000);
  afterAll(() => app?.stop());

  it('a fresh start applies every step and records it', async () => {
    expect(await appliedRows()).toEqual(APPLIED);
    expect(await indexNames()).toEqual(expect.arrayContaining(READ_INDEXES.map((i) => i.name)));
  });

  it('adopts a database made before migrations, keeping its rows', async () => {
    await makeLegacyDatabase();
    const slugRows = [
      { content_type: 'api::article.article', locale: 'vi', slug: 'hoi-nghi-tong-ket', document_id: 'doc-a', is_current: true, published_once: true },
      { content_type: 'api::article.article', locale: 'vi', slug: 'hoi-nghi-cu', document_id: 'doc-a', is_current: false, published_once: true },
    ];
    await db()(SLUGS).insert(slugRows);
    const owner = { document_id: 'doc-b', locale: 'vi', action: 'publish', due_at_ms: 1_900_000_000_000, principal_kind: 'admin', principal_id: '1', edited_by: null, set_at_ms: 1_800_000_000_000 };
    await db()(OWNERS).insert(owner);
    const claim = { document_id: 'doc-c', locale: 'vi', action: 'publish', due_at_ms: 1_700_000_000_000, token: 'old-instance:1', status: 'done', reason: null, instance: 'old-instance', acted_at_ms: 1_700_000_000_500 };
    await db()(CLAIMS).insert(claim);
    const indexed = await app.strapi.plugin('vietnamese-text').service('searchIndex').rebuild();
    expect(indexed).toBe(PUBLISHED);
    const searchBefore = await searchRows();

    const result = await migrateAll();
    expect(result.text.applied.map((m) => m.name)).toEqual(['create-slug-registry', 'create-search-index']);
    expect(result.text.indexed).toBe(indexed);
    expect(result.newsroom.map((m) => m.name)).toEqual(['create-schedule-owners', 'create-schedule-claims']);
    expect(result.app.map((m) => m.name)).toEqual(['create-read-indexes']);
    expect(await appliedRows()).toEqual(APPLIED);
    // The version moved from the core store to the migrations table.
    expect(await db()(STORE).where({ key: VERSION_KEY }).first()).toBeUndefined();

    const slugs = await db()(SLUGS).orderBy('id').select('content_type', 'locale', 'slug', 'document_id', 'is_current', 'published_once');
    expect(slugs.map((r: Record<string, unknown>) => ({ ...r, is_current: Boolean(r.is_current), published_once: Boolean(r.published_once) }))).toEqual(slugRows);
    const owners = await db()(OWNERS).select(Object.keys(owner));
    expect(owners.map((r: Record<string, unknown>) => ({ ...r, due_at_ms: Number(r.due_at_ms), set_at_ms: Number(r.set_at_ms) }))).toEqual([owner]);
    const claims = await db()(CLAIMS).select(Object.keys(claim));
    expect(claims.map((r: Record<string, unknown>) => ({ ...r, due_at_ms: Number(r.due_at_ms), acted_at_ms: Number(r.acted_at_ms) }))).toEqual([claim]);
    expect(await searchRows()).toEqual(searchBefore);
    // The adopted tables still hold their unique keys: the same row twice is refused the second
    // time (whatever else the running app did to the rows meanwhile).
    const twice = async (insert: () => PromiseLike<unknown>) => {
      await Promise.resolve(insert()).catch(() => undefined);
      await expect(Promise.resolve(insert())).rejects.toThrow();
    };
    await twice(() => db()(SLUGS).insert(slugRows[0]));
    await twice(() => db()(OWNERS).insert(owner));
    expect(await indexNames()).toEqual(expect.arrayContaining(READ_INDEXES.map((i) => i.name)));
  });

  it('a second run applies nothing', async () => {
    const rows = await appliedRows();
    expect(await migrateAll()).toEqual({ text: { applied: [], indexed: 0 }, newsroom: [], app: [] });
    expect(await appliedRows()).toEqual(rows);
  });

  it('remakes a search index of an older layout than the last one before migrations', async () => {
    const before = await searchRows();
    await db()(MIGRATIONS_TABLE).where({ plugin: 'vietnamese-text', version: 2 }).delete();
    await db()(STORE).insert({ key: VERSION_KEY, value: '1', type: 'number', environment: null, tag: null });
    // A column the current layout does not have: gone once the table is made anew.
    await db().schema.alterTable(SEARCH, (t) => t.text('old_layout').nullable());
    const { applied, indexed } = await migrateText(app.strapi);
    expect(applied.map((m) => m.name)).toEqual(['create-search-index']);
    expect(await db().schema.hasColumn(SEARCH, 'old_layout')).toBe(false);
    expect(indexed).toBe(before.length);
    expect(await searchRows()).toEqual(before);
  });

  it('two instances starting together apply each step once, in order', async () => {
    await db().schema.createTable(RACE_LOG, (t) => {
      t.increments('id');
      t.integer('version').notNullable();
      t.string('runner', 16).notNullable();
    });
    const config =
      testDatabase === 'postgres'
        ? { client: 'pg', connection: app.env.DATABASE_URL }
        : { client: 'better-sqlite3', connection: { filename: app.env.DATABASE_FILENAME }, useNullAsDefault: true };
    const child = spawn(process.execPath, [path.join(__dirname, '..', 'helpers', 'migration-race.js'), JSON.stringify(config)], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      expect((await lines.next()).value).toBe('ready');
      child.stdin.write('go\n');
      const [mine, theirs] = await Promise.all([
        runMigrations(db(), RACE_SCOPE, raceSteps(), 'parent'),
        lines.next().then((line) => JSON.parse(String(line.value)) as number[]),
      ]);
      expect([...mine.map((m) => m.version), ...theirs].sort()).toEqual([1, 2, 3]);
      const log = await db()(RACE_LOG).orderBy('id').select('version');
      expect(log.map((r: { version: number }) => r.version)).toEqual([1, 2, 3]);
      expect((await db()(MIGRATIONS_TABLE).where({ plugin: RACE_SCOPE }).orderBy('version')).map((r: { version: number | string }) => Number(r.version))).toEqual([1, 2, 3]);
    } finally {
      child.kill();
      await db().schema.dropTableIfExists(RACE_LOG);
    }
  });
});
