import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { findPathProblem } from '../../src/validation/path';
import { pathVariants } from '../helpers/path-variants';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const SITE = 'https://tdkt.example.vn';
const LOCAL_SITE = 'http://localhost:3000';
const MEDIA = 'https://cdn.example.vn';

describeIntegration(`rate limits, security headers and CORS (${testDatabase})`, () => {
  let app: TestApp;
  let nextIp = 1;
  // Behind a proxy (IS_PROXIED), each test is its own client by X-Forwarded-For: limits do not leak between tests.
  const client = () => {
    const ip = `203.0.113.${nextIp++}`;
    const agent = request(app.strapi.server.httpServer);
    return {
      ip,
      get: (path: string) => agent.get(path).set('X-Forwarded-For', ip),
      post: (path: string) => agent.post(path).set('X-Forwarded-For', ip),
      options: (path: string) => agent.options(path).set('X-Forwarded-For', ip),
    };
  };

  beforeAll(async () => {
    app = await startApp({
      IS_PROXIED: 'true',
      RATE_LIMIT_API: '5/2s',
      RATE_LIMIT_SEARCH: '3/2s',
      RATE_LIMIT_LOGIN: '3/2s',
      CORS_ORIGINS: `${SITE}, ${LOCAL_SITE}`,
      MEDIA_ORIGIN: MEDIA,
      PUBLIC_SITE_URL: `${SITE}/tin-tuc`,
    });
    // The sample covers' sizes are written in the background, and each write empties the API cache.
    await app.strapi.plugin('image-pipeline').service('queue').idle();
  }, 120_000);
  afterAll(() => app?.stop());

  describe('the cookie session (src/middlewares/session.ts)', () => {
    it('runs for the provider login, which needs it, in any routed spelling, and sets no cookie elsewhere', async () => {
      const store = app.strapi.store({ type: 'plugin', name: 'users-permissions', key: 'grant' });
      const grant = (await store.get()) as Record<string, Record<string, unknown>>;
      await store.set({ value: { ...grant, github: { ...grant.github, enabled: true, key: 'ma-ung-dung', secret: 'bi-mat-ung-dung' } } });
      try {
        for (const path of ['/api/connect/github', '/API/Connect/github', '/api/CONNECT/github?x=1']) {
          const res = await client().get(path);
          // grant refuses to run without a session (a 500): a redirect to the provider means it had one.
          expect([path, res.status, String(res.headers.location)]).toEqual([path, 302, expect.stringMatching(/^https:\/\/github\.com\/login\/oauth\/authorize/)]);
          expect(String(res.headers['set-cookie'])).toMatch(/koa\.sess=/);
        }
      } finally {
        await store.set({ value: grant });
      }
      const list = await client().get('/api/articles').expect(200);
      expect(list.headers['set-cookie']).toBeUndefined();
    });
  });

  describe('rate limits', () => {
    it('answers 429 with Retry-After and a Vietnamese error past the API limit, per client, cached hits included, and recovers', async () => {
      const c = client();
      const seen: { remaining: string; cache: string }[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await c.get('/api/categories').expect(200);
        seen.push({ remaining: res.headers['ratelimit-remaining'], cache: res.headers['x-cache'] });
      }
      // Hits replay stored headers; the counter's must be fresh on each.
      expect(seen.map((s) => s.remaining)).toEqual(['4', '3', '2', '1', '0']);
      expect(seen.map((s) => s.cache)).toContain('HIT');

      const refused = await c.get('/api/categories').expect(429);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(2);
      expect(refused.headers['ratelimit-limit']).toBe('5');
      expect(refused.body.error).toMatchObject({ status: 429, name: 'TooManyRequestsError' });
      expect(refused.body.error.message).toMatch(/quá nhiều yêu cầu.*thử lại sau \d+ giây/);
      // Other paths under /api share the client's budget; other clients have their own.
      await c.get('/api/feeds/rss.xml').expect(429);
      // A site's script must be able to read the refusal (and its Retry-After).
      const crossOrigin = await c.get('/api/categories').set('Origin', SITE).expect(429);
      expect(crossOrigin.headers['access-control-allow-origin']).toBe(SITE);
      expect(crossOrigin.headers['access-control-expose-headers']).toMatch(/Retry-After/);
      await client().get('/api/categories').expect(200);

      await sleep(retryAfter * 1000 + 100);
      await c.get('/api/categories').expect(200);
    });

    it('limits search more strictly, on a budget of its own', async () => {
      const c = client();
      for (let i = 0; i < 3; i++) await c.get('/api/search?q=thi%20%C4%91ua').expect(200);
      const refused = await c.get('/api/search?q=khen').expect(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      await c.get('/api/articles').expect(200);
    });

    it('limits logins by IP and account: a guessed account is refused, another account from the same IP is not', async () => {
      const c = client();
      const login = (identifier: string) => c.post('/api/auth/local').send({ identifier, password: 'sai-mat-khau' });
      for (let i = 0; i < 3; i++) await login('bientap@example.vn').expect(400);
      const refused = await login('BienTap@example.vn ').expect(429);
      expect(refused.body.error.message).toMatch(/^Đăng nhập sai quá nhiều lần/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      await login('phongvien@example.vn').expect(400);
    });

    it('limits admin logins the same way', async () => {
      const c = client();
      const login = () => c.post('/admin/login').send({ email: 'admin@example.vn', password: 'sai-mat-khau' });
      for (let i = 0; i < 3; i++) expect((await login()).status).not.toBe(429);
      await login().expect(429);
    });
  });

  describe('path variants', () => {
    // The spellings the router routes (case, a trailing slash) and those it never does (refused first).
    const routed = (path: string) => pathVariants(path).filter((v) => findPathProblem(v) === null);
    const unrouted = (path: string) => pathVariants(path).filter((v) => findPathProblem(v) !== null);
    /** A request with the path exactly as written (supertest would normalise "\\" and dot segments). */
    const raw = (method: string, path: string) =>
      new Promise<{ status: number; body: { error?: { status: number; message: string } } }>((resolve, reject) => {
        const { port } = app.strapi.server.httpServer.address() as AddressInfo;
        const req = http.request({ host: '127.0.0.1', port, method, path, headers: { 'X-Forwarded-For': `198.51.100.${nextIp++ % 250}`, 'Content-Type': 'application/json' } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
        });
        req.on('error', reject);
        req.end(method === 'POST' ? '{}' : undefined);
      });

    beforeAll(async () => {
      await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    });

    it.each([
      ['api', 'GET', '/api/categories', '', 5],
      ['search', 'GET', '/api/search', '?q=thi%20%C4%91ua', 3],
      ['login', 'POST', '/api/auth/local', '', 3],
      ['login (admin)', 'POST', '/admin/login', '', 3],
    ])('the %s limit counts every spelling the router routes', async (_bucket, method, path, query, limit) => {
      const spellings = routed(path);
      expect(spellings.length).toBeGreaterThan(8);
      // Each client sends limit + 1 spellings in turn: every spelling is counted, and refused once over.
      for (let start = 0; start < spellings.length; start += limit + 1) {
        const c = client();
        const mine = Array.from({ length: limit + 1 }, (_x, i) => spellings[(start + i) % spellings.length]);
        const send = (spelling: string) =>
          method === 'GET' ? c.get(`${spelling}${query}`) : c.post(spelling).send(path.startsWith('/admin') ? { email: 'a@example.vn', password: 'sai' } : { identifier: 'a@example.vn', password: 'sai' });
        for (const spelling of mine.slice(0, limit)) expect([spelling, (await send(spelling)).status]).not.toEqual([spelling, 429]);
        const over = mine[limit];
        expect([over, (await send(over)).status]).toEqual([over, 429]);
      }
    });

    it.each([
      ['GET', '/api/categories'],
      ['GET', '/api/search'],
      ['POST', '/api/auth/local'],
      ['POST', '/admin/login'],
      ['GET', '/api/articles/by-slug/tin-moi'],
    ])('refuses every spelling of %s %s the router would not route, with a Vietnamese 400', async (method, path) => {
      const forms = unrouted(path);
      expect(forms.length).toBeGreaterThan(10);
      for (const form of forms) {
        const res = await raw(method, form);
        expect([form, res.status, res.body.error?.status]).toEqual([form, 400, 400]);
        expect(res.body.error?.message).toMatch(/Đường dẫn/);
      }
    });

    it.each([
      ['/api/articles', '?pagination[pageSize]=-1', /pageSize/],
      ['/api/articles', '?fields[0]=constructor', /"constructor"/],
      ['/api/articles', '?locale=..%2F', /locale/],
      ['/api/search', '?q=hoi&locale=vi%00', /NUL/],
    ])('the request guard checks %s%s in every routed spelling', async (path, query, message) => {
      for (const spelling of routed(path)) {
        const res = await client().get(`${spelling}${query}`);
        expect([spelling, res.status]).toEqual([spelling, 400]);
        expect(res.body.error.message).toMatch(message);
      }
    });

    it('the cache serves every routed spelling, one entry for the slash variants of a path', async () => {
      const query = '?path-variant-cache=1';
      const first = await client().get(`/api/blocs${query}`).expect(200);
      expect(first.headers['x-cache']).toBe('MISS');
      expect((await client().get(`/api/blocs/${query}`).expect(200)).headers['x-cache']).toBe('HIT');
      for (const spelling of routed('/api/blocs')) {
        await client().get(`${spelling}${query}`).expect(200);
        const again = await client().get(`${spelling}${query}`).expect(200);
        expect([spelling, again.headers['x-cache']]).toEqual([spelling, 'HIT']);
        expect(again.text).toBe(first.text);
      }
    });
  });

  describe('security headers', () => {
    const expectHeaders = (headers: Record<string, string>) => {
      const csp = headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain(`img-src 'self' data: blob: ${MEDIA}`);
      expect(csp).toContain(`frame-src 'self' ${SITE}`);
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toContain('strapi.io');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      // Not production: no HSTS (browsers would remember it for a year).
      expect(headers['strict-transport-security']).toBeUndefined();
    };

    it('on an API route', async () => {
      expectHeaders((await client().get('/api/articles').expect(200)).headers);
    });

    it('on an uploaded file', async () => {
      const file = await app.strapi.db.query('plugin::upload.file').findOne({ where: { mime: { $startsWith: 'image/' } } });
      const res = await client().get(file.url).expect(200);
      expect(res.headers['content-type']).toMatch(/^image\//);
      expectHeaders(res.headers);
    });

    it('on an admin route', async () => {
      expectHeaders((await client().get('/admin/init').expect(200)).headers);
    });
  });

  describe('CORS', () => {
    it('allows listed origins, with credentials', async () => {
      const res = await client().get('/api/articles').set('Origin', SITE).expect(200);
      expect(res.headers['access-control-allow-origin']).toBe(SITE);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(res.headers['access-control-expose-headers']).toMatch(/Retry-After/);
      expect(res.headers.vary).toMatch(/Origin/);
    });

    it('gives other origins no CORS headers', async () => {
      const res = await client().get('/api/articles').set('Origin', 'https://evil.example.com').expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('answers preflights for listed origins only', async () => {
      const preflight = (origin: string) =>
        client()
          .options('/api/articles')
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'GET')
          .set('Access-Control-Request-Headers', 'Authorization');
      const allowed = await preflight(LOCAL_SITE).expect(204);
      expect(allowed.headers['access-control-allow-origin']).toBe(LOCAL_SITE);
      expect(allowed.headers['access-control-allow-methods']).toMatch(/GET/);
      expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/);
      const denied = await preflight('https://evil.example.com');
      expect(denied.status).toBeLessThan(500);
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    });

    it("never replays one origin's cached CORS headers to another", async () => {
      const c = client();
      const path = '/api/blocs?cors-cache-test=1';
      await c.get(path).set('Origin', SITE).expect(200);
      const hitA = await c.get(path).set('Origin', SITE).expect(200);
      expect(hitA.headers['x-cache']).toBe('HIT');
      expect(hitA.headers['access-control-allow-origin']).toBe(SITE);

      for (const origin of ['https://evil.example.com', LOCAL_SITE, undefined]) {
        for (let i = 0; i < 2; i++) {
          const req = client().get(path);
          const res = await (origin ? req.set('Origin', origin) : req).expect(200);
          // Koa's CORS writes an empty Access-Control-Allow-Origin when no Origin was sent: no origin is allowed by it.
          expect(res.headers['access-control-allow-origin'] || undefined).toBe(origin === LOCAL_SITE ? LOCAL_SITE : undefined);
        }
      }
    });
  });
});
