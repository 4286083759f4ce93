import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import request from 'supertest';
import { appDir, bootApp, type TestApp } from '../helpers/strapi';
import { createTestEnv, type TestEnv } from '../helpers/test-env';
import { startLocalS3, type LocalS3 } from '../helpers/s3-server';

const run = promisify(execFile);
/**
 * A hung export or import fails the test with its output instead of the test's timeout. Strapi's
 * CLI compiles the app before it exports (~60 s of the ~90 s an export took on a busy 2-core machine).
 */
const SCRIPT_TIMEOUT = 240_000;
const script = (name: string) => path.join(appDir, 'dist', 'src', 'scripts', `${name}.js`);

type Stored = { url: string; mime: string; width: number; height: number; hash: string; ext: string };
type FileRow = Stored & { id: number; name: string; placeholder: string | null; formats: Record<string, Stored> | null };

/** A photo with some detail (two colours), so each size is a real encode. */
const photo = (width: number, height: number, colour: string) =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .composite([{ input: { create: { width: Math.round(width / 3), height, channels: 3, background: '#1a3c8c' } }, left: 0, top: 0 }])
    .jpeg()
    .toBuffer();

/** Every file under a folder (none when it does not exist). */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];

/**
 * UPLOAD_PROVIDER=s3 against s3rver on SQLite: uploads, every image-pipeline output, replace,
 * delete, media:regenerate, then backup and restore into a new database and a new bucket.
 */
describe('media in S3-compatible object storage (sqlite)', () => {
  let s3: LocalS3;
  let db: TestEnv;
  let env: Record<string, string>;
  let app: TestApp | null = null;
  let token: string;
  const api = () => request(app!.strapi.server.httpServer);
  const row = async (id: number) => (await app!.strapi.db.query('plugin::upload.file').findOne({ where: { id } })) as FileRow;
  const idle = () => app!.strapi.plugin('image-pipeline').service('queue').idle();
  /** The object key of a URL on the CDN, asserting that it is on it. */
  const keyOf = (url: string) => {
    expect(url.startsWith(`${s3.publicUrl}/`)).toBe(true);
    return url.slice(s3.publicUrl.length + 1);
  };
  const keysOf = (file: FileRow) => [file.url, ...Object.values(file.formats ?? {}).map((f) => f.url)].map(keyOf).sort();
  const allRows = async () => (await app!.strapi.db.query('plugin::upload.file').findMany({ orderBy: { id: 'asc' } })) as FileRow[];
  const start = async (extra: Record<string, string> = {}) => {
    app = await bootApp({ ...env, ...extra }, async () => undefined);
    token = (await app.strapi.service('admin::api-token').create({ name: `media-${Date.now()}`, type: 'full-access', lifespan: null, description: '' })).accessKey;
  };
  const stop = async () => {
    await app?.stop();
    app = null;
  };
  const upload = (buffer: Buffer, filename: string, query = '') =>
    api().post(`/api/upload${query}`).set('Authorization', `Bearer ${token}`).attach('files', buffer, filename).field('fileInfo', JSON.stringify({ alternativeText: 'Ảnh hội nghị' }));

  beforeAll(async () => {
    s3 = await startLocalS3(['media', 'media-restored']);
    db = await createTestEnv('sqlite', 'tdkt_s3');
    env = { ...db.env, ...s3.env('media'), SEED_SAMPLE_DATA: 'false', IMAGE_FORMATS: 'webp,avif' };
    await start();
  }, 120_000);
  afterAll(async () => {
    await stop();
    await db?.drop();
    await s3?.stop();
  });

  it('stores an upload and every size, crop, WebP and AVIF of it in the bucket, under S3_PUBLIC_URL', async () => {
    const res = await upload(await photo(1600, 1200, '#c83228'), 'hoi-nghi.jpg').expect(201);
    await idle();
    const file = await row(res.body[0].id);
    const expected = app!.strapi.plugin('image-pipeline').service('processor').plan(file.width, file.height).map((d: { key: string }) => d.key);
    expect(Object.keys(file.formats ?? {}).sort()).toEqual([...expected].sort());
    for (const key of ['thumbnail', 'small', 'large', 'social', 'wide', 'square', 'thumbnail_webp', 'large_webp', 'social_avif', 'small_avif']) {
      expect(file.formats).toHaveProperty(key);
    }
    // Exactly the row's objects are in the bucket, and each is the image the row says.
    expect(await s3.keys('media')).toEqual(keysOf(file));
    for (const f of [file, ...Object.values(file.formats ?? {})]) {
      const meta = await sharp(await s3.get('media', keyOf(f.url))).metadata();
      expect({ width: meta.width, height: meta.height, mime: meta.format === 'heif' ? 'image/avif' : `image/${meta.format}` }).toEqual({
        width: f.width,
        height: f.height,
        mime: f.mime,
      });
    }
    // The answers give the CDN's URLs as they are, and the CSP lets the admin show them.
    const answer = await api().get(`/api/upload/files/${file.id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(answer.body.url).toBe(file.url);
    const csp = answer.headers['content-security-policy'] as string;
    for (const directive of ['img-src', 'media-src']) expect(csp).toMatch(new RegExp(`${directive} [^;]*${s3.publicUrl.replace(/[.:/]/g, '\\$&')}`));
  }, 120_000);

  it('replacing a file leaves only the new content in the bucket; deleting it leaves nothing', async () => {
    const first = (await upload(await photo(1200, 900, '#2a8c3c'), 'thay-the.jpg').expect(201)).body[0];
    await idle();
    const before = await s3.keys('media');
    const oldKeys = keysOf(await row(first.id));
    await upload(await photo(1400, 1000, '#8c2a6e'), 'thay-the-moi.jpg', `?id=${first.id}`).expect(200);
    await idle();
    const replaced = await row(first.id);
    expect(replaced.width).toBe(1400);
    const newKeys = keysOf(replaced);
    expect(newKeys.some((k) => oldKeys.includes(k))).toBe(false);
    expect(await s3.keys('media')).toEqual([...before.filter((k) => !oldKeys.includes(k)), ...newKeys].sort());

    await api().delete(`/api/upload/files/${first.id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(await s3.keys('media')).toEqual(before.filter((k) => !oldKeys.includes(k)));
    // Nothing in the bucket that no row names.
    expect(await s3.keys('media')).toEqual((await allRows()).flatMap(keysOf).sort());
  }, 120_000);

  it('npm run media:regenerate brings an unprocessed image in the bucket up to the pipeline', async () => {
    // An image as stored before the pipeline: its original only, no placeholder, no sizes.
    const made = (await upload(await photo(1300, 1000, '#c8a028'), 'anh-cu.jpg').expect(201)).body[0];
    await idle();
    const full = await row(made.id);
    for (const f of Object.values(full.formats ?? {})) await app!.strapi.plugin('upload').provider.delete(f);
    await app!.strapi.db.query('plugin::upload.file').update({ where: { id: made.id }, data: { formats: null, placeholder: null } });
    expect(await s3.keys('media')).toContain(keyOf(full.url));
    await stop();

    const { stdout } = await run(process.execPath, [script('media-regenerate')], { cwd: appDir, env: { ...process.env, ...env }, maxBuffer: 1 << 24, timeout: SCRIPT_TIMEOUT });
    expect(stdout).toMatch(/Đã xử lý lại 1 \/ \d+ ảnh, lỗi 0/);

    await start();
    const done = await row(made.id);
    expect(done.placeholder).toMatch(/^data:image\/webp;base64,/);
    const expected = app!.strapi.plugin('image-pipeline').service('processor').plan(done.width, done.height).map((d: { key: string }) => d.key);
    expect(Object.keys(done.formats ?? {}).sort()).toEqual([...expected].sort());
    // The old original went with the replace; every object belongs to a row.
    expect(await s3.keys('media')).not.toContain(keyOf(full.url));
    expect(await s3.keys('media')).toEqual((await allRows()).flatMap(keysOf).sort());
  }, 300_000);

  it('npm run backup and restore carry the media: restored into a new database and bucket, byte for byte', async () => {
    const rows = await allRows();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const bytes = async (bucket: string, list: FileRow[]) =>
      Object.fromEntries(
        await Promise.all(
          list.flatMap((r) => [r, ...Object.values(r.formats ?? {})]).map(async (f) => [f.hash + f.ext, (await s3.get(bucket, keyOf(f.url))).toString('base64')])
        )
      );
    const before = await bytes('media', rows);
    await stop();

    const archive = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-s3-backup-')), 'sao-luu');
    await run(process.execPath, [script('backup'), archive], { cwd: appDir, env: { ...process.env, ...env, BACKUP_ENCRYPTION_KEY: '' }, maxBuffer: 1 << 24, timeout: SCRIPT_TIMEOUT });
    expect(fs.existsSync(`${archive}.tar.gz`)).toBe(true);

    // A new machine: an empty database and an empty bucket behind the same CDN name.
    const target = await createTestEnv('sqlite', 'tdkt_s3_dst');
    try {
      const targetEnv = { ...process.env, ...target.env, ...s3.env('media-restored'), SEED_SAMPLE_DATA: 'false', IMAGE_FORMATS: 'webp,avif' };
      await run(process.execPath, [script('restore'), `${archive}.tar.gz`], { cwd: appDir, env: targetEnv, maxBuffer: 1 << 24, timeout: SCRIPT_TIMEOUT });
      const restored = await s3.keys('media-restored');
      expect(restored).toEqual(Object.keys(before).sort());
      const after = Object.fromEntries(await Promise.all(restored.map(async (k) => [k, (await s3.get('media-restored', k)).toString('base64')])));
      expect(after).toEqual(before);
      expect(filesUnder(path.join(target.env.PUBLIC_DIR, 'uploads'))).toEqual([]);
    } finally {
      await target.drop();
    }
  }, 600_000);

  it('wrote nothing under the app\'s public/uploads', () => {
    expect(filesUnder(path.join(env.PUBLIC_DIR, 'uploads'))).toEqual([]);
  });
});
