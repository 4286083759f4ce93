import request from 'supertest';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

// A CDN base with a sub-path: the path must be kept, not replaced.
const BASE = 'https://media.example.vn/cdn';
const CDN_FILE = 'https://bucket.s3.example.net/anh/cover.jpg';

/** Every string in an answer that is a media URL (a path or URL under /uploads/). */
function mediaUrls(body: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (typeof node === 'string') {
      if (/^(\/|https?:\/\/)\S*\/uploads\//.test(node)) found.push(node);
    } else if (node && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(body);
  return found;
}

describeIntegration(`one form of media URL: PUBLIC_MEDIA_URL (${testDatabase})`, () => {
  let app: TestApp;
  const api = () => request(app.strapi.server.httpServer);
  let slug: string;
  let cdnSlug: string;

  beforeAll(async () => {
    app = await startApp({ PUBLIC_MEDIA_URL: BASE });
    slug = (await api().get('/api/articles?filters[cover][id][$notNull]=true&pagination[pageSize]=1').expect(200)).body.data[0].slug;
    // A file an S3/CDN provider stored with its own absolute URL.
    const file = await app.strapi.db.query('plugin::upload.file').create({
      data: { name: 'cover.jpg', alternativeText: 'Ảnh bìa lưu trên CDN', hash: `cdn_${Date.now()}`, ext: '.jpg', mime: 'image/jpeg', size: 12.3, width: 800, height: 600, url: CDN_FILE, provider: 'aws-s3' },
    });
    const article = await app.strapi.documents('api::article.article').create({ status: 'published', data: { title: 'Tin có ảnh trên CDN', cover: file.id } });
    cdnSlug = article.slug as string;
  }, 120_000);
  afterAll(() => app?.stop());

  it.each([
    ['REST list, everything populated', '/api/articles?populate=*&pagination[pageSize]=20'],
    ['REST taxonomy page', '/api/blocs?populate[articles][populate][0]=cover&pagination[pageSize]=5'],
  ])('%s: every media URL is on PUBLIC_MEDIA_URL', async (_name, url) => {
    const urls = mediaUrls((await api().get(url).expect(200)).body);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith(`${BASE}/uploads/`))).toEqual([]);
  });

  it('the article page: cover, formats, related, JSON-LD and Open Graph on one base, whatever Host was used', async () => {
    const pages = await Promise.all(['cms.example.vn', '127.0.0.1'].map((host) => api().get(`/api/articles/by-slug/${slug}`).set('Host', host).expect(200)));
    const [a, b] = pages.map((p) => p.body.data);
    expect(a).toEqual(b);
    expect(a.cover.url.startsWith(`${BASE}/uploads/`)).toBe(true);
    expect(a.cover.formats.thumbnail.url.startsWith(`${BASE}/uploads/`)).toBe(true);
    expect(a.jsonLd.image[0].startsWith(`${BASE}/uploads/`)).toBe(true);
    expect(a.meta.openGraph['og:image'].startsWith(`${BASE}/uploads/`)).toBe(true);
    const urls = mediaUrls(pages[0].body);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(`${BASE}/uploads/`))).toEqual([]);
  });

  it('feeds use the same base', async () => {
    const rss = (await api().get('/api/feeds/rss.xml').expect(200)).text;
    const enclosures = [...rss.matchAll(/<enclosure url="([^"]+)"/g)].map((m) => m[1]);
    expect(enclosures.length).toBeGreaterThan(0);
    // The CDN article is the newest; its picture keeps the provider's URL.
    expect(enclosures).toContain(CDN_FILE);
    expect(enclosures.filter((url) => url !== CDN_FILE && !url.startsWith(`${BASE}/uploads/`))).toEqual([]);
  });

  it('GraphQL answers the same absolute URLs', async () => {
    const res = await api()
      .post('/graphql')
      .send({ query: '{ articles(pagination: { pageSize: 10 }) { cover { url formats } gallery { url } } }' })
      .expect(200);
    expect(res.body.errors).toBeUndefined();
    const urls = mediaUrls(res.body);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith(`${BASE}/uploads/`))).toEqual([]);
  });

  it('leaves a provider’s absolute URL (S3, CDN) unchanged', async () => {
    const page = (await api().get(`/api/articles/by-slug/${cdnSlug}`).expect(200)).body.data;
    expect(page.cover.url).toBe(CDN_FILE);
    expect(page.jsonLd.image).toEqual([CDN_FILE]);
    const gql = await api().post('/graphql').send({ query: `{ articles(filters: { slug: { eq: "${cdnSlug}" } }) { cover { url } } }` }).expect(200);
    expect(gql.body.data.articles[0].cover.url).toBe(CDN_FILE);
  });
});
