import request from 'supertest';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';
import { CLAIMS_TABLE, type Scheduler } from '../../src/plugins/newsroom/server/src/services/scheduler';

const ARTICLE = 'api::article.article';

describeIntegration(`scheduled publishing (${testDatabase})`, () => {
  let app: TestApp;
  let token: string;
  // Every time is an hour or more ahead of the real clock, so the real cron task never touches them.
  const base = Date.now() + 3_600_000;
  const at = (offsetMs: number) => new Date(base + offsetMs);
  const api = () => request(app.strapi.server.httpServer);
  const docs = () => app.strapi.documents(ARTICLE);
  const scheduler = () => app.strapi.plugin('newsroom').service<Scheduler>('scheduler');
  const rows = (documentId: string) =>
    app.strapi.db.query(ARTICLE).findMany({ where: { documentId }, select: ['locale', 'publishedAt', 'publishAt', 'unpublishAt', 'updatedAt'] });
  const publicSlugs = async (locale = 'vi') =>
    ((await api().get('/api/articles').query({ locale, 'pagination[pageSize]': 100 }).expect(200)).body.data as { slug: string }[]).map((a) => a.slug);
  // Publish actions seen by the Document Service, per document and locale.
  const publishes = new Map<string, number>();

  beforeAll(async () => {
    app = await startApp();
    app.strapi.documents.use(async (ctx, next) => {
      if (ctx.uid === ARTICLE && ctx.action === 'publish') {
        const { documentId, locale } = ctx.params as { documentId: string; locale?: string };
        const key = `${documentId}/${locale ?? 'vi'}`;
        publishes.set(key, (publishes.get(key) ?? 0) + 1);
      }
      return next();
    });
    token = (await app.strapi.service('admin::api-token').create({ name: 'scheduling', type: 'full-access', lifespan: null, description: '' })).accessKey;
  }, 120_000);
  afterAll(() => app?.stop());

  it('publishes a draft at its publish time, not before, and clears the schedule', async () => {
    const draft = await docs().create({ data: { title: 'Tin hẹn giờ về hội nghị điển hình tiên tiến', publishAt: at(0) } as never });
    expect(await publicSlugs()).not.toContain(draft.slug);

    expect(await scheduler().runDue(at(-1000))).toEqual([]);
    expect(await publicSlugs()).not.toContain(draft.slug);

    const results = await scheduler().runDue(at(0));
    expect(results).toContainEqual(expect.objectContaining({ documentId: draft.documentId, action: 'publish', outcome: 'done' }));
    expect(await publicSlugs()).toContain(draft.slug);
    expect(publishes.get(`${draft.documentId}/vi`)).toBe(1);

    const [d, p] = [...(await rows(draft.documentId))].sort((a, b) => (a.publishedAt ? 1 : 0) - (b.publishedAt ? 1 : 0));
    expect(p.publishedAt).not.toBeNull();
    expect([d.publishAt, p.publishAt]).toEqual([null, null]);
    // Clearing the schedule is not an edit: the draft is not newer than what was published.
    expect(new Date(d.updatedAt).getTime()).toBeLessThanOrEqual(new Date(p.updatedAt).getTime());
    const res = await api().get('/api/articles').query({ 'filters[slug][$eq]': draft.slug }).expect(200);
    expect(res.body.data[0].dateline).toBeTruthy();

    // Later ticks do not publish it again, even after an edit of the draft.
    await docs().update({ documentId: draft.documentId, locale: 'vi', data: { summary: 'Sửa sau khi đăng' } as never });
    expect(await scheduler().runDue(at(60_000))).toEqual([]);
    expect(publishes.get(`${draft.documentId}/vi`)).toBe(1);
  });

  it('unpublishes at the unpublish time and hides the article from the public API', async () => {
    const doc = await docs().create({ status: 'published', data: { title: 'Thông báo có thời hạn', unpublishAt: at(120_000) } as never });
    expect(await publicSlugs()).toContain(doc.slug);
    await scheduler().runDue(at(119_000));
    expect(await publicSlugs()).toContain(doc.slug);

    const results = await scheduler().runDue(at(120_000));
    expect(results).toContainEqual(expect.objectContaining({ documentId: doc.documentId, action: 'unpublish', outcome: 'done' }));
    expect(await publicSlugs()).not.toContain(doc.slug);
    const left = await rows(doc.documentId);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ publishedAt: null, unpublishAt: null });
  });

  it('schedules each locale on its own', async () => {
    const vi = await docs().create({ data: { title: 'Bài song ngữ chờ đăng' } as never });
    await docs().update({ documentId: vi.documentId, locale: 'en', data: { title: 'Bilingual article', publishAt: at(180_000) } as never });
    await scheduler().runDue(at(180_000));
    expect(await docs().findOne({ documentId: vi.documentId, locale: 'en', status: 'published' })).not.toBeNull();
    expect(await docs().findOne({ documentId: vi.documentId, locale: 'vi', status: 'published' })).toBeNull();
  });

  it('reports a draft that cannot be published, skips it from then on, and goes on with the others', async () => {
    const file = await app.strapi.db.query('plugin::upload.file').create({
      data: { name: 'khong-mo-ta.jpg', hash: `nodesc_${Date.now()}`, ext: '.jpg', mime: 'image/jpeg', size: 1, url: '/uploads/khong-mo-ta.jpg', provider: 'local' },
    });
    const bad = await docs().create({ data: { title: 'Bài có ảnh chưa mô tả', cover: file.id, publishAt: at(240_000) } as never });
    const good = await docs().create({ data: { title: 'Bài hẹn giờ cùng lúc', publishAt: at(240_000) } as never });
    const warn = jest.spyOn(app.strapi.log, 'warn');

    const results = await scheduler().runDue(at(240_000));
    expect(results).toContainEqual(expect.objectContaining({ documentId: bad.documentId, outcome: 'failed', reason: expect.stringMatching(/văn bản thay thế/) }));
    expect(results).toContainEqual(expect.objectContaining({ documentId: good.documentId, outcome: 'done' }));
    expect(warn.mock.calls.flat().join('\n')).toMatch(new RegExp(`${bad.documentId}.*văn bản thay thế`));
    warn.mockRestore();

    // Not tried again every tick; the editor sees the past schedule still on the draft.
    expect(await scheduler().runDue(at(260_000))).toEqual([]);
    expect((await rows(bad.documentId))[0].publishAt).not.toBeNull();
    const claim = await app.strapi.db.connection(CLAIMS_TABLE).where({ document_id: bad.documentId }).first();
    expect(claim.status).toBe('failed');

    // A new time is a new attempt.
    await app.strapi.plugin('upload').service('upload').updateFileInfo(file.id, { alternativeText: 'Ảnh minh họa' });
    await docs().update({ documentId: bad.documentId, locale: 'vi', data: { publishAt: at(300_000) } as never });
    expect(await scheduler().runDue(at(300_000))).toContainEqual(expect.objectContaining({ documentId: bad.documentId, outcome: 'done' }));
  });

  it('refuses an unpublish time not after the publish time, in Vietnamese', async () => {
    await expect(docs().create({ data: { title: 'Lịch sai', publishAt: at(0), unpublishAt: at(-60_000) } as never })).rejects.toThrow(
      'Thời điểm hẹn giờ gỡ bài phải sau thời điểm hẹn giờ xuất bản.'
    );
    const draft = await docs().create({ data: { title: 'Lịch sửa dần', publishAt: at(0) } as never });
    // Only the unpublish time in the write: checked against the stored publish time.
    await expect(docs().update({ documentId: draft.documentId, locale: 'vi', data: { unpublishAt: at(0) } as never })).rejects.toThrow(/gỡ bài phải sau/);

    const res = await api()
      .put(`/api/articles/${draft.documentId}?status=draft`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { unpublishAt: at(-1000).toISOString() } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Thời điểm hẹn giờ gỡ bài phải sau thời điểm hẹn giờ xuất bản.');
    await docs().update({ documentId: draft.documentId, locale: 'vi', data: { unpublishAt: at(1000) } as never });
  });

  it('publishes each due article exactly once when many runs race', async () => {
    const due = at(600_000);
    const created = [];
    for (let i = 1; i <= 10; i += 1) {
      created.push(await docs().create({ data: { title: `Tin hẹn giờ số ${i} chạy đua`, publishAt: due } as never }));
    }
    const runs = await Promise.all(Array.from({ length: 8 }, () => scheduler().runDue(due)));
    const done = runs.flat().filter((r) => r.outcome === 'done');
    expect(done).toHaveLength(10);
    for (const doc of created) {
      expect(publishes.get(`${doc.documentId}/vi`)).toBe(1);
      expect((await rows(doc.documentId)).filter((r) => r.publishedAt)).toHaveLength(1);
    }
    const claims = await app.strapi.db.connection(CLAIMS_TABLE).whereIn('document_id', created.map((d) => d.documentId));
    expect(claims).toHaveLength(10);
  }, 60_000);

  it('shows the schedule in the admin list and runs as a cron task', async () => {
    const cm = app.strapi.plugin('content-manager').service('content-types');
    const config = await cm.findConfiguration(app.strapi.contentTypes[ARTICLE]);
    expect(config.layouts.list).toEqual(expect.arrayContaining(['publishAt', 'unpublishAt']));
    expect(config.metadatas.publishAt.list.label).toBe('Hẹn giờ xuất bản');
    expect(config.metadatas.unpublishAt.edit.label).toBe('Hẹn giờ gỡ bài');

    const jobs = (app.strapi.cron as unknown as { jobs: { name: string | null }[] }).jobs;
    expect(jobs.map((j) => j.name)).toContain('newsroom-scheduled-publishing');
  });
});
