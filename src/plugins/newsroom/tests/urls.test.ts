import { siteConfig } from './site-config';
import { verifyPreviewToken } from '../server/src/utils/preview-token';
import { absoluteUrl, bySlugLocation, homeUrl, pagePath, pageUrl, previewUrl } from '../server/src/utils/urls';

describe('pageUrl', () => {
  const config = { ...siteConfig, siteUrl: 'https://thiduakhenthuong.example.vn/' };
  it.each([
    ['article', 'tong-ket-2019', 'vi', 'https://thiduakhenthuong.example.vn/tin-tuc/tong-ket-2019'],
    ['article', 'review-2019', 'en', 'https://thiduakhenthuong.example.vn/en/tin-tuc/review-2019'],
    ['bloc', 'khoi-mat-tran', 'vi', 'https://thiduakhenthuong.example.vn/khoi-thi-dua/khoi-mat-tran'],
    ['movement', 'lao-dong-gioi', 'fr', 'https://thiduakhenthuong.example.vn/fr/phong-trao/lao-dong-gioi'],
  ] as const)('%s %s (%s)', (type, slug, locale, expected) => {
    expect(pageUrl(config, type, slug, locale, 'vi')).toBe(expected);
  });
});

describe('homeUrl', () => {
  it.each([
    ['vi', 'https://example.vn'],
    ['en', 'https://example.vn/en'],
    ['fr', 'https://example.vn/fr'],
  ])('%s', (locale, expected) => {
    expect(homeUrl({ siteUrl: 'https://example.vn/', localePrefix: { en: '/en' } }, locale, 'vi')).toBe(expected);
  });
});

describe('pagePath', () => {
  it.each([
    ['/tin-tuc/{slug}', 'a-b', '/tin-tuc/a-b'],
    ['/tin-tuc/{slug}', '../admin', '/tin-tuc/..%2Fadmin'],
    ['/tin-tuc/{slug}', '..', '/tin-tuc/%2E%2E'],
    ['/tin-tuc/{slug}', 'a?b#c', '/tin-tuc/a%3Fb%23c'],
    ['/{slug}/{slug}.html', 'x', '/x/x.html'],
  ])('%s with %j', (pattern, slug, expected) => {
    expect(pagePath(pattern, slug)).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['http://localhost:1337', '/uploads/a.jpg', 'http://localhost:1337/uploads/a.jpg'],
    ['https://cms.example.vn/api-root/', '/uploads/a.jpg', 'https://cms.example.vn/api-root/uploads/a.jpg'],
    ['http://localhost:1337', 'https://cdn.example.vn/a.jpg', 'https://cdn.example.vn/a.jpg'],
    ['https://cms.example.vn', '//cdn.example.vn/a.jpg', 'https://cdn.example.vn/a.jpg'],
    ['http://localhost:1337', 'javascript:alert(1)', undefined],
    ['http://localhost:1337', 'data:image/png;base64,AAAA', undefined],
    ['http://localhost:1337', '', undefined],
    ['http://localhost:1337', null, undefined],
  ])('%s + %j', (base, input, expected) => {
    expect(absoluteUrl(base, input)).toBe(expected);
  });
});

describe('previewUrl', () => {
  const config = { ...siteConfig, siteUrl: 'https://example.vn/' };
  const page = {
    type: 'article',
    uid: 'api::article.article',
    documentId: 'd1',
    slug: 'tong-ket-2019',
    locale: 'vi',
    defaultLocale: 'vi',
    status: 'draft',
  } as const;
  const now = Date.UTC(2026, 0, 22, 8, 0, 0);

  it('points at the site preview route with a token and nothing else: never the secret', () => {
    const url = new URL(previewUrl(config, 's3cr3t&x=1', page, now));
    expect(url.origin + url.pathname).toBe('https://example.vn/api/preview');
    expect([...url.searchParams.keys()]).toEqual(['token']);
    expect(url.href).not.toContain('s3cr3t');
    const verified = verifyPreviewToken('s3cr3t&x=1', url.searchParams.get('token'), now);
    expect(verified).toEqual({
      ok: true,
      claims: { v: 1, type: 'article', uid: 'api::article.article', documentId: 'd1', locale: 'vi', status: 'draft', path: '/tin-tuc/tong-ket-2019', exp: now / 1000 + 300 },
    });
  });

  it('puts the locale prefix and the type pattern into the signed page path', () => {
    const url = new URL(previewUrl(config, 'k', { ...page, type: 'category', uid: 'api::category.category', slug: 'tin-hoat-dong', locale: 'en', status: 'published' }, now));
    const verified = verifyPreviewToken('k', url.searchParams.get('token'), now);
    expect(verified.ok && verified.claims).toMatchObject({ path: '/en/chuyen-muc/tin-hoat-dong', status: 'published', locale: 'en' });
  });
});

describe('bySlugLocation', () => {
  const route = (type: string) => siteConfig.pages[type].route;
  it.each([
    ['/api', 'article', 'tin-moi', 'locale=vi', '/api/articles/by-slug/tin-moi?locale=vi'],
    ['/api/', 'category', 'khen-thuong', '', '/api/categories/by-slug/khen-thuong'],
    ['/v1', 'movement', 'lao-dong-gioi', 'a=1&b=2', '/v1/movements/by-slug/lao-dong-gioi?a=1&b=2'],
    ['/api', 'bloc', '../admin', '', '/api/blocs/by-slug/..%2Fadmin'],
    ['/api', 'agency', '..', '', '/api/agencies/by-slug/%2E%2E'],
  ] as const)('%s %s %s ?%s', (prefix, type, slug, query, expected) => {
    expect(bySlugLocation(prefix, route(type), slug, query)).toBe(expected);
  });

  it('depends on the route and the slug only: every page type has its own route', () => {
    const types = Object.keys(siteConfig.pages);
    const locations = new Set(types.map((type) => bySlugLocation('/api', route(type), 'x', '')));
    expect(locations.size).toBe(types.length);
  });
});

describe('pageUrl of a type the site does not have', () => {
  it('is a programming error, not a link to nowhere', () => {
    expect(() => pageUrl(siteConfig, 'constructor', 'x', 'vi', 'vi')).toThrow(/no page type "constructor"/);
    expect(() => pageUrl(siteConfig, 'event', 'x', 'vi', 'vi')).toThrow(/no page type "event"/);
  });
});
