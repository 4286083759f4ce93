import type { PageType } from '../services/site';
import { BY_SLUG_ROUTES } from '../utils/urls';

// Mounted at /api/… rather than under the plugin's name: they are the site's own addresses.
const get = (path: string, handler: string) => ({ method: 'GET', path, handler, config: { prefix: '' } });

export default {
  type: 'content-api',
  routes: [
    ...(Object.keys(BY_SLUG_ROUTES) as PageType[]).map((type) => get(`${BY_SLUG_ROUTES[type]}/:slug`, `pages.${type}`)),
    get('/feeds/rss.xml', 'feeds.rss'),
    get('/feeds/atom.xml', 'feeds.atom'),
    get('/feeds/feed.json', 'feeds.json'),
    get('/sitemap.xml', 'sitemaps.index'),
    get('/sitemaps/:name', 'sitemaps.part'),
    get('/news-sitemap.xml', 'sitemaps.news'),
  ],
};
