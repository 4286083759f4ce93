import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { createStrapi, type Core } from '@strapi/strapi';
import { appDir } from '../helpers/strapi';
import { createTestEnv, runTemplate, type TestEnv } from '../helpers/test-env';

const run = promisify(execFile);
const distDir = path.join(appDir, 'dist');
const TYPES = ['api::article.article', 'api::category.category', 'api::bloc.bloc', 'api::agency.agency', 'api::movement.movement'] as const;

/** Everything a restore must bring back, in a form two databases can be compared by. */
async function snapshot(strapi: Core.Strapi, publicDir: string) {
  const content: Record<string, unknown[]> = {};
  for (const uid of TYPES) {
    for (const status of ['published', 'draft'] as const) {
      const docs = (await strapi.documents(uid).findMany({ locale: '*', status, populate: '*', sort: ['documentId:asc', 'locale:asc'] } as never)) as Record<string, unknown>[];
      // Row ids and timestamps of the import are its own; documents, text, links and media are not.
      content[`${uid} ${status}`] = JSON.parse(
        JSON.stringify(docs, (key, value) => (['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'].includes(key) ? undefined : value))
      );
    }
  }
  const files = (await strapi.db.query('plugin::upload.file').findMany({ orderBy: { hash: 'asc' } })) as { hash: string; url: string; formats?: Record<string, { url: string }> }[];
  const bytes: Record<string, string> = {};
  for (const file of files) {
    for (const url of [file.url, ...Object.values(file.formats ?? {}).map((f) => f.url)]) {
      bytes[url] = crypto.createHash('sha1').update(fs.readFileSync(path.join(publicDir, url))).digest('hex');
    }
  }
  const slugs = await strapi.plugin('vietnamese-text').service('slugRegistry').dump();
  const search = (await request(strapi.server.httpServer).get('/api/search?q=thi%20dua').expect(200)).body;
  return { content, bytes, slugs, search };
}

async function withApp<T>(env: Record<string, string>, work: (strapi: Core.Strapi) => Promise<T>): Promise<T> {
  Object.assign(process.env, env);
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  try {
    await strapi.plugin('image-pipeline').service('queue').idle();
    return await work(strapi);
  } finally {
    await strapi.destroy();
  }
}

describe('npm run backup, then npm run restore into an empty database', () => {
  let source: TestEnv;
  let target: TestEnv;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-backup-'));

  beforeAll(async () => {
    // The seeded sample of this run (global setup), covers and all their sizes included.
    source = await createTestEnv('sqlite', 'tdkt_backup_src', undefined, { template: runTemplate('sqlite') });
    target = await createTestEnv('sqlite', 'tdkt_backup_dst');
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('brings back content, links, media files, previous slugs and search', async () => {
    // The sample content, plus a renamed article so the registry holds a previous slug.
    const before = await withApp(source.env, async (strapi) => {
      const article = await strapi.documents('api::article.article').findFirst({ locale: 'vi', status: 'published' } as never);
      await strapi.documents('api::article.article').update({ documentId: article!.documentId, locale: 'vi', data: { title: 'Tin đổi tên để giữ đường dẫn cũ', slug: null } } as never);
      await strapi.documents('api::article.article').publish({ documentId: article!.documentId, locale: 'vi' } as never);
      const snap = await snapshot(strapi, source.env.PUBLIC_DIR);
      return { ...snap, oldSlug: article!.slug as string };
    });
    expect(before.slugs.some((s: { slug: string; is_current: boolean }) => s.slug === before.oldSlug && !s.is_current)).toBe(true);
    expect(Object.keys(before.bytes).length).toBeGreaterThan(10);

    const backup = path.join(dir, 'ban-sao');
    const env = { ...process.env, ...source.env, BACKUP_ENCRYPTION_KEY: 'khoa-sao-luu-thu-nghiem-0123456789' };
    await run(process.execPath, [path.join(distDir, 'src/scripts/backup.js'), backup], { cwd: appDir, env, maxBuffer: 1 << 24 });
    expect(fs.existsSync(`${backup}.tar.gz.enc`)).toBe(true);
    expect(fs.existsSync(`${backup}.slugs.json`)).toBe(true);

    // The target is a fresh database whose app was never started: what a new machine has.
    await run(process.execPath, [path.join(distDir, 'src/scripts/restore.js'), `${backup}.tar.gz.enc`], {
      cwd: appDir,
      env: { ...process.env, ...target.env, BACKUP_ENCRYPTION_KEY: env.BACKUP_ENCRYPTION_KEY },
      maxBuffer: 1 << 24,
    });

    const after = await withApp({ ...target.env, SEED_SAMPLE_DATA: 'false' }, async (strapi) => {
      const snap = await snapshot(strapi, target.env.PUBLIC_DIR);
      const redirect = await request(strapi.server.httpServer).get(`/api/articles/by-slug/${before.oldSlug}`);
      return { ...snap, redirect: redirect.status };
    });
    expect(after.content).toEqual(before.content);
    expect(after.bytes).toEqual(before.bytes);
    expect(after.slugs).toEqual(before.slugs);
    expect(after.search).toEqual(before.search);
    expect(after.redirect).toBe(301);
  }, 240_000);

  it('refuses an encrypted backup without the key, with a clear message', async () => {
    const file = path.join(dir, 'khong-co-khoa.tar.gz.enc');
    fs.writeFileSync(file, 'x');
    const env = { ...process.env, ...target.env, BACKUP_ENCRYPTION_KEY: '' };
    await expect(run(process.execPath, [path.join(distDir, 'src/scripts/restore.js'), file], { cwd: appDir, env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('BACKUP_ENCRYPTION_KEY'),
    });
  });
});
