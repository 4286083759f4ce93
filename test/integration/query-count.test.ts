import request from 'supertest';
import { ensureReadIndexes, READ_INDEXES } from '../../src/bootstrap/indexes';
import { countQueries } from '../helpers/count-queries';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

// The uncached path: SQL statements per request must not grow with the page size (no N+1), and
// the read indexes that keep lists and slug lookups off full-table scans must exist.
interface Statement {
  sql: string;
  bindings: unknown[];
}
const DOCUMENT_ID = /^[a-z0-9]{24}$/;
interface Sample {
  article: { documentId: string; slug: string };
  bloc: { slug: string };
}

describeIntegration(`SQL per public request (${testDatabase})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    // The steady state is measured: a memoized lookup expiring between a warm-up and its measured
    // request (5 s by default; a loaded machine got there) would count once more. Expiry and
    // invalidation are tested in permission-matrix and the memo's unit test.
    app = await startApp({ LOOKUP_MEMO_TTL_MS: '600000' });
    // The sample covers' sizes are still being made in the background; their queries would count.
    await app.strapi.plugin('image-pipeline').service('queue').idle();
  }, 120_000);
  afterAll(() => app?.stop());

  /** Statements of one uncached request (a cookie makes the API cache step aside). */
  async function statementsOf(url: string): Promise<Statement[]> {
    const http = request(app.strapi.server.httpServer);
    const { result, statements } = await countQueries(app.strapi, () => http.get(url).set('Cookie', 'uncached=1'));
    expect(result.status).toBe(200);
    expect(result.headers['x-cache']).not.toBe('HIT');
    return statements;
  }

  /**
   * How often the most repeated statement was sent, counting statements that differ only in row
   * ids as the same: an N+1 sends one per item of the page (same SQL, another id); batched
   * population sends one per relation or media field (the field name is a parameter), whatever the
   * page size. Transaction control and the default-locale lookup (once per Document Service call)
   * aside.
   */
  function mostRepeated(statements: Statement[]): number {
    const counts = new Map<string, number>();
    const idLike = (value: unknown) => (typeof value === 'number' || (typeof value === 'string' && DOCUMENT_ID.test(value)) ? '#' : value);
    for (const { sql, bindings } of statements) {
      if (/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql) || sql.includes('strapi_core_store_settings')) continue;
      const key = `${sql} ${JSON.stringify(bindings.map(idLike))}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return Math.max(0, ...counts.values());
  }

  it.each([
    ['articles', 'populate=*'],
    ['articles', 'populate[category][fields][0]=name&populate[cover]=true'],
    ['blocs', 'populate=*'],
    ['agencies', 'populate=*'],
    ['movements', 'populate=*'],
    ['categories', 'populate=*'],
  ])('/api/%s?%s sends no statement once per item', async (type, populate) => {
    const url = `/api/${type}?${populate}&pagination[pageSize]=10`;
    await statementsOf(url);
    const statements = await statementsOf(url);
    const page = (await request(app.strapi.server.httpServer).get(url)).body.data as unknown[];
    expect(page.length).toBeGreaterThan(1); // a page of one item would prove nothing
    expect(mostRepeated(statements)).toBe(1);
  });

  it('serves newsroom article pages without a statement per relation item', async () => {
    const list = (await request(app.strapi.server.httpServer).get('/api/articles?pagination[pageSize]=10')).body.data as { slug: string }[];
    expect(list.length).toBeGreaterThan(1);
    for (const { slug } of list) {
      const statements = await statementsOf(`/api/articles/by-slug/${slug}`);
      // Two reads populate covers: the article's own, then the "Tin khác" cards' (one batch each).
      expect({ slug, repeated: Math.min(mostRepeated(statements), 2) }).toEqual({ slug, repeated: mostRepeated(statements) });
      expect(statements.length).toBeLessThan(30);
    }
  });

  /**
   * Statement budgets per public route, uncached, transaction control included. Measured on
   * 2026-12-02 after the Public permissions and the default locale were kept in memory (each route
   * sent 2–3 statements more before: a list of 20 9, an article page 19, a bloc page 20). A route
   * over its budget fails here: something added a lookup to every uncached request. On 2026-12-03
   * an article gained a relation (`legalDocuments`, the văn bản it cites): populate=* reads it with
   * one statement more.
   */
  it.each([
    ['a list of 20', () => '/api/articles?pagination[pageSize]=20', 6],
    ['a list of 20 with categories', () => '/api/articles?populate[category][fields][0]=name&pagination[pageSize]=20', 7],
    ['a list with populate=*', () => '/api/articles?populate=*', 16],
    ['one article by id with populate=*', (a: Sample) => `/api/articles/${a.article.documentId}?populate=*`, 13],
    ['an article page', (a: Sample) => `/api/articles/by-slug/${a.article.slug}`, 17],
    ['a bloc page', (a: Sample) => `/api/blocs/by-slug/${a.bloc.slug}`, 18],
    ['a search', () => '/api/search?q=thi%20%C4%91ua', 4],
    ['the RSS feed', () => '/api/feeds/rss.xml', 6],
    ['the sitemap index', () => '/api/sitemap.xml', 7],
    ['the news sitemap', () => '/api/news-sitemap.xml', 2],
    ['a list of categories', () => '/api/categories', 6],
  ])('%s stays within its budget of statements', async (_name, urlOf, budget) => {
    const http = request(app.strapi.server.httpServer);
    const sample: Sample = {
      article: (await http.get('/api/articles?pagination[pageSize]=1')).body.data[0],
      bloc: (await http.get('/api/blocs?pagination[pageSize]=1')).body.data[0],
    };
    const url = urlOf(sample);
    await statementsOf(url);
    const statements = await statementsOf(url);
    expect({ url, statements: statements.length }).toEqual({ url, statements: Math.min(statements.length, budget) });
  });

  it('has the read indexes, and creating them again changes nothing', async () => {
    await ensureReadIndexes(app.strapi);
    const knex = app.strapi.db.connection;
    for (const { name } of READ_INDEXES) {
      const rows =
        testDatabase === 'postgres'
          ? (await knex.raw('SELECT indexname AS name FROM pg_indexes WHERE indexname = ?', [name])).rows
          : await knex.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?", [name]);
      expect(rows).toHaveLength(1);
    }
  });

  it('refuses an index on an attribute the content type does not have', async () => {
    await expect(
      ensureReadIndexes(app.strapi, [{ uid: 'api::article.article', name: 'articles_nope_idx', attributes: ['nope'] }])
    ).rejects.toThrow(/no attribute nope/);
  });
});
