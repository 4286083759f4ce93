import fs from 'node:fs';
import path from 'node:path';
import { ensureLocales } from '../../src/bootstrap/locales';
import { grantPublicRead, PUBLIC_READ_ACTIONS } from '../../src/bootstrap/public-permissions';
import { NEWS_CONTENT_TYPES } from '../../src/bootstrap/content-types';
import { loadSampleData } from '../../src/seed/load';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

describeIntegration(`content rules and bootstrap (${testDatabase})`, () => {
  let app: TestApp;
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const uid of [...NEWS_CONTENT_TYPES, 'plugin::upload.file', 'plugin::i18n.locale'] as const) {
      out[uid] = await app.strapi.db.query(uid).count();
    }
    return out;
  };

  beforeAll(async () => {
    app = await startApp();
  }, 120_000);
  afterAll(() => app?.stop());

  it('keeps its data where the configuration says', async () => {
    if (testDatabase === 'sqlite') {
      // An absolute DATABASE_FILENAME is used as given, not joined onto the project folder.
      expect(path.isAbsolute(app.env.DATABASE_FILENAME)).toBe(true);
      expect(fs.statSync(app.env.DATABASE_FILENAME).size).toBeGreaterThan(0);
    } else {
      const [row] = (await app.strapi.db.connection.raw('select current_database() as name')).rows;
      expect(app.env.DATABASE_URL).toContain(`/${row.name}`);
    }
  });

  describe('sample data', () => {
    it('loaded published Vietnamese content with English translations', async () => {
      const articles = app.strapi.documents('api::article.article');
      expect(await articles.count({ status: 'published', locale: 'vi' })).toBeGreaterThanOrEqual(8);
      expect(await articles.count({ status: 'published', locale: 'en' })).toBeGreaterThanOrEqual(1);
      expect(await app.strapi.documents('api::bloc.bloc').count({ status: 'published', locale: 'en' })).toBe(2);
    });

    it('never loads twice, and leaves a database with content alone', async () => {
      const before = await counts();
      expect(await loadSampleData(app.strapi, { enabled: true })).toBe('already-done');
      // Forget that it ran: the content alone must stop it.
      await app.strapi.store.delete({ type: 'core', key: 'sample_data_state' });
      expect(await loadSampleData(app.strapi, { enabled: true })).toBe('has-content');
      expect(await counts()).toEqual(before);
    });

    it('resumes an interrupted load without duplicating anything', async () => {
      const before = await counts();
      await app.strapi.store.set({ type: 'core', key: 'sample_data_state', value: 'running' });
      expect(await loadSampleData(app.strapi, { enabled: true })).toBe('resume');
      expect(await counts()).toEqual(before);
      expect(await loadSampleData(app.strapi, { enabled: true })).toBe('already-done');
    }, 60_000);
  });

  describe('bootstrap is idempotent', () => {
    it('running locale and permission setup again changes nothing', async () => {
      const permissions = () =>
        app.strapi.db.query('plugin::users-permissions.permission').count({ where: { role: { type: 'public' } } });
      const before = [await counts(), await permissions()];
      await ensureLocales(app.strapi);
      await grantPublicRead(app.strapi);
      expect([await counts(), await permissions()]).toEqual(before);
    });

    it('revokes a public write permission granted by mistake', async () => {
      const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
      await app.strapi.db
        .query('plugin::users-permissions.permission')
        .create({ data: { action: 'api::article.article.create', role: role.id } });
      await grantPublicRead(app.strapi);
      const actions = (
        await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id } })
      ).map((p: { action: string }) => p.action);
      expect(actions).not.toContain('api::article.article.create');
      expect(actions).toEqual(expect.arrayContaining(PUBLIC_READ_ACTIONS));
    });
  });

  describe('dateline', () => {
    const articles = () => app.strapi.documents('api::article.article');

    it('stays empty on a draft and takes the first publication time', async () => {
      const draft = await articles().create({ data: { title: 'Tin chờ đăng về hội nghị sơ kết' } as never });
      expect(draft.dateline).toBeNull();
      const t0 = Date.now();
      await articles().publish({ documentId: draft.documentId });
      const first = await articles().findOne({ documentId: draft.documentId, status: 'published' });
      const stamped = new Date(first?.dateline as string).getTime();
      expect(stamped).toBeGreaterThanOrEqual(t0 - 1000);
      expect(stamped).toBeLessThanOrEqual(Date.now() + 1000);

      await new Promise((r) => setTimeout(r, 1100));
      await articles().update({ documentId: draft.documentId, data: { summary: 'Bổ sung sapo' } as never });
      await articles().publish({ documentId: draft.documentId });
      const again = await articles().findOne({ documentId: draft.documentId, status: 'published' });
      expect(new Date(again?.dateline as string).getTime()).toBe(stamped);
    });

    it('is set when created already published, as REST does', async () => {
      const doc = await articles().create({ status: 'published', data: { title: 'Tin đăng ngay' } as never });
      expect(doc.dateline).not.toBeNull();
    });

    it('keeps an explicit archive date', async () => {
      const dateline = '2019-11-27T08:20:00.000Z';
      const doc = await articles().create({ status: 'published', data: { title: 'Tin lưu trữ năm 2019', dateline } as never });
      expect(new Date(doc.dateline as string).toISOString()).toBe(dateline);
    });
  });
});
