import type { PagePaths, PluginConfig } from '../config';

/** A slug as one path segment: encoded, and never "." or ".." (which a browser would resolve away). */
function segment(slug: string): string {
  const encoded = encodeURIComponent(slug);
  return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
}

export const pagePath = (pattern: string, slug: string): string => pattern.split('{slug}').join(segment(slug));

/** The website's home in a locale: locales other than the default get their prefix. */
export function homeUrl(config: Pick<PluginConfig, 'siteUrl' | 'localePrefix'>, locale: string, defaultLocale: string): string {
  const prefix = locale === defaultLocale ? '' : config.localePrefix[locale] ?? `/${locale}`;
  return `${config.siteUrl.replace(/\/+$/, '')}${prefix}`;
}

/** The website's absolute URL of a page. */
export function pageUrl(
  config: Pick<PluginConfig, 'siteUrl' | 'paths' | 'localePrefix'>,
  type: keyof PagePaths,
  slug: string,
  locale: string,
  defaultLocale: string
): string {
  return `${homeUrl(config, locale, defaultLocale)}${pagePath(config.paths[type], slug)}`;
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
