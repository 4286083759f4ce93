import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import request from 'supertest';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

interface ContentApiRoute {
  method: string;
  path: string;
  handler: string;
  config?: { auth?: false | object };
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; description: string; contact?: { email?: string } };
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
}

/**
 * The validator is an ES module, which jest's CommonJS runtime cannot load: it runs in a plain
 * Node process, reading the document on stdin and printing its verdict.
 */
function validateOpenApi(document: object): { valid: boolean; errors?: unknown } {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const result = await new Validator().validate(JSON.parse(input));
    process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(document), cwd: path.resolve(__dirname, '..', '..') });
  return JSON.parse(out.toString());
}

/**
 * `/api/articles/by-slug/:slug` → `/articles/by-slug/{}` (the document's servers end in /api);
 * parameters lose their names (`/connect/(.*)` is documented as `/connect/{provider}`).
 */
const toOpenApiPath = (routePath: string) => routePath.replace(/^\/api/, '').replace(/:(\w+)|\(\.\*\)/g, '{}');
const anonymous = (openApiPath: string) => openApiPath.replace(/\{\w+\}/g, '{}');

describeIntegration(`OpenAPI document (${testDatabase})`, () => {
  let app: TestApp;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    app = await startApp();
    const service = app.strapi.plugin('documentation').service('documentation');
    // Generated again here so the test reads what this very app produces (the boot wrote it too).
    await service.generateFullDoc();
    const file = path.join(service.getFullDocumentationPath(), service.getDocumentationVersion(), 'full_documentation.json');
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  }, 120_000);
  afterAll(() => app?.stop());

  it('is a valid OpenAPI 3 document', () => {
    const result = validateOpenApi(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\./);
  });

  it('has a validator that can fail', () => {
    const broken = { ...doc, paths: { '/x': { get: { responses: 'none' } } } };
    expect(validateOpenApi(broken).valid).toBe(false);
  });

  it('lists no private attribute (Article publishAt, unpublishAt) in its schemas', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('"publishAt"');
    expect(text).not.toContain('"unpublishAt"');
    // Other attributes of the same schemas are still there.
    expect(text).toContain('"dateline"');
  });

  it('describes the API in Vietnamese and English, without the plugin placeholders', () => {
    expect(doc.info.title).toContain('Thi đua – Khen thưởng');
    expect(doc.info.description).toContain('Public read-only API');
    expect(doc.info.contact?.email).toBeUndefined();
    expect(JSON.stringify(doc.info)).not.toMatch(/YOUR_TERMS_OF_SERVICE_URL|something\.io/);
    expect(doc.servers[0].url).toMatch(/\/api$/);
  });

  it('documents every content-API route the Public role may call', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const allowed = new Set((role.permissions as { action: string }[]).map((p) => p.action));
    const routesMap = (await app.strapi.get('content-api').getRoutesMap()) as Record<string, ContentApiRoute[]>;

    const publicRoutes: string[] = [];
    for (const [origin, routes] of Object.entries(routesMap)) {
      for (const route of routes) {
        const action = route.handler.includes('::') ? route.handler : `${origin}.${route.handler}`;
        if (route.config?.auth === false || allowed.has(action)) publicRoutes.push(`${route.method} ${route.path}`);
      }
    }
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${anonymous(p)}`))
    );
    const missing = publicRoutes.filter((r) => {
      const [method, routePath] = r.split(' ');
      return !documented.has(`${method} ${toOpenApiPath(routePath)}`);
    });
    expect(missing).toEqual([]);
    // The newsroom and search routes are there (they come from our override, not the generator).
    for (const r of ['GET /api/articles/by-slug/:slug', 'GET /api/feeds/rss.xml', 'GET /api/sitemap.xml', 'GET /api/search']) {
      expect(publicRoutes).toContain(r);
    }
    expect(publicRoutes.length).toBeGreaterThanOrEqual(22);
  });

  it('serves the documentation UI openly in development', async () => {
    const res = await request(app.strapi.server.httpServer).get('/documentation/v1.0.0').expect(200);
    expect(res.text).toContain('swagger');
  });
});
