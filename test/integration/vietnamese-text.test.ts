import request from 'supertest';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const nfd = (s: string) => s.normalize('NFD');

describeIntegration(`vietnamese-text plugin (${testDatabase})`, () => {
  let app: TestApp;
  let token: string;
  const api = () => request(app.strapi.server.httpServer);
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const registry = () => app.strapi.plugin('vietnamese-text').service('slugRegistry');

  beforeAll(async () => {
    app = await startApp();
    const created = await app.strapi
      .service('admin::api-token')
      .create({ name: 'test-writer', type: 'full-access', lifespan: null, description: '' });
    token = created.accessKey;
  }, 120_000);
  afterAll(() => app?.stop());

  describe('slugs from every entry point', () => {
    it('REST create without a slug gets one from the title', async () => {
      const res = await api()
        .post('/api/articles')
        .set(auth())
        .send({ data: { title: 'Hội nghị sơ kết 6 tháng đầu năm của Khối Mặt trận – Đoàn thể' } })
        .expect(201);
      expect(res.body.data.slug).toBe('hoi-nghi-so-ket-6-thang-dau-nam-cua-khoi-mat-tran-doan-the');
    });

    it('REST create cleans an explicit slug', async () => {
      const res = await api()
        .post('/api/categories')
        .set(auth())
        .send({ data: { name: 'Thời sự', slug: 'Thời Sự & Chính Trị!' } })
        .expect(201);
      expect(res.body.data.slug).toBe('thoi-su-chinh-tri');
    });

    it('the Document Service gets one too, per locale', async () => {
      const docs = app.strapi.documents('api::agency.agency');
      const vi = await docs.create({ data: { name: 'Hội Chữ thập đỏ tỉnh' } as never });
      expect(vi.slug).toBe('hoi-chu-thap-do-tinh');
      const en = await docs.update({ documentId: vi.documentId, locale: 'en', data: { name: 'Provincial Red Cross' } as never });
      expect(en?.slug).toBe('provincial-red-cross');
    });

    it('numbers repeated titles -2, -3 in each locale, drafts included', async () => {
      const title = 'Tin trùng tiêu đề kiểm thử';
      const docs = app.strapi.documents('api::article.article');
      const first = await docs.create({ data: { title } as never });
      const second = await docs.create({ data: { title } as never });
      const third = await docs.create({ status: 'published', data: { title } as never });
      expect([first.slug, second.slug, third.slug]).toEqual([
        'tin-trung-tieu-de-kiem-thu',
        'tin-trung-tieu-de-kiem-thu-2',
        'tin-trung-tieu-de-kiem-thu-3',
      ]);
      const en = await docs.update({ documentId: first.documentId, locale: 'en', data: { title: 'Tin trùng tiêu đề kiểm thử' } as never });
      expect(en?.slug).toBe('tin-trung-tieu-de-kiem-thu');
    });

    it('gives concurrent creates of one title distinct slugs', async () => {
      const title = 'Tin tạo đồng thời cùng một lúc';
      const results = await Promise.all(
        Array.from({ length: 8 }, () => api().post('/api/articles').set(auth()).send({ data: { title } }))
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
      const slugs = results.map((r) => r.body.data.slug).sort();
      expect(new Set(slugs).size).toBe(8);
      expect(slugs).toContain('tin-tao-dong-thoi-cung-mot-luc');
      for (const slug of slugs) expect(slug).toMatch(/^tin-tao-dong-thoi-cung-mot-luc(-[2-8])?$/);
    });

    it('refuses a title longer than the database column with a 400, on both databases', async () => {
      const before = await app.strapi.db.query('api::article.article').count();
      const res = await api().post('/api/articles').set(auth()).send({ data: { title: 'Tiêu đề rất dài '.repeat(20) } });
      expect(res.status).toBe(400);
      expect(await app.strapi.db.query('api::article.article').count()).toBe(before);
      const longest = 'Đ'.repeat(255);
      const ok = await api().post('/api/articles').set(auth()).send({ data: { title: longest } }).expect(201);
      expect(ok.body.data.title).toBe(longest);
      expect(ok.body.data.slug).toBe('d'.repeat(80));
    });

    it('frees nothing and stores nothing when a create fails', async () => {
      const before = await app.strapi.db.query('api::article.article').count();
      const res = await api().post('/api/articles').set(auth()).send({ data: { title: 'Tiêu đề hỏng', dateline: 'không phải ngày' } });
      expect(res.status).toBe(400);
      expect(await app.strapi.db.query('api::article.article').count()).toBe(before);
      const ok = await api().post('/api/articles').set(auth()).send({ data: { title: 'Tiêu đề hỏng' } }).expect(201);
      expect(ok.body.data.slug).toBe('tieu-de-hong');
    });
  });

  describe('slug stability and previous slugs', () => {
    it('re-derives the slug on a draft title edit, not after publication', async () => {
      const docs = app.strapi.documents('api::article.article');
      const draft = await docs.create({ data: { title: 'Bản nháp tiêu đề cũ' } as never });
      const edited = await docs.update({ documentId: draft.documentId, data: { title: 'Bản nháp tiêu đề mới' } as never });
      expect(edited?.slug).toBe('ban-nhap-tieu-de-moi');
      await docs.publish({ documentId: draft.documentId });
      const later = await docs.update({ documentId: draft.documentId, data: { title: 'Tiêu đề sửa sau khi đăng' } as never });
      expect(later?.slug).toBe('ban-nhap-tieu-de-moi');
      // The draft's first slug was never public, so it is free again.
      expect(await registry().resolve({ uid: 'api::article.article', locale: 'vi' }, 'ban-nhap-tieu-de-cu')).toBeNull();
    });

    it('an explicit slug edit after publication keeps the old slug resolving', async () => {
      const created = await api().post('/api/articles').set(auth()).send({ data: { title: 'Bài có địa chỉ cũ' } }).expect(201);
      const { documentId } = created.body.data;
      const put = await api().put(`/api/articles/${documentId}`).set(auth()).send({ data: { slug: 'bai-co-dia-chi-moi' } }).expect(200);
      expect(put.body.data.slug).toBe('bai-co-dia-chi-moi');
      const key = { uid: 'api::article.article', locale: 'vi' };
      expect(await registry().resolve(key, 'bai-co-dia-chi-cu')).toEqual({ documentId, current: 'bai-co-dia-chi-moi' });
      // Another document cannot take the old address while it redirects.
      const other = await api().post('/api/articles').set(auth()).send({ data: { title: 'Bài có địa chỉ cũ' } }).expect(201);
      expect(other.body.data.slug).toBe('bai-co-dia-chi-cu-2');
      // Going back to the old slug is allowed for its owner.
      const back = await api().put(`/api/articles/${documentId}`).set(auth()).send({ data: { slug: 'bai-co-dia-chi-cu' } }).expect(200);
      expect(back.body.data.slug).toBe('bai-co-dia-chi-cu');
    });

    it('deleting a document frees its slugs', async () => {
      const created = await api().post('/api/movements').set(auth()).send({ data: { name: 'Phong trào tạm thời' } }).expect(201);
      await api().delete(`/api/movements/${created.body.data.documentId}`).set(auth()).expect(204);
      const again = await api().post('/api/movements').set(auth()).send({ data: { name: 'Phong trào tạm thời' } }).expect(201);
      expect(again.body.data.slug).toBe('phong-trao-tam-thoi');
    });

    it("the admin's regenerate button proposes exactly what saving stores", async () => {
      const uid = app.strapi.plugin('content-manager').service('uid');
      const title = 'Đoàn viên “xung kích” & sáng tạo – năm 2025';
      const proposed = await uid.generateUIDField({ contentTypeUID: 'api::article.article', field: 'slug', data: { title }, locale: 'vi' });
      const saved = await api().post('/api/articles').set(auth()).send({ data: { title } }).expect(201);
      expect(proposed).toBe('doan-vien-xung-kich-sang-tao-nam-2025');
      expect(saved.body.data.slug).toBe(proposed);
      const next = await uid.generateUIDField({ contentTypeUID: 'api::article.article', field: 'slug', data: { title }, locale: 'vi' });
      expect(next).toBe('doan-vien-xung-kich-sang-tao-nam-2025-2');
      expect(await uid.checkUIDAvailability({ contentTypeUID: 'api::article.article', field: 'slug', value: proposed, locale: 'vi' })).toBe(false);
    });
  });

  describe('NFC storage', () => {
    it('stores decomposed REST input as NFC, titles trimmed and cleaned', async () => {
      const res = await api()
        .post('/api/articles')
        .set(auth())
        .send({
          data: {
            title: `  ${nfd('Hội nghị Unicode tổ hợp')}\u200B `,
            summary: nfd('Sapo gõ bằng Unicode tổ hợp'),
            body: [{ type: 'paragraph', children: [{ type: 'text', text: nfd('Nội dung đoạn văn') }] }],
            seo: { metaTitle: nfd('Tiêu đề SEO') },
          },
        })
        .expect(201);
      const row = await app.strapi.db.query('api::article.article').findOne({
        where: { documentId: res.body.data.documentId, publishedAt: { $notNull: true } },
        populate: { seo: true },
      });
      expect(row.title).toBe('Hội nghị Unicode tổ hợp');
      expect(row.summary).toBe('Sapo gõ bằng Unicode tổ hợp');
      expect(row.body[0].children[0].text).toBe('Nội dung đoạn văn');
      expect(row.seo.metaTitle).toBe('Tiêu đề SEO');
      expect(row.slug).toBe('hoi-nghi-unicode-to-hop');
      // Equality with typed (NFC) text now works in SQL.
      const found = await api().get('/api/articles').query({ 'filters[title][$eq]': 'Hội nghị Unicode tổ hợp' }).expect(200);
      expect(found.body.data).toHaveLength(1);
    });

    it('stores media library texts (alt, caption, name) as NFC', async () => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
        'base64'
      );
      const res = await api()
        .post('/api/upload')
        .set(auth())
        .attach('files', png, 'anh.png')
        .field('fileInfo', JSON.stringify({ name: nfd('Ảnh hội nghị.png'), alternativeText: ` ${nfd('Đại biểu dự hội nghị')} `, caption: nfd('Hội nghị tổng kết') }))
        .expect(201);
      const row = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: res.body[0].id } });
      expect([row.name, row.alternativeText, row.caption]).toEqual(['Ảnh hội nghị.png', 'Đại biểu dự hội nghị', 'Hội nghị tổng kết']);
    });

    it('does the same through the Document Service', async () => {
      const doc = await app.strapi.documents('api::bloc.bloc').create({
        data: { name: nfd(' Cụm thi đua ven biển '), kind: 'cum', description: nfd('Mô tả tổ hợp') } as never,
      });
      const row = await app.strapi.db.query('api::bloc.bloc').findOne({ where: { id: doc.id } });
      expect(row.name).toBe('Cụm thi đua ven biển');
      expect(row.description).toBe('Mô tả tổ hợp');
      expect(row.slug).toBe('cum-thi-dua-ven-bien');
    });
  });
});
