import type { PluginConfig } from '../config';

// Mounted at /api/… rather than under the plugin's name: they are the site's own addresses.
const get = (path: string, handler: string) => ({ method: 'GET', path, handler, config: { prefix: '' } });

export interface Route {
  method: string;
  path: string;
  handler: string;
  config: { prefix: string };
}

/**
 * The routes of the configured site: one by-slug route per page type (handler `pages.<type>`, so
 * each page type is a permission of its own), sitemaps, and the feeds when there is a story page.
 */
export function contentApiRoutes(config: Pick<PluginConfig, 'pages' | 'story'>): Route[] {
  return [
    ...Object.entries(config.pages).map(([type, page]) => get(`${page.route}/:slug`, `pages.${type}`)),
    ...(config.story ? [get('/feeds/rss.xml', 'feeds.rss'), get('/feeds/atom.xml', 'feeds.atom'), get('/feeds/feed.json', 'feeds.json')] : []),
    get('/sitemap.xml', 'sitemaps.index'),
    get('/sitemaps/:name', 'sitemaps.part'),
    ...(config.story ? [get('/news-sitemap.xml', 'sitemaps.news')] : []),
  ];
}

/** Filled from the config by register(): Strapi reads a plugin's routes after its register step. */
export default { type: 'content-api', routes: [] as Route[] };
