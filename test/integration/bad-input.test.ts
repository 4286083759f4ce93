import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import request from 'supertest';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const VIETNAMESE = /[ăâđêôơưáàảãạếềểễệóòỏõọớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵ]/i;

// A PNG whose header claims width × height pixels, with one tiny (valid) compressed row: a bomb's shape.
function pngDeclaring(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(1 + width))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describeIntegration(`bad input through the HTTP API (${testDatabase})`, () => {
  let app: TestApp;
  let token: string;
  let jpeg: Buffer;
  let png: Buffer;
  let gif: Buffer;
  const api = () => request(app.strapi.server.httpServer);
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const uploadsDir = () => path.join(app.env.PUBLIC_DIR, 'uploads');

  const countDisk = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countDisk(path.join(dir, e.name)) : 1), 0);
  const counts = async () => {
    await app.strapi.plugin('image-pipeline').service('queue').idle();
    return {
      articles: await app.strapi.db.query(ARTICLE).count(),
      files: await app.strapi.db.query('plugin::upload.file').count(),
      disk: countDisk(uploadsDir()),
      locales: await app.strapi.db.query('plugin::i18n.locale').count(),
    };
  };

  /** A clear 4xx in Strapi's error shape; the server answers afterwards; nothing half-written. */
  async function refused(send: () => request.Test, status: number | RegExp = /^4\d\d$/, message?: RegExp) {
    const before = await counts();
    const res = await send();
    expect(String(res.status)).toMatch(typeof status === 'number' ? new RegExp(`^${status}$`) : status);
    expect(res.body?.error).toEqual(expect.objectContaining({ status: res.status, name: expect.any(String), message: expect.any(String) }));
    if (message) expect(res.body.error.message).toMatch(message);
    await api().get('/api/categories').expect(200);
    expect(await counts()).toEqual(before);
    return res;
  }

  const createArticle = (data: unknown, query = '') =>
    api().post(`/api/articles${query}`).set(auth()).send({ data } as object);
  const upload = (buffer: Buffer, filename: string, contentType?: string) =>
    api().post('/api/upload').set(auth()).attach('files', buffer, contentType ? { filename, contentType } : filename);

  beforeAll(async () => {
    app = await startApp();
    token = (await app.strapi.service('admin::api-token').create({ name: 'bad-input', type: 'full-access', lifespan: null, description: '' })).accessKey;
    jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } }).jpeg().toBuffer();
    png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3c3' } }).png().toBuffer();
    gif = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#33c' } }).gif().toBuffer();
  }, 120_000);
  afterAll(() => app?.stop());

  describe('request bodies', () => {
    it('malformed JSON', () =>
      refused(() => api().post('/api/articles').set(auth()).set('Content-Type', 'application/json').send('{"data": {"title": "Tin'), 400));

    it('JSON that is not an object', () =>
      refused(() => api().post('/api/articles').set(auth()).set('Content-Type', 'application/json').send('[1,2,3]'), 400));

    it('a body over the configured limit', () =>
      refused(() => createArticle({ title: 'Tin dài', summary: 'x'.repeat(3 * 1024 * 1024) }), 413));

    it('unknown fields', () => refused(() => createArticle({ title: 'Tin có trường lạ', hacker: true }), 400));

    it('no data at all', () => refused(() => api().post('/api/articles').set(auth()).send({ title: 'Thiếu data' }), 400));

    it('a 100,000-character title', () => refused(() => createArticle({ title: 'Thi đua '.repeat(12_500) }), 400, VIETNAMESE));

    it('a summary over its 1,000 characters', () => refused(() => createArticle({ title: 'Tin có tóm tắt dài', summary: 'Khen thưởng '.repeat(2000) }), 400, VIETNAMESE));

    it('an over-long string inside a component (seo.metaTitle)', () =>
      refused(() => createArticle({ title: 'Tin có SEO dài', seo: { metaTitle: 'Thi đua '.repeat(100) } }), 400, VIETNAMESE));

    it('an invalid dateline', () => refused(() => createArticle({ title: 'Tin sai ngày', dateline: '2024-13-45' }), 400));

    it('a dateline that is not a string', () => refused(() => createArticle({ title: 'Tin sai ngày', dateline: { $gt: 1 } }), 400));

    it('invalid blocks in body (a string)', () => refused(() => createArticle({ title: 'Tin sai nội dung', body: 'không phải blocks' }), 400));

    it('invalid blocks in body (unknown node type)', () =>
      refused(() => createArticle({ title: 'Tin sai nội dung', body: [{ type: 'script', children: [{ type: 'text', text: 'alert(1)' }] }] }), 400));

    it('a relation id that does not exist', () => refused(() => createArticle({ title: 'Tin lạc chuyên mục', category: 987654 }), /^(400|404)$/));

    it('a relation documentId that does not exist', () =>
      refused(() => createArticle({ title: 'Tin lạc khối', blocs: { connect: ['khong-ton-tai-abcdefgh'] } }), /^(400|404)$/));

    it('a title of the wrong type', () => refused(() => createArticle({ title: { $ne: null } }), 400));

    it('updating a document that does not exist', () =>
      refused(() => api().put('/api/articles/khong-ton-tai-abcdefgh').set(auth()).send({ data: { title: 'Không có' } }), 404));

    it('writing without a token', () => refused(() => api().post('/api/articles').send({ data: { title: 'Ẩn danh' } }), 403));
  });

  describe('control characters and broken Unicode', () => {
    // Word pastes carry stray control characters; they are removed, never stored (NUL breaks PostgreSQL).
    it.each([
      ['NUL', 'Hội nghị\u0000 tổng kết'],
      ['ESC', 'Hội nghị\u001b[31m tổng kết'],
    ])('%s in the title and body is stripped', async (_case, title) => {
      const res = await createArticle({
        title,
        summary: title,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: title }] }],
        seo: { metaTitle: title },
      });
      expect(res.status).toBe(201);
      const stored = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: res.body.data.documentId }, populate: ['seo'] });
      for (const value of [stored.title, stored.summary, stored.body[0].children[0].text, stored.seo.metaTitle]) {
        expect(value).toMatch(/^Hội nghị(\[31m)? tổng kết$/);
      }
      await api().delete(`/api/articles/${res.body.data.documentId}`).set(auth()).expect(204);
    });

    it('a title that is only control characters is refused as empty', () => createArticle({ title: '\u0000\u001b' }).then((res) => {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(VIETNAMESE);
    }));

    // Half a surrogate pair is no character: refused, naming the field, never silently dropped.
    const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800'];
    const placements: [string, (bad: string) => Record<string, unknown>][] = [
      ['title', (bad) => ({ title: `Hội nghị${bad} tổng kết` })],
      ['summary', (bad) => ({ title: 'Tin có tóm tắt hỏng', summary: `Tóm tắt ${bad}` })],
      ['body', (bad) => ({ title: 'Tin có nội dung hỏng', body: [{ type: 'paragraph', children: [{ type: 'text', text: `đoạn ${bad}` }] }] })],
      ['seo.metaTitle', (bad) => ({ title: 'Tin có SEO hỏng', seo: { metaTitle: `SEO ${bad}` } })],
    ];
    it.each(placements.flatMap(([field, make]) => SURROGATES.map((bad) => [field, JSON.stringify(bad), make(bad)] as const)))(
      'a lone surrogate in %s (%s) is refused naming the field',
      async (field, _shown, data) => {
        const res = await refused(() => createArticle(data), 400, VIETNAMESE);
        expect(res.body.error.message).toContain(`"${field}"`);
        expect(res.body.error.message).toMatch(/Unicode hỏng/);
      }
    );

    // Zero-width, joiners, BOM, soft hyphen, fillers, bidirectional controls: invisible, so no title.
    const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u3164', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069'];
    it.each([...INVISIBLE.map((c) => c.repeat(3)), INVISIBLE.join(''), ` ${INVISIBLE.join(' ')} `])('a title of only %j is refused as empty', async (title) => {
      const res = await refused(() => createArticle({ title }), 400, VIETNAMESE);
      expect(res.body.error.message).toMatch(/"title" không có nội dung/);
    });

    it('a name of only invisible characters is refused on other types and on update too', async () => {
      await refused(() => api().post('/api/categories').set(auth()).send({ data: { name: '\u200b\u202e' } }), 400, /"name" không có nội dung/);
      const created = await createArticle({ title: 'Tin sẽ bị sửa tiêu đề' }).expect(201);
      await refused(() => api().put(`/api/articles/${created.body.data.documentId}`).set(auth()).send({ data: { title: '\ufeff\u200d' } }), 400, /"title" không có nội dung/);
      const stored = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: created.body.data.documentId } });
      expect(stored.title).toBe('Tin sẽ bị sửa tiêu đề');
      await api().delete(`/api/articles/${created.body.data.documentId}`).set(auth()).expect(204);
    });

    // NUL is refused (PostgreSQL would fail on it) except in search's q, which the search plugin cleans.
    it.each([
      ['NUL in a filter', '/api/articles?filters[title][$eq]=%00', 400],
      ['NUL in search', '/api/search?q=h%E1%BB%99i%00ngh%E1%BB%8B', 200],
      ['NUL in search filters', '/api/search?q=hoi&locale=vi%00', 400],
      ['NUL in a by-slug path', '/api/articles/by-slug/tin%00moi', 400],
      ['a lone surrogate (CESU bytes) in a filter', '/api/articles?filters[title][$containsi]=%ED%A0%80', 200],
      ['malformed percent-encoding in a filter', '/api/articles?filters[title][$eq]=%E0%A4%A', 200],
    ])('%s never reaches the database as a 500', async (_case, url, status) => {
      const res = await api().get(url);
      expect(res.status).toBe(status);
      if (res.status >= 400) expect(res.body.error.status).toBe(res.status);
    });
  });

  // The văn bản list's own parameters (kind, year, issuer, field, validity): every malformed form
  // is a Vietnamese 400, never a 500 nor silently ignored.
  describe('văn bản list parameters', () => {
    const BAD: [string, string][] = [
      ['kind', 'sac-lenh'],
      ['kind[$ne]', 'luat'],
      ['year', 'abcd'],
      ['year', '1800'],
      ['year', '2025.5'],
      ['issuer', '%00'],
      ['issuer[0]', 'a'],
      ['field[$eq]', 'x'],
      ['validity', 'het'],
      ['validity[]', 'con-hieu-luc'],
    ];
    it.each(BAD)('?%s=%s is a 400 in Vietnamese', async (name, value) => {
      const res = await api().get(`/api/legal-documents?${name}=${value}`);
      expect(res.status).toBe(400);
      expect(res.body.error.status).toBe(400);
      expect(res.body.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    });
  });

  describe('inherited names and deep nesting', () => {
    // Keys that are Object.prototype's own members: Strapi found the inherited function and failed with a 500.
    const NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];
    const json = (body: string) => api().post('/api/articles').set(auth()).set('Content-Type', 'application/json').send(body);
    const bodies: [string, (name: string) => string][] = [
      ['data', (n) => `{"data":{"title":"Tin có khoá lạ","${n}":"x"}}`],
      ['a component', (n) => `{"data":{"title":"Tin có SEO lạ","seo":{"${n}":"x"}}}`],
      ['a block', (n) => `{"data":{"title":"Tin có khối lạ","body":[{"type":"paragraph","children":[{"type":"text","text":"x","${n}":true}]}]}}`],
      ['the body root', (n) => `{"${n}":{"title":"x"},"data":{"title":"Tin"}}`],
    ];
    it.each(NAMES.flatMap((name) => bodies.map(([where, make]) => [name, where, make(name)] as const)))('"%s" in %s', (_name, _where, body) =>
      refused(() => json(body), 400, VIETNAMESE)
    );

    it('"__proto__" in a JSON body is refused by the body parser', () => refused(() => json('{"data":{"title":"Tin","__proto__":{"x":1}}}'), 400));

    it.each(
      ['constructor', 'toString', '__proto__', 'valueOf'].flatMap((n) => [
        `/api/articles?fields=${n}`,
        `/api/articles?fields[0]=title&fields[1]=${n}`,
        `/api/articles?sort=${n}:asc`,
        `/api/articles?sort[0]=title,${n}`,
        `/api/articles?populate=${n}`,
        `/api/articles?populate[category][fields][0]=${n}`,
        `/api/search?q=hoi&type=${n}`,
        `/api/categories/by-slug/x?locale=${n}`,
      ])
    )('%s', (url) => refused(() => api().get(url), 400));

    it.each(['{"__proto__":{"name":"x.png"}}', '{"__proto__":"x"}', '{"name":"a.png","constructor":{"prototype":{"x":1}}}', '{"toString":"x"}', '{"caption":{"valueOf":1}}'])(
      'fileInfo %s',
      (fileInfo) => refused(() => upload(jpeg, 'anh.jpg').field('fileInfo', fileInfo), 400, VIETNAMESE)
    );

    // Strapi's blocks nest a list directly in its parent list.
    const nestedList = (levels: number) => {
      let list: Record<string, unknown> = { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'mục' }] }] };
      for (let i = 0; i < levels; i++) list = { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: `cấp ${i}` }] }, list] };
      return [list];
    };
    const deepText = (depth: number) => `{"data":{"title":"Tin lồng sâu","body":[${'{"type":"list","format":"unordered","children":['.repeat(depth)}{"type":"list-item","children":[{"type":"text","text":"x"}]}${']}'.repeat(depth)}]}}`;

    it.each([100, 3000, 20_000])('blocks nested %i deep', (depth) => refused(() => json(deepText(depth)), 400, /lồng nhau quá sâu/));

    it('a JSON body nested 3,000 deep on a route outside the content API', () =>
      refused(() => api().post('/admin/login').set('Content-Type', 'application/json').send(`{"email":${'['.repeat(3000)}${']'.repeat(3000)}}`), 400, /lồng nhau quá sâu/));

    it('a list nested 20 levels (deeper than editors make) still goes through', async () => {
      const res = await createArticle({ title: 'Tin có danh sách lồng nhau', body: nestedList(20) }).expect(201);
      await api().delete(`/api/articles/${res.body.data.documentId}`).set(auth()).expect(204);
    });
  });

  describe('locales', () => {
    it.each(['xx', '../', '..%2F..%2Fetc', 'vi;DROP TABLE', '%00'])('?locale=%s on a read', async (locale) => {
      const before = await counts();
      const res = await api().get(`/api/articles?locale=${locale}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.status).toBe(res.status);
      expect(await counts()).toEqual(before);
    });

    it('?locale=xx on a create', () => refused(() => createArticle({ title: 'Tin tiếng lạ' }, '?locale=xx'), 400));
    it('locale in the body', () => refused(() => createArticle({ title: 'Tin tiếng lạ', locale: '../' }), 400));
    it('?locale=../ on a feed', () => refused(() => api().get('/api/feeds/rss.xml?locale=../'), 400));
  });

  describe('queries', () => {
    it('an unknown populate key', () => refused(() => api().get('/api/articles?populate[khongco]=true'), 400));
    it('a deep invalid populate', () => refused(() => api().get('/api/articles?populate[category][populate][articles][populate][x][populate][y]=true'), 400));
    it('populate of a private or unknown path (createdBy)', () => refused(() => api().get('/api/articles?populate[createdBy]=true'), 400));

    it('pageSize 100000 is clamped to the maximum (100)', async () => {
      const res = await api().get('/api/articles?pagination[pageSize]=100000').expect(200);
      expect(res.body.meta.pagination.pageSize).toBeLessThanOrEqual(100);
    });

    it('a negative page size', () => refused(() => api().get('/api/articles?pagination[pageSize]=-5'), 400));
    it('a page that is not a number', () => refused(() => api().get('/api/articles?pagination[page]=abc'), 400));
    it('an unknown filter operator', () => refused(() => api().get('/api/articles?filters[title][$foo]=x'), 400));
    it('a filter on an unknown field', () => refused(() => api().get('/api/articles?filters[khongco][$eq]=x'), 400));
    it('a sort on an unknown field', () => refused(() => api().get('/api/articles?sort=khongco:desc'), 400));

    it.each([
      ['filter', "/api/articles?filters[title][$eq]=' OR 1=1 --"],
      ['containsi filter', "/api/articles?filters[title][$containsi]=%' OR '1'='1"],
      ['search', "/api/search?q=' OR 1=1 --"],
      ['search with a semicolon', '/api/search?q=x%27%3B%20DROP%20TABLE%20articles%3B--'],
    ])("SQL-like text in a %s matches nothing and breaks nothing", async (_case, url) => {
      const res = await api().get(url).expect(200);
      expect(res.body.data).toEqual([]);
    });

    it('an over-long search query', async () => {
      const res = await api().get(`/api/search?q=${'thi%20đua%20'.repeat(2000)}`);
      expect(res.status).toBeLessThan(500);
    });
  });

  describe('uploads', () => {
    // Written by hand: supertest's form-data would reduce the name to its base name itself.
    const rawUpload = (filename: string, content: Buffer) => {
      const boundary = 'tdkt-bad-input-boundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return api().post('/api/upload').set(auth()).set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body);
    };

    // Strapi's upload refuses "/" in names (browsers never send one, so no editor sees its English message).
    it('a path-traversal file name with slashes', () => refused(() => rawUpload('../../etc/passwd.jpg', jpeg), 400));

    // formidable keeps what follows the last backslash (old IE sent whole Windows paths).
    it('a Windows path-traversal file name is stored under its base name only', async () => {
      const before = await counts();
      const res = await rawUpload('..\\..\\windows\\win.ini.jpg', jpeg).expect(201);
      const stored = res.body[0];
      expect(stored.name).not.toMatch(/[/\\]|\.\./);
      // Answered absolute on PUBLIC_MEDIA_URL (src/media/absolute-media.ts); stored as /uploads/<name>.
      const storedPath = new URL(stored.url).pathname;
      expect(storedPath).toMatch(/^\/uploads\/[^/]+$/);
      const after = await counts();
      // Original, sizes and formats: all inside the uploads folder, nothing outside it.
      expect(after.files).toBe(before.files + 1);
      expect(stored.name).toBe('win.ini.jpg');
      expect(fs.existsSync(path.resolve(uploadsDir(), storedPath.replace('/uploads/', '')))).toBe(true);
      await api().delete(`/api/upload/files/${stored.id}`).set(auth()).expect(200);
    });

    it('a path-traversal name in fileInfo', () =>
      refused(() => upload(jpeg, 'ok.jpg').field('fileInfo', JSON.stringify({ name: '../../etc/passwd.jpg' })), 400, VIETNAMESE));
    it('a text file named .jpg', () => refused(() => upload(Buffer.from('chỉ là văn bản\n'), 'anh.jpg', 'image/jpeg'), 400, VIETNAMESE));
    it('a truncated JPEG', () => refused(() => upload(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut.jpg'), 400, VIETNAMESE));
    it('a truncated PNG', () => refused(() => upload(png.subarray(0, Math.floor(png.length * 0.6)), 'cut.png'), 400, VIETNAMESE));
    it('a GIF with HTML appended', () =>
      refused(() => upload(Buffer.concat([gif, Buffer.from('<html><script>alert(document.cookie)</script></html>')]), 'poly.gif'), 400, VIETNAMESE));
    it('a JPEG with JavaScript appended', () =>
      refused(() => upload(Buffer.concat([jpeg, Buffer.from('<script>alert(1)</script>')]), 'poly.jpg'), 400, VIETNAMESE));
    it('an SVG with a script', () =>
      refused(() => upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', 'image/svg+xml'), 400, VIETNAMESE));
    it('an HTML page named .png', () => refused(() => upload(Buffer.from('<!doctype html><h1>x</h1>'), 'x.png'), 400, VIETNAMESE));
    it('a decompression bomb (PNG declaring 50000 × 50000 pixels)', () => refused(() => upload(pngDeclaring(50_000, 50_000), 'bomb.png'), 400, /quá lớn/));
    it('an empty file', () => refused(() => upload(Buffer.alloc(0), 'empty.jpg'), 400));
    it('an upload without a file', () => refused(() => api().post('/api/upload').set(auth()).field('fileInfo', '{}'), 400));
    it('invalid fileInfo JSON', () => refused(() => upload(jpeg, 'ok.jpg').field('fileInfo', '{not json'), 400));

    // Bidirectional controls make "hoa-don\u202egnp.exe" show as "hoa-donexe.png"; no stored name keeps one.
    const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    it.each(BIDI)('%j in a file name is removed, whichever way the name comes', async (c) => {
      const names: string[] = [];
      const multipart = await rawUpload(`hoa-don${c}gnp.jpg`, jpeg).expect(201);
      names.push(multipart.body[0].name);
      const viaInfo = await upload(jpeg, 'anh.jpg').field('fileInfo', JSON.stringify({ name: `bao-cao${c}fdp.jpg`, caption: `chú thích${c}` })).expect(201);
      names.push(viaInfo.body[0].name);
      const renamed = await api().post(`/api/upload?id=${multipart.body[0].id}`).set(auth()).field('fileInfo', JSON.stringify({ name: `doi-ten${c}.jpg` })).expect(200);
      names.push(renamed.body.name);
      const rows = await app.strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: [multipart.body[0].id, viaInfo.body[0].id] } } });
      names.push(...rows.map((r: { name: string; caption: string | null }) => `${r.name} ${r.caption ?? ''}`));
      for (const name of names) expect([name, name.includes(c)]).toEqual([name, false]);
      expect(names.slice(0, 3)).toEqual(['hoa-dongnp.jpg', 'bao-caofdp.jpg', 'doi-ten.jpg']);
      for (const row of rows) await api().delete(`/api/upload/files/${row.id}`).set(auth()).expect(200);
    });

    it('a valid image still goes through (the checks are not refusing everything)', async () => {
      const before = await counts();
      await upload(jpeg, 'hoi-nghi.jpg').expect(201);
      expect((await counts()).files).toBe(before.files + 1);
    });
  });

  describe('the GraphQL pages by slug and search, the OpenAPI document, website tokens', () => {
    /** A GraphQL answer to bad arguments: a clear refusal or nothing found, never an internal error. */
    const graphql = async (query: string, variables: Record<string, unknown>) => {
      const res = await api().post('/graphql').send({ query, variables });
      expect(res.status).toBeLessThan(500);
      const errors = (res.body.errors ?? []) as { message: string; extensions?: { code?: string } }[];
      expect(errors.filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR').map((e) => e.message)).toEqual([]);
      return { errors, data: res.body.data as Record<string, unknown> | null };
    };
    const PAGES = ['articlePage', 'categoryPage', 'blocPage', 'agencyPage', 'movementPage'];
    const BAD_PAGE_ARGS: [string, Record<string, unknown>][] = [
      ['an empty slug', { s: '' }],
      ['a 300-character slug', { s: 'thi-dua-'.repeat(40) }],
      ['a path in the slug', { s: '../../etc/passwd' }],
      ['NUL in the slug', { s: 'tin\u0000moi' }],
      ['an unknown locale', { s: 'tin', l: 'xx' }],
      ['a path as the locale', { s: 'tin', l: '../' }],
      ['page 0', { s: 'tin', p: 0 }],
      ['a negative page size', { s: 'tin', n: -1 }],
      ['a page size of 100,000', { s: 'tin', n: 100_000 }],
    ];
    it.each(PAGES.flatMap((page) => BAD_PAGE_ARGS.map(([name, args]) => [page, name, args] as const)))('%s with %s', async (page, _name, args) => {
      const { errors, data } = await graphql(`query($s: String!, $l: String, $p: Int, $n: Int) { ${page}(slug: $s, locale: $l, page: $p, pageSize: $n) { documentId } }`, args);
      // Refused with a message an editor can read, or simply not found.
      if (errors.length > 0) for (const e of errors) expect(e.message).toMatch(VIETNAMESE);
      else expect(data?.[page]).toBeNull();
    });

    it.each([
      ['an empty query', { q: '' }],
      ['a 10,000-character query', { q: 'khen thưởng '.repeat(800) }],
      ['NUL in the query', { q: 'hội\u0000nghị' }],
      ['an unknown type', { q: 'thi đua', t: 'nguoi-dung' }],
      ['an unknown locale', { q: 'thi đua', l: '../' }],
      ['page 0', { q: 'thi đua', p: 0 }],
      ['a page size of 100,000', { q: 'thi đua', n: 100_000 }],
    ])('GraphQL search with %s', async (_name, args) => {
      const { errors } = await graphql('query($q: String!, $t: String, $l: String, $p: Int, $n: Int) { search(q: $q, type: $t, locale: $l, page: $p, pageSize: $n) { hits { documentId } } }', args);
      for (const e of errors) expect(e.message).toMatch(VIETNAMESE);
    });

    it.each([
      ['a literal', '{ articles(filters: { title: { eq: "H\\u0000i" } }) { title } }', {}],
      ['a variable', 'query($f: ArticleFiltersInput) { articles(filters: $f) { title } }', { f: { title: { containsi: 'h\u0000' } } }],
    ])('NUL in a GraphQL filter (%s) is a 400 in Vietnamese, not PostgreSQL’s 500', async (_name, query, variables) => {
      const { errors } = await graphql(query, variables);
      expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/NUL/)]);
    });

    it.each(['?x[$ne]=1', '?locale=../', '?populate=*', '?__proto__[x]=1', '?%00=1'])('GET /api/openapi.json%s answers the document or a 400', async (query) => {
      const res = await api().get(`/api/openapi.json${query}`);
      expect([200, 400]).toContain(res.status);
    });

    it.each(['Bearer', 'Bearer a b', 'Bearer website:', `Bearer ${'w'.repeat(5000)}`, 'Basic d2Vic2l0ZTp4', 'Bearer website:%00'])('Authorization %j on a published read is refused (401), never a 500', async (header) => {
      const res = await api().get('/api/articles?pagination[pageSize]=1').set('Authorization', header);
      expect([200, 401]).toContain(res.status);
      if (res.status === 401) expect(res.body.error.status).toBe(401);
    });
  });

  it('the server still answers after all of it', async () => {
    await api().get('/api/articles').expect(200);
  });
});
