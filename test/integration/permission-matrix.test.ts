import request, { type Response } from 'supertest';
import { grantPublicRead, PUBLIC_READ_ACTIONS, REGISTER_ACTION } from '../../src/bootstrap/public-permissions';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

/**
 * Every route the app serves, for an anonymous reader (Public role) and a signed-in one
 * (Authenticated role): published reads allowed where intended, every write refused, no draft
 * reachable, no account data in any answer. The route list comes from the real router: a route
 * the matrix does not classify fails the test.
 */

const ARTICLE = 'api::article.article';
const TYPES = {
  articles: ARTICLE,
  categories: 'api::category.category',
  blocs: 'api::bloc.bloc',
  agencies: 'api::agency.agency',
  movements: 'api::movement.movement',
  'legal-documents': 'api::legal-document.legal-document',
} as const;
type TypePath = keyof typeof TYPES;

/** Draft titles carry this marker (their slugs its lowercase): any answer containing it leaks a draft. */
const MARKER = 'Nhapbimat';
const ADMIN_EMAIL = 'quan-tri-matrix@example.vn';
const READER = { username: 'bandoc', email: 'ban-doc-matrix@example.vn', password: 'Matkhau-Bandoc-2024' };
const OTHER_EMAIL = 'nguoi-khac-matrix@example.vn';
const SECRET_KEYS = ['password', 'resetPasswordToken', 'confirmationToken'];

type Role = 'public' | 'authenticated';
const ROLES: Role[] = ['public', 'authenticated'];

/** What a route must answer. `read`: 200 and published content only. */
type Expectation =
  | { kind: 'read' }
  | { kind: 'status'; status: number[] }
  | { kind: 'per-role'; public: number[]; authenticated: number[] }
  | { kind: 'special'; why: string };

const DENIED_WRITE: Expectation = { kind: 'status', status: [401, 403, 405] };
const DENIED_READ: Expectation = { kind: 'status', status: [401, 403] };
// Admin API: needs an admin session; a users-permissions JWT is not one.
const ADMIN: Expectation = { kind: 'status', status: [401, 403] };

const SIGN_IN_FLOW: Expectation = { kind: 'per-role', public: [400], authenticated: [403] };
// The admin's own sign-in and first-run screens are public by design; wrong input is a 400.
const ADMIN_SIGN_IN: Expectation = { kind: 'status', status: [400] };

/** The content API, one entry per method and path (HEAD mirrors GET and is not listed). */
const CONTENT_API: Record<string, Expectation> = {
  ...Object.fromEntries(
    (Object.keys(TYPES) as TypePath[]).flatMap((t) => [
      [`GET /api/${t}`, { kind: 'read' }],
      [`GET /api/${t}/:id`, { kind: 'read' }],
      [`GET /api/${t}/by-slug/:slug`, { kind: 'read' }],
      [`POST /api/${t}`, DENIED_WRITE],
      [`PUT /api/${t}/:id`, DENIED_WRITE],
      [`DELETE /api/${t}/:id`, DENIED_WRITE],
    ])
  ),
  'GET /api/feeds/rss.xml': { kind: 'read' },
  'GET /api/feeds/atom.xml': { kind: 'read' },
  'GET /api/feeds/feed.json': { kind: 'read' },
  'GET /api/sitemap.xml': { kind: 'read' },
  'GET /api/sitemaps/:name': { kind: 'read' },
  'GET /api/news-sitemap.xml': { kind: 'read' },
  'GET /api/search': { kind: 'read' },
  // The OpenAPI document names fields ("password": { "type": "string" }) and holds no entry: the
  // leak probe would flag the schema keys. Its own tests: openapi.test.ts, unit/openapi-fixes.test.ts.
  'GET /api/openapi.json': { kind: 'special', why: 'the OpenAPI document (schemas, no data)' },
  // Upload, email, i18n and user administration: not for readers.
  'POST /api/upload': DENIED_WRITE,
  'GET /api/upload/files': DENIED_READ,
  'GET /api/upload/files/page': DENIED_READ,
  'GET /api/upload/files/:id': DENIED_READ,
  'DELETE /api/upload/files/:id': DENIED_WRITE,
  'POST /api/email': DENIED_WRITE,
  'GET /api/i18n/locales': DENIED_READ,
  // The content-type builder's schema listing: a map of the model, not granted to readers.
  'GET /api/content-type-builder/content-types': DENIED_READ,
  'GET /api/content-type-builder/content-types/:uid': DENIED_READ,
  'GET /api/content-type-builder/components': DENIED_READ,
  'GET /api/content-type-builder/components/:uid': DENIED_READ,
  'GET /api/users/count': DENIED_READ,
  'GET /api/users': DENIED_READ,
  'GET /api/users/:id': DENIED_READ,
  'POST /api/users': DENIED_WRITE,
  'PUT /api/users/:id': DENIED_WRITE,
  'DELETE /api/users/:id': DENIED_WRITE,
  'GET /api/users-permissions/roles': DENIED_READ,
  'GET /api/users-permissions/roles/:id': DENIED_READ,
  'POST /api/users-permissions/roles': DENIED_WRITE,
  'PUT /api/users-permissions/roles/:role': DENIED_WRITE,
  'DELETE /api/users-permissions/roles/:role': DENIED_WRITE,
  'GET /api/users-permissions/permissions': DENIED_READ,
  // Sign-ups are closed (bootstrap): accounts are made by administrators.
  'POST /api/auth/local/register': DENIED_WRITE,
  // A signed-in reader sees their own account (and only it: checked below).
  'GET /api/users/me': { kind: 'per-role', public: [401, 403], authenticated: [200] },
  // Sign-in and account flows of users-permissions, sent wrong input here: refused without a leak.
  // A signed-in reader has no permission for them (403).
  'POST /api/auth/local': SIGN_IN_FLOW,
  'POST /api/auth/forgot-password': { kind: 'special', why: 'answers 200 for any address (no account enumeration) and sends nothing for an unknown one' },
  'POST /api/auth/reset-password': SIGN_IN_FLOW,
  'GET /api/auth/email-confirmation': SIGN_IN_FLOW,
  'POST /api/auth/send-email-confirmation': SIGN_IN_FLOW,
  'POST /api/auth/change-password': { kind: 'per-role', public: [401, 403], authenticated: [400] },
  'POST /api/auth/refresh': { kind: 'status', status: [400, 401, 403, 404] },
  'POST /api/auth/logout': { kind: 'per-role', public: [401, 403, 404], authenticated: [200, 400, 401, 403, 404] },
  'GET /api/auth/sessions': { kind: 'per-role', public: [401, 403, 404], authenticated: [200, 401, 403, 404] },
  'DELETE /api/auth/sessions/:sessionId': { kind: 'per-role', public: [401, 403, 404], authenticated: [401, 403, 404] },
  'GET /api/connect/(.*)': { kind: 'per-role', public: [400, 404], authenticated: [403] },
  'GET /api/auth/:provider/callback': { kind: 'per-role', public: [400, 404], authenticated: [403] },
};

/** Routes outside /api. */
const OTHER: Record<string, Expectation> = {
  'GET /_health': { kind: 'special', why: 'liveness probe, 204 with no body' },
  'POST /_health': { kind: 'special', why: 'liveness probe, 204 with no body' },
  'GET /': { kind: 'special', why: 'Strapi welcome page (public folder)' },
  'GET /((?!uploads/).+)': { kind: 'special', why: 'files of the public folder' },
  'GET /uploads/(.*)': { kind: 'special', why: 'uploaded media, public by URL like any news site picture' },
  'GET /graphql': { kind: 'special', why: 'GraphQL: checked with queries below' },
  'POST /graphql': { kind: 'special', why: 'GraphQL: checked with queries below' },
  // Development: the documentation is open (config/plugins.ts closes it in production without a password).
  'GET /documentation': { kind: 'special', why: 'OpenAPI UI, open in development' },
  'GET /documentation/v:major(\\d+).:minor(\\d+).:patch(\\d+)': { kind: 'special', why: 'OpenAPI UI, open in development' },
  'GET /documentation/login': { kind: 'special', why: 'login form of the documentation' },
  'POST /documentation/login': { kind: 'special', why: 'wrong password redirects back to the form' },
  'GET /plugins/documentation/(.*)': { kind: 'special', why: 'static files of the documentation UI' },
  'GET /admin/init': { kind: 'status', status: [200] },
  'GET /admin/project-type': { kind: 'status', status: [200] },
  'GET /admin/registration-info': ADMIN_SIGN_IN,
  'POST /admin/login': ADMIN_SIGN_IN,
  'POST /admin/register-admin': ADMIN_SIGN_IN,
  'POST /admin/register': ADMIN_SIGN_IN,
  'POST /admin/forgot-password': ADMIN_SIGN_IN,
  'POST /admin/reset-password': ADMIN_SIGN_IN,
  'GET /content-manager/preview/script': { kind: 'status', status: [200] },
  'GET /documentation/getInfos': ADMIN,
  'POST /documentation/regenerateDoc': ADMIN,
  'PUT /documentation/updateSettings': ADMIN,
  'DELETE /documentation/deleteDoc/:version': ADMIN,
};

/** Sections of the admin API (their routes are checked one by one, all must be refused). */
const ADMIN_PREFIXES = ['/admin', '/content-manager', '/content-type-builder', '/upload', '/i18n', '/users-permissions', '/email', '/revalidate', '/editorial', '/jobs'];

function classify(method: string, path: string): Expectation | undefined {
  const key = `${method} ${path}`;
  if (path.startsWith('/api/')) return CONTENT_API[key];
  if (OTHER[key]) return OTHER[key];
  if (ADMIN_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) return ADMIN;
  return undefined;
}

interface Route {
  method: string;
  path: string;
}

/** Every method and path of the router; middleware layers (no method) and HEAD are left out. */
function listRoutes(app: TestApp): Route[] {
  const seen = new Set<string>();
  const routes: Route[] = [];
  for (const layer of app.strapi.server.listRoutes()) {
    const methods = layer.methods.filter((m) => m !== 'HEAD');
    // `/_health` and `/graphql` accept every method: GET and POST stand for them.
    const wanted = methods.length > 5 ? ['GET', 'POST'] : methods;
    for (const method of wanted) {
      const key = `${method} ${String(layer.path)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      routes.push({ method, path: String(layer.path) });
    }
  }
  return routes;
}

interface Fixtures {
  published: Record<TypePath, { documentId: string; slug: string }>;
  draftOnly: { documentId: string; slug: string };
  /** A published article whose draft has an unpublished edit. */
  edited: { documentId: string; slug: string };
  jwt: string;
}

describeIntegration(`permission matrix (${testDatabase})`, () => {
  let app: TestApp;
  let fx: Fixtures;
  let checks = 0;
  const api = () => request(app.strapi.server.httpServer);
  const docs = (uid: string) => app.strapi.documents(uid as typeof ARTICLE);

  /** Sends a request as a role; counts it. */
  function send(role: Role, method: string, url: string, body?: object) {
    checks++;
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    let req = api()[verb](url);
    if (role === 'authenticated') req = req.set('Authorization', `Bearer ${fx.jwt}`);
    return body ? req.send(body) : req;
  }

  /** What leaks in an answer: a draft marker, another person's e-mail, the admin's e-mail or a secret key. */
  function leaks(res: Response, options: { ownAccount?: boolean; echoed?: string } = {}): string[] {
    let text = res.text ?? JSON.stringify(res.body ?? '');
    // A "not found" message may repeat the slug that was asked for: that is no leak.
    if (options.echoed) text = text.split(options.echoed).join('');
    const found: string[] = [];
    if (text.toLowerCase().includes(MARKER.toLowerCase())) found.push('draft');
    for (const email of [ADMIN_EMAIL, OTHER_EMAIL, ...(options.ownAccount ? [] : [READER.email])]) {
      if (text.includes(email)) found.push(email);
    }
    // As a key with a value: validation errors legitimately name the field ("path": ["password"]).
    for (const key of SECRET_KEYS) if (new RegExp(`"${key}"\\s*:`).test(text)) found.push(key);
    return found;
  }

  function expectNoLeak(res: Response, context: string, options: { ownAccount?: boolean } = {}) {
    expect({ context, found: leaks(res, options) }).toEqual({ context, found: [] });
  }

  /** The path with its parameters filled in: a published entry of the route's type unless told. */
  function fill(path: string, target?: { documentId: string; slug: string }): string {
    const type = path.split('/')[2] as TypePath;
    const entry = target ?? fx.published[type];
    return path
      .replace(':id', entry?.documentId ?? '1')
      .replace(':slug', encodeURIComponent(entry?.slug ?? 'x'))
      .replace(':name', 'articles-1.xml')
      .replace('(.*)', 'github')
      .replace(/:(\w+)(\([^)]*\))?/g, '1')
      .replace('v1.1.1', 'v1.0.0');
  }

  /** Ways a reader could ask for drafts over REST. */
  const DRAFT_VARIANTS = [
    'status=draft',
    'publicationState=preview',
    'filters[publishedAt][$null]=true',
    'locale=all',
    'locale=*',
    'populate=*',
    'populate[articles][filters][publishedAt][$null]=true',
    'status=draft&populate=*',
    'pageSize=50',
  ];

  const READ_QUERY: Record<string, string> = { '/api/search': `q=${encodeURIComponent('thi đua')}` };

  beforeAll(async () => {
    app = await startApp();
    const s = app.strapi;

    // Accounts whose details must never appear: an administrator, the reader and another user.
    await s.db.query('admin::user').create({ data: { email: ADMIN_EMAIL, firstname: 'Quản', lastname: 'Trị', password: 'x', isActive: true } });
    const authenticated = await s.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const users = s.plugin('users-permissions').service('user');
    await users.add({ ...READER, provider: 'local', confirmed: true, role: authenticated.id });
    await users.add({ username: 'nguoikhac', email: OTHER_EMAIL, password: 'Matkhau-Khac-2024', provider: 'local', confirmed: true, role: authenticated.id });
    const login = await api().post('/api/auth/local').send({ identifier: READER.email, password: READER.password }).expect(200);

    const published = {} as Fixtures['published'];
    for (const [path, uid] of Object.entries(TYPES) as [TypePath, string][]) {
      const entry = (await docs(uid).findFirst({ locale: 'vi', status: 'published' } as never)) as unknown as { documentId: string; slug: string };
      published[path] = { documentId: entry.documentId, slug: entry.slug };
    }

    // A draft never published, linked to published entries of every type (their pages, feeds and
    // populates must not show it).
    const links = {
      category: published.categories.documentId,
      blocs: [published.blocs.documentId],
      agencies: [published.agencies.documentId],
      movements: [published.movements.documentId],
      related: [published.articles.documentId],
      legalDocuments: [published['legal-documents'].documentId],
    };
    const draft = (await docs(ARTICLE).create({
      locale: 'vi',
      data: { title: `${MARKER} chưa xuất bản`, summary: `${MARKER} sapo`, ...links } as never,
    })) as unknown as { documentId: string; slug: string };

    // A published article with an unpublished edit of its draft.
    const edited = (await docs(ARTICLE).create({ locale: 'vi', data: { title: 'Bài đã đăng có bản sửa', ...links } as never })) as unknown as {
      documentId: string;
    };
    await docs(ARTICLE).publish({ documentId: edited.documentId, locale: 'vi' });
    const editedPublished = (await docs(ARTICLE).findOne({ documentId: edited.documentId, locale: 'vi', status: 'published' })) as unknown as { slug: string };
    await docs(ARTICLE).update({ documentId: edited.documentId, locale: 'vi', data: { title: `${MARKER} bản sửa`, summary: `${MARKER} sapo sửa` } as never });

    fx = {
      published,
      draftOnly: { documentId: draft.documentId, slug: draft.slug },
      edited: { documentId: edited.documentId, slug: editedPublished.slug },
      jwt: login.body.jwt,
    };
    expect(fx.jwt).toBeTruthy();
    // The markers are really in the database (the leak scans would otherwise prove nothing).
    const drafts = await docs(ARTICLE).findMany({ locale: 'vi', status: 'draft', filters: { title: { $startsWith: MARKER } } } as never);
    expect(drafts).toHaveLength(2);
  }, 180_000);

  afterAll(async () => {
    console.log(`[permission matrix] ${checks} requests (routes × roles × variants) checked`);
    await app?.stop();
  });

  describe('the route list', () => {
    it('classifies every route of the router', () => {
      const unclassified = listRoutes(app)
        .filter((r) => !classify(r.method, r.path))
        .map((r) => `${r.method} ${r.path}`);
      expect(unclassified).toEqual([]);
    });

    it('has no classified route that the router lacks (a stale matrix)', () => {
      const actual = new Set(listRoutes(app).map((r) => `${r.method} ${r.path}`));
      const stale = [...Object.keys(CONTENT_API), ...Object.keys(OTHER)].filter((k) => !actual.has(k));
      expect(stale).toEqual([]);
    });
  });

  describe('the audit log with API tokens', () => {
    it.each(['read-only', 'full-access'] as const)('refuses a %s content API token on every audit log, review stage and content history route', async (type) => {
      const token = await app.strapi.service('admin::api-token').create({ name: `Khoá ma trận ${type}`, type, lifespan: null });
      const stages = '/editorial/stages/api::article.article/x?locale=vi';
      const history = '/editorial/history/api::article.article/x';
      for (const [method, path] of [
        ['get', '/editorial/audit-log'],
        ['get', '/editorial/audit-log/export.csv'],
        ['get', '/editorial/queue'],
        ['get', '/editorial/config'],
        ['get', stages],
        ['post', stages],
        ['get', `${history}?locale=vi`],
        ['get', `${history}/1?locale=vi`],
        ['post', `${history}/1/restore?locale=vi`],
      ] as const) {
        checks++;
        const req = api()[method](path).set('Authorization', `Bearer ${token.accessKey}`);
        const res = method === 'post' ? await req.send({ stage: 'approved' }) : await req;
        expect([401, 403]).toContain(res.status);
        expect(res.text).not.toContain('admin.login');
      }
    });
  });

  describe('users-permissions settings (bootstrap)', () => {
    it('closes sign-ups: the route answers 403 and no account is made', async () => {
      const before = await app.strapi.db.query('plugin::users-permissions.user').count();
      const res = await send('public', 'POST', '/api/auth/local/register', { username: 'moi', email: 'moi@example.vn', password: 'Matkhau-Moi-2024' });
      expect(res.status).toBe(403);
      expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(before);
      const advanced = (await app.strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' })) as { allow_register: boolean };
      expect(advanced.allow_register).toBe(false);
    });

    it('gives the Authenticated role the reads of the Public role', async () => {
      const actions = async (type: Role) =>
        (await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: { type } } }))
          .map((p: { action: string }) => p.action)
          .filter((a: string) => !a.startsWith('plugin::users-permissions.'))
          .sort();
      expect(await actions('authenticated')).toEqual(await actions('public'));
      expect((await actions('public')).length).toBe(PUBLIC_READ_ACTIONS.length);
    });

    it('is idempotent and puts back what an admin changed', async () => {
      const s = app.strapi;
      const publicRole = await s.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
      await s.db.query('plugin::users-permissions.permission').create({ data: { action: REGISTER_ACTION, role: publicRole.id } });
      const store = s.store({ type: 'plugin', name: 'users-permissions' });
      await store.set({ key: 'advanced', value: { ...((await store.get({ key: 'advanced' })) as object), allow_register: true } });
      const count = () => s.db.query('plugin::users-permissions.permission').count();

      await grantPublicRead(s);
      const after = await count();
      await grantPublicRead(s);
      expect(await count()).toBe(after);
      const granted = await s.db.query('plugin::users-permissions.permission').findMany({ where: { action: REGISTER_ACTION } });
      expect(granted).toEqual([]);
      expect(((await store.get({ key: 'advanced' })) as { allow_register: boolean }).allow_register).toBe(false);
    });
  });

  describe('lookups kept in memory (src/bootstrap/memoized-lookups.ts)', () => {
    // A cookie makes the API cache step aside: these answers must come from the lookups themselves.
    const uncached = (url: string) => request(app.strapi.server.httpServer).get(url).set('Cookie', 'khong-dem=1');

    // A list, a document by id and a newsroom page: the three kinds of public route.
    it.each([
      ['api::category.category.find', () => '/api/categories?fields[0]=name'],
      ['api::article.article.findOne', (a: { documentId: string }) => `/api/articles/${a.documentId}?fields[0]=title`],
      ['plugin::newsroom.pages.article', (a: { slug: string }) => `/api/articles/by-slug/${encodeURIComponent(a.slug)}`],
    ])('a Public permission taken away (%s) takes effect on the next request, and granting it back too', async (action, urlOf) => {
      const s = app.strapi;
      const article = (await s.documents('api::article.article').findFirst({ locale: 'vi', status: 'published' } as never)) as unknown as { documentId: string; slug: string };
      const url = urlOf(article);
      expect((await uncached(url)).status).toBe(200);
      const publicRole = await s.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
      const removed = await s.db.query('plugin::users-permissions.permission').deleteMany({ where: { action, role: publicRole.id } });
      expect(removed.count).toBe(1);
      expect((await uncached(url)).status).toBe(403);
      await grantPublicRead(s);
      expect((await uncached(url)).status).toBe(200);
    });

    it('a new default locale takes effect on the next request, and the old one back too', async () => {
      const s = app.strapi;
      const locales = s.plugin('i18n').service('locales') as { setDefaultLocale(l: { code: string }): Promise<void> };
      const shown = async () => [...new Set(((await uncached('/api/articles?fields[0]=locale&pagination[pageSize]=100')).body.data as { locale: string }[]).map((a) => a.locale))];
      expect((await uncached('/api/articles?fields[0]=locale&locale=en')).body.data.length).toBeGreaterThan(0);
      expect(await shown()).toEqual(['vi']);
      await locales.setDefaultLocale({ code: 'en' });
      try {
        expect(await shown()).toEqual(['en']);
      } finally {
        await locales.setDefaultLocale({ code: 'vi' });
      }
      expect(await shown()).toEqual(['vi']);
    });
  });

  describe('routes outside the matrix loop', () => {
    it('health, welcome page and media answer without leaks', async () => {
      for (const role of ROLES) {
        expect((await send(role, 'GET', '/_health')).status).toBe(204);
        expect((await send(role, 'POST', '/_health')).status).toBe(204);
        const home = await send(role, 'GET', '/');
        expect([200, 302, 404]).toContain(home.status);
        expect(leaks(home)).toEqual([]);
        const file = await send(role, 'GET', '/robots.txt');
        expect([200, 404]).toContain(file.status);
        expect((await send(role, 'GET', '/uploads/khong-co.jpg')).status).toBe(404);
      }
    });

    it('documentation: open in development, its login refuses a wrong password, no leak', async () => {
      for (const role of ROLES) {
        for (const url of ['/documentation', '/documentation/v1.0.0', '/documentation/login', '/plugins/documentation/swagger-ui.css']) {
          const res = await send(role, 'GET', url);
          expect([200, 301, 302, 404]).toContain(res.status);
          // The UI embeds the OpenAPI document (schemas name a password field): look for values only.
          expect(leaks(res).filter((l) => !SECRET_KEYS.includes(l))).toEqual([]);
        }
        const login = await send(role, 'POST', '/documentation/login', { password: 'sai-mat-khau-1' });
        // Development has no documentation password: the plugin's bcrypt compare throws (500).
        // Production sets one (src/bootstrap/documentation.ts); either way no session is opened.
        expect([302, 500]).toContain(login.status);
        expect(login.headers['set-cookie'] ?? []).toEqual([]);
        expect(leaks(login)).toEqual([]);
      }
    });
  });

  describe('api-cache', () => {
    it('never serves a draft edit made after the cache was warmed', async () => {
      const urls = ['/api/articles?populate=*', `/api/articles/by-slug/${fx.edited.slug}`, '/api/feeds/rss.xml', '/api/sitemaps/articles-1.xml', `/api/search?q=${encodeURIComponent('bản sửa')}`];
      // The image queue's background writes empty the cache: let it finish first.
      await app.strapi.plugin('image-pipeline').service('queue').idle();
      for (const url of urls) {
        await send('public', 'GET', url);
        const hit = await send('public', 'GET', url);
        expect({ url, cache: hit.headers['x-cache'] }).toEqual({ url, cache: 'HIT' });
      }
      // A new draft edit of the published article (Document Service, as the admin does).
      await docs(ARTICLE).update({ documentId: fx.edited.documentId, locale: 'vi', data: { title: `${MARKER} muộn`, summary: `${MARKER} muộn` } as never });
      for (const role of ROLES) {
        for (const url of urls) {
          for (let i = 0; i < 2; i++) {
            const res = await send(role, 'GET', url);
            expect(res.status).toBe(200);
            expect({ url, leaks: leaks(res) }).toEqual({ url, leaks: [] });
          }
        }
      }
      // The published version is still what is served.
      const page = await send('public', 'GET', `/api/articles/by-slug/${fx.edited.slug}`);
      expect(page.body.data.title).toBe('Bài đã đăng có bản sửa');
    });
  });

  describe.each(ROLES)('as %s', (role) => {
    it('answers every route as the matrix says, without leaks', async () => {
      const counted: string[] = [];
      const problems: string[] = [];
      for (const { method, path } of listRoutes(app)) {
        const expectation = classify(method, path);
        // Unclassified routes fail the route-list test; special ones have their own tests.
        if (!expectation || expectation.kind === 'special') continue;
        const query = READ_QUERY[path];
        const url = fill(path) + (query ? `?${query}` : '');
        const res = await send(role, method, url, method === 'GET' ? undefined : {});
        const allowed =
          expectation.kind === 'read' ? [200] : expectation.kind === 'status' ? expectation.status : expectation[role];
        if (!allowed.includes(res.status)) problems.push(`${method} ${url}: ${res.status}, expected ${allowed.join('/')}`);
        const found = leaks(res, { ownAccount: path === '/api/users/me' });
        if (found.length) problems.push(`${method} ${url}: leaks ${found.join(', ')}`);
        counted.push(`${method} ${path}`);
      }
      expect(problems).toEqual([]);
      console.log(`[permission matrix] ${role}: ${counted.length} routes checked`);
      expect(counted.length).toBeGreaterThan(200);
    }, 120_000);

    it('never shows a draft, whatever the query or the entry asked for', async () => {
      const problems: string[] = [];
      let routes = 0;
      for (const { method, path } of listRoutes(app)) {
        if (classify(method, path)?.kind !== 'read') continue;
        routes++;
        const base = READ_QUERY[path] ? `${READ_QUERY[path]}&` : '';
        for (const variant of DRAFT_VARIANTS) {
          const url = `${fill(path)}?${base}${variant}`;
          const res = await send(role, 'GET', url);
          if (![200, 400, 403, 404].includes(res.status)) problems.push(`${url}: ${res.status}`);
          const found = leaks(res);
          if (found.length) problems.push(`${url}: leaks ${found.join(', ')}`);
        }
        if (!/:(id|slug)/.test(path) || !path.startsWith('/api/articles')) continue;
        // The draft-only article by documentId or slug: not found, even asking for drafts.
        for (const variant of ['', 'status=draft', 'publicationState=preview']) {
          const url = `${fill(path, fx.draftOnly)}?${variant}`;
          const res = await send(role, 'GET', url);
          if (![403, 404].includes(res.status)) problems.push(`${url}: ${res.status}, expected 403/404`);
          const found = leaks(res, { echoed: fx.draftOnly.slug });
          if (found.length) problems.push(`${url}: leaks ${found.join(', ')}`);
        }
        // The published article with an unpublished edit: its published version only.
        const url = fill(path, fx.edited);
        const res = await send(role, 'GET', url);
        if (res.status !== 200) problems.push(`${url}: ${res.status}, expected 200`);
        if (leaks(res).length) problems.push(`${url}: leaks ${leaks(res).join(', ')}`);
      }
      expect(problems).toEqual([]);
      expect(routes).toBe(Object.values(CONTENT_API).filter((e) => e.kind === 'read').length);
    }, 180_000);

    describe('GraphQL', () => {
      const gql = async (query: string, via: 'POST' | 'GET' = 'POST') => {
        const res =
          via === 'POST'
            ? await send(role, 'POST', '/graphql', { query })
            : await send(role, 'GET', `/graphql?query=${encodeURIComponent(query)}`).set('Accept', 'application/json');
        return res;
      };
      const errorCodes = (res: Response) => (res.body.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);

      it('serves published articles (the same surface as REST)', async () => {
        const res = await gql('{ articles(pagination: { pageSize: 100 }) { documentId title } }');
        expect(res.status).toBe(200);
        const edited = res.body.data.articles.find((a: { documentId: string }) => a.documentId === fx.edited.documentId);
        expect(edited.title).toBe('Bài đã đăng có bản sửa');
        expect(leaks(res)).toEqual([]);
      });

      it.each([
        ['status: DRAFT', '{ articles(status: DRAFT) { title summary } }'],
        ['connection with status: DRAFT', '{ articles_connection(status: DRAFT, pagination: { pageSize: 100 }) { nodes { title } } }'],
        ['draft-only documentId', `{ article(documentId: "DRAFT_ID") { title } }`],
        ['draft-only documentId, status: DRAFT', `{ article(documentId: "DRAFT_ID", status: DRAFT) { title } }`],
        ['draft version of a published document', `{ article(documentId: "EDITED_ID", status: DRAFT) { title summary } }`],
        ['filter on publishedAt null', '{ articles(filters: { publishedAt: { null: true } }) { title } }'],
        ['nested relation of a type without drafts', '{ categories { name articles(pagination: { pageSize: 100 }) { title } } }'],
        ['nested connection', '{ blocs { articles_connection(pagination: { pageSize: 100 }) { nodes { title } } } }'],
        ['related articles', '{ articles(pagination: { pageSize: 100 }) { related { title } } }'],
        ['English locale', '{ articles(locale: "en", status: DRAFT) { title } }'],
        ['GET request', '{ articles(status: DRAFT) { title } }'],
        // The newsroom's pages by slug and the site search (GraphQL parity of the REST routes).
        ['page of a document with an unpublished edit', '{ articlePage(slug: "EDITED_SLUG") { title entry related { title } alternates { slug } jsonLd meta } }'],
        ['page of a draft-only slug', '{ articlePage(slug: "DRAFT_SLUG") { title entry } }'],
        ['page of a draft-only slug, English', '{ articlePage(slug: "DRAFT_SLUG", locale: "en") { title entry } }'],
        ['section pages listing articles', '{ categoryPage(slug: "CATEGORY_SLUG") { name articles { title } entry } }'],
        ['search for the draft marker', `{ search(q: "${MARKER}") { hits { title slug excerpt } } }`],
      ])('never shows a draft: %s', async (name, template) => {
        const query = template
          .replace('DRAFT_ID', fx.draftOnly.documentId)
          .replace('EDITED_ID', fx.edited.documentId)
          .replace('DRAFT_SLUG', fx.draftOnly.slug)
          .replace('EDITED_SLUG', fx.edited.slug)
          .replace('CATEGORY_SLUG', fx.published.categories.slug);
        const res = await gql(query, name === 'GET request' ? 'GET' : 'POST');
        expect([200, 400]).toContain(res.status);
        expect(leaks(res)).toEqual([]);
        // Either refused or answered: a silent 200 with nothing is fine, a draft is not.
        expect(res.body.data !== undefined || res.body.errors !== undefined).toBe(true);
      });

      it.each([
        ['create', 'mutation { createArticle(data: { title: "Bài do người đọc tạo" }) { documentId } }'],
        ['update', 'mutation { updateArticle(documentId: "PUBLISHED_ID", data: { title: "Sửa" }) { documentId } }'],
        ['delete', 'mutation { deleteArticle(documentId: "PUBLISHED_ID") { documentId } }'],
        ['category', 'mutation { createCategory(data: { name: "Chuyên mục lạ" }) { documentId } }'],
        ['register', 'mutation { register(input: { username: "moi", email: "moi@example.vn", password: "Matkhau-Moi-2024" }) { jwt } }'],
        ['upload delete', 'mutation { deleteUploadFile(id: 1) { documentId } }'],
        ['user create', 'mutation { createUsersPermissionsUser(data: { username: "x", email: "x@example.vn", password: "Matkhau-X-2024" }) { data { documentId } } }'],
      ])('refuses the mutation: %s', async (_name, template) => {
        const before = await app.strapi.db.query(ARTICLE).count();
        const users = await app.strapi.db.query('plugin::users-permissions.user').count();
        const res = await gql(template.replace('PUBLISHED_ID', fx.published.articles.documentId));
        expect(res.body.errors?.length).toBeGreaterThan(0);
        expect(res.body.data?.[Object.keys(res.body.data ?? {})[0]] ?? null).toBeNull();
        expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
        expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(users);
        expect(leaks(res)).toEqual([]);
      });

      it.each([
        ['users', '{ usersPermissionsUsers { username email } }'],
        ['one user', '{ usersPermissionsUser(id: 1) { email } }'],
        ['roles', '{ usersPermissionsRoles { name } }'],
        ['upload files', '{ uploadFiles { name url } }'],
        ['i18n locales', '{ i18NLocales { code } }'],
      ])('refuses account and administration reads: %s', async (_name, query) => {
        const res = await gql(query);
        expect(res.body.errors?.length).toBeGreaterThan(0);
        expect(leaks(res)).toEqual([]);
      });

      it('has no private field (publishAt, unpublishAt) in its schema', async () => {
        for (const field of ['publishAt', 'unpublishAt']) {
          const res = await gql(`{ articles { ${field} } }`);
          expect(res.status).toBe(400);
          expect(res.body.errors[0].message).toContain(`Cannot query field "${field}"`);
        }
      });

      it('refuses an expensive query before running it', async () => {
        const res = await gql('{ articles(pagination: { pageSize: 100 }) { blocs(pagination: { pageSize: 100 }) { members { name shortName slug } } } }');
        expect(res.status).toBe(400);
        // Checked once the operation and its variables are known, before anything is resolved.
        expect(errorCodes(res)).toEqual(['QUERY_TOO_EXPENSIVE']);
        expect(res.body.errors[0].message).toMatch(/quá tốn kém: chi phí \d+, tối đa 5000/);
        expect(res.body.data).toBeUndefined();
      });

      it('refuses a query nested deeper than the depth limit', async () => {
        const res = await gql('{ articles(pagination: { pageSize: 1 }) { category { articles(pagination: { pageSize: 1 }) { category { articles(pagination: { pageSize: 1 }) { category { articles(pagination: { pageSize: 1 }) { category { name } } } } } } } } }');
        expect(res.status).toBe(400);
        expect(res.body.errors[0].message).toMatch(/exceeds maximum operation depth of 7/);
        expect(res.body.data).toBeUndefined();
      });

      it('is never cached by the api-cache (it caches GET /api/* only)', async () => {
        for (let i = 0; i < 2; i++) {
          expect((await gql('{ categories { name } }', 'GET')).headers['x-cache']).toBeUndefined();
          expect((await gql('{ categories { name } }')).headers['x-cache']).toBeUndefined();
        }
      });
    });

    it('never reaches the audit log, review stages or content history (editorial plugin): its admin routes refuse, nothing public names it', async () => {
      const audit = listRoutes(app).filter((r) => r.path.startsWith('/editorial'));
      expect(audit.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
        'GET /editorial/audit-log',
        'GET /editorial/audit-log/export.csv',
        'GET /editorial/config',
        'GET /editorial/history/:uid/:documentId',
        'GET /editorial/history/:uid/:documentId/:versionId',
        'GET /editorial/queue',
        'GET /editorial/stages/:uid/:documentId',
        'POST /editorial/history/:uid/:documentId/:versionId/restore',
        'POST /editorial/stages/:uid/:documentId',
      ]);
      for (const { method, path } of audit) {
        const concrete = path.replace(':uid', 'api::article.article').replace(':documentId', 'x').replace(':versionId', '1');
        expect([401, 403]).toContain((await send(role, method, concrete)).status);
      }
      // A plain table, not a content type: no content-API route, no GraphQL type.
      expect(listRoutes(app).filter((r) => r.path.startsWith('/api/') && /audit|editorial|history|version/i.test(r.path))).toEqual([]);
      const types = await send(role, 'POST', '/graphql', { query: '{ __schema { types { name } } }' });
      expect(types.status).toBe(200);
      expect(types.body.data.__schema.types.map((t: { name: string }) => t.name).filter((n: string) => /audit|editorial|history|version/i.test(n))).toEqual([]);
    });

    it('never reaches the background jobs (jobs plugin): its admin routes refuse, no content-API route names jobs', async () => {
      const jobs = listRoutes(app).filter((r) => r.path.startsWith('/jobs'));
      expect(jobs.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /jobs/jobs', 'POST /jobs/jobs/:id/retry']);
      for (const { method, path } of jobs) expect([401, 403]).toContain((await send(role, method, path.replace(':id', '1'))).status);
      expect(listRoutes(app).filter((r) => r.path.startsWith('/api/') && /jobs?\b|background/i.test(r.path))).toEqual([]);
    });

    it('shows the reader only their own account on /api/users/me', async () => {
      const res = await send(role, 'GET', '/api/users/me');
      if (role === 'public') return expect([401, 403]).toContain(res.status);
      expect(res.status).toBe(200);
      expect(res.body.email).toBe(READER.email);
      expectNoLeak(res, 'users/me', { ownAccount: true });
    });
  });
});
