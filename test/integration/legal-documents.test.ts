import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { todayIn } from '../../src/legal-documents/dates';
import { makePdf } from '../helpers/pdf';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const UID = 'api::legal-document.legal-document';
const CHI_THI_05 = 've-day-manh-hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh';

type Doc = { documentId: string; number: string; title: string; slug: string; kind: string; issuedOn: string };

describeIntegration(`legal documents (${testDatabase})`, () => {
  let app: TestApp;
  let token = '';
  const api = () => request(app.strapi.server.httpServer);
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const docs = () => app.strapi.documents(UID);
  const rows = () => app.strapi.db.query(UID).count();

  beforeAll(async () => {
    app = await startApp({ API_CACHE: 'off' });
    const created = await app.strapi.service('admin::api-token').create({ name: 'legal-documents', type: 'full-access', lifespan: null, description: '' });
    token = created.accessKey;
  }, 120_000);
  afterAll(() => app?.stop());

  describe('sample data and public reads', () => {
    it('lists the published văn bản of several kinds, with Chỉ thị 05-CT/TW', async () => {
      const res = await api().get('/api/legal-documents?pagination[pageSize]=50&sort=issuedOn:asc').expect(200);
      const list = res.body.data as Doc[];
      expect(list.length).toBeGreaterThanOrEqual(6);
      expect(new Set(list.map((d) => d.kind)).size).toBeGreaterThanOrEqual(4);
      const ct05 = list.find((d) => d.number === '05-CT/TW');
      expect(ct05).toMatchObject({ kind: 'chi-thi', slug: CHI_THI_05, issuedOn: '2016-05-15', issuerName: 'Bộ Chính trị' });
    });

    it('filters by kind and by field', async () => {
      const laws = (await api().get('/api/legal-documents?filters[kind][$eq]=luat').expect(200)).body.data as Doc[];
      expect(laws.map((d) => d.number).sort()).toEqual(['06/2022/QH15', '15/2003/QH11']);
      const field = (await api().get(`/api/legal-documents?filters[field][$eqi]=${encodeURIComponent('XÂY DỰNG ĐẢNG')}`).expect(200)).body.data as Doc[];
      expect(field.map((d) => d.number)).toEqual(['05-CT/TW']);
    });

    it('links the replacement both ways, the issuer, movements and citing articles', async () => {
      const q = 'filters[number][$eq]=15/2003/QH11&populate[replacedBy][fields][0]=number';
      const [old] = (await api().get(`/api/legal-documents?${q}`).expect(200)).body.data;
      expect(old.replacedBy.map((d: Doc) => d.number)).toEqual(['06/2022/QH15']);
      const [law] = (await api().get('/api/legal-documents?filters[number][$eq]=06/2022/QH15&populate[replaces][fields][0]=number').expect(200)).body.data;
      expect(law.replaces.map((d: Doc) => d.number)).toEqual(['15/2003/QH11']);
      const [guide] = (await api().get('/api/legal-documents?filters[issuer][shortName][$notNull]=true&filters[kind]=huong-dan&populate[issuer][fields][0]=name').expect(200)).body.data;
      expect(guide.issuer.name).toMatch(/Mặt trận Tổ quốc/);
      const movement = (await api().get('/api/movements?filters[directives][number][$eq]=05-CT/TW&populate[directives][fields][0]=number').expect(200)).body.data;
      expect(movement).toHaveLength(1);
      expect(movement[0].directives.map((d: Doc) => d.number)).toEqual(['05-CT/TW']);
      const articles = (await api().get('/api/articles?filters[legalDocuments][number][$eq]=05-CT/TW').expect(200)).body.data;
      expect(articles.length).toBeGreaterThanOrEqual(3);
    });

    it('serves the page by slug with files, chain, movements and published citing articles', async () => {
      const res = await api().get(`/api/legal-documents/by-slug/${CHI_THI_05}`).expect(200);
      const data = res.body.data;
      expect(data).toMatchObject({ number: '05-CT/TW', slug: CHI_THI_05, files: [], replaces: [], replacedBy: [], related: [] });
      expect(data.movements.map((m: { slug: string }) => m.slug)).toEqual(['hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh']);
      expect(data.articles.length).toBeGreaterThanOrEqual(3);
      expect(res.body.meta.pagination.total).toBe(data.articles.length);
      expect(data.meta.title).toContain('Về đẩy mạnh học tập');
      await api().get('/api/legal-documents/by-slug/khong-co-van-ban-nay').expect(404);
    });

    it('refuses writes to the public', async () => {
      await api().post('/api/legal-documents').send({ data: { number: '1/X', title: 'Thử', issuedOn: '2025-01-01' } }).expect(403);
    });
  });

  describe('validity and the list parameters', () => {
    // Dates around today in Việt Nam, so the expectations hold whatever day the suite runs.
    const day = (offset: number) => {
      const d = new Date(`${todayIn(new Date())}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + offset);
      return d.toISOString().slice(0, 10);
    };
    const made: Record<string, string> = {};
    const publish = async (number: string, data: Record<string, unknown>) => {
      const doc = (await docs().create({ locale: 'vi', status: 'published', data: { number, title: `Văn bản kiểm tra hiệu lực ${number}`, kind: 'thong-bao', field: 'Kiểm tra hiệu lực', ...data } })) as unknown as Doc;
      made[number] = doc.documentId;
    };
    const numbers = async (query: string) =>
      ((await api().get(`/api/legal-documents?filters[number][$startsWith]=HL-&sort=number:asc&${query}`).expect(200)).body.data as (Doc & { validity: string; validityLabel: string })[]);

    beforeAll(async () => {
      await publish('HL-1', { issuedOn: day(-10), effectiveFrom: day(5) });
      await publish('HL-2', { issuedOn: day(-10) });
      await publish('HL-3', { issuedOn: day(-30), expiresOn: day(0) });
      await publish('HL-4', { issuedOn: day(-30), expiresOn: day(1) });
      await publish('HL-5', { issuedOn: day(-30) });
      // HL-5 is replaced by HL-6 from today; HL-2 by HL-7 only from next month.
      await publish('HL-6', { issuedOn: day(-3), effectiveFrom: day(0), replaces: [made['HL-5']] });
      await publish('HL-7', { issuedOn: day(-3), effectiveFrom: day(30), replaces: [made['HL-2']] });
      // A draft replacement ends nothing publicly.
      await docs().create({ locale: 'vi', data: { number: 'HL-8', title: 'Bản nháp thay thế HL-4', issuedOn: day(-5), replaces: [made['HL-4']] } });
    });

    it('computes each document\'s validity with its Vietnamese label', async () => {
      const list = await numbers('');
      expect(list.map((d) => [d.number, d.validity, d.validityLabel])).toEqual([
        ['HL-1', 'chua-hieu-luc', 'Chưa có hiệu lực'],
        ['HL-2', 'con-hieu-luc', 'Còn hiệu lực'],
        ['HL-3', 'het-hieu-luc', 'Hết hiệu lực'],
        ['HL-4', 'con-hieu-luc', 'Còn hiệu lực'],
        ['HL-5', 'het-hieu-luc', 'Hết hiệu lực'],
        ['HL-6', 'con-hieu-luc', 'Còn hiệu lực'],
        ['HL-7', 'chua-hieu-luc', 'Chưa có hiệu lực'],
      ]);
      // Whatever fields were asked for, and on a single read.
      const [only] = await numbers('fields[0]=number&filters[number][$eq]=HL-5');
      expect(only.validity).toBe('het-hieu-luc');
      const one = (await api().get(`/api/legal-documents/${made['HL-1']}`).expect(200)).body.data;
      expect(one.validity).toBe('chua-hieu-luc');
    });

    it.each([
      ['chua-hieu-luc', ['HL-1', 'HL-7']],
      ['con-hieu-luc', ['HL-2', 'HL-4', 'HL-6']],
      ['het-hieu-luc', ['HL-3', 'HL-5']],
    ])('filters ?validity=%s the same way', async (validity, expected) => {
      const list = await numbers(`validity=${validity}`);
      expect(list.map((d) => d.number)).toEqual(expected);
      expect(list.every((d) => d.validity === validity)).toBe(true);
    });

    it('filters by kind, year, issuer (slug or name) and field, with the client\'s own filters', async () => {
      const year = (await api().get('/api/legal-documents?year=2016').expect(200)).body.data as Doc[];
      expect(year.map((d) => d.number)).toEqual(['05-CT/TW']);
      const issuer = (await api().get(`/api/legal-documents?issuer=${encodeURIComponent('quốc hội')}&sort=issuedOn:asc`).expect(200)).body.data as Doc[];
      expect(issuer.map((d) => d.number)).toEqual(['15/2003/QH11', '06/2022/QH15']);
      const agency = (await api().get('/api/legal-documents?issuer=uy-ban-mat-tran-to-quoc-tinh').expect(200)).body.data as Doc[];
      expect(agency.map((d) => d.number)).toEqual(['08/HD-MTTQ-BTT']);
      const both = (await api().get('/api/legal-documents?kind=luat&validity=het-hieu-luc&field=thi%20%C4%91ua%2C%20khen%20th%C6%B0%E1%BB%9Fng').expect(200)).body.data as Doc[];
      expect(both.map((d) => d.number)).toEqual(['15/2003/QH11']);
      expect((await numbers('kind=thong-bao&validity=het-hieu-luc&filters[number][$ne]=HL-3')).map((d) => d.number)).toEqual(['HL-5']);
    });

    it.each([
      ['kind=sac-lenh', 'Loại văn bản "sac-lenh" không có'],
      ['year=abcd', 'Năm ban hành phải là số'],
      ['validity=het', 'Hiệu lực "het" không có'],
      ['field[$ne]=x', 'Tham số "field" phải là một chuỗi'],
    ])('answers ?%s with a Vietnamese 400', async (query, message) => {
      const res = await api().get(`/api/legal-documents?${query}`).expect(400);
      expect(res.body.error.message).toContain(message);
    });

    it('shows the replacement chain on the page of a replaced document', async () => {
      const old = (await api().get('/api/legal-documents/by-slug/luat-thi-dua-khen-thuong-nam-2003').expect(200)).body.data;
      expect(old.replacedBy.map((d: Doc) => d.number)).toEqual(['06/2022/QH15']);
      expect(old.meta.title).toBe('Luật Thi đua, khen thưởng năm 2003');
    });

    it('gives each page its validity, as the list does, and schema.org Legislation data', async () => {
      const list = (await api().get('/api/legal-documents?pagination[pageSize]=100').expect(200)).body.data as (Doc & { slug: string; validity: string; validityLabel: string })[];
      expect(list.length).toBeGreaterThanOrEqual(6);
      for (const doc of list) {
        const page = (await api().get(`/api/legal-documents/by-slug/${doc.slug}`).expect(200)).body.data;
        expect([doc.number, page.validity, page.validityLabel]).toEqual([doc.number, doc.validity, doc.validityLabel]);
        expect(page.jsonLd).toMatchObject({ '@type': 'Legislation', legislationIdentifier: doc.number, url: page.url, inLanguage: 'vi-VN' });
        expect(page.jsonLd.legislationLegalForce).toBe(doc.validity === 'con-hieu-luc' ? 'https://schema.org/InForce' : 'https://schema.org/NotInForce');
        expect(JSON.parse(page.jsonLdScript)).toEqual(page.jsonLd);
        expect(page.jsonLdScript).not.toContain('<');
      }
      const law2022 = list.find((d) => d.number === '06/2022/QH15');
      const page = (await api().get(`/api/legal-documents/by-slug/${law2022?.slug}`).expect(200)).body.data;
      expect(page.jsonLd.legislationChanges).toEqual([
        expect.objectContaining({ '@type': 'Legislation', legislationIdentifier: '15/2003/QH11', url: expect.stringMatching(/\/van-ban\/luat-thi-dua-khen-thuong-nam-2003$/) }),
      ]);
    });

    it('lists documents in their sitemap part and narrows feeds to the articles citing one', async () => {
      const index = (await api().get('/api/sitemap.xml').expect(200)).text;
      expect(index).toContain('documents-1.xml');
      const part = (await api().get('/api/sitemaps/documents-1.xml').expect(200)).text;
      expect(part).toContain(`/van-ban/${CHI_THI_05}`);
      expect(part).not.toContain('ban-nhap-thay-the');
      const feed = (await api().get(`/api/feeds/feed.json?legal-document=${CHI_THI_05}`).expect(200)).body as { items: unknown[] };
      expect(feed.items.length).toBeGreaterThanOrEqual(3);
      await api().get('/api/feeds/feed.json?legal-document=khong-co').expect(404);
    });
  });

  describe('search by number', () => {
    it.each(['05-CT/TW', '05/CT-TW', '05 ct tw', '05-ct/tw', '05 – CT / TW'])('finds Chỉ thị 05-CT/TW typed as %p', async (q) => {
      const res = await api().get('/api/search').query({ q, type: 'legal-document' }).expect(200);
      const hits = res.body.data as { documentId: string; slug: string; type: string }[];
      expect(hits.map((h) => h.slug)).toContain(CHI_THI_05);
    });

    it('finds a decree by its number without accents, and no draft', async () => {
      const res = await api().get('/api/search').query({ q: '98/2023/ND-CP', type: 'legal-document' }).expect(200);
      expect((res.body.data as { title: string }[]).map((h) => h.title)).toEqual(['Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng']);
      const draft = (await docs().create({ locale: 'vi', data: { number: '77/TB-NHAPTIMKIEM', title: 'Thông báo nháp tìm kiếm', issuedOn: '2025-01-02' } })) as unknown as Doc;
      expect((await api().get('/api/search').query({ q: '77/TB-NHAPTIMKIEM', type: 'legal-document' }).expect(200)).body.data).toEqual([]);
      await docs().delete({ documentId: draft.documentId });
    });
  });

  describe('words inside attached PDFs', () => {
    type Hit = { slug: string; type: string };
    type PageFile = { id: number; name: string; mime: string; textStatus: string | null; textStatusLabel: string | null; pages: number | null };
    const worker = () => app.strapi.plugin('jobs').service<{ idle(): Promise<void>; enqueue(name: string, key: string): Promise<void> }>('worker');
    const searchSlugs = async (q: string) => ((await api().get('/api/search').query({ q, type: 'legal-document' }).expect(200)).body.data as Hit[]).map((h) => h.slug);
    const texts = () => app.strapi.db.connection('media_texts');
    const upload = async (name: string, data: Buffer): Promise<{ id: number; hash: string }> => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-pdf-'));
      const filepath = path.join(dir, name);
      fs.writeFileSync(filepath, data);
      try {
        const [file] = await app.strapi.plugin('upload').service('upload').upload({ data: { fileInfo: { name } }, files: { filepath, originalFilename: name, mimetype: 'application/pdf', size: data.length } });
        return file as { id: number; hash: string };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    const publishWith = async (number: string, title: string, fileId: number) =>
      (await docs().create({ locale: 'vi', status: 'published', data: { number, title, kind: 'cong-van', issuedOn: '2025-05-05', files: [fileId] } })) as unknown as Doc;

    it('finds the sample guidance by words only its PDF holds, and its page says the file is searchable', async () => {
      const slugs = await searchSlugs('chấm chéo');
      expect(slugs).toHaveLength(1);
      const page = (await api().get(`/api/legal-documents/by-slug/${slugs[0]}`).expect(200)).body.data as { number: string; files: PageFile[] };
      expect(page.number).toBe('08/HD-MTTQ-BTT');
      expect(page.files).toHaveLength(1);
      expect(page.files[0]).toMatchObject({ mime: 'application/pdf', textStatus: 'text', textStatusLabel: 'Có lớp chữ: tìm được nội dung', pages: 1 });
      // The words are not in the document's own fields: without the file it is not found.
      expect(await searchSlugs('bỏ phiếu kín suy tôn')).toEqual(slugs);
    });

    it('marks a scanned PDF, without failing the document', async () => {
      const scan = await upload('cong-van-scan.pdf', fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'pdf', 'scanned-page.pdf')));
      await worker().idle();
      const doc = await publishWith('31/CV-SCAN', 'Công văn bản quét về việc gửi hồ sơ khen thưởng', scan.id);
      const page = (await api().get(`/api/legal-documents/by-slug/${doc.slug}`).expect(200)).body.data as { files: PageFile[] };
      expect(page.files[0]).toMatchObject({ textStatus: 'scanned', textStatusLabel: 'Bản quét: không có lớp chữ để tìm', pages: 1 });
      await docs().delete({ documentId: doc.documentId });
    });

    it('follows a file read after the document was published (the job re-indexes it), and a file read before', async () => {
      // Read before: the save indexes the words already stored.
      const early = await upload('cv-early.pdf', makePdf([['Cong van ve viec kiem tra sotaydientu cua cac xa']]));
      await worker().idle();
      const before = await publishWith('41/CV-EARLY', 'Công văn kiểm tra sổ tay điện tử', early.id);
      expect(await searchSlugs('sotaydientu')).toEqual([before.slug]);

      // A text row of another file (a restore renumbers files) carries another hash: not taken,
      // neither by search nor by the page, until the job reads this file again.
      await texts().where({ file_id: early.id }).update({ file_hash: 'tep_khac_cung_so' });
      await app.strapi.plugin('vietnamese-text').service<{ sync(uid: string, documentId: string): Promise<void> }>('searchIndex').sync(UID, before.documentId);
      expect(await searchSlugs('sotaydientu')).toEqual([]);
      const stale = (await api().get(`/api/legal-documents/by-slug/${before.slug}`).expect(200)).body.data as { files: PageFile[] };
      expect(stale.files[0].textStatus).toBe('pending');
      await worker().enqueue('pdf-text', String(early.id));
      await worker().idle();
      expect(await searchSlugs('sotaydientu')).toEqual([before.slug]);

      // Read after: its row is dropped (as if the job had not run yet), the document published,
      // then the job runs and the index follows.
      const late = await upload('cv-late.pdf', makePdf([['Bao cao ve mo hinh vuonmaulienthon cua huyen']]));
      await worker().idle();
      await texts().where({ file_id: late.id }).delete();
      const after = await publishWith('42/CV-LATE', 'Báo cáo mô hình vườn mẫu', late.id);
      expect(await searchSlugs('vuonmaulienthon')).toEqual([]);
      const pending = (await api().get(`/api/legal-documents/by-slug/${after.slug}`).expect(200)).body.data as { files: PageFile[] };
      expect(pending.files[0]).toMatchObject({ textStatus: 'pending', textStatusLabel: 'Đang đọc nội dung tệp', pages: null });
      await worker().enqueue('pdf-text', String(late.id));
      await worker().idle();
      expect(await searchSlugs('vuonmaulienthon')).toEqual([after.slug]);

      // A deleted file's text goes with it, and a draft with a read file is never found.
      const draftFile = await upload('cv-draft.pdf', makePdf([['Du thao chua cong bo ve chuongtrinhbimat']]));
      await worker().idle();
      const draft = (await docs().create({ locale: 'vi', data: { number: '43/CV-NHAP', title: 'Dự thảo công văn', issuedOn: '2025-05-06', files: [draftFile.id] } })) as unknown as Doc;
      expect(await searchSlugs('chuongtrinhbimat')).toEqual([]);
      for (const d of [before, after, draft]) await docs().delete({ documentId: d.documentId });
      for (const f of [early, late, draftFile]) {
        const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: f.id } });
        await app.strapi.plugin('upload').service('upload').remove(file);
        expect(await texts().where({ file_id: f.id }).first()).toBeUndefined();
      }
    });
  });

  describe('drafts', () => {
    it('keeps a draft out of the list, the page and filters', async () => {
      const draft = (await docs().create({ locale: 'vi', data: { number: '99/KH-NHAP', title: 'Kế hoạch nháp chưa duyệt', issuedOn: '2025-03-01', kind: 'ke-hoach' } })) as unknown as Doc;
      const list = (await api().get('/api/legal-documents?filters[number][$eq]=99/KH-NHAP').expect(200)).body.data;
      expect(list).toEqual([]);
      await api().get(`/api/legal-documents/by-slug/${draft.slug}`).expect(404);
      await api().get(`/api/legal-documents/${draft.documentId}`).expect(404);
      await docs().delete({ documentId: draft.documentId });
    });
  });

  describe('validation (Vietnamese 400s, nothing written)', () => {
    const base = { number: '12/QĐ-UBND', title: 'Quyết định thử nghiệm kiểm tra ngày', kind: 'quyet-dinh', issuedOn: '2025-03-10' };
    it.each([
      [{ effectiveFrom: '2025-03-09' }, 'Ngày có hiệu lực (09/03/2025) không được trước ngày ban hành (10/03/2025).'],
      [{ effectiveFrom: '2025-04-01', expiresOn: '2025-04-01' }, 'Ngày hết hiệu lực (01/04/2025) phải sau ngày có hiệu lực (01/04/2025).'],
      [{ expiresOn: '2025-03-01' }, 'Ngày hết hiệu lực (01/03/2025) phải sau ngày có hiệu lực (10/03/2025).'],
    ])('create %p', async (dates, message) => {
      const before = await rows();
      const res = await api().post('/api/legal-documents').set(auth()).send({ data: { ...base, ...dates } }).expect(400);
      expect(res.body.error.message).toBe(message);
      expect(await rows()).toBe(before);
    });

    it('judges a partial update with the dates the draft has', async () => {
      const created = await api().post('/api/legal-documents?status=draft').set(auth()).send({ data: { ...base, effectiveFrom: '2025-04-01' } }).expect(201);
      const id = created.body.data.documentId as string;
      const res = await api().put(`/api/legal-documents/${id}?status=draft`).set(auth()).send({ data: { expiresOn: '2025-03-31' } }).expect(400);
      expect(res.body.error.message).toBe('Ngày hết hiệu lực (31/03/2025) phải sau ngày có hiệu lực (01/04/2025).');
      await api().put(`/api/legal-documents/${id}?status=draft`).set(auth()).send({ data: { expiresOn: '2026-01-01' } }).expect(200);
      await api().delete(`/api/legal-documents/${id}`).set(auth()).expect(204);
    });

    it('refuses a document replacing or related to itself, in every relation form', async () => {
      const created = await api().post('/api/legal-documents?status=draft').set(auth()).send({ data: base }).expect(201);
      const { documentId, id } = created.body.data as { documentId: string; id: number };
      const forms = [[documentId], { connect: [documentId] }, { set: [{ documentId, locale: 'vi' }] }, [id]];
      for (const field of ['replaces', 'related']) {
        for (const form of forms) {
          const res = await api().put(`/api/legal-documents/${documentId}?status=draft`).set(auth()).send({ data: { [field]: form } });
          expect([field, form, res.status]).toEqual([field, form, 400]);
          expect(res.body.error.message).toMatch(/^Văn bản không thể (thay thế|liên quan tới) chính nó/);
        }
      }
      // Another document is fine.
      const [other] = (await api().get('/api/legal-documents?filters[number][$eq]=05-CT/TW').expect(200)).body.data;
      await api().put(`/api/legal-documents/${documentId}?status=draft`).set(auth()).send({ data: { related: [other.documentId] } }).expect(200);
      await api().delete(`/api/legal-documents/${documentId}`).set(auth()).expect(204);
    });

    it('requires the number and the issue date to publish', async () => {
      const res = await api().post('/api/legal-documents').set(auth()).send({ data: { title: 'Văn bản thiếu số', kind: 'khac' } }).expect(400);
      expect(JSON.stringify(res.body.error)).toMatch(/number|issuedOn/);
    });
  });
});
