import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import request from 'supertest';
import { hasUniqueKey, MIGRATIONS_TABLE } from 'strapi-plugin-migrations-runner';
import { READ_INDEXES } from '../../src/bootstrap/indexes';
import { migrate as migrateApp } from '../../database/migrations';
import { migrate as migrateEditorial } from '../../src/plugins/editorial/server/src/migrations';
import { migrate as migrateJobs } from '../../src/plugins/jobs/server/src/migrations';
import { migrate as migrateNewsroom } from '../../src/plugins/newsroom/server/src/migrations';
import { migrate as migrateRevalidate } from '../../src/plugins/revalidate/server/src/migrations';
import { migrate as migrateText } from '../../src/plugins/vietnamese-text/server/src/migrations';
import { queryFailure } from '../helpers/query-failure';
import { bootApp, createSeededEnv, describeIntegration, testDatabase, type TestApp } from '../helpers/strapi';

/**
 * An upgrade: the new code boots on a database made by the code before migrations (main at
 * 13431a4: test/fixtures/legacy-schema) holding rows, and reaches the new schema with the rows intact.
 */
const SLUGS = 'vietnamese_text_slugs';
const SEARCH = 'vietnamese_text_search';
const OWNERS = 'newsroom_schedule_owners';
const CLAIMS = 'newsroom_schedule_claims';
/** Made by `hasTable → createTable` at 17fcbca (the DDL 001-outbox keeps), before the runner knew it. */
const OUTBOX = 'revalidate_outbox';
const STORE = 'strapi_core_store_settings';
const JOBS = 'background_jobs';
const UNIQUE_VIOLATION = /UNIQUE constraint failed|duplicate key value violates unique constraint/;
const LEGACY_VERSION_KEY = 'plugin_vietnamese-text_search_index_version';
const EXPECTED = [
  'app/001-read-indexes',
  'app/002-validity-rollovers',
  'app/003-media-texts',
  'app/004-schedule-indexes',
  'editorial/001-audit-log',
  'editorial/002-review-stages',
  'editorial/003-content-history',
  'jobs/001-jobs',
  'newsroom/001-schedule-owners',
  'newsroom/002-schedule-claims',
  'revalidate/001-outbox',
  'vietnamese-text/001-slug-registry',
  'vietnamese-text/002-search-index-v2',
];
/** A word no sample content has: found only if the legacy index rows were kept (a rebuild drops it). */
const MARKER = 'xyzlegacy';
const OWNER_ROW = { document_id: 'legacy-doc-b', locale: 'vi', action: 'publish', due_at_ms: 1_900_000_000_000, principal_kind: 'admin', principal_id: '1', edited_by: null, set_at_ms: 1_800_000_000_000 };
const OUTBOX_ROW = { unique_key: 'k'.repeat(64), event_id: 'legacy-event', receiver: 'https://site.example/hook', payload: '{}', attempts: 2, created_at: 1_800_000_000_000, next_at: 1_800_000_010_000 };
const CLAIM_ROW = { document_id: 'legacy-doc-c', locale: 'vi', action: 'publish', due_at_ms: 1_700_000_000_000, token: 'old:1', status: 'done', reason: null, instance: 'old', acted_at_ms: 1_700_000_000_500 };

type Row = Record<string, unknown>;
const postgres = testDatabase === 'postgres';
/** Booleans and bigints as both databases give them back, for comparing rows. */
const plain = (rows: Row[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : typeof v === 'string' && /_ms$/.test(k) ? Number(v) : v])));

function openDatabase(env: Record<string, string>): Knex {
  return postgres
    ? knexFactory({ client: 'pg', connection: env.DATABASE_URL })
    : knexFactory({ client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME }, useNullAsDefault: true });
}

/**
 * Turns a copy of the seeded database into one today's code made: its own tables remade with
 * today's DDL (the fixture) and their rows put back, the read indexes as today's code made them,
 * the search index version in the core store, and no plugin_migrations. The search tables are
 * kept with their rows: they were made by the same createTable block (002 is today's, verbatim),
 * and SQLite's contentless FTS5 table cannot give back the words it indexed to be re-inserted.
 * The slug registry then loses its unique key, as in a table made by an older build.
 */
async function makeTodaysDatabase(db: Knex): Promise<{ slugs: Row[] }> {
  const slugs: Row[] = await db(SLUGS).orderBy('id');
  await db.schema.dropTable(MIGRATIONS_TABLE);
  for (const table of [SLUGS, OWNERS, CLAIMS]) await db.schema.dropTable(table);
  // Made only by its migration (the jobs plugin came after the runner): an older database has none.
  await db.schema.dropTable(JOBS);
  for (const { name } of READ_INDEXES) await db.raw('DROP INDEX ??', [name]);
  const fixture = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'legacy-schema', `${testDatabase}.sql`), 'utf8');
  const ddl = fixture.split(';\n').filter((sql) => sql.trim() && !sql.includes(SEARCH));
  for (const sql of ddl) await db.raw(sql);
  for (let i = 0; i < slugs.length; i += 100) await db(SLUGS).insert(slugs.slice(i, i + 100));
  if (postgres) await db.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM ??))`, [SLUGS, SLUGS]);
  await db(OWNERS).insert(OWNER_ROW);
  await db(CLAIMS).insert(CLAIM_ROW);
  // An index row only the legacy index has.
  const marker = { id: 1, content_type: 'api::article.article', type: 'article', document_id: 'legacy-doc-a', locale: 'vi', title: MARKER, slug: MARKER, excerpt: '', sort_time: 0 };
  if (postgres) {
    const words = db.raw(`to_tsvector('simple', ?)`, [MARKER]);
    await db(SEARCH).insert({ ...marker, title_f: words, all_f: words, title_x: words });
  } else {
    await db(SEARCH).insert(marker);
    await db.raw(`INSERT INTO ${SEARCH}_fts (rowid, facets, title_f, text_f, title_x) VALUES (1, 'localevi typearticle', ?, '', ?)`, [MARKER, MARKER]);
  }
  await db.raw(postgres ? `ALTER TABLE ?? DROP CONSTRAINT ??` : 'DROP INDEX ??', postgres ? [SLUGS, `${SLUGS}_unique`] : [`${SLUGS}_unique`]);
  // The outbox with a row waiting, and without its unique key (001-outbox makes it when missing).
  await db(OUTBOX).insert(OUTBOX_ROW);
  await db.raw(postgres ? `ALTER TABLE ?? DROP CONSTRAINT IF EXISTS ??` : 'DROP INDEX ??', postgres ? [OUTBOX, `${OUTBOX}_unique`] : [`${OUTBOX}_unique`]);
  if (postgres) await db.raw('DROP INDEX IF EXISTS ??', [`${OUTBOX}_unique`]);
  return { slugs };
}

describeIntegration(`upgrade from the schema before migrations (${testDatabase})`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let app: TestApp | undefined;
  let before: { slugs: Row[] };
  const db = () => app!.strapi.db.connection;
  const recorded = async () =>
    (await db()(MIGRATIONS_TABLE).orderBy(['plugin', 'name']).select('id', 'plugin', 'name', 'applied_at')).map((r: Row) => ({ ...r, applied_at: String(r.applied_at) }));
  const keep = async () => {};

  beforeAll(async () => {
    ({ env, drop } = await createSeededEnv());
    const legacy = openDatabase(env);
    try {
      before = await makeTodaysDatabase(legacy);
      // Today's database as the fixture made it: no unique key on the slugs (the older build), none recorded.
      expect(await hasUniqueKey(legacy, SLUGS, ['content_type', 'locale', 'slug'])).toBe(false);
      expect(await legacy.schema.hasTable(MIGRATIONS_TABLE)).toBe(false);
    } finally {
      await legacy.destroy();
    }
    app = await bootApp(env, keep);
  }, 240_000);
  afterAll(async () => {
    await app?.stop();
    await drop?.();
  });

  it('records every migration once', async () => {
    expect((await recorded()).map((r: Row) => `${r.plugin}/${r.name}`)).toEqual(EXPECTED);
  });

  it('keeps the slug registry rows and makes its missing unique key', async () => {
    const rows: Row[] = await db()(SLUGS).orderBy('id');
    expect(plain(rows)).toEqual(plain(before.slugs));
    expect(rows.length).toBeGreaterThan(10);
    expect(await hasUniqueKey(db(), SLUGS, ['content_type', 'locale', 'slug'])).toBe(true);
    const { id: _id, ...copy } = rows[0];
    expect(await queryFailure(db()(SLUGS).insert(copy))).toMatch(UNIQUE_VIOLATION);
  });

  it('keeps the schedules and the webhook outbox, their unique keys, and the pages by slug', async () => {
    expect(plain(await db()(OWNERS).select(Object.keys(OWNER_ROW)))).toEqual(plain([OWNER_ROW]));
    expect(plain(await db()(CLAIMS).select(Object.keys(CLAIM_ROW)))).toEqual(plain([CLAIM_ROW]));
    expect(await queryFailure(db()(OWNERS).insert(OWNER_ROW))).toMatch(UNIQUE_VIOLATION);
    expect(await queryFailure(db()(CLAIMS).insert(CLAIM_ROW))).toMatch(UNIQUE_VIOLATION);
    const outbox: Row[] = await db()(OUTBOX).select(Object.keys(OUTBOX_ROW));
    // PostgreSQL gives bigint columns back as strings.
    expect(outbox.map((r) => ({ ...r, created_at: Number(r.created_at), next_at: Number(r.next_at) }))).toEqual([OUTBOX_ROW]);
    expect(await hasUniqueKey(db(), OUTBOX, ['unique_key'])).toBe(true);
    expect(await queryFailure(db()(OUTBOX).insert(OUTBOX_ROW))).toMatch(UNIQUE_VIOLATION);
    const current = before.slugs.find((r) => r.content_type === 'api::article.article' && r.locale === 'vi' && Boolean(r.is_current));
    expect(current).toBeDefined();
    await request(app!.strapi.server.httpServer).get(`/api/articles/by-slug/${String(current!.slug)}`).expect(200);
  });

  it('adopts the search index as it was (no rebuild) and answers from it', async () => {
    const api = () => request(app!.strapi.server.httpServer);
    const marker = await api().get('/api/search').query({ q: MARKER }).expect(200);
    expect(marker.body.data.map((h: { documentId: string }) => h.documentId)).toEqual(['legacy-doc-a']);
    const found = await api().get('/api/search').query({ q: 'thi dua', pageSize: 5 }).expect(200);
    expect(found.body.data.length).toBeGreaterThan(0);
    expect(await db()(STORE).where({ key: LEGACY_VERSION_KEY }).first()).toBeUndefined();
  });

  it('has the read indexes', async () => {
    const names: string[] = postgres
      ? (await db().raw(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()`)).rows.map((r: { name: string }) => r.name)
      : (await db().raw(`SELECT name FROM sqlite_master WHERE type = 'index'`)).map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(READ_INDEXES.map((i) => i.name)));
  });

  it('a second boot applies nothing', async () => {
    const first = await recorded();
    await app!.stop();
    app = undefined;
    app = await bootApp(env, keep);
    expect(await recorded()).toEqual(first);
    // And run again by hand: every list is fully applied.
    expect([...(await migrateApp(app.strapi)), ...(await migrateEditorial(app.strapi)), ...(await migrateJobs(app.strapi)), ...(await migrateNewsroom(app.strapi)), ...(await migrateRevalidate(app.strapi)), ...(await migrateText(app.strapi)).applied]).toEqual([]);
  }, 240_000);
});
