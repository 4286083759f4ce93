import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import request from 'supertest';
import { ole, zip } from '../../src/plugins/image-pipeline/tests/office-files';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const OOXML_TYPES = '[Content_Types].xml';

type Format = { url: string; mime: string; width: number; height: number; ext: string };
type UploadedFile = Format & { id: number; formats: Record<string, Format>; placeholder: string; dominantColor: string };

/** A phone photo: landscape pixels marked "turn 90°" (EXIF orientation 6), with camera serial and GPS. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .composite([{ input: { create: { width: 400, height: 1200, channels: 3, background: { r: 30, g: 30, b: 200 } } }, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PhoneMaker', Model: 'X1' },
      IFD2: { BodySerialNumber: 'SN-123456' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 40/1 0/1' },
    })
    .toBuffer();
}

/** A PNG whose header claims width × height, for decompression-bomb checks. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer();
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}

/** Mean colour of a region (sharp's stats() reads the whole input, so the region is cut out first). */
async function regionColour(file: string, box?: { left: number; top: number; width: number; height: number }) {
  const pixels = box ? await sharp(file).extract(box).toBuffer() : fs.readFileSync(file);
  const [r, g, b] = (await sharp(pixels).stats()).channels.map((c) => c.mean);
  return { r, g, b };
}

describeIntegration(`image pipeline (${testDatabase})`, () => {
  let app: TestApp;
  let token: string;
  const api = () => request(app.strapi.server.httpServer);
  const uploads = () => path.join(app.env.PUBLIC_DIR, 'uploads');
  // Answers carry absolute URLs (PUBLIC_MEDIA_URL), rows the stored "/uploads/…": the file is at the path.
  const stored = (url: string) => path.join(app.env.PUBLIC_DIR, decodeURIComponent(new URL(url, 'http://localhost').pathname));
  const upload = (buffer: Buffer, filename: string, fileInfo?: Record<string, unknown>) => {
    const req = api().post('/api/upload').set('Authorization', `Bearer ${token}`).attach('files', buffer, filename);
    return fileInfo ? req.field('fileInfo', JSON.stringify(fileInfo)) : req;
  };
  const counts = async () => ({ rows: await app.strapi.db.query('plugin::upload.file').count(), files: fs.readdirSync(uploads()).length });

  beforeAll(async () => {
    // The one suite about images makes WebP and AVIF as production does (the others turn them off).
    app = await startApp({ IMAGE_FORMATS: 'webp,avif' });
    token = (await app.strapi.service('admin::api-token').create({ name: 'media', type: 'full-access', lifespan: null, description: '' })).accessKey;
  }, 120_000);
  afterAll(() => app?.stop());

  it('has the "API Uploads" folder before the first upload, so first uploads at once cannot race to make it', async () => {
    // Runs first in this file: no upload has gone through the API yet.
    const folders = await app.strapi.db.query('plugin::upload.folder').findMany({ where: { name: 'API Uploads' } });
    expect(folders).toHaveLength(1);
    const img = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } }).png().toBuffer();
    const statuses = (await Promise.all(Array.from({ length: 5 }, (_, i) => upload(img, `dau-tien-${i}.png`)))).map((r) => r.status);
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    expect(await app.strapi.db.query('plugin::upload.folder').count({ where: { name: 'API Uploads' } })).toBe(1);
  });

  describe('a phone photo', () => {
    let file: UploadedFile;

    let immediate: UploadedFile;

    beforeAll(async () => {
      const res = await upload(await phonePhoto(), 'IMG_0001.jpg', { alternativeText: 'Ảnh hội nghị' }).expect(201);
      immediate = res.body[0];
      await app.strapi.plugin('image-pipeline').service('queue').idle();
      file = (await api().get(`/api/upload/files/${immediate.id}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
    }, 60_000);

    it('answers the upload with the original and its thumbnail; the rest comes from the queue', async () => {
      expect(Object.keys(immediate.formats)).toEqual(['thumbnail']);
      expect([immediate.width, immediate.height, immediate.placeholder.slice(0, 15)]).toEqual([1200, 1600, 'data:image/webp']);
      for (const f of Object.values(immediate.formats)) expect(fs.existsSync(stored(f.url))).toBe(true);
    });

    it('is stored upright, in the original format', async () => {
      expect([file.width, file.height, file.mime]).toEqual([1200, 1600, 'image/jpeg']);
      const meta = await sharp(stored(file.url)).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([1200, 1600, 'jpeg']);
      // The blue stripe was on the left of the landscape pixels; orientation 6 puts it on top.
      const top = await regionColour(stored(file.url), { left: 0, top: 0, width: 1200, height: 100 });
      const bottom = await regionColour(stored(file.url), { left: 0, top: 1500, width: 1200, height: 100 });
      expect(top.b).toBeGreaterThan(top.r);
      expect(bottom.r).toBeGreaterThan(bottom.b);
    });

    it('keeps no EXIF, GPS or serial in the original or any derivative', async () => {
      const all = [file.url, ...Object.values(file.formats).map((f) => f.url)];
      expect(all.length).toBeGreaterThan(10);
      for (const url of all) {
        const meta = await sharp(stored(url)).metadata();
        expect([url, meta.exif, meta.xmp, meta.iptc, meta.orientation]).toEqual([url, undefined, undefined, undefined, undefined]);
        expect(fs.readFileSync(stored(url)).toString('latin1')).not.toContain('SN-123456');
      }
    });

    it('comes in every size as the original format, WebP and AVIF, with the right types and sizes', async () => {
      const keys = Object.keys(file.formats).sort();
      for (const size of ['thumbnail', 'small', 'medium', 'large', 'social']) {
        for (const suffix of ['', '_webp', '_avif']) expect(keys).toContain(`${size}${suffix}`);
      }
      expect(keys).toEqual(expect.arrayContaining(['wide', 'standard', 'square']));
      const expectFormat = async (key: string, mime: string, width: number, height: number) => {
        const f = file.formats[key];
        expect([key, f.mime, f.width, f.height]).toEqual([key, mime, width, height]);
        const meta = await sharp(stored(f.url)).metadata();
        expect([key, `image/${meta.format === 'heif' ? 'avif' : meta.format}`, meta.width, meta.height]).toEqual([key, mime, width, height]);
      };
      await expectFormat('small', 'image/jpeg', 375, 500);
      await expectFormat('small_webp', 'image/webp', 375, 500);
      await expectFormat('large_avif', 'image/avif', 750, 1000);
      await expectFormat('social', 'image/jpeg', 1200, 630);
      await expectFormat('social_webp', 'image/webp', 1200, 630);
      await expectFormat('wide', 'image/jpeg', 1200, 675);
      await expectFormat('standard', 'image/jpeg', 1200, 900);
      await expectFormat('square', 'image/jpeg', 1200, 1200);
    });

    it('carries a tiny placeholder and its dominant colour', async () => {
      expect(file.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/=]+$/);
      expect(file.placeholder.length).toBeLessThanOrEqual(1024);
      const tiny = await sharp(Buffer.from(file.placeholder.split(',')[1], 'base64')).metadata();
      expect(Math.max(tiny.width ?? 0, tiny.height ?? 0)).toBeLessThanOrEqual(16);
      expect(file.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
      // Returned by the REST API for every image, too.
      const res = await api().get(`/api/upload/files/${file.id}`).set('Authorization', `Bearer ${token}`).expect(200);
      expect(res.body.placeholder).toBe(file.placeholder);
    });
  });

  it('clamps a large original to 2560 px on the long edge', async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#3a7' } }).png().toBuffer();
    const res = await upload(big, 'bando.png').expect(201);
    expect([res.body[0].width, res.body[0].height]).toEqual([2560, 1920]);
  }, 60_000);

  describe('crops', () => {
    // Tall image: red top half, blue bottom half; each crop is a band taken around the focal point.
    const tall = () =>
      sharp({ create: { width: 1200, height: 2400, channels: 3, background: { r: 220, g: 20, b: 20 } } })
        .composite([{ input: { create: { width: 1200, height: 1200, channels: 3, background: { r: 20, g: 20, b: 220 } } }, left: 0, top: 1200 }])
        .jpeg()
        .toBuffer();
    const sizes = { social: [1200, 630], wide: [1200, 675], standard: [1200, 900], square: [1200, 1200] };
    let low: UploadedFile;
    let high: UploadedFile;

    beforeAll(async () => {
      const ids = [
        (await upload(await tall(), 'doc-thap.jpg', { focalPoint: { x: 0.5, y: 0.9 } }).expect(201)).body[0].id,
        (await upload(await tall(), 'doc-cao.jpg', { focalPoint: { x: 0.5, y: 0.1 } }).expect(201)).body[0].id,
      ];
      await app.strapi.plugin('image-pipeline').service('queue').idle();
      [low, high] = await Promise.all(ids.map(async (id) => (await api().get(`/api/upload/files/${id}`).set('Authorization', `Bearer ${token}`).expect(200)).body));
    }, 60_000);

    it.each(Object.entries(sizes))('%s is centred on the focal point, at its size', async (key, [width, height]) => {
      for (const [file, channel] of [[low, 'b'], [high, 'r']] as const) {
        const f = file.formats[key];
        expect([key, f.mime, f.width, f.height]).toEqual([key, 'image/jpeg', width, height]);
        const meta = await sharp(stored(f.url)).metadata();
        expect([meta.width, meta.height]).toEqual([width, height]);
        expect((await regionColour(stored(f.url)))[channel]).toBeGreaterThan(150);
      }
    });

    it('follows what is interesting when no focal point is set (attention strategy)', async () => {
      // Flat grey with one busy, colourful patch low on the picture: the crops take it in.
      const patch = await sharp(Buffer.from(Array.from({ length: 300 * 300 * 3 }, (_, i) => (i * 7919) % 256)), { raw: { width: 300, height: 300, channels: 3 } })
        .png()
        .toBuffer();
      const plain = await sharp({ create: { width: 1200, height: 2400, channels: 3, background: '#808080' } })
        .composite([{ input: patch, left: 450, top: 2000 }])
        .jpeg()
        .toBuffer();
      const id = (await upload(plain, 'chu-the.jpg').expect(201)).body[0].id;
      await app.strapi.plugin('image-pipeline').service('queue').idle();
      const row = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
      const stdev = async (url: string) => (await sharp(stored(url)).stats()).channels[0].stdev;
      // A centre crop would be flat grey (deviation near 0); one holding the patch is not.
      for (const key of ['social', 'wide', 'standard', 'square']) expect([key, await stdev(row.formats[key].url)]).toEqual([key, expect.any(Number)]);
      for (const key of ['social', 'wide', 'standard', 'square']) expect(await stdev(row.formats[key].url)).toBeGreaterThan(8);
    }, 60_000);

    it('are made again when an editor sets the focal point after the upload', async () => {
      const id = (await upload(await tall(), 'doc-sau.jpg').expect(201)).body[0].id;
      const service = app.strapi.plugin('upload').service('upload');
      const queue = app.strapi.plugin('image-pipeline').service('queue');
      const crops = async () => (await app.strapi.db.query('plugin::upload.file').findOne({ where: { id } })).formats as Record<string, Format>;
      const seen: string[] = [];
      for (const [focalPoint, channel] of [[{ x: 0.5, y: 0.95 }, 'b'], [{ x: 0.5, y: 0.05 }, 'r']] as const) {
        await queue.idle();
        await service.updateFileInfo(id, { focalPoint });
        await queue.idle();
        const formats = await crops();
        for (const key of Object.keys(sizes)) expect([key, (await regionColour(stored(formats[key].url)))[channel] > 150]).toEqual([key, true]);
        expect(formats.social_webp).toMatchObject({ focalPoint });
        // Each focal point's crops have URLs of their own (cached as immutable); the previous ones are deleted.
        for (const key of Object.keys(sizes)) expect(seen).not.toContain(formats[key].url);
        for (const old of seen) expect([old, fs.existsSync(stored(old))]).toEqual([old, false]);
        seen.push(...Object.keys(sizes).map((key) => formats[key].url));
      }
    }, 60_000);

    it('are not made from an image too small for them (no enlarging), but the social card is', async () => {
      const small = await sharp({ create: { width: 1000, height: 800, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
      const id = (await upload(small, 'nho.jpg').expect(201)).body[0].id;
      await app.strapi.plugin('image-pipeline').service('queue').idle();
      const row = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
      expect(Object.keys(row.formats)).toEqual(expect.arrayContaining(['thumbnail', 'small', 'medium', 'social', 'small_avif']));
      expect(Object.keys(row.formats)).not.toEqual(expect.arrayContaining(['wide']));
      expect(Object.keys(row.formats).filter((k) => ['wide', 'standard', 'square', 'large'].includes(k))).toEqual([]);
    }, 60_000);
  });

  describe('the background queue', () => {
    const queue = () => app.strapi.plugin('image-pipeline').service('queue');
    const regenerate = () => app.strapi.plugin('image-pipeline').service('regenerate');
    const row = (id: number) => app.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
    const allStored = (formats: Record<string, Format>) => Object.values(formats).every((f) => fs.existsSync(stored(f.url)));

    it('keeps the work of an upload made while no worker runs, and does it once one starts again', async () => {
      // A stopped worker (a restart, a crash): the job is a row, so the work is not lost.
      const worker = app.strapi.plugin('jobs').service('worker');
      await worker.stop();
      let id: number;
      try {
        id = (await upload(await phonePhoto(), 'mat-dien.jpg').expect(201)).body[0].id;
        await new Promise((r) => setTimeout(r, 300));
        expect(Object.keys((await row(id)).formats)).toEqual(['thumbnail']);
        const waiting = await app.strapi.db.connection('background_jobs').where({ name: 'image-formats', job_key: String(id) });
        expect(waiting.map((j: { state: string }) => j.state)).toEqual(['pending']);
      } finally {
        worker.start();
      }
      await queue().idle();
      const after = await row(id);
      expect(Object.keys(after.formats)).toEqual(expect.arrayContaining(['small', 'large_avif', 'social_webp', 'wide', 'square']));
      expect(regenerate().isComplete(after)).toBe(true);
      expect(allStored(after.formats)).toBe(true);
      const ran = await app.strapi.db.connection('background_jobs').where({ name: 'image-formats', job_key: String(id) });
      expect(ran.map((j: { state: string; attempts: number }) => [j.state, j.attempts])).toEqual([['done', 1]]);
      // Nothing left for the requeue of older images.
      expect(await regenerate().requeue()).toBe(0);
    }, 60_000);

    it('never lists a format whose file is not stored', async () => {
      // The provider fails on one file: that format must not appear; the others do, and exist.
      const provider = app.strapi.plugin('upload').service('provider');
      const realUpload = provider.upload;
      const seen: string[] = [];
      provider.upload = async (file: { hash: string }) => {
        if (file.hash.startsWith('medium_avif_')) throw new Error('storage unavailable');
        await realUpload.call(provider, file);
        // Checked while the queue works: whatever the row lists at this moment is stored.
        const now = await app.strapi.db.query('plugin::upload.file').findMany({ where: { name: 'loi-luu.jpg' } });
        for (const r of now) for (const f of Object.values((r.formats ?? {}) as Record<string, Format>)) if (!fs.existsSync(stored(f.url))) seen.push(f.url);
      };
      let id: number;
      try {
        id = (await upload(await phonePhoto(), 'loi-luu.jpg').expect(201)).body[0].id;
        await queue().idle();
      } finally {
        provider.upload = realUpload;
      }
      expect(seen).toEqual([]);
      const failed = await row(id);
      expect(Object.keys(failed.formats)).toEqual(expect.arrayContaining(['small', 'medium', 'large_webp', 'large_avif']));
      expect(Object.keys(failed.formats)).not.toContain('medium_avif');
      expect(allStored(failed.formats)).toBe(true);
      // The failed job waits out its backoff; a requeue makes it due now.
      await regenerate().requeue();
      await queue().idle();
      expect(Object.keys((await row(id)).formats)).toContain('medium_avif');
    }, 60_000);

    it('gives replaced content a new URL, deletes the old files, and serves uploads as immutable for a year', async () => {
      const first = (await upload(await phonePhoto(), 'thay-anh.jpg').expect(201)).body[0];
      await queue().idle();
      const before = await row(first.id);
      const served = await api().get(before.url).expect(200);
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const square = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#a00' } }).jpeg().toBuffer();
      await api().post(`/api/upload?id=${first.id}`).set('Authorization', `Bearer ${token}`).attach('files', square, 'thay-anh.jpg').expect(200);
      await queue().idle();
      const after = await row(first.id);
      expect(after.url).not.toBe(before.url);
      expect(after.hash).not.toBe(before.hash);
      for (const f of [before, ...Object.values(before.formats as Record<string, Format>)]) expect([f.url, fs.existsSync(stored(f.url))]).toEqual([f.url, false]);
      await api().get(before.url).expect(404);
      const now = await api().get(after.url).expect(200);
      expect((await sharp(now.body).metadata()).width).toBe(1200);
      expect(now.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(allStored(after.formats)).toBe(true);
    }, 60_000);

    it('does not list formats of content that was replaced meanwhile', async () => {
      const first = (await upload(await phonePhoto(), 'thay-the.jpg').expect(201)).body[0];
      // Replaced while its sizes are being made: the queue's work on the old content is dropped.
      const square = await sharp({ create: { width: 1500, height: 1500, channels: 3, background: '#0a0' } }).jpeg().toBuffer();
      await api().post(`/api/upload?id=${first.id}`).set('Authorization', `Bearer ${token}`).attach('files', square, 'thay-the.jpg').expect(200);
      await queue().idle();
      const after = await row(first.id);
      expect([after.width, after.height]).toEqual([1500, 1500]);
      for (const [key, f] of Object.entries(after.formats as Record<string, Format>)) {
        const meta = await sharp(stored(f.url)).metadata();
        // Every stored size is of the square picture, none of the portrait one.
        expect([key, Math.abs((meta.width ?? 0) / (meta.height ?? 1) - f.width / f.height) < 0.02]).toEqual([key, true]);
        if (f.mime === 'image/jpeg' && ['small', 'medium', 'large', 'thumbnail'].includes(key)) expect([key, meta.width]).toEqual([key, meta.height]);
      }
      expect(allStored(after.formats)).toBe(true);
    }, 60_000);
  });

  describe('refuses bad uploads with a 400 and stores nothing', () => {
    it.each([
      ['a decompression bomb', () => pngClaiming(30000, 30000), 'bom.png', /quá lớn/],
      ['a truncated JPEG', async () => (await phonePhoto()).subarray(0, 2000), 'cut.jpg', /hỏng/],
      ['random bytes named .jpg', async () => Buffer.from('không phải ảnh'.repeat(50)), 'fake.jpg', /không được nhận/],
      ['an SVG with a script', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', /SVG/],
      ['HTML renamed to .jpg', async () => Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'anh.jpg', /HTML/],
      ['a Word document with macros named .docx', async () => zip([[OOXML_TYPES, '<Types/>'], ['word/document.xml', '<w:document/>'], ['word/vbaProject.bin', 'VBA']]), 'ke-hoach.docx', /macro/],
      ['an Excel workbook with macros named .xlsx', async () => zip([[OOXML_TYPES, '<Types/>'], ['xl/workbook.xml', '<workbook/>'], ['xl/vbaProject.bin', 'VBA']]), 'bang-diem.xlsx', /macro/],
      ['a .doc with macros', async () => ole(['WordDocument', '1Table', 'Macros', 'VBA']), 'cong-van.doc', /macro/],
      ['an ODT with Basic macros', async () => zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<x/>'], ['Basic/Standard/Module1.xml', 'Sub Main']]), 'to-trinh.odt', /macro/],
      ['a password-protected document', async () => ole(['EncryptionInfo', 'EncryptedPackage']), 'mat.docx', /mật khẩu/],
      ['a ZIP archive named .docx', async () => zip([['bao-cao.txt', 'Báo cáo']]), 'bao-cao.docx', /tệp nén/],
    ])('%s', async (_name, make, filename, message) => {
      const before = await counts();
      const res = await upload(await make(), filename);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['DOCX', zip([[OOXML_TYPES, '<Types/>'], ['word/document.xml', '<w:document/>']]), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx'],
      ['XLSX', zip([[OOXML_TYPES, '<Types/>'], ['xl/workbook.xml', '<workbook/>']]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.xlsx'],
      ['ODT', zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<x/>']]), 'application/vnd.oasis.opendocument.text', '.odt'],
      ['DOC', ole(['WordDocument', '1Table']), 'application/msword', '.doc'],
      ['XLS', ole(['Workbook']), 'application/vnd.ms-excel', '.xls'],
    ])('takes a %s văn bản file, typed by its content whatever its name', async (_kind, bytes, mime, ext) => {
      const res = await upload(bytes, 'van-ban-dinh-kem.bin').expect(201);
      expect([res.body[0].mime, res.body[0].ext, res.body[0].name]).toEqual([mime, ext, `van-ban-dinh-kem${ext}`]);
    });

    it('stores what the content is, not what the name says', async () => {
      const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#abc' } }).jpeg().toBuffer();
      const res = await upload(jpeg, 'that-ra-la-jpeg.png').expect(201);
      expect([res.body[0].mime, res.body[0].ext]).toEqual(['image/jpeg', '.jpg']);
    });
  });

  it('regenerates images that miss their placeholder or sizes, and skips finished ones', async () => {
    const photo = (await upload(await phonePhoto(), 'cu.jpg', { alternativeText: 'Ảnh cũ' }).expect(201)).body[0];
    const regenerate = app.strapi.plugin('image-pipeline').service('regenerate');
    await app.strapi.plugin('image-pipeline').service('queue').idle();
    // Make it look like an upload from before the plugin.
    await app.strapi.db.query('plugin::upload.file').update({ where: { id: photo.id }, data: { placeholder: null, formats: { thumbnail: photo.formats.thumbnail } } });
    const incomplete = (await app.strapi.db.query('plugin::upload.file').findMany()).filter((r: Parameters<typeof regenerate.isComplete>[0]) => !regenerate.isComplete(r));
    expect(incomplete.map((r: { name: string }) => r.name)).toEqual(['cu.jpg']);
    const first = await regenerate.run();
    expect(first.failed).toBe(0);
    expect(first.regenerated).toBe(1);
    const row = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: photo.id } });
    expect(row.placeholder).toMatch(/^data:image\/webp;base64,/);
    expect(Object.keys(row.formats)).toEqual(expect.arrayContaining(['small_avif', 'social_webp', 'large']));
    expect(row.alternativeText).toBe('Ảnh cũ');
    for (const f of Object.values(row.formats) as Format[]) expect(fs.existsSync(stored(f.url))).toBe(true);
    expect((await regenerate.run()).regenerated).toBe(0);
  }, 60_000);

  describe('alternative text', () => {
    it('must be there before an article with a cover is published', async () => {
      const img = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c84' } }).jpeg().toBuffer();
      const bare = (await upload(img, 'khong-alt.jpg').expect(201)).body[0];
      const refused = await api()
        .post('/api/articles')
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { title: 'Bài có ảnh thiếu mô tả', cover: bare.id } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/văn bản thay thế/);

      // A draft may be saved; publishing it is refused until the picture is described.
      const draft = await api()
        .post('/api/articles?status=draft')
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { title: 'Bài nháp có ảnh', cover: bare.id } })
        .expect(201);
      const docs = app.strapi.documents('api::article.article');
      await expect(docs.publish({ documentId: draft.body.data.documentId })).rejects.toThrow(/văn bản thay thế/);
      await app.strapi.plugin('upload').service('upload').updateFileInfo(bare.id, { alternativeText: 'Đại biểu dự hội nghị' });
      await docs.publish({ documentId: draft.body.data.documentId });
      expect(await docs.count({ status: 'published', filters: { title: 'Bài nháp có ảnh' } as never })).toBe(1);
    });
  });
});
