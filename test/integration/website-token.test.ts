import request from 'supertest';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';

describeIntegration(`a website's read-only token (${testDatabase})`, () => {
  let app: TestApp;
  const tokens: Record<'website' | 'app' | 'full', string> = { website: '', app: '', full: '' };
  const api = () => request(app.strapi.server.httpServer);
  const bearer = (t: keyof typeof tokens) => ({ Authorization: `Bearer ${tokens[t]}` });

  beforeAll(async () => {
    // Anonymous callers get 5 requests a minute per address here; the website's token 40.
    app = await startApp({ RATE_LIMIT_API: '5/min', RATE_LIMIT_WEBSITE: '40/min' });
    const create = async (name: string, type: string) =>
      (await app.strapi.service('admin::api-token').create({ name, type, lifespan: null, description: '' })).accessKey as string;
    tokens.website = await create('Website: trang chính', 'read-only');
    tokens.app = await create('Ứng dụng di động', 'read-only');
    tokens.full = await create('Website: toàn quyền', 'full-access');
  }, 120_000);
  afterAll(() => app?.stop());

  it('shares the public cache for published reads, and previews drafts only with status=draft, never cached', async () => {
    const title = `Bản nháp xem trước ${Date.now()}`;
    await app.strapi.documents(ARTICLE).create({ locale: 'vi', data: { title } as never });
    const url = '/api/articles?locale=vi&pagination[pageSize]=100';
    const first = await api().get(url).set(bearer('website')).expect(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect((await api().get(url).set(bearer('website')).expect(200)).headers['x-cache']).toBe('HIT');
    expect(first.text).not.toContain(title);

    for (let i = 0; i < 2; i += 1) {
      const preview = await api().get(`${url}&status=draft`).set(bearer('website')).expect(200);
      expect(preview.headers['x-cache']).toBeUndefined();
      expect(preview.text).toContain(title);
    }
    // Other tokens are not the public: never cached (a full-access token named like a website's neither).
    for (const t of ['app', 'full'] as const) expect((await api().get(url).set(bearer(t)).expect(200)).headers['x-cache']).toBeUndefined();
  });

  it('has its own budget (RATE_LIMIT_WEBSITE) instead of the per-address one', async () => {
    const url = '/api/categories?locale=vi';
    for (let i = 0; i < 20; i += 1) {
      const res = await api().get(url).set(bearer('website')).expect(200);
      expect(res.headers['ratelimit-limit']).toBe('40');
    }
    // The same address without the token, or with a token that is not a website's: the public budget.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await api().get(url).set(bearer('app'))).status);
    expect(statuses.slice(-1)).toEqual([429]);
    expect((await api().get(url)).status).toBe(429);
    expect((await api().get(url).set(bearer('website'))).status).toBe(200);
  });
});
