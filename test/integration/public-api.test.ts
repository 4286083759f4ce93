import request from 'supertest';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const UIDS = {
  articles: 'api::article.article',
  categories: 'api::category.category',
  blocs: 'api::bloc.bloc',
  agencies: 'api::agency.agency',
  movements: 'api::movement.movement',
} as const;
const TYPES = Object.keys(UIDS) as (keyof typeof UIDS)[];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describeIntegration(`public API (${testDatabase})`, () => {
  let app: TestApp;
  const api = () => request(app.strapi.server.httpServer);

  beforeAll(async () => {
    app = await startApp();
  }, 120_000);
  afterAll(() => app?.stop());

  describe('locales', () => {
    it('makes Vietnamese the default and keeps English', async () => {
      const locales = app.strapi.plugin('i18n').service('locales');
      expect(await locales.getDefaultLocale()).toBe('vi');
      const codes = (await locales.find()).map((l: { code: string }) => l.code).sort();
      expect(codes).toEqual(['en', 'vi']);
    });

    it('answers requests without a locale in Vietnamese', async () => {
      const res = await api().get('/api/articles').expect(200);
      expect(res.body.data.length).toBeGreaterThanOrEqual(8);
      for (const a of res.body.data) {
        expect(a.locale).toBe('vi');
        expect(a.slug).toMatch(SLUG);
      }
    });

    it('serves the English translations on ?locale=en', async () => {
      const res = await api().get('/api/articles?locale=en').expect(200);
      expect(res.body.data.length).toBeGreaterThanOrEqual(1);
      expect(res.body.data.every((a: { locale: string }) => a.locale === 'en')).toBe(true);
    });
  });

  describe('relations', () => {
    it('populates covers and blocs on articles', async () => {
      const res = await api()
        .get('/api/articles')
        .query({ 'populate[cover]': true, 'populate[blocs]': true, 'populate[category]': true })
        .expect(200);
      for (const a of res.body.data) {
        expect(a.cover?.url).toMatch(/^https?:\/\/[^/]+\/uploads\/.+\.jpg$/);
        expect(a.cover.alternativeText).toBeTruthy();
        expect(a.blocs.length).toBeGreaterThan(0);
        expect(a.category?.name).toBeTruthy();
        expect(a.dateline).toBeTruthy();
      }
    });

    it('links articles to agencies and movements', async () => {
      const res = await api().get('/api/articles?populate[agencies]=true&populate[movements]=true').expect(200);
      for (const a of res.body.data) {
        expect(a.agencies.length).toBeGreaterThan(0);
        expect(a.movements.length).toBeGreaterThan(0);
      }
    });

    it('gives blocs their kind, members and yearly leaders', async () => {
      const res = await api()
        .get('/api/blocs')
        .query({ 'populate[members]': true, 'populate[terms][populate][leader]': true, 'populate[terms][populate][deputy]': true })
        .expect(200);
      expect(res.body.data.map((b: { kind: string }) => b.kind).sort()).toEqual(['cum', 'khoi']);
      for (const bloc of res.body.data) {
        expect(bloc.members.length).toBeGreaterThanOrEqual(4);
        expect(bloc.terms.length).toBeGreaterThanOrEqual(2);
        const memberIds = bloc.members.map((m: { documentId: string }) => m.documentId);
        for (const term of bloc.terms) {
          expect(memberIds).toContain(term.leader.documentId);
          expect(memberIds).toContain(term.deputy.documentId);
        }
      }
    });

    it('gives agencies their blocs and movements (inverse sides)', async () => {
      const res = await api().get('/api/agencies?populate[blocs]=true&populate[movements]=true').expect(200);
      expect(res.body.data.length).toBeGreaterThanOrEqual(6);
      expect(res.body.data.every((a: { blocs: unknown[] }) => a.blocs.length > 0)).toBe(true);
      expect(res.body.data.some((a: { movements: unknown[] }) => a.movements.length > 0)).toBe(true);
    });

    it('says who launched each movement', async () => {
      const res = await api().get('/api/movements?populate[launchedBy]=true&populate[blocs]=true').expect(200);
      expect(res.body.data.length).toBeGreaterThanOrEqual(5);
      for (const m of res.body.data) expect(m.launchedBy?.name).toBeTruthy();
    });

    it('lists articles newest first by dateline unless asked otherwise', async () => {
      const datelines = (await api().get('/api/articles').expect(200)).body.data.map((a: { dateline: string }) => a.dateline);
      expect(datelines).toEqual([...datelines].sort().reverse());
      const asc = (await api().get('/api/articles?sort=dateline:asc').expect(200)).body.data.map((a: { dateline: string }) => a.dateline);
      expect(asc).toEqual([...datelines].reverse());
    });

    it('caps page sizes at 100', async () => {
      const res = await api().get('/api/articles?pagination[pageSize]=100000').expect(200);
      expect(res.body.meta.pagination.pageSize).toBe(100);
    });
  });

  describe('permissions', () => {
    it.each(TYPES)('public may list and read %s', async (type) => {
      const list = await api().get(`/api/${type}`).expect(200);
      expect(list.body.data.length).toBeGreaterThan(0);
      await api().get(`/api/${type}/${list.body.data[0].documentId}`).expect(200);
    });

    it.each(TYPES)('public may not create, update or delete %s', async (type) => {
      const before = await app.strapi.db.query(UIDS[type]).count();
      const { body } = await api().get(`/api/${type}`).expect(200);
      const id = body.data[0].documentId;
      const data = { data: { title: 'Tin giả', name: 'Tên giả' } };
      expect((await api().post(`/api/${type}`).send(data)).status).toBe(403);
      expect((await api().put(`/api/${type}/${id}`).send(data)).status).toBe(403);
      expect((await api().delete(`/api/${type}/${id}`)).status).toBe(403);
      const after = await app.strapi.db.query(UIDS[type]).count();
      expect(after).toBe(before);
    });

    it('does not show users or locales management to the public', async () => {
      expect((await api().get('/api/users')).status).toBe(403);
      expect((await api().get('/api/users/me')).status).toBe(403);
      expect((await api().get('/api/upload/files')).status).toBe(403);
      expect((await api().post('/api/i18n/locales').send({ code: 'fr', name: 'French' })).status).toBeGreaterThanOrEqual(403);
    });
  });

  describe('favicon', () => {
    it('serves /favicon.ico (every admin page load asks for it; without a file it was a 500)', async () => {
      const res = await api().get('/favicon.ico').buffer(true).expect(200);
      // A PNG: its eight signature bytes.
      expect(Buffer.from(res.body).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    });
  });

  describe('drafts', () => {
    let draftId: string;
    let published: { documentId: string; title: string };

    beforeAll(async () => {
      const articles = app.strapi.documents('api::article.article');
      const draft = await articles.create({ data: { title: 'Bản nháp chưa được duyệt đăng', slug: 'ban-nhap-chua-duyet' } as never });
      draftId = draft.documentId;
      const [first] = await articles.findMany({ status: 'published', limit: 1 });
      published = { documentId: first.documentId, title: first.title as string };
      // An unpublished edit of a published article: only the draft row changes.
      await articles.update({ documentId: first.documentId, data: { title: 'Tiêu đề sửa, chưa đăng lại' } as never });
    });

    it('never lists a draft', async () => {
      for (const query of ['', '?publicationState=preview', '?filters[slug]=ban-nhap-chua-duyet', '?status=published']) {
        const res = await api().get(`/api/articles${query}`).expect(200);
        const titles = res.body.data.map((a: { title: string }) => a.title);
        expect(titles).not.toContain('Bản nháp chưa được duyệt đăng');
        expect(titles).not.toContain('Tiêu đề sửa, chưa đăng lại');
      }
    });

    it('refuses ?status=draft from the public with a clear 403', async () => {
      for (const path of ['/api/articles', `/api/articles/${draftId}`, `/api/articles/${published.documentId}`]) {
        const res = await api().get(`${path}?status=draft`);
        expect([path, res.status]).toEqual([path, 403]);
        expect(res.body.error.message).toMatch(/Drafts are not public/);
      }
    });

    it('still gives drafts to an API token (a frontend preview), and only to it', async () => {
      const { accessKey } = await app.strapi
        .service('admin::api-token')
        .create({ name: 'xem-truoc', type: 'read-only', lifespan: null, description: '' });
      const res = await api().get(`/api/articles/${draftId}?status=draft`).set('Authorization', `Bearer ${accessKey}`);
      expect(res.status).toBe(200);
      expect(res.body.data.title).toBe('Bản nháp chưa được duyệt đăng');
    });

    it('answers 404 for a draft-only document', async () => {
      const res = await api().get(`/api/articles/${draftId}`).expect(404);
      expect(res.body.error.status).toBe(404);
    });

    it('shows the published version, not the newer draft, of a published article', async () => {
      const res = await api().get(`/api/articles/${published.documentId}`).expect(200);
      expect(res.body.data.title).toBe(published.title);
    });

    it('populates only published versions of related documents', async () => {
      const res = await api().get('/api/blocs?populate[articles][fields][0]=title').expect(200);
      const titles = res.body.data.flatMap((b: { articles: { title: string }[] }) => b.articles.map((a) => a.title));
      expect(titles.length).toBeGreaterThan(0);
      expect(titles).not.toContain('Tiêu đề sửa, chưa đăng lại');
    });
  });
});
