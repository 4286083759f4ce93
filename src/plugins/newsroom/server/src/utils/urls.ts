import type { PluginConfig } from '../config';
import { signPreviewToken } from './preview-token';

/** A slug as one path segment: encoded, and never "." or ".." (which a browser would resolve away). */
function segment(slug: string): string {
  const encoded = encodeURIComponent(slug);
  return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
}

export const pagePath = (pattern: string, slug: string): string => pattern.split('{slug}').join(segment(slug));

/** The path prefix of a locale on the website: none for the default locale (own keys only). */
const localePrefix = (config: Pick<PluginConfig, 'localePrefix'>, locale: string, defaultLocale: string): string =>
  locale === defaultLocale ? '' : Object.hasOwn(config.localePrefix, locale) ? config.localePrefix[locale] : `/${locale}`;

/**
 * Where an old slug's 301 points: the page type's by-slug route (config `pages.*.route`) and the
 * current slug, never the request's path (with a trailing slash that pointed the redirect at
 * itself), query kept.
 */
export function bySlugLocation(restPrefix: string, route: string, slug: string, querystring: string): string {
  return `${restPrefix.replace(/\/+$/, '')}${route}/${segment(slug)}${querystring ? `?${querystring}` : ''}`;
}

/** The path of a page on the website, from its type's pattern; an unknown type is a programming error. */
function pathOf(config: Pick<PluginConfig, 'pages'>, type: string, slug: string): string {
  if (!Object.hasOwn(config.pages, type)) throw new Error(`[newsroom] no page type "${type}" in the config`);
  return pagePath(config.pages[type].path, slug);
}

const siteRoot = (config: Pick<PluginConfig, 'siteUrl'>) => config.siteUrl.replace(/\/+$/, '');

/** The website's home in a locale: locales other than the default get their prefix. */
export function homeUrl(config: Pick<PluginConfig, 'siteUrl' | 'localePrefix'>, locale: string, defaultLocale: string): string {
  return `${siteRoot(config)}${localePrefix(config, locale, defaultLocale)}`;
}

/** The website's absolute URL of a page. */
export function pageUrl(
  config: Pick<PluginConfig, 'siteUrl' | 'pages' | 'localePrefix'>,
  type: string,
  slug: string,
  locale: string,
  defaultLocale: string
): string {
  return `${homeUrl(config, locale, defaultLocale)}${pathOf(config, type, slug)}`;
}

export interface PreviewPage {
  type: string;
  uid: string;
  documentId: string;
  slug: string;
  locale: string;
  defaultLocale: string;
  status: 'draft' | 'published';
}

/**
 * The website's preview route for a page, as Strapi's admin preview opens it:
 * `{siteUrl}/api/preview?token=…`. The token (utils/preview-token) is signed with the preview
 * secret and names the document, locale, status and page path (locale prefix included); the site
 * verifies it, shows that document and nothing else, and opens the path. The secret itself is
 * never in the URL.
 */
export function previewUrl(
  config: Pick<PluginConfig, 'siteUrl' | 'pages' | 'localePrefix'>,
  secret: string,
  page: PreviewPage,
  nowMs: number
): string {
  const token = signPreviewToken(
    secret,
    {
      type: page.type,
      uid: page.uid,
      documentId: page.documentId,
      locale: page.locale,
      status: page.status,
      path: `${localePrefix(config, page.locale, page.defaultLocale)}${pathOf(config, page.type, page.slug)}`,
    },
    nowMs
  );
  return `${siteRoot(config)}/api/preview?${new URLSearchParams({ token })}`;
}

/** An http(s) URL for a link or image: absolute ones kept, paths joined to `base`, other schemes refused. */
export function absoluteUrl(base: string, pathOrUrl: string | undefined | null): string | undefined {
  if (!pathOrUrl) return undefined;
  try {
    const url = new URL(pathOrUrl, base.endsWith('/') ? base : `${base}/`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // A path keeps base's own sub-path (an API served under /cms), which new URL() would drop.
    if (pathOrUrl.startsWith('/') && !pathOrUrl.startsWith('//')) return `${base.replace(/\/+$/, '')}${pathOrUrl}`;
    return url.href;
  } catch {
    return undefined;
  }
}
