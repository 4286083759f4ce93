import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { runImport, type ImportSummary } from '../../src/import/run-import';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'legacy');
const ARTICLE = 'api::article.article';

describeIntegration(`legacy import (${testDatabase})`, () => {
  let app: TestApp;
  let first: ImportSummary;
  const api = () => request(app.strapi.server.httpServer);
  const counts = async () => ({
    articles: await app.strapi.db.query(ARTICLE).count(),
    files: await app.strapi.db.query('plugin::upload.file').count(),
  });
  let before: Awaited<ReturnType<typeof counts>>;
  const draftOf = (legacyId: string) =>
    app.strapi.db.query(ARTICLE).findOne({
      where: { legacyId, publishedAt: null },
      populate: ['category', 'blocs', 'agencies', 'movements', 'cover'],
    });

  beforeAll(async () => {
    app = await startApp();
    before = await counts();
    first = await runImport(app.strapi, FIXTURES);
    await app.strapi.plugin('image-pipeline').service('queue').idle();
  }, 180_000);
  afterAll(() => app?.stop());

  it('imports the good items and reports each bad one with its place and a Vietnamese reason', () => {
    expect(first).toMatchObject({ total: 6, created: 4, updated: 0, skipped: 0, failed: 2 });
    expect(first.failures).toEqual([
      { origin: expect.stringMatching(/bai-cu\.jsonl:3$/), message: expect.stringContaining('Ngày đăng "31/02/2019" không hợp lệ') },
      { origin: expect.stringMatching(/loi-thieu-tieu-de\.md$/), message: 'Thiếu tiêu đề (title).' },
    ]);
    // Unknown references are named per item; the article is imported without them.
    expect(first.warnings).toEqual(
      expect.arrayContaining([
        { origin: expect.stringMatching(/bai-cu\.jsonl:1$/), message: expect.stringContaining('cơ quan "Sở Du lịch tỉnh"') },
        { origin: expect.stringMatching(/2017-tong-ket-khoi\.html$/), message: expect.stringContaining('phong trào "Phong trào chưa có trong danh mục"') },
      ])
    );
    expect(first.warnings).toHaveLength(2);
  });

  it('wrote nothing for the failed items', async () => {
    const after = await counts();
    // 3 published articles (draft + published rows) and 1 draft; 2 images of the Markdown file.
    expect(after.articles - before.articles).toBe(3 * 2 + 1);
    expect(after.files - before.files).toBe(2);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { legacyId: { $in: ['tdkt-2019-9999', 'tdkt-2016-0001'] } } })).toBe(0);
  });

  it('converts TCVN3 and VNI text and keeps the original dates', async () => {
    const tcvn3 = await draftOf('tdkt-2018-0077');
    expect(tcvn3.title).toBe('Hội Nông dân tỉnh sơ kết sáu tháng phong trào nông dân sản xuất giỏi');
    expect(tcvn3.body[0].children[0].text).toBe('Hội nghị biểu dương những hộ nông dân làm kinh tế giỏi ở các xã vùng đồi.');
    expect(tcvn3.body[1]).toEqual({ type: 'heading', level: 2, children: [{ type: 'text', text: 'Kết quả nổi bật' }] });
    expect(new Date(tcvn3.dateline).toISOString()).toBe('2018-07-12T01:05:00.000Z');
    expect(tcvn3.category.name).toBe('Gương điển hình tiên tiến');

    const vni = await draftOf('tdkt-2017-0150');
    expect(vni.title).toBe('Khối Mặt trận - Đoàn thể tổng kết công tác thi đua năm 2017');
    expect(vni.title).toBe(vni.title.normalize('NFC'));
    expect(vni.body[1].children).toEqual([
      { type: 'text', text: 'Năm tới, Hội Liên hiệp Phụ nữ tỉnh giữ vai trò ' },
      { type: 'text', text: 'trưởng khối', bold: true },
      { type: 'text', text: '.' },
    ]);
    expect(new Date(vni.dateline).toISOString()).toBe('2017-12-19T17:00:00.000Z');
    expect(vni.blocs.map((b: { name: string }) => b.name)).toEqual(['Khối Mặt trận – Đoàn thể']);
    expect(vni.agencies.map((a: { name: string }) => a.name).sort()).toEqual(['Hội Liên hiệp Phụ nữ tỉnh', 'Ủy ban Mặt trận Tổ quốc tỉnh']);
  });

  it('links references by name, short name or slug, whatever the accents', async () => {
    const a = await draftOf('tdkt-2019-0412');
    expect(a.category.name).toBe('Tin hoạt động cụm, khối thi đua');
    expect(a.blocs.map((b: { name: string }) => b.name)).toEqual(['Khối Mặt trận – Đoàn thể']);
    expect(a.agencies.map((x: { name: string }) => x.name)).toEqual(['Liên đoàn Lao động tỉnh']);
    expect(a.movements.map((m: { name: string }) => m.name)).toEqual(['Lao động giỏi, lao động sáng tạo']);
    expect(a.body.map((b: { type: string }) => b.type)).toEqual(['paragraph', 'heading', 'list', 'quote', 'paragraph']);
    expect(a.body[4].children[1]).toEqual({ type: 'link', url: 'https://example.vn/thi-dua', children: [{ type: 'text', text: 'kế hoạch chi tiết' }] });
  });

  it('uploads the cover and the inline image through the image pipeline', async () => {
    const md = await draftOf('tdkt-2020-0031');
    expect(md.slug).toBe('ky-ket-giao-uoc-thi-dua-cum-vung-dong-luc-2020');
    expect(md.agencies).toHaveLength(2);
    expect(md.blocs.map((b: { name: string }) => b.name)).toEqual(['Cụm các huyện, thành phố vùng động lực']);
    expect(md.cover).toMatchObject({ name: 'ky-ket-giao-uoc.jpg', alternativeText: 'Đại diện các huyện ký giao ước', width: 800, height: 500 });
    expect(md.cover.formats.thumbnail).toBeDefined();
    expect(md.cover.formats.small).toBeDefined();
    expect(typeof md.cover.placeholder).toBe('string');
    const image = md.body.find((b: { type: string }) => b.type === 'image');
    expect(image.image).toMatchObject({ name: 'trao-co.jpg', alternativeText: 'Trao cờ luân lưu cho cụm trưởng' });
    expect(image.image.url).toMatch(/^\/uploads\//);
  });

  it('removes the images it uploaded when the article cannot be written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-legacy-'));
    try {
      fs.copyFileSync(path.join(FIXTURES, 'anh', 'trao-co.jpg'), path.join(dir, 'anh.jpg'));
      // The caption passes the reader but not the article schema (500 characters at most).
      fs.writeFileSync(path.join(dir, 'dai.md'), `---\nsourceId: tdkt-dai\ntitle: Bài có chú thích ảnh quá dài\ndate: 2021-03-04\ncoverCaption: ${'chú thích '.repeat(60)}\ncover: anh.jpg\n---\nNội dung.\n`);
      const middle = await counts();
      const summary = await runImport(app.strapi, dir);
      expect(summary).toMatchObject({ created: 0, failed: 1 });
      expect(summary.failures[0].origin).toMatch(/dai\.md$/);
      // It failed on the article, after the cover was uploaded.
      expect(summary.failures[0].message).toMatch(/coverCaption/);
      await app.strapi.plugin('image-pipeline').service('queue').idle();
      expect(await counts()).toEqual(middle);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('is idempotent: a second run imports nothing again', async () => {
    const middle = await counts();
    const again = await runImport(app.strapi, FIXTURES);
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 4, failed: 2 });
    expect(await counts()).toEqual(middle);
  });

  it('updates an article whose source changed, and takes it off the site when it becomes a draft', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-legacy-'));
    try {
      const lines = fs.readFileSync(path.join(FIXTURES, 'bai-cu.jsonl'), 'utf8').split('\n');
      const changed = { ...JSON.parse(lines[0]), title: 'Liên đoàn Lao động tỉnh phát động thi đua quý IV (bản sửa)', status: 'draft' };
      fs.writeFileSync(path.join(dir, 'sua.jsonl'), JSON.stringify(changed) + '\n');
      const middle = await counts();
      expect(await runImport(app.strapi, dir)).toMatchObject({ created: 0, updated: 1, failed: 0 });
      expect((await draftOf('tdkt-2019-0412')).title).toBe(changed.title);
      expect(await app.strapi.db.query(ARTICLE).count({ where: { legacyId: 'tdkt-2019-0412', publishedAt: { $notNull: true } } })).toBe(0);
      expect((await counts()).articles).toBe(middle.articles - 1);
      // Back to the original: published again with its first text.
      expect(await runImport(app.strapi, path.join(FIXTURES, 'bai-cu.jsonl'))).toMatchObject({ updated: 1, skipped: 1, failed: 1 });
      expect(await counts()).toEqual(middle);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('shows the published imports on the public API, never the draft or the source id', async () => {
    const res = await api().get('/api/articles').query({ 'filters[title][$startsWith]': 'Khối Mặt trận - Đoàn thể tổng kết', populate: '*' });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const article = res.body.data[0];
    expect(article.dateline).toBe('2017-12-19T17:00:00.000Z');
    expect(JSON.stringify(res.body)).not.toMatch(/legacyId|legacyHash|tdkt-2017-0150/);

    const list = await api().get('/api/articles').query({ 'pagination[pageSize]': 100 });
    const titles = list.body.data.map((a: { title: string }) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Liên đoàn Lao động tỉnh phát động đợt thi đua cao điểm quý IV', 'Các huyện vùng động lực ký kết giao ước thi đua năm 2020']));
    expect(titles).not.toContain('Hội Nông dân tỉnh sơ kết sáu tháng phong trào nông dân sản xuất giỏi');
    expect(JSON.stringify(list.body)).not.toMatch(/legacyId|legacyHash|tdkt-/);

    // A filter on the private field must not reveal it either.
    const probe = await api().get('/api/articles').query({ 'filters[legacyId][$eq]': 'tdkt-2017-0150' });
    expect(probe.status === 400 || probe.body.data?.length !== 1).toBe(true);
  });
});
