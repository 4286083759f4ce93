import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { runImport } from '../../src/import/run-import';
import { asSystemJob } from '../../src/scripts/audit';
import type { FieldChange } from '../../src/plugins/editorial/server/src/utils/history';
import type { AuditEntry } from '../../src/plugins/editorial/server/src/utils/types';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

/**
 * Content history of the editorial plugin (issue 15): a version for every kind of write (admin,
 * REST with a full-access token, the scheduler, an import), the diff between versions, restore
 * (relations and media deleted since, never a publication), refusals, ordering and the purge.
 * One app boot; the same file runs on SQLite and PostgreSQL.
 */

const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';
const CM = `/content-manager/collection-types/${ARTICLE}`;
const TABLE = 'editorial_versions';
const PASSWORD = 'Mat-khau-lich-su-2024';
const DAY = 24 * 3600 * 1000;

interface Summary {
  id: number;
  action: string;
  status: string;
  at: string;
  actor: { id: number | null; name: string | null };
}

interface Version extends Summary {
  content: Record<string, unknown>;
  diff: { previous: number | null; changes: FieldChange[] };
}

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

describeIntegration(`content history (${testDatabase})`, () => {
  let app: TestApp;
  const api = () => request(app.strapi.server.httpServer);
  const tokens: Record<string, string> = {};
  const users: Record<string, number> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  async function signIn(who: string, roleId: number): Promise<void> {
    const email = `${who}-lich-su@example.vn`;
    const user = await app.strapi.service('admin::user').create({ email, firstname: 'Lịch', lastname: who, password: PASSWORD, isActive: true, registrationToken: null, roles: [roleId] });
    users[who] = user.id;
    tokens[who] = (await api().post('/admin/login').send({ email, password: PASSWORD }).expect(200)).body.data.token;
  }
  const roleId = async (code: string) => (await app.strapi.service('admin::role').findOne({ code })).id;

  const historyPath = (documentId: string, rest = '') => `/editorial/history/${ARTICLE}/${documentId}${rest}`;
  const list = async (documentId: string, who = 'editor', query: Record<string, string> = {}): Promise<Summary[]> =>
    (await api().get(historyPath(documentId)).query({ locale: 'vi', pageSize: '100', ...query }).set(as(who)).expect(200)).body.data;
  const version = async (documentId: string, id: number): Promise<Version> =>
    (await api().get(historyPath(documentId, `/${id}`)).query({ locale: 'vi' }).set(as('editor')).expect(200)).body.data;
  const restore = (documentId: string, id: number, who = 'editor') => api().post(historyPath(documentId, `/${id}/restore`)).query({ locale: 'vi' }).set(as(who)).send({});

  const create = async (data: Record<string, unknown>, who = 'editor'): Promise<string> => {
    const res = await api().post(CM).query({ locale: 'vi' }).set(as(who)).send(data);
    expect(res.status).toBe(201);
    return res.body.data.documentId;
  };
  const save = (documentId: string, data: Record<string, unknown>, who = 'editor') => api().put(`${CM}/${documentId}`).query({ locale: 'vi' }).set(as(who)).send(data).expect(200);
  const action = (documentId: string, name: 'publish' | 'unpublish' | 'discard', who = 'editor') =>
    api().post(`${CM}/${documentId}/actions/${name}`).query({ locale: 'vi' }).set(as(who)).send({}).expect(200);
  const draftTitle = async (documentId: string) =>
    (await app.strapi.documents(ARTICLE).findOne({ documentId, locale: 'vi', status: 'draft' }))?.title;
  const publishedTitle = async (documentId: string) =>
    (await app.strapi.documents(ARTICLE).findOne({ documentId, locale: 'vi', status: 'published' }))?.title ?? null;

  async function uploadImage(name: string): Promise<number> {
    const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#36c' } }).png().toBuffer();
    const res = await api().post('/upload').set(as('admin')).attach('files', png, name).field('fileInfo', JSON.stringify({ alternativeText: 'Ảnh thử lịch sử' })).expect(201);
    return res.body[0].id;
  }
  const category = async (name: string) => (await app.strapi.documents(CATEGORY).create({ locale: 'vi', data: { name } })).documentId;

  beforeAll(async () => {
    app = await startApp();
    await signIn('admin', await roleId('strapi-super-admin'));
    await signIn('editor', await roleId('tdkt-editor'));
    await signIn('reporter', await roleId('tdkt-author'));
    const empty = await app.strapi.service('admin::role').create({ name: 'Không quyền lịch sử', code: 'history-no-rights', description: 'thử' });
    await signIn('nobody', empty.id);
  }, 180_000);
  afterAll(() => app?.stop());

  describe('every kind of write stores a version', () => {
    let id: string;

    it('admin create, save, publish, save, discard, unpublish: one version each, newest first (an empty save none)', async () => {
      id = await create({ title: 'Lịch sử: bản đầu', body: [paragraph('Hội nghị tổng kết năm 2019')] });
      await save(id, { title: 'Lịch sử: bản sửa', body: [paragraph('Hội nghị sơ kết năm 2019')] });
      // Saved again unchanged (the admin's publish button also saves the draft first): no version.
      await save(id, { title: 'Lịch sử: bản sửa' });
      await action(id, 'publish');
      await save(id, { title: 'Lịch sử: sửa sau khi đăng' });
      await action(id, 'discard');
      await action(id, 'unpublish');
      const versions = await list(id);
      expect(versions.map((v) => [v.action, v.status])).toEqual([
        ['unpublish', 'draft'],
        ['discard', 'published'],
        ['update', 'modified'],
        ['publish', 'published'],
        ['update', 'draft'],
        ['create', 'draft'],
      ]);
      for (const v of versions) expect(v.actor).toEqual({ id: users.editor, name: 'Lịch editor' });
      const ids = versions.map((v) => v.id);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      const times = versions.map((v) => Date.parse(v.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('keeps each version’s content: the discarded edit is in its version, the draft went back', async () => {
      const versions = await list(id);
      const edited = await version(id, versions[2].id);
      expect(edited.content.title).toBe('Lịch sử: sửa sau khi đăng');
      expect((await version(id, versions[1].id)).content.title).toBe('Lịch sử: bản sửa');
      expect(await draftTitle(id)).toBe('Lịch sử: bản sửa');
    });

    it('pages the list', async () => {
      const all = await list(id);
      const res = await api().get(historyPath(id)).query({ locale: 'vi', page: '2', pageSize: '2' }).set(as('editor')).expect(200);
      expect(res.body.data.map((v: Summary) => v.id)).toEqual(all.slice(2, 4).map((v) => v.id));
      expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 6 });
    });

    it('a clone in the admin is a new document whose first version is its creation; the original keeps its own', async () => {
      const before = (await list(id)).length;
      const res = await api().post(`${CM}/clone/${id}`).query({ locale: 'vi' }).set(as('editor')).send({ title: 'Lịch sử: bản nhân bản' });
      expect(res.status).toBe(200);
      const copy = res.body.data.documentId;
      expect(copy).not.toBe(id);
      const versions = await list(copy);
      expect(versions.map((v) => [v.action, v.status])).toEqual([['create', 'draft']]);
      expect((await version(copy, versions[0].id)).content.title).toBe('Lịch sử: bản nhân bản');
      expect(versions[0].actor).toEqual({ id: users.editor, name: 'Lịch editor' });
      expect(await list(id)).toHaveLength(before);
    });

    it('a REST write with a full-access token is the token’s', async () => {
      const token = await app.strapi.service('admin::api-token').create({ name: 'Khoá lịch sử', type: 'full-access', lifespan: null });
      const res = await api().post('/api/articles').query({ locale: 'vi' }).set('Authorization', `Bearer ${token.accessKey}`).send({ data: { title: 'Lịch sử: bài qua REST' } });
      expect(res.status).toBe(201);
      const versions = await list(res.body.data.documentId);
      // The content API publishes unless asked for a draft: one version, the publication.
      expect(versions.map((v) => [v.action, v.status])).toEqual([['publish', 'published']]);
      expect(versions[0].actor).toEqual({ id: Number(token.id), name: 'Khoá lịch sử' });
    });

    it('a scheduled publication is the scheduler’s', async () => {
      const scheduled = await create({ title: 'Lịch sử: tin hẹn giờ', publishAt: new Date(Date.now() + 1000).toISOString() });
      await app.strapi.plugin('newsroom').service('scheduler').runDue(new Date(Date.now() + 2000));
      const [last] = await list(scheduled);
      expect(last).toMatchObject({ action: 'publish', status: 'published', actor: { id: null, name: 'scheduler' } });
      expect(await publishedTitle(scheduled)).toBe('Lịch sử: tin hẹn giờ');
    });

    it('an imported article is the import’s', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lich-su-nhap-'));
      try {
        const item = { sourceId: 'lich-su-0001', title: 'Lịch sử: bài nhập từ cổng cũ', date: '27/11/2019 15:20', body: '<p>Nội dung bài cũ.</p>' };
        fs.writeFileSync(path.join(dir, 'bai.jsonl'), `${JSON.stringify(item)}\n`);
        expect(await asSystemJob(app.strapi, 'import', () => runImport(app.strapi, dir))).toMatchObject({ created: 1, failed: 0 });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const rows = await app.strapi.db.connection(TABLE).where({ uid: ARTICLE, actor_name: 'import' }).select('document_id', 'actor_type', 'content');
      const mine = rows.filter((r: { content: string }) => JSON.parse(r.content).title === 'Lịch sử: bài nhập từ cổng cũ');
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((r: { actor_type: string }) => r.actor_type === 'system')).toBe(true);
    });

    it('covers every type the app configures (a category save)', async () => {
      const c = await category('Lịch sử: chuyên mục');
      const res = await api().get(`/editorial/history/${CATEGORY}/${c}`).query({ locale: 'vi' }).set(as('editor')).expect(200);
      expect(res.body.data.map((v: Summary) => v.action)).toEqual(['create']);
    });
  });

  describe('diff and restore', () => {
    let id: string;
    let first: number;
    let kept: string;
    let doomed: string;
    let keptImage: number;
    let doomedImage: number;

    beforeAll(async () => {
      kept = await category('Lịch sử: chuyên mục còn');
      doomed = await category('Lịch sử: chuyên mục sẽ xoá');
      keptImage = await uploadImage('lich-su-con.png');
      doomedImage = await uploadImage('lich-su-xoa.png');
      id = await create({
        title: 'Khối Mặt trận – Đoàn thể tổng kết năm 2019',
        summary: 'Hội nghị tổng kết công tác thi đua khen thưởng.',
        body: [paragraph('Hội nghị do Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh chủ trì.'), paragraph('Năm 2020 Hội LHPN tỉnh làm trưởng khối.')],
        author: 'Lê Hằng',
        category: { connect: [{ documentId: doomed, locale: 'vi' }] },
        cover: doomedImage,
        gallery: [keptImage, doomedImage],
        seo: { metaTitle: 'Tổng kết khối 2019', ogImage: doomedImage },
      });
      await action(id, 'publish');
      first = (await list(id))[0].id;
      await save(id, {
        title: 'Khối Mặt trận – Đoàn thể sơ kết 6 tháng',
        body: [paragraph('Hội nghị do Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh chủ trì.'), paragraph('Năm 2021 Hội Nông dân tỉnh làm trưởng khối.')],
        category: { set: [{ documentId: kept, locale: 'vi' }] },
        cover: keptImage,
        gallery: [keptImage],
        seo: { metaTitle: 'Sơ kết khối' },
      });
    }, 60_000);

    it('stores relation documentIds and media ids, and measures a version', async () => {
      const v = await version(id, first);
      expect(v.content).toMatchObject({ category: [doomed], cover: String(doomedImage), gallery: [String(keptImage), String(doomedImage)], seo: { metaTitle: 'Tổng kết khối 2019', ogImage: String(doomedImage) } });
      const row = await app.strapi.db.connection(TABLE).where({ id: first }).first('content');
      const bytes = Buffer.byteLength(row.content, 'utf8');
      // The sample article's version: a few hundred bytes of JSON (reported in the README).
      expect(bytes).toBeGreaterThan(300);
      expect(bytes).toBeLessThan(4096);
      process.stdout.write(`[content-history] bytes per version of the sample article (${testDatabase}): ${bytes}\n`);
    });

    it('diffs a version against the one before: words, relations, media, components', async () => {
      const [latest] = await list(id);
      const v = await version(id, latest.id);
      expect(v.diff.previous).toBe(first);
      const byField = Object.fromEntries(v.diff.changes.map((c) => [c.field, c]));
      expect(Object.keys(byField)).toEqual(expect.arrayContaining(['title', 'body', 'category', 'cover', 'gallery', 'seo']));
      expect(Object.keys(byField)).not.toEqual(expect.arrayContaining(['summary']));
      expect(Object.keys(byField)).not.toEqual(expect.arrayContaining(['author']));
      const title = byField.title;
      expect(title.kind).toBe('text');
      if (title.kind === 'text') {
        const side = (op: 'insert' | 'delete') => title.parts.filter((p) => p.op === 'equal' || p.op === op).map((p) => p.text).join('');
        expect(side('delete')).toBe('Khối Mặt trận – Đoàn thể tổng kết năm 2019');
        expect(side('insert')).toBe('Khối Mặt trận – Đoàn thể sơ kết 6 tháng');
        expect(title.parts[0]).toEqual({ op: 'equal', text: 'Khối Mặt trận – Đoàn thể ' });
      }
      const body = byField.body;
      expect(body.kind).toBe('text');
      if (body.kind === 'text') {
        expect(body.parts.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(['2020', 'LHPN']);
        expect(body.parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['2021', 'Nông dân']);
      }
      expect(byField.category).toEqual({ field: 'category', kind: 'relation', added: [kept], removed: [doomed] });
      expect(byField.cover).toEqual({ field: 'cover', kind: 'media', added: [String(keptImage)], removed: [String(doomedImage)] });
      expect(byField.gallery).toEqual({ field: 'gallery', kind: 'media', added: [], removed: [String(doomedImage)] });
      expect(byField.seo).toMatchObject({ field: 'seo', kind: 'changed' });
    });

    it('restores into the draft, names the deleted relation and media, never publishes', async () => {
      await app.strapi.documents(CATEGORY).delete({ documentId: doomed, locale: '*' });
      await api().delete(`/upload/files/${doomedImage}`).set(as('admin')).expect(200);
      const before = await list(id);
      const res = await restore(id, first).expect(200);
      expect(res.body.data).toMatchObject({ documentId: id, title: 'Khối Mặt trận – Đoàn thể tổng kết năm 2019', publishedAt: null });
      expect(res.body.missing).toEqual(
        expect.arrayContaining([
          { field: 'category', kind: 'relation', id: doomed },
          { field: 'cover', kind: 'media', id: String(doomedImage) },
          { field: 'gallery', kind: 'media', id: String(doomedImage) },
          { field: 'seo.ogImage', kind: 'media', id: String(doomedImage) },
        ])
      );
      expect(res.body.missing).toHaveLength(4);
      const draft = await app.strapi.documents(ARTICLE).findOne({ documentId: id, locale: 'vi', status: 'draft', populate: ['category', 'cover', 'gallery', 'seo'] });
      expect(draft?.title).toBe('Khối Mặt trận – Đoàn thể tổng kết năm 2019');
      expect(draft?.category).toBeNull();
      expect(draft?.cover).toBeNull();
      expect((draft?.gallery as { id: number }[]).map((f) => f.id)).toEqual([keptImage]);
      expect(draft?.seo).toMatchObject({ metaTitle: 'Tổng kết khối 2019' });
      // The published version is the one published before: a restore never publishes.
      expect(await publishedTitle(id)).toBe('Khối Mặt trận – Đoàn thể tổng kết năm 2019');
      const after = await list(id);
      expect(after).toHaveLength(before.length + 1);
      expect(after[0]).toMatchObject({ action: 'restore', status: 'modified', actor: { id: users.editor } });
      const restored = await version(id, after[0].id);
      expect(restored).toMatchObject({ restoredFrom: first });
      expect(restored.content.title).toBe('Khối Mặt trận – Đoàn thể tổng kết năm 2019');
    });

    it('logs the restore in the audit log', async () => {
      const res = await api().get('/editorial/audit-log').query({ action: 'history.restore', documentId: id }).set(as('admin')).expect(200);
      const entries: AuditEntry[] = res.body.data;
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor: { type: 'admin', id: String(users.editor) }, target: { uid: ARTICLE, documentId: id, locale: 'vi' }, details: { version: first, missing: 4 } });
    });
  });

  describe('refusals (Vietnamese, never 500)', () => {
    let id: string;
    let v: number;
    beforeAll(async () => {
      id = await create({ title: 'Lịch sử: bài của biên tập viên' });
      v = (await list(id))[0].id;
    });

    it('lets a reporter read the history but not restore a draft that is not theirs (403)', async () => {
      expect((await list(id, 'reporter')).map((x) => x.id)).toEqual([v]);
      const res = await restore(id, v, 'reporter').expect(403);
      expect(res.body.error.message).toMatch(/không có quyền sửa/);
    });

    it('lets a reporter restore their own draft', async () => {
      const own = await create({ title: 'Lịch sử: bài của phóng viên' }, 'reporter');
      await save(own, { title: 'Lịch sử: phóng viên sửa' }, 'reporter');
      const versions = await list(own, 'reporter');
      await restore(own, versions[1].id, 'reporter').expect(200);
      expect(await draftTitle(own)).toBe('Lịch sử: bài của phóng viên');
    });

    it('shows a role only the fields it may read, and restores only those it may update', async () => {
      const role = await app.strapi.service('admin::role').create({ name: 'Chỉ đọc tít', code: 'history-title-only', description: 'thử' });
      const rule = (action: string, fields: string[]) => ({ action: `plugin::content-manager.explorer.${action}`, subject: ARTICLE, properties: { fields, locales: ['vi'] }, conditions: [] });
      await app.strapi.service('admin::role').assignPermissions(role.id, [rule('read', ['title', 'summary']), rule('update', ['summary'])]);
      await signIn('titles', role.id);
      await save(id, { title: 'Lịch sử: tít mới', summary: 'Tóm tắt mới' });
      const res = await api().get(historyPath(id, `/${v}`)).query({ locale: 'vi' }).set(as('titles')).expect(200);
      expect(Object.keys(res.body.data.content).sort()).toEqual(['summary', 'title']);
      expect(res.body.data.diff.changes.map((c: FieldChange) => c.field).every((f: string) => ['summary', 'title'].includes(f))).toBe(true);
      const restored = await restore(id, v, 'titles').expect(200);
      expect(Object.keys(restored.body.data).filter((k) => !['id', 'documentId', 'locale', 'createdAt', 'updatedAt', 'publishedAt'].includes(k)).sort()).toEqual(['summary', 'title']);
      // The summary went back (null in the first version); the title, not updatable by this role, stayed.
      const draft = await app.strapi.documents(ARTICLE).findOne({ documentId: id, locale: 'vi', status: 'draft' });
      expect(draft).toMatchObject({ title: 'Lịch sử: tít mới', summary: null });
    });

    it.each([
      ['a role without read permission', 'get', () => historyPath(id), 'nobody', 403, /không có quyền xem/],
      ['a role without read permission, a version', 'get', () => historyPath(id, `/${v}`), 'nobody', 403, /không có quyền xem/],
      ['a role without read permission, a restore', 'post', () => historyPath(id, `/${v}/restore`), 'nobody', 403, /không có quyền xem/],
      ['an unknown type', 'get', () => `/editorial/history/api::nope.nope/${id}`, 'editor', 400, /Không có loại nội dung/],
      ['a type without history', 'get', () => `/editorial/history/plugin::users-permissions.user/${id}`, 'admin', 400, /không lưu lịch sử phiên bản/],
      ['an unknown document', 'get', () => historyPath('khong-co-bai-nay'), 'editor', 404, /Không tìm thấy/],
      ['a locale the site lacks', 'get', () => `${historyPath(id)}?locale=fr`, 'editor', 400, /Ngôn ngữ "fr"/],
      ['a version id that is not a number', 'get', () => historyPath(id, '/abc'), 'editor', 400, /Mã phiên bản/],
      ['a version of another document', 'get', () => historyPath(id, '/1'), 'editor', 404, /Không có phiên bản/],
      ['a restore of a version id that is not a number', 'post', () => historyPath(id, '/0/restore'), 'editor', 400, /Mã phiên bản/],
      ['a page size too large', 'get', () => `${historyPath(id)}?pageSize=1000`, 'editor', 400, /pageSize/],
    ] as const)('%s', async (_name, method, url, who, status, message) => {
      const target = url();
      const req = method === 'get' ? api().get(target) : api().post(target).send({});
      const res = await req.query(target.includes('locale=') ? {} : { locale: 'vi' }).set(as(who));
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
    });

    it('refuses without an admin session (401)', async () => {
      await api().get(historyPath(id)).query({ locale: 'vi' }).expect(401);
    });
  });

  describe('retention', () => {
    it('thins versions older than keepAllDays to one a day, keeps published ones, logs the purge', async () => {
      const documentId = 'lich-su-cu-0001';
      // Noon in Vietnam (UTC+7), 120 days ago: the four old versions fall on one day.
      const old = Math.floor((Date.now() + 7 * 3600_000) / DAY) * DAY - 7 * 3600_000 - 120 * DAY + 5 * 3600_000;
      const row = (at: number, status: string) => ({ uid: ARTICLE, document_id: documentId, locale: 'vi', action: 'update', status, actor_type: 'system', at, content: '{}' });
      await app.strapi.db.connection(TABLE).insert([row(old, 'draft'), row(old + 60_000, 'published'), row(old + 120_000, 'draft'), row(old + 180_000, 'draft'), row(Date.now() - DAY, 'draft')]);
      const removed = await app.strapi.plugin('editorial').service('history').purge();
      expect(removed).toBeGreaterThanOrEqual(2);
      const left = await app.strapi.db.connection(TABLE).where({ document_id: documentId }).orderBy('id').select('status', 'at');
      expect(left.map((r: { status: string; at: number | string }) => [r.status, Number(r.at)])).toEqual([
        ['published', old + 60_000],
        ['draft', old + 180_000],
        ['draft', expect.any(Number)],
      ]);
      const res = await api().get('/editorial/audit-log').query({ action: 'history.purge' }).set(as('admin')).expect(200);
      expect(res.body.data[0]).toMatchObject({ actor: { type: 'system', name: 'retention' }, details: { keepAllDays: 90 } });
    });
  });
});
