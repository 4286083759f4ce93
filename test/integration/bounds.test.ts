/**
 * Bounded requests (issue 14, item 2): populate depth and breadth in every form, filter conditions,
 * estimated rows and answer bytes, GraphQL aliases / cost / document size, /graphql under the API
 * rate limit on every path spelling, the per-client cap on requests in flight and the deadline.
 * Variants are generated from the models' schemas.
 */
import qs from 'qs';
import request from 'supertest';
import type { Modules, UID } from '@strapi/strapi';
import { findPathProblem } from '../../src/validation/path';
import { pathVariants } from '../helpers/path-variants';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const RATE_LIMIT = 12;
const MAX_DEPTH = 3;
const MAX_RECORDS = 2000;
const TIMEOUT_MS = 4000;
/** Low here so a small sample makes a heavy read: an article list with its category, 25 a page. */
const HEAVY_MIN_RECORDS = 20;

interface Hop {
  uid: string;
  attribute: string;
  target: string;
}

describeIntegration(`bounded requests (${testDatabase})`, () => {
  let app: TestApp;
  let nextIp = 1;
  // Behind a proxy (IS_PROXIED), each call is its own client by X-Forwarded-For unless it says otherwise.
  const client = (ip = `198.51.100.${nextIp++}`) => {
    const agent = request(app.strapi.server.httpServer);
    return {
      ip,
      get: (path: string) => agent.get(path).set('X-Forwarded-For', ip),
      post: (path: string) => agent.post(path).set('X-Forwarded-For', ip),
    };
  };
  const serverErrors: string[] = [];
  const noServerError = (label: string, status: number) => {
    if (status >= 500) serverErrors.push(`${label} → ${status}`);
  };

  // A test-only hold: reads sent with `X-Test-Hold` wait in the Document Service until released.
  let held = 0;
  let onHeld: (() => void) | undefined;
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  const closeGate = () => {
    gate = new Promise((resolve) => {
      release = resolve;
    });
  };
  const whenHeld = (count: number) =>
    new Promise<void>((resolve) => {
      onHeld = () => {
        if (held >= count) resolve();
      };
      onHeld();
    });

  beforeAll(async () => {
    app = await startApp({
      IS_PROXIED: 'true',
      RATE_LIMIT_API: `${RATE_LIMIT}/10s`,
      POPULATE_MAX_DEPTH: String(MAX_DEPTH),
      ANSWER_MAX_RECORDS: String(MAX_RECORDS),
      FILTER_MAX_CONDITIONS: '10',
      REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      CLIENT_MAX_IN_FLIGHT: '4',
      HEAVY_MIN_RECORDS: String(HEAVY_MIN_RECORDS),
    });
    await app.strapi.plugin('image-pipeline').service('queue').idle();
    const hold: Modules.Documents.Middleware.Middleware = async (_context, next) => {
      const ctx = app.strapi.requestContext.get() as { request?: { headers?: Record<string, unknown> } } | undefined;
      if (ctx?.request?.headers?.['x-test-hold']) {
        held += 1;
        onHeld?.();
        await gate;
        held -= 1;
      }
      return next();
    };
    app.strapi.documents.use(hold);
  }, 240_000);
  // A failed test must not leave reads held for the next one.
  afterEach(() => release());
  afterAll(async () => {
    await app?.stop();
  });
  afterAll(() => expect(serverErrors).toEqual([]));

  /** Relation hops between the public content types. */
  const hops = (uid: string): Hop[] => {
    const attributes = (app.strapi.getModel(uid as UID.Schema) as { attributes: Record<string, { type: string; target?: string }> }).attributes;
    return Object.entries(attributes)
      .filter(([, a]) => a.type === 'relation' && a.target?.startsWith('api::'))
      .map(([attribute, a]) => ({ uid, attribute, target: a.target! }));
  };
  const publicTypes = () =>
    Object.entries(app.strapi.contentTypes)
      .filter(([uid]) => uid.startsWith('api::'))
      .map(([uid, ct]) => ({ uid, plural: (ct as { info: { pluralName: string } }).info.pluralName }));
  /** One chain of `length` hops from `uid` (the first relation of each model). */
  const chain = (uid: string, length: number): Hop[] => {
    const out: Hop[] = [];
    let at = uid;
    for (let i = 0; i < length; i++) {
      const hop = hops(at)[0];
      if (!hop) break;
      out.push(hop);
      at = hop.target;
    }
    return out;
  };

  /** Every populate form Strapi reads, for a chain of hops. */
  const forms = (names: string[]): [string, unknown][] => {
    const nested = names.reduceRight<unknown>((acc, name) => ({ [name]: acc === undefined ? true : { populate: acc } }), undefined);
    const nestedWith = (extra: Record<string, unknown>) =>
      names.reduceRight<Record<string, unknown>>((acc, name) => ({ [name]: { ...extra, ...(Object.keys(acc).length ? { populate: acc } : {}) } }), {});
    const [first, ...rest] = names;
    return [
      ['dotted string', names.join('.')],
      ['comma list with one deep path', `${first},${names.join('.')}`],
      ['array', [names.join('.')]],
      ['nested objects', nested],
      ['nested objects with fields at each level', nestedWith({ fields: ['documentId'] })],
      ['nested string under populate', { [first]: { populate: rest.join('.') } }],
      ['nested array under populate', { [first]: { populate: [rest.join('.')] } }],
      ['* in place of the last', starBelow(names)],
    ];
  };
  /** `populate[a][populate][b]…[populate]=*`: the names but the last, then `*`. */
  const starBelow = (names: string[]) =>
    names.slice(0, -1).reduceRight<unknown>((acc, name) => ({ [name]: { populate: acc } }), '*');

  const query = (params: Record<string, unknown>) => qs.stringify(params, { encodeValuesOnly: true });

  describe('REST populate', () => {
    it('refuses every populate form past the depth limit with a 400 naming it, for every content type, and serves the same forms at the limit', async () => {
      let tried = 0;
      for (const { uid, plural } of publicTypes()) {
        const deep = chain(uid, MAX_DEPTH + 1);
        if (deep.length <= MAX_DEPTH) continue;
        const names = deep.map((h) => h.attribute);
        for (const [form, populate] of forms(names)) {
          tried += 1;
          const over = await client().get(`/api/${plural}?${query({ populate, pagination: { pageSize: 1 } })}`);
          noServerError(`${plural} ${form}`, over.status);
          expect({ form, plural, status: over.status, message: over.body?.error?.message }).toEqual({
            form,
            plural,
            status: 400,
            message: expect.stringContaining(`populate quá sâu: tối đa ${MAX_DEPTH} cấp`),
          });
          const [, atLimit] = forms(names.slice(0, MAX_DEPTH)).find(([f]) => f === form)!;
          const ok = await client().get(`/api/${plural}?${query({ populate: atLimit, pagination: { pageSize: 1 } })}`);
          expect({ form, plural, status: ok.status, message: ok.body?.error?.message }).toEqual({ form, plural, status: 200, message: undefined });
        }
      }
      // 5 types × 8 forms when every type reaches 4 hops.
      expect(tried).toBeGreaterThanOrEqual(8);
    });

    it('refuses the populate of issue 14 before reading anything', async () => {
      const res = await client().get(
        '/api/articles?pagination[pageSize]=100&populate[blocs][populate][members][populate][articles][populate][blocs][populate][members][populate][articles][populate]=*'
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(`populate quá sâu: tối đa ${MAX_DEPTH} cấp (yêu cầu có 7 cấp).`);
    });

    it('refuses populate wider than the path limit, * counted as what it stands for', async () => {
      const res = await client().get('/api/articles?populate[blocs][populate]=*&populate[agencies][populate]=*&populate[movements][populate]=*&populate[related][populate]=*');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^populate quá rộng: tối đa 20 quan hệ \(yêu cầu có \d+\)\.$/);
      expect((await client().get('/api/articles?populate=*&pagination[pageSize]=1')).status).toBe(200);
    });

    it('refuses an answer estimated past the row limit, and serves a smaller page of it', async () => {
      const populate = 'blocs.members.articles';
      const big = await client().get(`/api/articles?pagination[pageSize]=100&populate=${populate}`);
      expect(big.status).toBe(400);
      expect(big.body.error.message).toMatch(new RegExp(`^Câu trả lời quá lớn: ước tính \\d+ bản ghi, tối đa ${MAX_RECORDS}\\.`));
      expect(big.body.error.details.estimatedRecords).toBeGreaterThan(MAX_RECORDS);
      const small = await client().get(`/api/articles?pagination[pageSize]=1&populate=${populate}`);
      expect(small.status).toBe(200);
    });

    it('serves the article page populate the website needs', async () => {
      const populate = { cover: true, category: true, blocs: true, agencies: { populate: { logo: true } }, movements: true, gallery: true };
      const res = await client().get(`/api/articles?${query({ populate, pagination: { pageSize: 1 } })}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(1);
    });

    it('refuses too many filter conditions, populate filters included', async () => {
      const conditions = Array.from({ length: 11 }, (_, i) => ({ title: { $ne: `x${i}` } }));
      const flat = await client().get(`/api/articles?${query({ filters: { $and: conditions } })}`);
      expect(flat.status).toBe(400);
      expect(flat.body.error.message).toBe('filters có quá nhiều điều kiện: tối đa 10 (yêu cầu có 11).');
      const split = await client().get(
        `/api/articles?${query({ filters: { $and: conditions.slice(0, 6) }, populate: { blocs: { filters: { $and: conditions.slice(6) } } } })}`
      );
      expect(split.status).toBe(400);
      expect((await client().get(`/api/articles?${query({ filters: { $and: conditions.slice(0, 10) } })}`)).status).toBe(200);
    });
  });

  describe('GraphQL', () => {
    const gql = (body: { query: string; variables?: Record<string, unknown> }, c = client()) => c.post('/graphql').send(body);
    const aliases = (n: number, field = 'title') => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

    it.each([
      ['root aliases', `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: categories { name }`).join(' ')} }`],
      ['aliases in a fragment spread twice', `{ x: articles { ...F } y: articles { ...F } } fragment F on Article { ${aliases(15)} }`],
      ['aliases in an inline fragment', `{ articles { ... on Article { ${aliases(31)} } } }`],
      ['aliases of nested fields', `{ articles { category { ${aliases(31, 'name')} } } }`],
    ])('refuses %s over the alias limit with a 400, before resolving', async (_name, document) => {
      const res = await gql({ query: document });
      noServerError(_name, res.status);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('TOO_MANY_ALIASES');
      expect(res.body.errors[0].message).toContain('tối đa 30');
    });

    it('refuses the 2,400-alias query of issue 14 by default', async () => {
      const res = await gql({ query: `{ ${Array.from({ length: 2400 }, (_, i) => `a${i}:article(documentId:"${i}"){title}`).join(' ')} }` });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/quá lớn|TOO_MANY_ALIASES|QUERY_TOO_EXPENSIVE/);
    });

    it('refuses nesting past the depth limit', async () => {
      const res = await gql({ query: '{ articles { blocs { members { articles { blocs { members { articles { blocs { name } } } } } } } } }' });
      noServerError('depth', res.status);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.errors)).toMatch(/exceeds maximum operation depth|depth/i);
    });

    it('prices a variable left to its declared default, and only the operation that runs (issue 17)', async () => {
      // 937 per article as below. Written with the literal 5 this costs 11 + 937 × 5 = 4,696 and is
      // allowed; the same page size as a variable's default was priced at the default list size
      // (25: 23,436) and two operations in one document were added up (9,392): both refused.
      const fields = 'title blocs { name members { name } }';
      const cases = [
        { query: `query Page($n: Int = 5) { articles(pagination: { pageSize: $n }) { ${fields} } }` },
        { query: `query Page($p: PaginationArg = { pageSize: 5 }) { articles(pagination: $p) { ${fields} } }` },
        {
          query: `query Page { articles(pagination: { pageSize: 5 }) { ${fields} } } query Other { articles(pagination: { pageSize: 5 }) { ${fields} } }`,
          operationName: 'Page',
        },
      ];
      for (const body of cases) {
        const res = await client().post('/graphql').send(body);
        expect([body.query, res.status, res.body.errors]).toEqual([body.query, 200, undefined]);
        expect(res.body.data.articles.length).toBeGreaterThan(0);
      }
      // The default is a default: a larger value sent still costs what it asks.
      const sent = await gql({ query: cases[0].query, variables: { n: 6 } });
      expect(sent.status).toBe(400);
      expect(sent.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', cost: 11 + 937 * 6 });
    });

    it('costs a page size given in a variable as the literal: both allowed below the limit, both refused above it', async () => {
      // Per article: title 1 + blocs (1 + 10 fetch) + 25 blocs × (name 1 + members 11 + 25 × name 1) = 937; + articles 11.
      const variable = 'query($n: Int) { articles(pagination: { pageSize: $n }) { title blocs { name members { name } } } }';
      const literal = (n: number) => `{ articles(pagination: { pageSize: ${n} }) { title blocs { name members { name } } } }`;
      for (const [n, allowed] of [
        [5, true],
        [6, false],
      ] as const) {
        for (const body of [{ query: variable, variables: { n } }, { query: literal(n) }]) {
          const res = await gql(body);
          noServerError(`cost ${n}`, res.status);
          if (allowed) {
            expect(res.status).toBe(200);
            expect(res.body.errors).toBeUndefined();
          } else {
            expect(res.status).toBe(400);
            expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', cost: 11 + 937 * n, maxCost: 5000 });
          }
        }
      }
    });

    it('refuses a document over the byte limit before parsing it', async () => {
      // Not even valid GraphQL: a parse error would name a syntax problem, the size check comes first.
      const res = await gql({ query: `{ ${'x'.repeat(17_000)}` });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Yêu cầu GraphQL quá lớn: \d+ byte, tối đa 16384 byte\.$/);
      // A GET that long is past Node's 16 KB header limit already (431); either way, refused unparsed.
      const viaGet = await client().get(`/graphql?query=${encodeURIComponent(`{ ${'x'.repeat(17_000)} }`)}`);
      expect([400, 431]).toContain(viaGet.status);
    });

    it('puts /graphql under the API rate limit on every routed spelling, in the same bucket as /api', async () => {
      const routed = pathVariants('/graphql').filter((p) => findPathProblem(p) === null);
      expect(routed.length).toBeGreaterThanOrEqual(6);
      const c = client();
      // One /api request, then the rest of the budget spread over the spellings.
      expect((await c.get('/api/categories')).status).toBe(200);
      for (let i = 0; i < RATE_LIMIT - 1; i++) {
        const res = await c.post(routed[i % routed.length]).send({ query: '{ categories { name } }' });
        expect({ path: routed[i % routed.length], status: res.status }).toEqual({ path: routed[i % routed.length], status: 200 });
      }
      for (const path of routed) {
        const res = await c.post(path).send({ query: '{ categories { name } }' });
        expect({ path, status: res.status }).toEqual({ path, status: 429 });
        expect(res.headers['retry-after']).toBeDefined();
      }
      expect((await c.get('/api/categories')).status).toBe(429);
    });
  });

  describe('requests in flight and the deadline', () => {
    it('caps uncached requests in flight per client; others and cache hits are not delayed', async () => {
      const primed = await client().get('/api/categories?sort=name:asc');
      expect(primed.status).toBe(200);
      closeGate();
      const ip = '192.0.2.10';
      const holding = Array.from({ length: 4 }, (_, i) => client(ip).get(`/api/articles?pagination[page]=${i + 1}`).set('X-Test-Hold', '1').then((r) => r));
      await whenHeld(4);

      const fifth = await client(ip).get('/api/articles?pagination[page]=9');
      expect(fifth.status).toBe(429);
      expect(fifth.headers['retry-after']).toBe('1');
      expect(fifth.body.error.message).toContain('tối đa 4 yêu cầu cùng lúc');
      const graphql = await client(ip).post('/graphql').send({ query: '{ categories { name } }' });
      expect(graphql.status).toBe(429);
      // A cache hit of the same client: served, not counted.
      const hit = await client(ip).get('/api/categories?sort=name:asc');
      expect(hit.status).toBe(200);
      expect(hit.headers['x-cache']).toBe('HIT');
      // Another client: served.
      expect((await client().get('/api/articles?pagination[page]=9')).status).toBe(200);

      release();
      expect((await Promise.all(holding)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect((await client(ip).get('/api/articles?pagination[page]=10')).status).toBe(200);
    });

    it('answers 503 with a Vietnamese message past the deadline; the slots come back when the work really ends', async () => {
      closeGate();
      const ip = '192.0.2.20';
      const late = await Promise.all(Array.from({ length: 4 }, (_, i) => client(ip).get(`/api/articles?pagination[pageSize]=${i + 2}`).set('X-Test-Hold', '1')));
      expect(late.map((r) => r.status)).toEqual([503, 503, 503, 503]);
      expect(late[0].headers['retry-after']).toBe('5');
      expect(late[0].body.error.message).toContain(`quá ${TIMEOUT_MS / 1000} giây`);
      // The held work is still running: the client may not start more meanwhile.
      expect(held).toBe(4);
      expect((await client(ip).get('/api/articles?pagination[page]=7')).status).toBe(429);
      release();
      // The held reads now run to their end and give their slots back. On a loaded machine (CI, a
      // PostgreSQL suite beside) that took over 200 ms once: the client retries with a doubling
      // wait, 5 tries in 6.2 s, which stays inside its rate limit (12 in 10 s; 5 spent above).
      let status = 0;
      for (let wait = 200; wait <= 3200 && status !== 200; wait *= 2) {
        await new Promise((r) => setTimeout(r, wait));
        status = (await client(ip).get('/api/articles?pagination[page]=7')).status;
        expect([200, 429]).toContain(status);
      }
      expect(status).toBe(200);
    }, 30_000);

    it('runs heavy reads one at a time, server-wide, while cheap reads pass', async () => {
      closeGate();
      const heavy = (n: number) => `/api/articles?populate[category][fields][0]=name&pagination[pageSize]=25&filters[id][$ne]=${700000 + n}`;
      const first = client().get(heavy(1)).set('X-Test-Hold', '1').then((r) => r);
      await whenHeld(1);
      // Another client's heavy read waits for the turn, so it never reaches the (held) read.
      const second = client().get(heavy(2)).set('X-Test-Hold', '1').then((r) => r);
      await new Promise((r) => setTimeout(r, 300));
      expect(held).toBe(1);
      // A cheap read of a third client is not held up.
      expect((await client().get('/api/articles?pagination[pageSize]=2&filters[id][$ne]=700003')).status).toBe(200);
      release();
      expect((await first).status).toBe(200);
      expect((await second).status).toBe(200);
    }, 30_000);
  });
});
