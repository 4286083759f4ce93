import request from 'supertest';
import { MIGRATIONS_TABLE } from 'strapi-plugin-migrations-runner';
import { migrate as migrateText } from '../../src/plugins/vietnamese-text/server/src/migrations';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

type Hit = { type: string; documentId: string; title: string; slug: string; excerpt: string; score: number };

describeIntegration(`search (${testDatabase})`, () => {
  let app: TestApp;
  const api = () => request(app.strapi.server.httpServer);
  const search = async (query: Record<string, string | number>) => {
    const res = await api().get('/api/search').query(query).expect(200);
    return res.body as {
      data: Hit[];
      meta: { capped: boolean; pagination: { total: number; page: number; pageSize: number; pageCount: number } };
    };
  };
  const titles = async (q: string, extra: Record<string, string> = {}) => (await search({ q, pageSize: 50, ...extra })).data.map((h) => h.title);
  const articles = () => app.strapi.documents('api::article.article');
  const publish = (data: Record<string, unknown>) => articles().create({ status: 'published', data: data as never });

  beforeAll(async () => {
    app = await startApp();
    // Oldest first: recency must not be what puts the better matches on top.
    await publish({ title: 'Công trình thủy lợi Hồ Đông hoàn thành', dateline: '2024-03-01T08:00:00Z' });
    await publish({ title: 'Thuỷ lợi nội đồng vào mùa khô', dateline: '2024-06-01T08:00:00Z' });
    await publish({ title: 'Tin ngắn trong tuần', summary: 'Nghiệm thu kênh thủy lợi cấp hai.', dateline: '2025-01-01T08:00:00Z' });
    await publish({ title: 'Hội nghị cán bộ chủ chốt', dateline: '2024-01-05T08:00:00Z' });
    await publish({ title: 'Hồi nghỉ cán bộ chủ chốt', dateline: '2025-02-05T08:00:00Z' });
    await articles().create({ data: { title: 'Bản nháp về thủy lợi chưa đăng' } as never });
  }, 120_000);
  afterAll(() => app?.stop());

  it('is public and answers in the documented shape', async () => {
    const res = await search({ q: 'thi đua' });
    expect(res.data.length).toBeGreaterThan(0);
    expect(Object.keys(res.data[0]).sort()).toEqual(['documentId', 'excerpt', 'score', 'slug', 'title', 'type']);
    expect(res.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: Math.ceil(res.meta.pagination.total / 10), total: res.meta.pagination.total });
    expect(res.meta.capped).toBe(false);
  });

  it('finds "Hội nghị" from "hoi nghi", every word required', async () => {
    const found = await titles('hoi nghi');
    expect(found.length).toBeGreaterThan(0);
    expect(found).toContain('Hội nghị cán bộ chủ chốt');
    expect(found).not.toContain('Tin ngắn trong tuần');
  });

  it('finds "Đoàn thể" from "DOAN THE" (case, đ and tones ignored), whole words only', async () => {
    const found = await titles('DOAN THE');
    expect(found.some((t) => t.includes('Đoàn thể'))).toBe(true);
    await publish({ title: 'Tỉnh đoàn làm theo lời Bác', dateline: '2023-01-01T08:00:00Z' });
    expect(await titles('DOAN THE')).not.toContain('Tỉnh đoàn làm theo lời Bác');
  });

  it('ranks title over text and exact accents over folded ones, then recency', async () => {
    expect(await titles('thủy lợi')).toEqual([
      'Công trình thủy lợi Hồ Đông hoàn thành', // title, exact accents
      'Thuỷ lợi nội đồng vào mùa khô', // title, other tone placement
      'Tin ngắn trong tuần', // text only, exact
    ]);
    // Without accents there is nothing exact to prefer: title matches by recency, then text.
    expect(await titles('thuy loi')).toEqual(['Thuỷ lợi nội đồng vào mùa khô', 'Công trình thủy lợi Hồ Đông hoàn thành', 'Tin ngắn trong tuần']);
    const hoi = await titles('hội nghị cán bộ');
    expect(hoi.slice(0, 2)).toEqual(['Hội nghị cán bộ chủ chốt', 'Hồi nghỉ cán bộ chủ chốt']);
    const scores = (await search({ q: 'thủy lợi' })).data.map((h) => h.score);
    expect(scores).toEqual([3, 2, 1]);
  });

  it('treats NFD (decomposed) queries like typed ones', async () => {
    expect(await titles('thủy lợi'.normalize('NFD'))).toEqual(await titles('thủy lợi'));
  });

  it('never shows drafts', async () => {
    expect(await titles('ban nhap thuy loi')).toEqual([]);
  });

  it('follows publish, unpublish, edits and deletes', async () => {
    const doc = await articles().create({ data: { title: 'Tin kiểm thử chỉ mục tìm kiếm' } as never });
    expect(await titles('kiem thu chi muc')).toEqual([]);
    await articles().publish({ documentId: doc.documentId });
    expect(await titles('kiem thu chi muc')).toEqual(['Tin kiểm thử chỉ mục tìm kiếm']);
    await articles().update({ documentId: doc.documentId, status: 'published', data: { title: 'Tin kiểm thử chỉ mục đã sửa' } as never });
    expect(await titles('kiem thu chi muc')).toEqual(['Tin kiểm thử chỉ mục đã sửa']);
    await articles().unpublish({ documentId: doc.documentId });
    expect(await titles('kiem thu chi muc')).toEqual([]);
    await articles().publish({ documentId: doc.documentId });
    await articles().delete({ documentId: doc.documentId });
    expect(await titles('kiem thu chi muc')).toEqual([]);
  });

  it('keeps locales apart', async () => {
    const en = await search({ q: 'emulation', locale: 'en', pageSize: 50 });
    expect(en.data.length).toBeGreaterThan(0);
    expect((await search({ q: 'emulation', locale: 'vi' })).data).toEqual([]);
  });

  it('drops a locale from the index when the locale is deleted', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    const fr = await locales.create({ code: 'fr', name: 'Français (fr)' });
    const doc = await articles().create({ locale: 'fr', status: 'published', data: { title: 'Réunion annuelle du comité' } as never });
    expect(doc.locale).toBe('fr');
    expect((await search({ q: 'reunion annuelle', locale: 'fr' })).data.map((h) => h.title)).toEqual(['Réunion annuelle du comité']);
    await locales.delete({ id: fr.id });
    const rows = await app.strapi.db.connection('vietnamese_text_search').where({ locale: 'fr' }).count({ n: '*' });
    expect(Number(rows[0].n)).toBe(0);
    const slugs = await app.strapi.db.connection('vietnamese_text_slugs').where({ locale: 'fr' }).count({ n: '*' });
    expect(Number(slugs[0].n)).toBe(0);
    expect((await api().get('/api/search').query({ q: 'reunion annuelle', locale: 'fr' })).status).toBe(400);
  });

  it('filters by type and paginates', async () => {
    const blocs = await search({ q: 'thi dua', type: 'bloc' });
    expect(blocs.data.length).toBeGreaterThan(0);
    expect(blocs.data.every((h) => h.type === 'bloc')).toBe(true);
    const page1 = await search({ q: 'thi dua', pageSize: 2, page: 1 });
    const page2 = await search({ q: 'thi dua', pageSize: 2, page: 2 });
    expect(page1.meta.pagination.total).toBeGreaterThan(4);
    expect(page1.data.map((h) => h.documentId)).not.toEqual(page2.data.map((h) => h.documentId));
  });

  it.each([
    ['no q', {}],
    ['empty q', { q: '   ' }],
    ['only symbols', { q: '%_*' }],
    ['q over 200 characters', { q: 'hội nghị '.repeat(30) }],
    ['too many words', { q: 'a b c d e f g h i' }],
    ['unknown type', { q: 'hoi', type: 'user' }],
    ['unknown locale', { q: 'hoi', locale: 'xx' }],
    ['huge pageSize', { q: 'hoi', pageSize: 100000 }],
    ['negative page', { q: 'hoi', page: -1 }],
  ])('answers 400 with a message for %s', async (_name, query) => {
    const res = await api().get('/api/search').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/\S/);
  });

  it.each([
    ["' OR 1=1 --"],
    ['"; DROP TABLE articles; --'],
    ['hội\u0000nghị\u0007'],
    ['NEAR(hoi nghi) AND * OR "'],
    ['ổ'],
  ])('answers hostile q %j without an error', async (q) => {
    const res = await api().get('/api/search').query({ q });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.data)).toBe(true);
  });

  it('fills a new index from content published before the plugin was enabled', async () => {
    const before = await search({ q: 'doan the', pageSize: 50 });
    expect(before.data.some((h) => h.type === 'bloc')).toBe(true);
    const db = app.strapi.db.connection;
    for (const table of ['vietnamese_text_search_fts', 'vietnamese_text_search']) await db.schema.dropTableIfExists(table);
    await db(MIGRATIONS_TABLE).where({ plugin: 'vietnamese-text', name: '002-search-index-v2' }).delete();
    const { applied, indexed } = await migrateText(app.strapi);
    expect(applied.map((m) => m.name)).toEqual(['002-search-index-v2']);
    expect(indexed).toBeGreaterThan(10);
    expect(await search({ q: 'doan the', pageSize: 50 })).toEqual(before);
  });

  it('a full rebuild gives the same answers as the live index', async () => {
    const before = await search({ q: 'thi dua', pageSize: 50 });
    const count = await app.strapi.plugin('vietnamese-text').service('searchIndex').rebuild();
    expect(count).toBeGreaterThan(10);
    expect(await search({ q: 'thi dua', pageSize: 50 })).toEqual(before);
  });
  describe('over GraphQL (issue 17)', () => {
    const QUERY = `query($q: String!, $type: String, $pageSize: Int) { search(q: $q, type: $type, pageSize: $pageSize) {
      hits { type documentId title slug excerpt score } pagination { page pageSize pageCount total } capped } }`;

    it.each([
      ['thi dua', undefined, undefined],
      ['khen thuong', 'article', 3],
    ])('search(q: %p, type: %p) answers what GET /api/search answers', async (q, type, pageSize) => {
      const rest = await api().get('/api/search').query({ q, ...(type ? { type } : {}), ...(pageSize ? { pageSize } : {}) }).expect(200);
      const res = await api().post('/graphql').send({ query: QUERY, variables: { q, type, pageSize } }).expect(200);
      expect(res.body.errors).toBeUndefined();
      const { hits, pagination, capped } = res.body.data.search;
      expect(hits.length).toBeGreaterThan(0);
      expect(hits).toEqual(rest.body.data);
      expect({ pagination, capped }).toEqual(rest.body.meta);
    });

    it('refuses a bad parameter with the REST message', async () => {
      const rest = await api().get('/api/search').query({ q: 'x', type: 'user' }).expect(400);
      const res = await api().post('/graphql').send({ query: QUERY, variables: { q: 'x', type: 'user' } });
      expect(res.body.errors[0].message).toBe(rest.body.error.message);
    });
  });
});
