import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { runImport } from '../../src/import/run-import';
import type { AuditEntry as Entry } from '../../src/plugins/editorial/server/src/utils/types';
import { asSystemJob, recordSystemJob } from '../../src/scripts/audit';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

/**
 * The editorial plugin's audit log (src/plugins/editorial): one test per audited action class, on
 * one app, through the admin API as an administrator would act; then the log's own routes
 * (filters, pages, CSV, no way to change an entry, administrators only) and its retention purge.
 */

const ARTICLE = 'api::article.article';
const ARTICLES = `/content-manager/collection-types/${ARTICLE}`;
const TABLE = 'editorial_audit_log';
const PASSWORD = 'Mat-khau-nhat-ky-2024';
const ADMIN_EMAIL = 'quan-tri-nhat-ky@example.vn';
const RETENTION_DAYS = 30;
const DAY = 24 * 3600 * 1000;

describeIntegration(`audit log (${testDatabase})`, () => {
  let app: TestApp;
  let admin: { id: string; token: string };
  const api = () => request(app.strapi.server.httpServer);
  const auth = () => ({ Authorization: `Bearer ${admin.token}` });

  async function createAdmin(code: string, email: string): Promise<string> {
    const role = await app.strapi.service('admin::role').findOne({ code });
    const user = await app.strapi.service('admin::user').create({ email, firstname: 'Nhật', lastname: 'Ký', password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
    return String(user.id);
  }
  const login = async (email: string): Promise<string> => (await api().post('/admin/login').send({ email, password: PASSWORD }).expect(200)).body.data.token;

  /** Entries matching the query, newest first, through the admin API. */
  async function entries(query: Record<string, string>): Promise<Entry[]> {
    const res = await api().get('/editorial/audit-log').query({ pageSize: '100', ...query }).set(auth()).expect(200);
    return res.body.data;
  }

  /**
   * The newest entry matching the query and `match`. Strapi emits most events without awaiting
   * their listeners, so an entry may land just after the answer: polled briefly, not slept on.
   */
  async function entry(query: Record<string, string>, match: (e: Entry) => boolean = () => true): Promise<Entry> {
    const deadline = Date.now() + 3000;
    for (;;) {
      const found = (await entries(query)).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no audit entry for ${JSON.stringify(query)}: ${JSON.stringify((await entries({})).slice(0, 5), null, 1)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** An entry by the administrator of this file, from this machine. */
  const byAdmin = (e: Entry) => {
    expect(e.actor).toEqual({ type: 'admin', id: admin.id, name: 'Nhật Ký' });
    expect(e.ip).toMatch(/127\.0\.0\.1|::1/);
  };

  beforeAll(async () => {
    app = await startApp({ AUDIT_RETENTION_DAYS: String(RETENTION_DAYS) });
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    const id = await createAdmin(superAdmin.code, ADMIN_EMAIL);
    admin = { id, token: await login(ADMIN_EMAIL) };
  }, 120_000);
  afterAll(() => app?.stop());

  describe('sign-in', () => {
    it('logs a successful admin login with the user and the IP', async () => {
      const e = await entry({ action: 'admin.login', actor: `admin:${admin.id}` });
      byAdmin(e);
      expect(e.target).toMatchObject({ uid: 'admin::user', documentId: admin.id, title: 'Nhật Ký' });
    });

    it('logs a failed admin login with the e-mail tried, as nobody', async () => {
      await api().post('/admin/login').send({ email: 'ke-do-mat-khau@example.vn', password: 'sai-mat-khau-1A' }).expect(400);
      const e = await entry({ action: 'admin.login.failure' });
      expect(e.actor).toEqual({ type: 'anonymous', id: null, name: null });
      expect(e.target.title).toBe('ke-do-mat-khau@example.vn');
      expect(e.details).toMatchObject({ reason: 'Invalid credentials' });
      expect(e.ip).toBeTruthy();
    });
  });

  describe('content', () => {
    let documentId: string;
    const cm = (method: 'post' | 'put' | 'delete', path: string) => api()[method](`${ARTICLES}${path}`).query({ locale: 'vi' }).set(auth());
    const contentEntry = async (action: string) => {
      const e = await entry({ action, uid: ARTICLE, documentId });
      byAdmin(e);
      expect(e.target.locale).toBe('vi');
      return e;
    };

    beforeAll(async () => {
      documentId = (await cm('post', '').send({ title: 'Nhật ký: hội nghị sơ kết 6 tháng' }).expect(201)).body.data.documentId;
    });

    it('create', async () => {
      const e = await contentEntry('content.create');
      expect(e.target.title).toBe('Nhật ký: hội nghị sơ kết 6 tháng');
      expect(e.details?.fields).toContain('title');
    });

    it('update, with the title at the time', async () => {
      await cm('put', `/${documentId}`).send({ title: 'Nhật ký: hội nghị sơ kết 6 tháng đầu năm' }).expect(200);
      expect((await contentEntry('content.update')).target.title).toBe('Nhật ký: hội nghị sơ kết 6 tháng đầu năm');
    });

    it('publish', async () => {
      await cm('post', `/${documentId}/actions/publish`).send({}).expect(200);
      await contentEntry('content.publish');
    });

    it('discard draft', async () => {
      await cm('put', `/${documentId}`).send({ title: 'Bản sửa sẽ bỏ' }).expect(200);
      await cm('post', `/${documentId}/actions/discard`).send({}).expect(200);
      expect((await contentEntry('content.discard-draft')).target.title).toBe('Nhật ký: hội nghị sơ kết 6 tháng đầu năm');
    });

    it('unpublish', async () => {
      await cm('post', `/${documentId}/actions/unpublish`).send({}).expect(200);
      await contentEntry('content.unpublish');
    });

    it('delete: one entry for the locale, its title kept', async () => {
      await cm('delete', `/${documentId}`).expect(200);
      const e = await contentEntry('content.delete');
      expect(e.target.title).toBe('Nhật ký: hội nghị sơ kết 6 tháng đầu năm');
      expect((await entries({ action: 'content.delete', documentId })).length).toBe(1);
      // Every action of the document once, newest first (updates: the content manager also saves the draft when it publishes).
      const actions = (await entries({ documentId })).map((x) => x.action).filter((a) => a !== 'content.update');
      // Articles go through review stages: the administrator's publication also approved the draft (logged inside the publish, so just before it).
      expect(actions).toEqual(['content.delete', 'content.unpublish', 'content.discard-draft', 'content.publish', 'review.approved', 'content.create']);
    });
  });

  describe('media', () => {
    let fileId: number;
    let fileDocumentId: string;
    const png = (color: string) => sharp({ create: { width: 32, height: 24, channels: 3, background: color } }).png().toBuffer();

    it('upload', async () => {
      const res = await api().post('/upload').set(auth()).attach('files', await png('#c33'), 'nhat-ky-anh.png').field('fileInfo', JSON.stringify({ alternativeText: 'Ảnh thử' })).expect(201);
      fileId = res.body[0].id;
      fileDocumentId = res.body[0].documentId;
      const e = await entry({ action: 'media.create', documentId: fileDocumentId });
      byAdmin(e);
      expect(e.target).toMatchObject({ uid: 'plugin::upload.file', title: 'nhat-ky-anh.png' });
    });

    it('update of its information, then replace of the file', async () => {
      await api().post('/upload').query({ id: String(fileId) }).set(auth()).field('fileInfo', JSON.stringify({ name: 'nhat-ky-anh-moi.png', alternativeText: 'Ảnh mới' })).expect(200);
      byAdmin(await entry({ action: 'media.update', documentId: fileDocumentId }));
      await api().post('/upload').query({ id: String(fileId) }).set(auth()).attach('files', await png('#3c3'), 'thay.png').expect(200);
      byAdmin(await entry({ action: 'media.replace', documentId: fileDocumentId }));
    });

    it('delete', async () => {
      await api().delete(`/upload/files/${fileId}`).set(auth()).expect(200);
      byAdmin(await entry({ action: 'media.delete', documentId: fileDocumentId }));
      expect((await entries({ documentId: fileDocumentId })).map((e) => e.action)).toEqual(['media.delete', 'media.replace', 'media.update', 'media.create']);
    });
  });

  describe('administration', () => {
    it('admin user create', async () => {
      const editor = await app.strapi.service('admin::role').findOne({ code: 'tdkt-editor' });
      const res = await api().post('/admin/users').set(auth()).send({ firstname: 'Biên', lastname: 'Tập', email: 'bien-tap-nhat-ky@example.vn', roles: [editor.id] }).expect(201);
      const e = await entry({ action: 'admin-user.create', documentId: String(res.body.data.id) });
      byAdmin(e);
      expect(e.target.title).toBe('Biên Tập');
    });

    it('role update and permission change', async () => {
      const role = (await api().post('/admin/roles').set(auth()).send({ name: 'Cộng tác viên nhật ký', description: 'thử' }).expect(201)).body.data;
      byAdmin(await entry({ action: 'admin-role.create', documentId: String(role.id) }));
      await api().put(`/admin/roles/${role.id}`).set(auth()).send({ name: 'Cộng tác viên nhật ký', description: 'đã sửa' }).expect(200);
      byAdmin(await entry({ action: 'admin-role.update', documentId: String(role.id) }));
      const permissions = [{ action: 'plugin::content-manager.explorer.read', subject: ARTICLE, properties: { fields: ['title'], locales: ['vi'] }, conditions: [] }];
      await api().put(`/admin/roles/${role.id}/permissions`).set(auth()).send({ permissions }).expect(200);
      const e = await entry({ action: 'admin-permission.create', documentId: String(role.id) });
      byAdmin(e);
      expect(e.details).toMatchObject({ count: 1, actions: [`plugin::content-manager.explorer.read ${ARTICLE}`] });
    });

    it('API token create, regenerate and delete, never the key', async () => {
      const created = (await api().post('/admin/api-tokens').set(auth()).send({ name: 'Khoá nhật ký', type: 'read-only', lifespan: null }).expect(201)).body.data;
      const id = String(created.id);
      byAdmin(await entry({ action: 'api-token.create', documentId: id }));
      // Used once: Strapi writes its lastUsedAt, which is no one's change.
      await api().get('/api/categories').set('Authorization', `Bearer ${created.accessKey}`).expect(200);
      const regenerated = (await api().post(`/admin/api-tokens/${id}/regenerate`).set(auth()).expect(201)).body.data;
      const e = await entry({ action: 'api-token.regenerate', documentId: id });
      byAdmin(e);
      expect(e.target.title).toBe('Khoá nhật ký');
      await api().delete(`/admin/api-tokens/${id}`).set(auth()).expect(200);
      byAdmin(await entry({ action: 'api-token.delete', documentId: id }));
      // Once each: using a token (lastUsedAt) is not a change.
      expect((await entries({ uid: 'admin::api-token', documentId: id })).map((x) => x.action)).toEqual(['api-token.delete', 'api-token.regenerate', 'api-token.create']);
      const all = JSON.stringify(await entries({ uid: 'admin::api-token' }));
      expect(all).not.toContain(created.accessKey);
      expect(all).not.toContain(regenerated.accessKey);
    });

    it('settings: a store key an administrator writes, and webhooks', async () => {
      await api().put('/upload/settings').set(auth()).send({ sizeOptimization: true, responsiveDimensions: true, autoOrientation: false }).expect(200);
      const e = await entry({ action: 'settings.update', documentId: 'plugin_upload_settings' });
      byAdmin(e);
      expect(e.details).toBeNull();
      const hookRes = await api().post('/admin/webhooks').set(auth()).send({ name: 'Trang web nhật ký', url: 'https://trang-web.example.vn/hook', headers: {}, events: ['entry.publish'] });
      expect([hookRes.status, hookRes.body.error?.message]).toEqual([201, undefined]);
      byAdmin(await entry({ action: 'webhook.create', documentId: String(hookRes.body.data.id) }));
    });

    it('locale create and delete', async () => {
      const locale = (await api().post('/i18n/locales').set(auth()).send({ code: 'fr', name: 'Français (fr)', isDefault: false }).expect(200)).body;
      const created = await entry({ action: 'locale.create', documentId: String(locale.id) });
      byAdmin(created);
      expect(created.target).toMatchObject({ locale: 'fr', title: 'Français (fr)' });
      await api().delete(`/i18n/locales/${locale.id}`).set(auth()).expect(200);
      byAdmin(await entry({ action: 'locale.delete', documentId: String(locale.id) }));
    });
  });

  describe('background work', () => {
    it('a scheduled publication is the scheduler’s, with no IP', async () => {
      const res = await api().post(ARTICLES).query({ locale: 'vi' }).set(auth()).send({ title: 'Nhật ký: tin hẹn giờ', publishAt: new Date(Date.now() + 1000).toISOString() }).expect(201);
      const documentId = res.body.data.documentId;
      await app.strapi.plugin('newsroom').service('scheduler').runDue(new Date(Date.now() + 2000));
      const e = await entry({ action: 'content.publish', documentId });
      expect(e.actor).toEqual({ type: 'system', id: null, name: 'scheduler' });
      expect(e.ip).toBeNull();
      expect((await entries({ actor: 'system:scheduler' })).map((x) => x.id)).toContain(e.id);
    });

    it('an import is the system’s (the helpers npm run import uses), and the run one entry', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nhat-ky-nhap-'));
      try {
        const item = { sourceId: 'nhat-ky-0001', title: 'Nhật ký: bài nhập từ cổng cũ', date: '27/11/2019 15:20', body: '<p>Nội dung bài cũ.</p>' };
        fs.writeFileSync(path.join(dir, 'bai.jsonl'), `${JSON.stringify(item)}\n`);
        const summary = await asSystemJob(app.strapi, 'import', () => runImport(app.strapi, dir));
        expect(summary).toMatchObject({ created: 1, failed: 0 });
        await recordSystemJob(app.strapi, 'import', { file: 'bai.jsonl', created: summary.created });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const created = await entry({ action: 'content.create', uid: ARTICLE }, (e) => e.target.title === 'Nhật ký: bài nhập từ cổng cũ');
      expect(created.actor).toEqual({ type: 'system', id: null, name: 'import' });
      expect(created.ip).toBeNull();
      expect((await entry({ action: 'system.import' })).details).toEqual({ file: 'bai.jsonl', created: 1 });
    });

    it('the purge removes entries past AUDIT_RETENTION_DAYS and logs how many', async () => {
      expect(app.strapi.config.get('plugin::editorial')).toMatchObject({ retentionDays: RETENTION_DAYS });
      const old = { at: Date.now() - (RETENTION_DAYS + 1) * DAY, action: 'content.update', actor_type: 'system', actor_key: 'system', details: null };
      const kept = { ...old, at: Date.now() - (RETENTION_DAYS - 1) * DAY };
      await app.strapi.db.connection(TABLE).insert([old, old, kept]);
      const removed = await app.strapi.plugin('editorial').service('auditLog').purge();
      expect(removed).toBe(2);
      const e = await entry({ action: 'audit.purge' });
      expect(e.actor).toEqual({ type: 'system', id: null, name: 'retention' });
      expect(e.details).toMatchObject({ count: 2, retentionDays: RETENTION_DAYS });
      const [{ n }] = await app.strapi.db.connection(TABLE).where('at', '<', Date.now() - RETENTION_DAYS * DAY).count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('a failed entry never fails the write, nor the caller’s transaction', async () => {
      const knex = app.strapi.db.connection;
      await knex.schema.renameTable(TABLE, `${TABLE}_away`);
      try {
        // Inside a caller's transaction, with a query after the failed insert: on PostgreSQL a
        // failed statement would abort the whole transaction without the savepoint.
        const title = await app.strapi.db.transaction(async () => {
          const doc = await app.strapi.documents(ARTICLE).create({ data: { title: 'Viết khi nhật ký hỏng' } });
          const again = await app.strapi.documents(ARTICLE).findOne({ documentId: doc.documentId });
          return again?.title;
        });
        expect(title).toBe('Viết khi nhật ký hỏng');
      } finally {
        await knex.schema.renameTable(`${TABLE}_away`, TABLE);
      }
    });
  });

  describe('the log’s routes', () => {
    it('filters by action, actor, content and time, newest first', async () => {
      const mine = await entries({ actor: `admin:${admin.id}` });
      expect(mine.length).toBeGreaterThan(10);
      expect(mine.every((e) => e.actor.id === admin.id)).toBe(true);
      const times = mine.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect((await entries({ actor: 'Nhật' })).length).toBe(mine.length);
      expect((await entries({ action: 'media.delete' })).every((e) => e.action === 'media.delete')).toBe(true);
      expect(await entries({ from: '2000-01-01', to: '2000-01-02' })).toEqual([]);
      const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
      expect((await entries({ from: today, to: today, actor: `admin:${admin.id}` })).length).toBe(mine.length);
      expect((await entries({ from: new Date(Date.now() + 60_000).toISOString() })).length).toBe(0);
    });

    it('pages', async () => {
      const all = await api().get('/editorial/audit-log').query({ actor: `admin:${admin.id}`, pageSize: '5' }).set(auth()).expect(200);
      const { total } = all.body.meta.pagination;
      expect(all.body.meta.pagination).toEqual({ page: 1, pageSize: 5, pageCount: Math.ceil(total / 5), total });
      const second = await api().get('/editorial/audit-log').query({ actor: `admin:${admin.id}`, pageSize: '5', page: '2' }).set(auth()).expect(200);
      expect(second.body.data).toHaveLength(5);
      const firstIds = all.body.data.map((e: Entry) => e.id);
      expect(second.body.data.some((e: Entry) => firstIds.includes(e.id))).toBe(false);
      expect(all.body.data[0]).toEqual({
        id: expect.any(Number),
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        action: expect.any(String),
        actor: { type: 'admin', id: admin.id, name: 'Nhật Ký' },
        ip: expect.any(String),
        target: { uid: expect.anything(), documentId: expect.anything(), locale: expect.anything(), title: expect.anything() },
        details: expect.anything(),
      });
    });

    it.each([
      [{ pageSize: '101' }, 'tối đa'],
      [{ from: '2026-02-30' }, 'Ngày'],
      [{ to: 'hôm qua' }, 'Ngày'],
      [{ sort: 'id:asc' }, 'không được hỗ trợ'],
      [{ 'filters[action]': 'x' }, 'không được hỗ trợ'],
    ])('refuses %j with a 400 in Vietnamese', async (query, words) => {
      for (const path of ['/editorial/audit-log', '/editorial/audit-log/export.csv']) {
        const res = await api().get(path).query(query).set(auth()).expect(400);
        expect(res.body.error.message).toContain(words);
      }
    });

    it('exports CSV: UTF-8 with a BOM, RFC 4180 quoting, no formulas', async () => {
      await api().post(ARTICLES).query({ locale: 'vi' }).set(auth()).send({ title: '=HYPERLINK("http://x.vn","Bấm, vào")' }).expect(201);
      const res = await api()
        .get('/editorial/audit-log/export.csv')
        .query({ action: 'content.create', actor: `admin:${admin.id}` })
        .set(auth())
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="nhat-ky-hoat-dong-\d{4}-\d{2}-\d{2}\.csv"$/);
      const body = (res.body as Buffer).toString('utf8');
      expect(body.charCodeAt(0)).toBe(0xfeff);
      const lines = body.slice(1).split('\r\n');
      expect(lines[0]).toBe('Mã,Thời gian (giờ Việt Nam),Hành động,Mã hành động,Người thực hiện,Loại người thực hiện,Mã người thực hiện,Địa chỉ IP,Kiểu nội dung,Mã tài liệu,Ngôn ngữ,Tiêu đề,Chi tiết');
      expect(lines[lines.length - 1]).toBe('');
      expect(lines.length - 2).toBe((await entries({ action: 'content.create', actor: `admin:${admin.id}` })).length);
      expect(body).toContain(`"'=HYPERLINK(""http://x.vn"",""Bấm, vào"")"`);
      expect(lines[1]).toContain(',Tạo nội dung,content.create,Quản trị viên Nhật Ký,admin,');
    });

    it('has no route that changes an entry', async () => {
      const [e] = await entries({});
      for (const method of ['post', 'put', 'patch', 'delete'] as const) {
        for (const path of ['/editorial/audit-log', `/editorial/audit-log/${e.id}`]) {
          const res = await api()[method](path).set(auth()).send({ action: 'x' });
          expect([404, 405]).toContain(res.status);
        }
      }
      // The plugin's only write routes are the review stages' (POST /editorial/stages/…) and a
      // version's restore (POST /editorial/history/…/restore), which change no entry (a restore adds one).
      expect(app.strapi.server.listRoutes().filter((r) => String(r.path).startsWith('/editorial')).map((r) => `${r.methods.filter((m) => m !== 'HEAD').join()} ${String(r.path)}`).sort()).toEqual([
        'GET /editorial/audit-log',
        'GET /editorial/audit-log/export.csv',
        'GET /editorial/config',
        'GET /editorial/history/:uid/:documentId',
        'GET /editorial/history/:uid/:documentId/:versionId',
        'GET /editorial/queue',
        'GET /editorial/stages/:uid/:documentId',
        'POST /editorial/history/:uid/:documentId/:versionId/restore',
        'POST /editorial/stages/:uid/:documentId',
      ]);
      const [{ n }] = await app.strapi.db.connection(TABLE).where({ id: e.id, action: e.action }).count({ n: '*' });
      expect(Number(n)).toBe(1);
    });

    it('is for administrators only: 401 without a session, 403 for an editor', async () => {
      await api().get('/editorial/audit-log').expect(401);
      await api().get('/editorial/audit-log/export.csv').expect(401);
      await createAdmin('tdkt-editor', 'bien-tap-xem-nhat-ky@example.vn');
      const editor = await login('bien-tap-xem-nhat-ky@example.vn');
      await api().get('/editorial/audit-log').set('Authorization', `Bearer ${editor}`).expect(403);
      await api().get('/editorial/audit-log/export.csv').set('Authorization', `Bearer ${editor}`).expect(403);
    });
  });
});
