import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appDir, createTestEnv } from '../helpers/strapi';

/**
 * Boots the compiled app in a child process, as `strapi start` would, and reports how it ended.
 * `then` is code run with the loaded app `s` before it is destroyed.
 */
function boot(env: Record<string, string | undefined>, then = '') {
  const script = `
    const { createStrapi } = require('@strapi/strapi');
    createStrapi({ appDir: ${JSON.stringify(appDir)}, distDir: ${JSON.stringify(path.join(appDir, 'dist'))}, serveAdminPanel: false })
      .load()
      .then(async (s) => { console.log('BOOTED'); ${then}; await s.destroy(); process.exit(0); })
      .catch((e) => { console.error(e && e.message); process.exit(3); });`;
  const clean = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  return spawnSync(process.execPath, ['-e', script], { cwd: appDir, env: clean, encoding: 'utf8', timeout: 90_000 });
}

// Process-level checks on SQLite; they need no second database run.
describe('booting', () => {
  it('refuses to start in production with missing or example secrets, naming them', async () => {
    const { env, drop } = await createTestEnv();
    try {
      const result = boot({ ...env, NODE_ENV: 'production', APP_KEYS: undefined, JWT_SECRET: 'tobemodified' });
      expect(result.status).not.toBe(0);
      expect(result.stdout).not.toContain('BOOTED');
      const output = result.stdout + result.stderr;
      expect(output).toContain('Refusing to start in production');
      expect(output).toContain('APP_KEYS is not set');
      expect(output).toContain('JWT_SECRET still has an example value');
    } finally {
      await drop();
    }
  }, 120_000);

  it('refuses to start in production with UPLOAD_PROVIDER=s3 and a required S3 setting missing, naming it', async () => {
    const { env, drop } = await createTestEnv();
    try {
      const s3 = { UPLOAD_PROVIDER: 's3', S3_BUCKET: 'tdkt-media', S3_REGION: 'ap-southeast-1', S3_ACCESS_KEY_ID: 'tdkt-uploader', S3_PUBLIC_URL: 'https://media.tdkt.example.vn' };
      const result = boot({ ...env, ...s3, NODE_ENV: 'production', SEED_SAMPLE_DATA: 'false', S3_SECRET_ACCESS_KEY: undefined });
      expect(result.status).not.toBe(0);
      expect(result.stdout).not.toContain('BOOTED');
      const output = result.stdout + result.stderr;
      expect(output).toContain('Refusing to start: UPLOAD_PROVIDER=s3 needs these settings fixed');
      expect(output).toContain('S3_SECRET_ACCESS_KEY is not set');
      expect(output).not.toContain('S3_BUCKET is not set');
    } finally {
      await drop();
    }
  }, 120_000);

  it('sends HSTS, allows no foreign origin and serves no API documentation in production', async () => {
    const { env, drop } = await createTestEnv();
    // Listens on a free port and prints the headers of one API answer asked from a foreign origin.
    const ask = `
      s.server.mount();
      await new Promise((r) => s.server.httpServer.listen(0, '127.0.0.1', r));
      const res = await fetch('http://127.0.0.1:' + s.server.httpServer.address().port + '/api/categories', { headers: { Origin: 'https://evil.example.com' } });
      console.log('HEADERS ' + JSON.stringify(Object.fromEntries(res.headers)) + ' STATUS ' + res.status);
      for (const p of ['/documentation', '/documentation/v1.0.0', '/documentation/v1.0.0/openapi.json', '/api/openapi.json']) {
        const doc = await fetch('http://127.0.0.1:' + s.server.httpServer.address().port + p, { redirect: 'manual' });
        console.log('DOC ' + p + ' ' + doc.status);
      }`;
    try {
      const result = boot({ ...env, NODE_ENV: 'production', SEED_SAMPLE_DATA: 'false' }, ask);
      const line = /HEADERS (.*) STATUS (\d+)/.exec(result.stdout);
      expect(line).not.toBeNull();
      const headers = JSON.parse(line![1]) as Record<string, string>;
      expect(line![2]).toBe('200');
      expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(headers['content-security-policy']).toContain("default-src 'self'");
      expect(headers['access-control-allow-origin'] || undefined).toBeUndefined();
      // Without DOCUMENTATION_PASSWORD the route map is not served in production at all.
      const docs = [...result.stdout.matchAll(/DOC (\S+) (\d+)/g)].map((m) => [m[1], m[2]]);
      expect(docs).toEqual([
        ['/documentation', '404'],
        ['/documentation/v1.0.0', '404'],
        ['/documentation/v1.0.0/openapi.json', '404'],
        ['/api/openapi.json', '404'],
      ]);
    } finally {
      await drop();
    }
  }, 120_000);

  it('with DOCUMENTATION_PASSWORD, /api/openapi.json asks for the documentation login as /documentation does', async () => {
    const { env, drop } = await createTestEnv();
    const ask = `
      s.server.mount();
      await new Promise((r) => s.server.httpServer.listen(0, '127.0.0.1', r));
      for (const p of ['/documentation', '/api/openapi.json']) {
        const doc = await fetch('http://127.0.0.1:' + s.server.httpServer.address().port + p, { redirect: 'manual' });
        console.log('DOC ' + p + ' ' + doc.status + ' ' + JSON.stringify((await doc.text()).slice(0, 300)));
      }`;
    try {
      const result = boot({ ...env, NODE_ENV: 'production', SEED_SAMPLE_DATA: 'false', DOCUMENTATION_PASSWORD: 'mat-khau-tai-lieu-2026' }, ask);
      const docs = Object.fromEntries([...result.stdout.matchAll(/DOC (\S+) (\d+) (.*)/g)].map((m) => [m[1], [m[2], m[3]]]));
      expect(docs['/documentation'][0]).toBe('302');
      expect(docs['/api/openapi.json'][0]).toBe('401');
      // Strapi's error middleware answers 401s with its own "Unauthorized" message.
      expect(docs['/api/openapi.json'][1]).toContain('UnauthorizedError');
      expect(docs['/api/openapi.json'][1]).not.toContain('"paths"');
    } finally {
      await drop();
    }
  }, 120_000);

  it('generates development secrets into .env once, then reuses them', async () => {
    const { env, drop } = await createTestEnv();
    const envFile = path.join(os.tmpdir(), `tdkt-env-${process.pid}-${Date.now()}`);
    const secrets = { APP_KEYS: undefined, API_TOKEN_SALT: undefined, ADMIN_JWT_SECRET: undefined, TRANSFER_TOKEN_SALT: undefined, JWT_SECRET: undefined, ENCRYPTION_KEY: undefined, PREVIEW_SECRET: undefined };
    try {
      const first = boot({ ...env, ...secrets, NODE_ENV: 'development', ENV_PATH: envFile, SEED_SAMPLE_DATA: 'false' });
      expect(first.stdout).toContain('BOOTED');
      const written = fs.readFileSync(envFile, 'utf8');
      expect(written).toMatch(/^JWT_SECRET=.{16,}$/m);
      expect(written).toMatch(/^APP_KEYS=[^,\n]+(,[^,\n]+){3}$/m);

      const second = boot({ ...env, ...secrets, NODE_ENV: 'development', ENV_PATH: envFile, SEED_SAMPLE_DATA: 'false' });
      expect(second.stdout).toContain('BOOTED');
      expect(fs.readFileSync(envFile, 'utf8')).toBe(written);
    } finally {
      fs.rmSync(envFile, { force: true });
      await drop();
    }
  }, 180_000);
});
