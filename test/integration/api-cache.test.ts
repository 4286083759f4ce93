import request from 'supertest';
import { validityOn, type DocumentDates } from '../../src/legal-documents/dates';
import { rollOverValidity } from '../../src/legal-documents/validity-rollover';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
type Doc = { documentId: string; slug: string; title: string };

// The same behaviour from each backend: this process's memory, and Redis (127.0.0.1:6379, which
// .ci/run starts) as several instances would share it.
describeIntegration.each(['memory', 'redis'])(`public API cache (${testDatabase}, %s)`, (backend) => {
  let app: TestApp;
  let token: string;
  const api = () => request(app.strapi.server.httpServer);
  const articles = () => app.strapi.documents(ARTICLE);

  beforeAll(async () => {
    if (backend === 'redis') {
      process.env.CACHE_REDIS_URL = 'redis://127.0.0.1:6379';
      process.env.CACHE_REDIS_PREFIX = `tdkt-test-${process.pid}-${Date.now()}:`;
    }
    app = await startApp();
    token = (await app.strapi.service('admin::api-token').create({ name: 'cache', type: 'full-access', lifespan: null, description: '' })).accessKey;
    // The sample covers' sizes are still being made: each one stored is (rightly) an invalidation.
    await app.strapi.plugin('image-pipeline').service('queue').idle();
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    delete process.env.CACHE_REDIS_URL;
    delete process.env.CACHE_REDIS_PREFIX;
  });

  async function published(title: string, data: Record<string, unknown> = {}): Promise<Doc> {
    const doc = await articles().create({ locale: 'vi', data: { title, ...data } as never });
    await articles().publish({ documentId: doc.documentId, locale: 'vi' });
    return doc as unknown as Doc;
  }

  describe('headers', () => {
    it('answers a repeated anonymous read from the cache, with a strong ETag and Cache-Control', async () => {
      const first = await api().get('/api/articles?pagination[pageSize]=3&locale=vi').expect(200);
      expect(first.headers['x-cache']).toBe('MISS');
      const second = await api().get('/api/articles?locale=vi&pagination[pageSize]=3').expect(200);
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.text).toBe(first.text);
      expect(second.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(second.headers['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=30');
      expect(second.headers.vary).toMatch(/Authorization, Cookie/);
      expect(second.headers['content-type']).toMatch(/^application\/json/);
    });

    it('answers 304 without a body when If-None-Match names the current tag', async () => {
      const res = await api().get('/api/categories').expect(200);
      const again = await api().get('/api/categories').set('If-None-Match', `W/"x", ${res.headers.etag}`).expect(304);
      expect(again.text).toBe('');
      expect(again.headers.etag).toBe(res.headers.etag);
      await api().get('/api/categories').set('If-None-Match', '"something-else"').expect(200);
    });

    it('keeps XML feeds with their content type', async () => {
      await api().get('/api/feeds/rss.xml').expect(200);
      const hit = await api().get('/api/feeds/rss.xml').expect(200);
      expect(hit.headers['x-cache']).toBe('HIT');
      expect(hit.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(hit.text).toMatch(/^<\?xml/);
    });
  });

  describe('bypass', () => {
    it('never serves or stores requests with credentials (an API token may read drafts)', async () => {
      const drafts = await api().get('/api/articles?status=draft').set('Authorization', `Bearer ${token}`);
      expect(drafts.status).toBe(200);
      expect(drafts.headers['x-cache']).toBeUndefined();
      const anon = await api().get('/api/articles?status=draft');
      expect(anon.status).toBe(403);
      const withToken = await api().get('/api/movements').set('Authorization', `Bearer ${token}`).expect(200);
      expect(withToken.headers['x-cache']).toBeUndefined();
      const withCookie = await api().get('/api/movements').set('Cookie', 'a=b').expect(200);
      expect(withCookie.headers['x-cache']).toBeUndefined();
    });

    it('is not emptied by requests without credentials: refused writes, junk POSTs, GraphQL queries', async () => {
      const path = '/api/categories?sort=slug:asc&pagination[pageSize]=3';
      await api().get(path).expect(200);
      expect((await api().get(path).expect(200)).headers['x-cache']).toBe('HIT');
      const anonymous: [string, string, object][] = [
        ['POST', '/api/articles', { data: { title: 'Bài không được phép' } }],
        ['PUT', '/api/categories/khong-co', { data: { name: 'x' } }],
        ['DELETE', '/api/categories/khong-co', {}],
        ['POST', '/api/khong-co-route', { a: 1 }],
        ['POST', '/graphql', { query: '{ categories { name } }' }],
      ];
      for (const [method, target, body] of anonymous) {
        const res = await api()[method.toLowerCase() as 'post' | 'put' | 'delete'](target).send(body);
        expect(res.status).toBeLessThan(500);
        expect((await api().get(path).expect(200)).headers['x-cache']).toBe('HIT');
      }
    });

    it('does not keep errors, nor account and upload routes', async () => {
      for (let i = 0; i < 2; i += 1) {
        const res = await api().get('/api/articles/by-slug/khong-co-bai-nay').expect(404);
        expect(res.headers['x-cache']).toBeUndefined();
      }
      for (const path of ['/api/upload/files', '/api/users']) {
        const res = await api().get(path);
        expect(res.headers['x-cache']).toBeUndefined();
      }
    });
  });

  describe('precise invalidation: a write refreshes only the answers that show what it changed', () => {
    const cache = async (url: string) => (await api().get(url).expect(200)).headers['x-cache'];
    /** Reads each URL until it is a HIT (the second read), so a later MISS is the write's doing. */
    const warm = async (urls: string[]) => {
      for (const url of urls) await api().get(url).expect(200);
      for (const url of urls) expect([url, await cache(url)]).toEqual([url, 'HIT']);
    };
    const page = (doc: Doc) => `/api/articles/by-slug/${doc.slug}`;

    it('tags every cacheable answer (Cache-Tag, Surrogate-Key): its documents, relations, media, and the lists it enumerates', async () => {
      const doc = await published(`Tin gắn nhãn ${Date.now()}`);
      const res = await api().get(`${page(doc)}?locale=vi`).expect(200);
      const tags = String(res.headers['cache-tag']).split(',');
      expect(res.headers['surrogate-key']).toBe(tags.join(' '));
      expect(tags).toEqual(expect.arrayContaining([`d:${doc.documentId}`, 'n:api::article.article:vi']));
      for (const r of res.body.data.related) expect(tags).toContain(`d:${r.documentId}`);
      const list = await api().get('/api/articles?locale=vi&populate[cover]=true&pagination[pageSize]=2').expect(200);
      const listTags = String(list.headers['cache-tag']).split(',');
      expect(listTags).toContain('t:api::article.article:vi');
      for (const a of list.body.data) {
        expect(listTags).toContain(`d:${a.documentId}`);
        if (a.cover) expect(listTags).toContain(`d:${a.cover.documentId}`);
      }
      // A hit carries the same tags; an XML feed carries its route's.
      expect((await api().get(`${page(doc)}?locale=vi`).expect(200)).headers['cache-tag']).toBe(res.headers['cache-tag']);
      expect((await api().get('/api/feeds/rss.xml').expect(200)).headers['cache-tag']).toBe('t:api::article.article:*');
    });

    it('a draft save, a refused publish and a failed write leave every cached answer hot', async () => {
      const [a, b] = [await published(`Tin nóng A ${Date.now()}`), await published(`Tin nóng B ${Date.now()}`)];
      const urls = [page(a), page(b), '/api/articles?sort=dateline:desc', '/api/feeds/rss.xml', '/api/search?q=tin%20nong', '/api/categories'];
      await warm(urls);
      // Draft saves, through the Document Service and through the admin's HTTP route.
      await articles().update({ documentId: b.documentId, locale: 'vi', data: { title: 'Bản nháp chưa xuất bản' } as never });
      await articles().create({ locale: 'vi', data: { title: `Bài nháp mới ${Date.now()}` } as never });
      // A publish the image pipeline refuses (cover without alternative text), a write to a missing locale.
      const bare = (await app.strapi.db.query('plugin::upload.file').findOne({ where: { alternativeText: { $null: true }, mime: { $startsWith: 'image/' } } })) as { id: number } | null;
      if (bare) await expect(articles().publish({ documentId: (await articles().create({ locale: 'vi', data: { title: `Tin thiếu mô tả ảnh ${Date.now()}`, cover: bare.id } as never })).documentId, locale: 'vi' })).rejects.toThrow();
      await expect(articles().update({ documentId: a.documentId, locale: 'xx', data: { title: 'x' } as never })).rejects.toThrow();
      for (const url of urls) expect([url, await cache(url)]).toEqual([url, 'HIT']);
      expect((await api().get(page(b)).expect(200)).body.data.title).toBe(b.title);
    });

    it('publishing an update refreshes its page, lists, feeds and search, and leaves pages that do not show it hot', async () => {
      const [a, b] = [await published(`Tin không liên quan ${Date.now()}`), await published(`Tin sẽ được sửa ${Date.now()}`)];
      const others = [page(a), '/api/categories'];
      const touched = [page(b), '/api/articles?sort=dateline:desc', '/api/feeds/rss.xml', '/api/search?q=ban%20sua%20moi'];
      await warm([...others, ...touched]);
      const showsB = (await api().get(page(a))).text.includes(b.documentId);
      await articles().update({ documentId: b.documentId, locale: 'vi', data: { title: 'Bản sửa mới đã xuất bản' } as never });
      await articles().publish({ documentId: b.documentId, locale: 'vi' });
      for (const url of touched) {
        const res = await api().get(url).expect(200);
        expect([url, res.headers['x-cache'], res.text.includes('Bản sửa mới đã xuất bản')]).toEqual([url, 'MISS', true]);
      }
      expect(await cache('/api/categories')).toBe('HIT');
      expect(await cache(page(a))).toBe(showsB ? 'MISS' : 'HIT');
    });

    it('a slug change: the new slug answers, the old one redirects; unpublish and delete take the page off', async () => {
      const doc = await published(`Tin đổi đường dẫn ${Date.now()}`);
      await warm([page(doc)]);
      const slug = `tin-doi-duong-dan-moi-${Date.now()}`;
      await articles().update({ documentId: doc.documentId, locale: 'vi', data: { slug } as never });
      await articles().publish({ documentId: doc.documentId, locale: 'vi' });
      await api().get(page(doc)).redirects(0).expect(301);
      const moved = { ...doc, slug };
      expect((await api().get(page(moved)).expect(200)).body.data.documentId).toBe(doc.documentId);
      await warm([page(moved)]);
      await articles().unpublish({ documentId: doc.documentId, locale: 'vi' });
      await api().get(page(moved)).expect(404);
      await articles().publish({ documentId: doc.documentId, locale: 'vi' });
      await warm([page(moved)]);
      await articles().delete({ documentId: doc.documentId, locale: 'vi' });
      await api().get(page(moved)).expect(404);
    });

    it('renaming an agency refreshes every cached article page that shows it, and only those', async () => {
      const agency = (await app.strapi.documents('api::agency.agency').findFirst({ locale: 'vi', status: 'published' } as never)) as unknown as Doc & { name: string };
      const withIt = [await published(`Tin có cơ quan 1 ${Date.now()}`, { agencies: [agency.documentId] }), await published(`Tin có cơ quan 2 ${Date.now()}`, { agencies: [agency.documentId] })];
      const without = await published(`Tin không có cơ quan ${Date.now()}`);
      await warm([...withIt.map(page), page(without)]);
      const showsAgency = (await api().get(page(without))).text.includes(agency.documentId);
      const renamed = `${agency.name} (đổi tên ${Date.now()})`;
      await app.strapi.documents('api::agency.agency').update({ documentId: agency.documentId, locale: 'vi', data: { name: renamed } as never });
      await app.strapi.documents('api::agency.agency').publish({ documentId: agency.documentId, locale: 'vi' });
      for (const doc of withIt) {
        const res = await api().get(page(doc)).expect(200);
        expect([res.headers['x-cache'], res.body.data.agencies.map((x: { name: string }) => x.name)]).toEqual(['MISS', [renamed]]);
      }
      expect(await cache(page(without))).toBe(showsAgency ? 'MISS' : 'HIT');
    });

    it('a cover’s alternative text change refreshes the pages showing it, through the upload API too', async () => {
      const cover = (await app.strapi.db.query('plugin::upload.file').findOne({ where: { mime: { $startsWith: 'image/' }, alternativeText: { $notNull: true } } })) as { id: number; documentId: string };
      const doc = await published(`Tin có ảnh bìa ${Date.now()}`, { cover: cover.id });
      await warm([page(doc)]);
      const text = `Ảnh hội nghị ${Date.now()}`;
      await api().post(`/api/upload?id=${cover.id}`).set('Authorization', `Bearer ${token}`).field('fileInfo', JSON.stringify({ alternativeText: text })).expect(200);
      const res = await api().get(page(doc)).expect(200);
      expect([res.headers['x-cache'], res.body.data.cover.alternativeText]).toEqual(['MISS', text]);
    });
  });

  describe('invalidation: a read after a write returns sees the write', () => {
    it.each([
      ['update', async (doc: Doc) => void (await articles().update({ documentId: doc.documentId, locale: 'vi', data: { title: `${doc.title} (sửa)` } as never }), await articles().publish({ documentId: doc.documentId, locale: 'vi' })), (text: string, doc: Doc) => text.includes(`${doc.title} (sửa)`)],
      ['unpublish', async (doc: Doc) => void (await articles().unpublish({ documentId: doc.documentId, locale: 'vi' })), (text: string, doc: Doc) => !text.includes(doc.documentId)],
      ['delete', async (doc: Doc) => void (await articles().delete({ documentId: doc.documentId, locale: 'vi' })), (text: string, doc: Doc) => !text.includes(doc.documentId)],
    ])('%s', async (_action, write, seen) => {
      const doc = await published(`Tin kiểm tra bộ nhớ đệm ${Date.now()}`, { dateline: '2040-01-01T00:00:00Z' });
      const url = '/api/articles?sort=dateline:desc&pagination[pageSize]=5';
      await api().get(url).expect(200);
      expect((await api().get(url).expect(200)).headers['x-cache']).toBe('HIT');
      await write(doc);
      const after = await api().get(url).expect(200);
      expect(after.headers['x-cache']).toBe('MISS');
      expect(seen(after.text, doc)).toBe(true);
    });

    it('a new default locale: answers that did not name a locale are made again in it', async () => {
      const locales = app.strapi.plugin('i18n').service('locales') as { setDefaultLocale(l: { code: string }): Promise<void> };
      const url = '/api/articles?fields[0]=locale&pagination[pageSize]=3';
      const shown = (text: string) => [...new Set((JSON.parse(text).data as { locale: string }[]).map((a) => a.locale))];
      await api().get(url).expect(200);
      expect((await api().get(url).expect(200)).headers['x-cache']).toBe('HIT');
      await locales.setDefaultLocale({ code: 'en' });
      try {
        const after = await api().get(url).expect(200);
        expect([after.headers['x-cache'], shown(after.text)]).toEqual(['MISS', ['en']]);
      } finally {
        await locales.setDefaultLocale({ code: 'vi' });
      }
      expect(shown((await api().get(url).expect(200)).text)).toEqual(['vi']);
    });

    it('create and publish: the new article is in the list, the feed and the search', async () => {
      const reads = ['/api/articles?sort=dateline:desc', '/api/feeds/rss.xml', '/api/search?q=hoa%20sen%20vang'];
      for (const url of reads) await api().get(url).expect(200);
      const doc = await published('Phong trào hoa sen vàng lan tỏa', { dateline: '2041-01-01T00:00:00Z' });
      for (const url of reads) {
        const res = await api().get(url).expect(200);
        expect([url, res.text.includes('hoa sen vàng')]).toEqual([url, true]);
      }
      expect(doc.documentId).toBeTruthy();
    });

    it('renaming an agency updates the articles that embed it', async () => {
      const agency = (await app.strapi.documents('api::agency.agency').findFirst({ locale: 'vi', status: 'published' } as never)) as unknown as Doc & { name: string };
      const doc = await published('Tin có cơ quan đính kèm', { agencies: [agency.documentId] });
      const url = `/api/articles/by-slug/${doc.slug}`;
      await api().get(url).expect(200);
      const renamed = `${agency.name} (tên mới)`;
      await app.strapi.documents('api::agency.agency').update({ documentId: agency.documentId, locale: 'vi', data: { name: renamed } as never });
      await app.strapi.documents('api::agency.agency').publish({ documentId: agency.documentId, locale: 'vi' });
      const res = await api().get(url).expect(200);
      expect(res.body.data.agencies.map((a: { name: string }) => a.name)).toContain(renamed);
    });

    it('changing a cover’s alternative text reaches cached articles', async () => {
      const url = '/api/articles?populate[cover]=true&sort=dateline:asc&pagination[pageSize]=1';
      const before = await api().get(url).expect(200);
      const cover = before.body.data[0].cover;
      await app.strapi.db.query('plugin::upload.file').update({ where: { id: cover.id }, data: { alternativeText: 'Mô tả ảnh mới' } });
      const after = await api().get(url).expect(200);
      expect(after.body.data[0].cover.alternativeText).toBe('Mô tả ảnh mới');
    });

    it('deleting a locale drops its cached answers', async () => {
      await app.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'Français (fr)' });
      const doc = await published('Article en français', {});
      await articles().update({ documentId: doc.documentId, locale: 'fr', data: { title: 'Article en français' } as never });
      await articles().publish({ documentId: doc.documentId, locale: 'fr' });
      const url = '/api/articles?locale=fr';
      expect((await api().get(url).expect(200)).body.data).toHaveLength(1);
      expect((await api().get(url).expect(200)).headers['x-cache']).toBe('HIT');
      const fr = (await app.strapi.plugin('i18n').service('locales').find()).find((l: { code: string }) => l.code === 'fr');
      await app.strapi.plugin('i18n').service('locales').delete({ id: fr.id });
      const after = await api().get(url);
      expect(after.headers['x-cache']).not.toBe('HIT');
      expect(after.text).not.toContain('Article en français');
    });

    it('no stale read after a write returns, with reads running during the write', async () => {
      const doc = await published('Tin đọc liên tục 0', { dateline: '2042-01-01T00:00:00Z' });
      const url = `/api/articles/by-slug/${doc.slug}`;
      let stale = 0;
      for (let round = 1; round <= 8; round += 1) {
        const title = `Tin đọc liên tục ${round}`;
        let writing = true;
        const readers = (async () => {
          while (writing) await api().get(url);
        })();
        await articles().update({ documentId: doc.documentId, locale: 'vi', data: { title } as never });
        await articles().publish({ documentId: doc.documentId, locale: 'vi' });
        const res = await api().get(url).expect(200);
        if (res.body.data.title !== title) stale += 1;
        writing = false;
        await readers;
      }
      expect(stale).toBe(0);
    });
  });

  describe('a văn bản whose validity changes at midnight, with no write', () => {
    const LEGAL = 'api::legal-document.legal-document';
    const legal = () => app.strapi.documents(LEGAL);
    // Days far ahead (a different year per backend), so the app's own rollover of today is not involved.
    const year = backend === 'memory' ? 2041 : 2042;
    const D = `${year}-06-15`;
    const before = `${year}-06-14`;
    const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    type Made = DocumentDates & { documentId: string; slug: string; number: string; replacedBy: DocumentDates[] };
    const made: Made[] = [];
    let n = 0;
    async function make(dates: DocumentDates, replaces: Made[] = []): Promise<Made> {
      n += 1;
      const number = `HL${year}-${n}/KH`;
      const data = { number, title: `Kế hoạch thử hiệu lực số ${n} năm ${year}`, kind: 'ke-hoach', ...dates, replaces: replaces.map((r) => r.documentId) };
      const doc = await legal().create({ locale: 'vi', data: data as Parameters<ReturnType<typeof legal>['create']>[0]['data'] });
      await legal().publish({ documentId: doc.documentId, locale: 'vi' });
      const found = { ...dates, documentId: doc.documentId, slug: String(doc.slug), number, replacedBy: [] } as Made;
      for (const r of replaces) r.replacedBy.push(dates);
      made.push(found);
      return found;
    }

    beforeAll(async () => {
      // Every valid combination of an issue date, a start and an end around D…
      for (const issuedOn of [shift(D, -30), D]) {
        for (const effectiveFrom of [null, before, D, shift(D, 1)]) {
          for (const expiresOn of [null, D, shift(D, 1), shift(D, 40)]) {
            const dates = { issuedOn, effectiveFrom, expiresOn };
            const effective = effectiveFrom ?? issuedOn;
            if ((effectiveFrom && effectiveFrom < issuedOn) || (expiresOn && expiresOn <= effective)) continue;
            await make(dates);
          }
        }
      }
      // …and replacements taking effect on D, before D and after D.
      for (const effectiveFrom of [D, before, shift(D, 3)]) {
        const old = await make({ issuedOn: shift(D, -400) });
        await make({ issuedOn: shift(D, -10), effectiveFrom }, [old]);
      }
    }, 120_000);

    it('announces exactly the documents whose validity changes that day, once, and drops their cached answers', async () => {
      const changed = made.filter((d) => validityOn(d, before) !== validityOn(d, D)).map((d) => d.documentId);
      const unchanged = made.filter((d) => !changed.includes(d.documentId));
      expect(changed.length).toBeGreaterThanOrEqual(8);
      expect(unchanged.length).toBeGreaterThanOrEqual(8);

      const page = (d: Made) => `/api/legal-documents/by-slug/${d.slug}`;
      const list = `/api/legal-documents?filters[number][$startsWith]=HL${year}-&pagination[pageSize]=100`;
      const watched = [made.find((d) => changed.includes(d.documentId))!, unchanged[0]];
      for (const path of [...watched.map(page), list]) await api().get(path).expect(200);
      for (const path of [...watched.map(page), list]) expect([path, (await api().get(path).expect(200)).headers['x-cache']]).toEqual([path, 'HIT']);

      const report = jest.spyOn(app.strapi.plugin('api-cache').service('changes'), 'report');
      try {
        const count = await rollOverValidity(app.strapi, D);
        const reported = report.mock.calls.flatMap(([changes]) => (changes as { documentId: string }[]).map((c) => c.documentId));
        expect(reported.filter((id) => made.some((d) => d.documentId === id)).sort()).toEqual([...changed].sort());
        expect(count).toBe(reported.length);

        expect((await api().get(page(watched[0])).expect(200)).headers['x-cache']).toBe('MISS');
        expect((await api().get(page(watched[1])).expect(200)).headers['x-cache']).toBe('HIT');
        expect((await api().get(list).expect(200)).headers['x-cache']).toBe('MISS');

        report.mockClear();
        expect(await rollOverValidity(app.strapi, D)).toBeNull();
        expect(report).not.toHaveBeenCalled();
      } finally {
        report.mockRestore();
      }
    });

    it('refreshes a document’s cached page when a replacement of it is published (its chain and validity)', async () => {
      // In the past, so both are in force today until the replacement ends the first.
      const old = await make({ issuedOn: `20${year - 2020}-01-10` });
      const path = `/api/legal-documents/by-slug/${old.slug}?locale=vi`;
      await api().get(path).expect(200);
      const cached = await api().get(path).expect(200);
      expect([cached.headers['x-cache'], cached.body.data.replacedBy, cached.body.data.validity]).toEqual(['HIT', [], 'con-hieu-luc']);
      const replacement = await make({ issuedOn: `20${year - 2020}-06-01` }, [old]);
      const fresh = await api().get(path).expect(200);
      expect(fresh.headers['x-cache']).toBe('MISS');
      expect(fresh.body.data.replacedBy.map((d: { number: string }) => d.number)).toEqual([replacement.number]);
      expect(fresh.body.data.validity).toBe('het-hieu-luc');
    });

    it('lets one of several instances announce a day (the day row’s key)', async () => {
      const day = shift(D, 3);
      const results = await Promise.all([rollOverValidity(app.strapi, day), rollOverValidity(app.strapi, day), rollOverValidity(app.strapi, day)]);
      expect(results.filter((r) => r === null)).toHaveLength(2);
      expect(results.find((r) => r !== null)).toBeGreaterThanOrEqual(2);
    });
  });
});
