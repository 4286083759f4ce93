import type { NewsSitemapItem, SitemapRef, SitemapUrl } from './types';
import { element, empty, isoDate, XML_DECLARATION } from './xml';

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News reads at most this many URLs per news sitemap. */
export const NEWS_SITEMAP_MAX_URLS = 1000;

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** How many sitemap files `urls` URLs take, `size` to a file. */
export function partCount(urls: number, size = SITEMAP_MAX_URLS): number {
  return Math.ceil(urls / size);
}

/** A <urlset>; each URL lists its language versions as xhtml:link alternates (itself included). */
export function buildUrlSet(urls: SitemapUrl[]): string {
  const out = [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="http://www.w3.org/1999/xhtml">`];
  for (const url of urls) {
    out.push(
      '<url>' +
        element('loc', url.loc) +
        (url.lastmod ? element('lastmod', isoDate(url.lastmod)) : '') +
        (url.alternates ?? []).map((a) => empty('xhtml:link', { rel: 'alternate', hreflang: a.hreflang, href: a.href })).join('') +
        '</url>'
    );
  }
  out.push('</urlset>');
  return out.join('\n');
}

export function buildSitemapIndex(refs: SitemapRef[]): string {
  const out = [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`];
  for (const ref of refs) {
    out.push(`<sitemap>${element('loc', ref.loc)}${ref.lastmod ? element('lastmod', isoDate(ref.lastmod)) : ''}</sitemap>`);
  }
  out.push('</sitemapindex>');
  return out.join('\n');
}

/**
 * Google News sitemap: the caller passes the recent articles, newest first. The sitemap schema
 * asks for at least one <url>, so a quiet spell (no article in the last 48 hours) lists the home
 * page without news tags instead of an empty <urlset/>, which Google's validator rejects.
 */
export function buildNewsSitemap(items: NewsSitemapItem[], publicationName: string, homeUrl: string): string {
  const out = [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`];
  if (items.length === 0) out.push(`<url>${element('loc', homeUrl)}</url>`);
  for (const item of items.slice(0, NEWS_SITEMAP_MAX_URLS)) {
    out.push(
      '<url>' +
        element('loc', item.loc) +
        '<news:news><news:publication>' +
        element('news:name', publicationName) +
        element('news:language', item.language) +
        '</news:publication>' +
        element('news:publication_date', isoDate(item.published)) +
        element('news:title', item.title) +
        '</news:news></url>'
    );
  }
  out.push('</urlset>');
  return out.join('\n');
}
