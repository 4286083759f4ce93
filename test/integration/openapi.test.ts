import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
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
const appRoot = path.resolve(__dirname, '..', '..');

/** Redocly's recommended rules over a document, from the devDependency: its problems of severity "error". */
function redoclyErrors(document: object): { ruleId: string; message: string; pointer: string }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redocly-'));
  const file = path.join(dir, 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(document));
  try {
    const run = spawnSync('npx', ['--no-install', '@redocly/cli', 'lint', file, '--format=json'], { cwd: appRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(run.stdout) as { problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
    return report.problems.filter((p) => p.severity === 'error').map((p) => ({ ruleId: p.ruleId, message: p.message, pointer: p.location[0]?.pointer ?? '' }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An independent JSON-schema validator (ajv) over one answer: the schema the document gives for
 * this path, method, status and media type, its `#/components/…` references resolved in the document.
 */
function answerValidator(document: OpenApiDocument & { components: object }, route: string, status: string, type = 'application/json'): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's number formats, which JSON Schema does not define.
  for (const format of ['float', 'double', 'int32', 'int64', 'binary']) ajv.addFormat(format, true);
  ajv.addSchema({ $id: 'doc', components: document.components });
  const operation = document.paths[route]?.get as { responses: Record<string, { content: Record<string, { schema: object }> }> } | undefined;
  const schema = operation?.responses[status]?.content[type]?.schema;
  if (!schema) throw new Error(`no ${status} ${type} schema for GET ${route}`);
  return ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"doc#/components/')));
}

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

  describe('as a product (issue 17)', () => {
    const api = () => request(app.strapi.server.httpServer);
    type WithComponents = OpenApiDocument & { components: { schemas: Record<string, unknown> } };

    it('GET /api/openapi.json serves the whole generated document, openly in development', async () => {
      const res = await api().get('/api/openapi.json').expect(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      // Every app booted in development rewrites the one documentation file (test files run in
      // parallel): the served copy may be another boot's, identical but for its generation time.
      const undated = (d: OpenApiDocument) => ({ ...d, info: { ...d.info, 'x-generation-date': undefined } });
      expect(undated(res.body)).toEqual(undated(doc));
    });

    it("passes Redocly's recommended rules with 0 errors (the linter finds them in a broken copy)", () => {
      expect(redoclyErrors(doc)).toEqual([]);
      const broken = JSON.parse(JSON.stringify(doc));
      broken.paths['/upload?id={id}'] = broken.paths['/upload'];
      expect(redoclyErrors(broken).map((e) => e.ruleId)).toContain('path-not-include-query');
    });

    it('names every operation with a unique, URL-safe operationId and lists the allowed locales and search types', () => {
      const operations = Object.values(doc.paths).flatMap((item) => Object.values(item) as { operationId?: string; summary?: string }[]);
      const ids = operations.map((o) => o.operationId);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_.-]+$/);
      expect(new Set(ids).size).toBe(ids.length);
      const page = doc.paths['/articles/by-slug/{slug}'].get as { operationId: string; parameters: { name: string; schema: { enum?: string[] } }[] };
      expect(page.operationId).toBe('getArticlePage');
      expect(page.parameters.find((p) => p.name === 'locale')?.schema.enum).toEqual(['vi', 'en']);
      const search = doc.paths['/search'].get as { parameters: { name: string; schema: { enum?: string[] } }[] };
      expect(search.parameters.find((p) => p.name === 'type')?.schema.enum).toEqual(['article', 'category', 'bloc', 'agency', 'movement', 'legal-document']);
    });

    it('validates real answers of every public JSON route against the document (ajv)', async () => {
      const first = async (type: string) => (await api().get(`/api/${type}?pagination[pageSize]=1`).expect(200)).body.data[0] as { documentId: string; slug: string };
      const article = await first('articles');
      // A previous slug, for the 301 answer.
      const docs = app.strapi.documents('api::article.article');
      const moved = await docs.create({ status: 'published', data: { title: 'Tin kiểm tra tài liệu API sẽ đổi slug' } });
      await docs.update({ documentId: moved.documentId, locale: 'vi', status: 'published', data: { slug: 'tin-kiem-tra-tai-lieu-api-da-doi-slug' } as never });
      const cases: [url: string, route: string, status: string, type?: string][] = [
        ['/api/articles/by-slug/' + article.slug, '/articles/by-slug/{slug}', '200'],
        ['/api/articles/by-slug/' + moved.slug, '/articles/by-slug/{slug}', '301'],
        ['/api/articles/by-slug/khong-co-bai-nay', '/articles/by-slug/{slug}', '404'],
        ['/api/articles/by-slug/x?locale=xx', '/articles/by-slug/{slug}', '400'],
        ['/api/feeds/feed.json', '/feeds/feed.json', '200', 'application/feed+json'],
        ['/api/search?q=thi%20dua', '/search', '200'],
        ['/api/search?q=khen%20thuong&type=article&pageSize=3', '/search', '200'],
        ['/api/articles', '/articles', '200'],
        ['/api/articles?populate=*&pagination[pageSize]=10', '/articles', '200'],
        [`/api/articles/${article.documentId}?populate=*`, '/articles/{id}', '200'],
      ];
      for (const [type, route] of [['categories', 'category'], ['blocs', 'bloc'], ['agencies', 'agency'], ['movements', 'movement']]) {
        const entry = await first(type);
        cases.push([`/api/${type}/by-slug/${entry.slug}`, `/${type}/by-slug/{slug}`, '200']);
        cases.push([`/api/${type}?populate=*`, `/${type}`, '200']);
        cases.push([`/api/${type}/${entry.documentId}`, `/${type}/{id}`, '200']);
        expect(route).toBeTruthy();
      }
      for (const [url, route, status, type] of cases) {
        const res = await api().get(url).buffer(true);
        expect([url, res.status]).toEqual([url, Number(status)]);
        const body = JSON.parse(res.text);
        const validate = answerValidator(doc as WithComponents, route, status, type);
        validate(body);
        expect([url, validate.errors ?? []]).toEqual([url, []]);
      }
    });

    it.each([
      ['/articles/by-slug/{slug}', 'articles', 'application/json'],
      ['/categories/by-slug/{slug}', 'categories', 'application/json'],
      ['/blocs/by-slug/{slug}', 'blocs', 'application/json'],
      ['/agencies/by-slug/{slug}', 'agencies', 'application/json'],
      ['/movements/by-slug/{slug}', 'movements', 'application/json'],
      ['/feeds/feed.json', null, 'application/feed+json'],
      ['/search', null, 'application/json'],
    ])('GET %s has an answer example from a real answer, valid against its schema (npm run openapi:examples)', async (route, type, media) => {
      const operation = doc.paths[route]?.get as { responses: Record<string, { content: Record<string, { example?: unknown }> }> };
      const example = operation.responses['200'].content[media].example as { data?: { slug?: string } } | undefined;
      expect(example).toBeDefined();
      const validate = answerValidator(doc as WithComponents, route, '200', media);
      validate(example);
      expect(validate.errors ?? []).toEqual([]);
      // A page's example is one of the sample's published entries, so it reads like a real page.
      if (type) {
        const res = await api().get(`/api/${type}?filters[slug][$eq]=${encodeURIComponent(String(example?.data?.slug))}&fields[0]=slug`).expect(200);
        expect(res.body.data).toHaveLength(1);
      }
    });

    it('types/api.d.ts is what `npm run types` makes of this document (run it after changing the API)', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-types-'));
      try {
        fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(doc));
        const cli = path.join(appRoot, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
        execFileSync(process.execPath, [cli, path.join(dir, 'openapi.json'), '--output', path.join(dir, 'api.d.ts')], { stdio: 'pipe' });
        const fresh = fs.readFileSync(path.join(dir, 'api.d.ts'), 'utf8');
        const committed = fs.readFileSync(path.join(appRoot, 'types', 'api.d.ts'), 'utf8');
        // Compared line by line so a stale file names the first difference.
        const lines = (text: string) => text.split('\n');
        const at = lines(fresh).findIndex((line, i) => line !== lines(committed)[i]);
        expect({ firstDifferentLine: at, fresh: lines(fresh)[at], committed: lines(committed)[at] }).toEqual({ firstDifferentLine: -1, fresh: undefined, committed: undefined });
        expect(committed).toMatch(/getArticlePage: \{/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('the typed client example compiles with tsc --strict and reads the newest article from a running app', async () => {
      // Inside the app (.tmp, git-ignored) so the compiled example finds node_modules/openapi-fetch.
      fs.mkdirSync(path.join(appRoot, '.tmp'), { recursive: true });
      const out = fs.mkdtempSync(path.join(appRoot, '.tmp', 'typed-client-'));
      const server = app.strapi.server.httpServer;
      try {
        const tsc = spawnSync('npx', ['--no-install', 'tsc', '--strict', '-p', 'examples/typed-client/tsconfig.json', '--outDir', out], { cwd: appRoot, encoding: 'utf8' });
        expect(tsc.stdout + tsc.stderr).toBe('');
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const { port } = server.address() as { port: number };
        // Asynchronous: the app answering it runs in this very process.
        const run = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
          execFile(process.execPath, [path.join(out, 'fetch-article.js'), `http://127.0.0.1:${port}/api`], (_error, stdout, stderr) => resolve({ stdout, stderr }));
        });
        expect(run.stderr).toBe('');
        const summary = JSON.parse(run.stdout) as { title: string; datelineText: string; cover: string | null; srcset: string; related: string[]; jsonLdScript: string };
        const newest = await app.strapi.documents('api::article.article').findFirst({ locale: 'vi', status: 'published', sort: 'dateline:desc' } as never);
        expect(summary.title).toBe(newest!.title);
        const page = (await api().get(`/api/articles/by-slug/${newest!.slug}`).expect(200)).body.data as { related: { title: string; dateText: string | null }[] };
        expect(summary.related).toEqual(page.related.map((r) => `${r.title} (${r.dateText ?? ''})`));
        expect(JSON.parse(summary.jsonLdScript).headline).toBe(newest!.title);
        if (summary.cover) expect(summary.srcset).toMatch(/^https?:\/\/\S+ \d+w/);
      } finally {
        await new Promise((resolve) => server.close(resolve));
        fs.rmSync(out, { recursive: true, force: true });
      }
    });

    it('has an answer validator that can fail: a number title and a missing redirect are caught', async () => {
      const validate = answerValidator(doc as WithComponents, '/articles/by-slug/{slug}', '200');
      const list = (await api().get('/api/articles?pagination[pageSize]=1').expect(200)).body.data[0];
      const page = (await api().get(`/api/articles/by-slug/${list.slug}`).expect(200)).body;
      expect(validate(page)).toBe(true);
      expect(validate({ ...page, data: { ...page.data, title: 5 } })).toBe(false);
      expect(answerValidator(doc as WithComponents, '/articles/by-slug/{slug}', '301')({ data: null })).toBe(false);
    });
  });

  it('serves the documentation UI openly in development', async () => {
    const res = await request(app.strapi.server.httpServer).get('/documentation/v1.0.0').expect(200);
    expect(res.text).toContain('swagger');
  });
});
