import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildNewsSitemap, buildSitemapIndex, buildUrlSet, partCount, SITEMAP_MAX_URLS } from '../server/src/utils/sitemaps';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (n) => ['url', 'sitemap', 'xhtml:link'].includes(n) });

describe('partCount', () => {
  it.each([
    [0, 0],
    [1, 1],
    [50_000, 1],
    [50_001, 2],
    [120_000, 3],
  ])('%i URLs → %i files', (n, files) => {
    expect(partCount(n, SITEMAP_MAX_URLS)).toBe(files);
  });
});

describe('buildUrlSet', () => {
  it('writes loc, lastmod and hreflang alternates, escaping URLs', () => {
    const xml = buildUrlSet([
      {
        loc: 'https://example.vn/tin-tuc/a?x=1&y=2',
        lastmod: new Date('2024-01-10T02:30:00Z'),
        alternates: [
          { hreflang: 'vi-VN', href: 'https://example.vn/tin-tuc/a?x=1&y=2' },
          { hreflang: 'en', href: 'https://example.vn/en/tin-tuc/a' },
        ],
      },
      { loc: 'https://example.vn/tin-tuc/b' },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const set = parser.parse(xml).urlset;
    expect(set['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(set['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    expect(set.url[0].loc).toBe('https://example.vn/tin-tuc/a?x=1&y=2');
    expect(set.url[0].lastmod).toBe('2024-01-10T02:30:00Z');
    expect(set.url[0]['xhtml:link'].map((l: Record<string, string>) => [l['@rel'], l['@hreflang'], l['@href']])).toEqual([
      ['alternate', 'vi-VN', 'https://example.vn/tin-tuc/a?x=1&y=2'],
      ['alternate', 'en', 'https://example.vn/en/tin-tuc/a'],
    ]);
    expect(set.url[1]).toEqual({ loc: 'https://example.vn/tin-tuc/b' });
  });
});

describe('buildSitemapIndex', () => {
  it('lists each part', () => {
    const xml = buildSitemapIndex([{ loc: 'https://cms/api/sitemaps/articles-1.xml', lastmod: new Date('2024-01-01T00:00:00Z') }, { loc: 'https://cms/api/sitemaps/blocs-1.xml' }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const index = parser.parse(xml).sitemapindex;
    expect(index.sitemap).toEqual([{ loc: 'https://cms/api/sitemaps/articles-1.xml', lastmod: '2024-01-01T00:00:00Z' }, { loc: 'https://cms/api/sitemaps/blocs-1.xml' }]);
  });
});

describe('buildNewsSitemap', () => {
  const item = (i: number) => ({ loc: `https://example.vn/tin-tuc/${i}`, title: `Tin số ${i} & <mới>`, published: new Date('2026-11-28T01:00:00Z'), language: 'vi' });

  it('writes the Google News elements', () => {
    const xml = buildNewsSitemap([item(1)], 'Cổng TĐKT & Tin', 'https://example.vn');
    expect(XMLValidator.validate(xml)).toBe(true);
    const set = parser.parse(xml).urlset;
    expect(set['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(set.url[0]['news:news']).toEqual({
      'news:publication': { 'news:name': 'Cổng TĐKT & Tin', 'news:language': 'vi' },
      'news:publication_date': '2026-11-28T01:00:00Z',
      'news:title': 'Tin số 1 & <mới>',
    });
  });

  it('stops at 1,000 URLs', () => {
    const xml = buildNewsSitemap(Array.from({ length: 1005 }, (_, i) => item(i)), 'X', 'https://example.vn');
    expect(parser.parse(xml).urlset.url).toHaveLength(1000);
  });

  it('lists the home page, without news tags, when no article is recent (the schema needs one <url>)', () => {
    const xml = buildNewsSitemap([], 'X', 'https://example.vn/');
    expect(parser.parse(xml).urlset.url).toEqual([{ loc: 'https://example.vn/' }]);
  });
});
