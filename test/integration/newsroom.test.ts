import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const SITE = 'http://localhost:3000';
const WEEKDAY = /^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'xhtml:link', 'category'].includes(name) });

type Doc = { documentId: string; slug: string; title: string };

describeIntegration(`newsroom delivery (${testDatabase})`, () => {
  let app: TestApp;
  const api = () => request(app.strapi.server.httpServer);
  const docs = (uid: string) => app.strapi.documents(uid as typeof ARTICLE);
  let bloc: Doc;
  let otherBloc: Doc;
  let category: Doc;
  let movement: Doc;

  /** A published article; `data` may set relations by documentId. */
  async function article(title: string, data: Record<string, unknown> = {}, locale = 'vi'): Promise<Doc> {
    const doc = await docs(ARTICLE).create({ locale, data: { title, summary: `Tóm tắt: ${title}`, ...data } as never });
    await docs(ARTICLE).publish({ documentId: doc.documentId, locale });
    return (await docs(ARTICLE).findOne({ documentId: doc.documentId, locale, status: 'published' })) as unknown as Doc;
  }

  beforeAll(async () => {
    app = await startApp();
    const first = async (uid: string, filters = {}) =>
      (await docs(uid).findFirst({ locale: 'vi', status: 'published', filters } as never)) as unknown as Doc;
    bloc = await first('api::bloc.bloc', { kind: 'khoi' });
    otherBloc = await first('api::bloc.bloc', { kind: 'cum' });
    category = await first('api::category.category');
    movement = await first('api::movement.movement');
  }, 120_000);
  afterAll(() => app?.stop());

  describe('article by slug', () => {
    it('returns the page: populated, dated in Vietnamese, with JSON-LD and meta', async () => {
      const sample = await docs(ARTICLE).findFirst({ locale: 'vi', status: 'published', populate: ['cover'] } as never);
      const res = await api().get(`/api/articles/by-slug/${sample!.slug}`).expect(200);
      const a = res.body.data;
      expect(a.documentId).toBe(sample!.documentId);
      expect(a.cover.formats.thumbnail.url).toMatch(/^https?:\/\/[^/]+\/uploads\//);
      expect(a.category.slug).toBeTruthy();
      expect(a.blocs.length).toBeGreaterThan(0);
      expect(a.agencies.length).toBeGreaterThan(0);
      expect(a.movements.length).toBeGreaterThan(0);
      expect(a.datelineText).toMatch(WEEKDAY);
      // The related items' short stamp, on the article too.
      expect(a.dateText).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
      expect(a.datelineText.endsWith(a.dateText)).toBe(true);
      expect(a.url).toBe(`${SITE}/tin-tuc/${sample!.slug}`);
      expect(a.createdBy).toBeUndefined();
      // The schedule is editorial business, not the public's.
      expect(a).not.toHaveProperty('unpublishAt');
      expect(a).not.toHaveProperty('publishAt');
      expect(a.jsonLd).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: sample!.title,
        inLanguage: 'vi-VN',
        mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
        publisher: { '@type': 'Organization', logo: { url: `${SITE}/logo.png` } },
      });
      expect(new Date(a.jsonLd.datePublished).getTime()).toBe(new Date(a.dateline).getTime());
      expect(a.jsonLd.image.length).toBeGreaterThan(0);
      for (const image of a.jsonLd.image) expect(image).toMatch(/^https?:\/\//);
      expect(a.meta.canonical).toBe(a.url);
      expect(a.meta.openGraph['og:type']).toBe('article');
      expect(a.meta.openGraph['og:image']).toMatch(/^https?:\/\/.+\/uploads\//);
      expect(a.meta.twitter['twitter:card']).toBe('summary_large_image');
    });

    it('gives jsonLd as data and jsonLdScript safe to print inside <script>, even for a title that closes it', async () => {
      const title = 'Tin </script><script>alert(1)</script> <!-- lạ';
      const doc = await article(title);
      const a = (await api().get(`/api/articles/by-slug/${doc.slug}`).expect(200)).body.data;
      expect(a.jsonLd.headline).toBe(title);
      expect(a.jsonLdScript).not.toContain('<');
      expect(JSON.parse(a.jsonLdScript)).toEqual(a.jsonLd);
    });

    it('lists hand-picked related news first, then the newest sharing a bloc, movement or category', async () => {
      const tag = `r${Date.now()}`;
      const old = await article(`${tag} cũ cùng khối`, { blocs: [otherBloc.documentId], dateline: '2021-03-01T08:00:00+07:00' });
      const newer = await article(`${tag} mới cùng khối`, { blocs: [otherBloc.documentId], dateline: '2030-03-02T08:00:00+07:00' });
      const viaMovement = await article(`${tag} cùng phong trào`, { movements: [movement.documentId], dateline: '2030-03-01T08:00:00+07:00' });
      const pickedA = await article(`${tag} chọn tay A`, { dateline: '2019-01-01T08:00:00+07:00' });
      const pickedB = await article(`${tag} chọn tay B`, { dateline: '2019-01-02T08:00:00+07:00' });
      // A draft sharing the bloc must never show up.
      await docs(ARTICLE).create({ locale: 'vi', data: { title: `${tag} bản nháp`, blocs: [otherBloc.documentId], dateline: '2031-01-01T00:00:00Z' } as never });
      const main = await article(`${tag} bài chính`, {
        blocs: [otherBloc.documentId],
        movements: [movement.documentId],
        related: [pickedB.documentId, pickedA.documentId],
        dateline: '2030-01-01T08:00:00+07:00',
      });
      const res = await api().get(`/api/articles/by-slug/${main.slug}`).expect(200);
      const related = res.body.data.related as { slug: string; title: string; dateline: string; datelineText: string; cover: unknown }[];
      expect(related).toHaveLength(5);
      expect(related.map((r) => r.slug)).toEqual([pickedB.slug, pickedA.slug, newer.slug, viaMovement.slug, expect.any(String)]);
      expect(related.map((r) => r.slug)).not.toContain(main.slug);
      expect(related.some((r) => r.title.includes('bản nháp'))).toBe(false);
      for (const r of related) expect(r.datelineText).toMatch(WEEKDAY);
      expect(related[4].slug === old.slug || new Date(related[4].dateline) >= new Date('2021-03-01T01:00:00Z')).toBe(true);
    });

    it('redirects a previous slug to the current one', async () => {
      const doc = await article('Tin sẽ đổi đường dẫn');
      await docs(ARTICLE).update({ documentId: doc.documentId, locale: 'vi', data: { slug: 'tin-da-doi-duong-dan' } as never });
      await docs(ARTICLE).publish({ documentId: doc.documentId, locale: 'vi' });
      const res = await api().get(`/api/articles/by-slug/${doc.slug}?locale=vi`).expect(301);
      expect(res.headers.location).toBe('/api/articles/by-slug/tin-da-doi-duong-dan?locale=vi');
      expect(res.body.redirect).toEqual({ slug: 'tin-da-doi-duong-dan', url: `${SITE}/tin-tuc/tin-da-doi-duong-dan`, location: res.headers.location });
      await api().get('/api/articles/by-slug/tin-da-doi-duong-dan').expect(200);
    });

    it('redirects to the current slug from every routed spelling of the old address, never to itself', async () => {
      const doc = await article('Tin đổi đường dẫn lần nữa');
      await docs(ARTICLE).update({ documentId: doc.documentId, locale: 'vi', data: { slug: 'tin-da-doi-lan-nua' } as never });
      await docs(ARTICLE).publish({ documentId: doc.documentId, locale: 'vi' });
      const old = `/api/articles/by-slug/${doc.slug}`;
      const spellings = [old, `${old}/`, old.toUpperCase().replace(doc.slug.toUpperCase(), doc.slug), `/API/Articles/By-Slug/${doc.slug}/`];
      for (const spelling of spellings) {
        for (const query of ['', '?locale=vi']) {
          const res = await api().get(`${spelling}${query}`).expect(301);
          expect([spelling, res.headers.location]).toEqual([spelling, `/api/articles/by-slug/tin-da-doi-lan-nua${query}`]);
          await api().get(res.headers.location).expect(200);
        }
      }
    });

    it('answers 404 JSON for unknown and draft-only slugs, 400 for an unknown locale', async () => {
      const draft = await docs(ARTICLE).create({ locale: 'vi', data: { title: 'Tin còn trong bản nháp' } as never });
      const unknown = await api().get('/api/articles/by-slug/khong-co-bai-nay').expect(404);
      expect(unknown.body.error.message).toBe('Không tìm thấy bài viết đã xuất bản có đường dẫn "khong-co-bai-nay" (ngôn ngữ "vi").');
      expect(unknown.body.data).toBeNull();
      const hidden = await api().get(`/api/articles/by-slug/${draft.slug}`).expect(404);
      expect(JSON.stringify(hidden.body)).not.toContain('bản nháp');
      const bad = await api().get('/api/articles/by-slug/anything?locale=xx').expect(400);
      expect(bad.body.error.message).toMatch(/^Ngôn ngữ "xx" không có trên trang này/);
      await api().get(`/api/articles/by-slug/${'a'.repeat(300)}`).expect(404);
    });

    it('serves the English version with its own URL and hreflang alternates', async () => {
      const res = await api().get('/api/articles').query({ locale: 'en' }).expect(200);
      const en = res.body.data[0];
      const page = await api().get(`/api/articles/by-slug/${en.slug}?locale=en`).expect(200);
      expect(page.body.data.locale).toBe('en');
      expect(page.body.data.url).toBe(`${SITE}/en/tin-tuc/${en.slug}`);
      expect(page.body.data.jsonLd.inLanguage).toBe('en');
      expect(page.body.data.datelineText).toMatch(/^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
      expect(page.body.data.alternates.map((x: { locale: string }) => x.locale).sort()).toEqual(['en', 'vi']);
    });
  });

  describe('taxonomy pages by slug', () => {
    it('gives a bloc its members, this year’s (or the latest) leader and recent articles', async () => {
      const res = await api().get(`/api/blocs/by-slug/${bloc.slug}`).expect(200);
      const b = res.body.data;
      expect(b.members.length).toBeGreaterThanOrEqual(4);
      expect(b.currentTerm.leader.name).toBeTruthy();
      expect(b.currentTerm.deputy.name).toBeTruthy();
      expect(b.currentTerm.year).toBe(Math.max(...b.terms.map((t: { year: number }) => t.year)));
      expect(b.articles.length).toBeGreaterThan(0);
      for (const a of b.articles) expect(a.url).toMatch(/^http:\/\/localhost:3000\/tin-tuc\//);
      const dates = b.articles.map((a: { dateline: string }) => a.dateline);
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(res.body.meta.pagination.total).toBeGreaterThanOrEqual(b.articles.length);
    });

    it.each([
      ['agencies', 'api::agency.agency'],
      ['movements', 'api::movement.movement'],
      ['categories', 'api::category.category'],
    ])('serves /api/%s/by-slug/:slug with recent articles and pagination', async (path, uid) => {
      const entry = (await docs(uid).findFirst({ locale: 'vi', status: 'published' } as never)) as unknown as Doc & { name: string };
      const res = await api().get(`/api/${path}/by-slug/${entry.slug}?pageSize=2`).expect(200);
      expect(res.body.data.name).toBe(entry.name);
      expect(res.body.data.articles.length).toBeLessThanOrEqual(2);
      expect(res.body.meta.pagination.pageSize).toBe(2);
      await api().get(`/api/${path}/by-slug/${entry.slug}?pageSize=1000`).expect(400);
      await api().get(`/api/${path}/by-slug/khong-ton-tai`).expect(404);
    });

    it('never lists a draft agency among a bloc’s members', async () => {
      const draft = await docs('api::agency.agency').create({ locale: 'vi', data: { name: 'Cơ quan chưa công bố', blocs: [bloc.documentId] } as never });
      const res = await api().get(`/api/blocs/by-slug/${bloc.slug}`).expect(200);
      expect(res.body.data.members.map((m: { documentId: string }) => m.documentId)).not.toContain(draft.documentId);
    });
  });

  describe('GraphQL parity with the REST pages (issue 17)', () => {
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await api().post('/graphql').send({ query, variables }).expect(200);
      expect(res.body.errors).toBeUndefined();
      return res.body.data;
    };
    const PAGE = `query($slug: String!, $locale: String) { articlePage(slug: $slug, locale: $locale) {
      redirect { slug url location } documentId slug locale title url datelineText dateText
      related { documentId title slug locale dateline datelineText dateText url cover }
      alternates { locale slug url } jsonLd jsonLdScript meta entry } }`;

    it('articlePage gives the REST page’s extras: dates, related, alternates, JSON-LD as JSON, meta', async () => {
      const sample = await docs(ARTICLE).findFirst({ locale: 'vi', status: 'published', filters: { blocs: { documentId: { $notNull: true } } } } as never);
      const rest = (await api().get(`/api/articles/by-slug/${sample!.slug}`).expect(200)).body.data;
      const page = (await gql(PAGE, { slug: sample!.slug })).articlePage;
      expect(page.redirect).toBeNull();
      expect(page.title).toBe(rest.title);
      for (const key of ['documentId', 'slug', 'locale', 'url', 'datelineText', 'dateText', 'related', 'alternates', 'jsonLd', 'jsonLdScript', 'meta']) {
        expect([key, page[key]]).toEqual([key, rest[key]]);
      }
      expect(page.related.length).toBeGreaterThan(0);
      // The entry is the REST page's data itself (media URLs made absolute the same way).
      expect(page.entry).toEqual(rest);
      expect(page.entry).not.toHaveProperty('publishAt');
    });

    it('a previous slug answers the redirect; a draft-only or unknown slug is null', async () => {
      const doc = await article('Tin GraphQL sẽ đổi đường dẫn');
      await docs(ARTICLE).update({ documentId: doc.documentId, locale: 'vi', data: { slug: 'tin-graphql-da-doi-duong-dan' } as never });
      await docs(ARTICLE).publish({ documentId: doc.documentId, locale: 'vi' });
      const rest = await api().get(`/api/articles/by-slug/${doc.slug}?locale=vi`).expect(301);
      const page = (await gql(PAGE, { slug: doc.slug, locale: 'vi' })).articlePage;
      expect(page.redirect).toEqual(rest.body.redirect);
      expect(page.title).toBeNull();
      const draft = await docs(ARTICLE).create({ locale: 'vi', data: { title: 'Bản nháp GraphQL không lộ' } as never });
      expect((await gql(PAGE, { slug: draft.slug })).articlePage).toBeNull();
      expect((await gql(PAGE, { slug: 'khong-co-bai-nay' })).articlePage).toBeNull();
    });

    it('blocPage (and the other taxonomy pages) give articles, pagination and the current term as REST', async () => {
      const rest = await api().get(`/api/blocs/by-slug/${bloc.slug}?pageSize=3&page=2`).expect(200);
      const data = await gql(
        `query($slug: String!) { blocPage(slug: $slug, page: 2, pageSize: 3) { name articles { slug dateText url } pagination { page pageSize pageCount total } currentTerm alternates { locale } meta } }`,
        { slug: bloc.slug }
      );
      const page = data.blocPage;
      expect(page.name).toBe(rest.body.data.name);
      expect(page.articles).toEqual(rest.body.data.articles.map((a: { slug: string; dateText: string; url: string }) => ({ slug: a.slug, dateText: a.dateText, url: a.url })));
      expect(page.pagination).toEqual(rest.body.meta.pagination);
      expect(page.currentTerm).toEqual(rest.body.data.currentTerm);
      expect(page.meta).toEqual(rest.body.data.meta);
      for (const query of ['categoryPage', 'agencyPage', 'movementPage']) {
        const res = await api().post('/graphql').send({ query: `{ ${query}(slug: "khong-co") { name } }` }).expect(200);
        expect(res.body).toEqual({ data: { [query]: null } });
      }
    });

    it('a bad locale is a client error, as in REST', async () => {
      const res = await api().post('/graphql').send({ query: PAGE, variables: { slug: 'x', locale: 'xx' } });
      expect(res.body.errors[0].message).toMatch(/^Ngôn ngữ "xx" không có/);
    });
  });

  describe('feeds', () => {
    const tricky = 'Khối Mặt trận – Đoàn thể tổng kết 2019 & triển khai <2020> "mới" \'đặc biệt\'';
    let trickyDoc: Doc;
    beforeAll(async () => {
      trickyDoc = await article(tricky, { category: category.documentId, dateline: '2035-01-01T08:00:00+07:00' });
    });

    it('RSS 2.0: valid XML, newest first, absolute links, escaped titles, cover enclosure', async () => {
      const res = await api().get('/api/feeds/rss.xml').expect(200);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(XMLValidator.validate(res.text)).toBe(true);
      const rss = parser.parse(res.text).rss;
      expect(rss['@version']).toBe('2.0');
      const channel = rss.channel;
      expect(channel.title).toBeTruthy();
      expect(channel.link).toBeTruthy();
      expect(channel.description).toBeTruthy();
      expect(new Date(channel.lastBuildDate).getTime()).not.toBeNaN();
      const items = channel.item;
      expect(items.length).toBeGreaterThan(5);
      expect(items.length).toBeLessThanOrEqual(50);
      expect(items[0].title).toBe(tricky);
      expect(items[0].link).toBe(`${SITE}/tin-tuc/${trickyDoc.slug}`);
      const dates = items.map((i: { pubDate: string }) => new Date(i.pubDate).getTime());
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      const withCover = items.find((i: { enclosure?: unknown }) => i.enclosure);
      expect(withCover.enclosure['@url']).toMatch(/^https?:\/\/.+\/uploads\//);
      expect(withCover.enclosure['@type']).toMatch(/^image\//);
      // length is the byte size of the file at url (it was kB × 1024, 2.4% too large).
      const file = await api().get(new URL(withCover.enclosure['@url']).pathname).buffer(true).expect(200);
      expect(Number(withCover.enclosure['@length'])).toBe(file.body.length);
    });

    it('Atom 1.0 and JSON Feed 1.1 carry the same items', async () => {
      const atomRes = await api().get('/api/feeds/atom.xml').expect(200);
      expect(atomRes.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect(XMLValidator.validate(atomRes.text)).toBe(true);
      const feed = parser.parse(atomRes.text).feed;
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed.id).toBeTruthy();
      expect(new Date(feed.updated).getTime()).not.toBeNaN();
      expect(feed.entry[0].title['#text'] ?? feed.entry[0].title).toBe(tricky);

      const jsonRes = await api().get('/api/feeds/feed.json').expect(200);
      expect(jsonRes.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      const json = JSON.parse(jsonRes.text);
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.items[0].title).toBe(tricky);
      expect(json.items[0].url).toBe(`${SITE}/tin-tuc/${trickyDoc.slug}`);
      expect(json.items.length).toBe(feed.entry.length);
    });

    it('filters by category, bloc and movement slug, and by locale', async () => {
      const byCategory = parser.parse((await api().get(`/api/feeds/rss.xml?category=${category.slug}`).expect(200)).text).rss.channel;
      expect(byCategory.item.map((i: { title: string }) => i.title)).toContain(tricky);
      const byBloc = parser.parse((await api().get(`/api/feeds/rss.xml?bloc=${bloc.slug}`).expect(200)).text).rss.channel;
      expect(byBloc.item.map((i: { title: string }) => i.title)).not.toContain(tricky);
      expect(byBloc.title).toContain('–');
      await api().get(`/api/feeds/rss.xml?movement=${movement.slug}`).expect(200);
      const en = JSON.parse((await api().get('/api/feeds/feed.json?locale=en').expect(200)).text);
      expect(en.language).toBe('en');
      for (const item of en.items) expect(item.url).toMatch(/^http:\/\/localhost:3000\/en\/tin-tuc\//);
      await api().get('/api/feeds/rss.xml?category=khong-co').expect(404);
      await api().get('/api/feeds/rss.xml?locale=zz').expect(400);
      await api().get('/api/feeds/rss.xml?category[$ne]=x').expect(400);
    });
  });

  describe('sitemaps', () => {
    it('indexes one sitemap per type; article URLs carry hreflang; drafts and noIndex never appear', async () => {
      const hidden = await article('Bài không cho lập chỉ mục', { seo: { noIndex: true } });
      const draft = await docs(ARTICLE).create({ locale: 'vi', data: { title: 'Bản nháp không vào sitemap' } as never });
      const index = await api().get('/api/sitemap.xml').expect(200);
      expect(index.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(XMLValidator.validate(index.text)).toBe(true);
      const refs = parser.parse(index.text).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
      for (const name of ['articles', 'categories', 'blocs', 'agencies', 'movements']) {
        expect(refs).toContainEqual(expect.stringMatching(new RegExp(`/api/sitemaps/${name}-1\\.xml$`)));
      }
      const part = await api().get(new URL(refs.find((r: string) => r.includes('articles-1'))).pathname).expect(200);
      const urls = parser.parse(part.text).urlset.url as { loc: string; lastmod: string; 'xhtml:link'?: { '@hreflang': string; '@href': string }[] }[];
      const locs = urls.map((u) => u.loc);
      expect(locs).not.toContain(`${SITE}/tin-tuc/${hidden.slug}`);
      expect(locs).not.toContain(`${SITE}/tin-tuc/${draft.slug}`);
      const translated = urls.find((u) => u['xhtml:link']);
      expect(translated!['xhtml:link']!.map((l) => l['@hreflang']).sort()).toEqual(['en', 'vi-VN', 'x-default']);
      for (const u of urls) expect(new Date(u.lastmod).getTime()).not.toBeNaN();
      await api().get('/api/sitemaps/articles-2.xml').expect(404);
      await api().get('/api/sitemaps/users-1.xml').expect(404);
    });

    it('lists only the last 48 hours in the Google News sitemap', async () => {
      const fresh = await article('Tin mới trong ngày');
      const res = await api().get('/api/news-sitemap.xml').expect(200);
      expect(XMLValidator.validate(res.text)).toBe(true);
      const urls = parser.parse(res.text).urlset.url as { loc: string; 'news:news': { 'news:publication': { 'news:language': string; 'news:name': string }; 'news:title': string } }[];
      const entry = urls.find((u) => u.loc === `${SITE}/tin-tuc/${fresh.slug}`);
      expect(entry!['news:news']['news:title']).toBe('Tin mới trong ngày');
      expect(entry!['news:news']['news:publication']['news:language']).toBe('vi');
      // Sample articles are dated 2024: none of them is news now.
      expect(urls.every((u) => !u.loc.includes('luat-thi-dua'))).toBe(true);
      expect(urls.length).toBeLessThan(20);
    });
  });
});
