// Mounted at /api/… rather than under the plugin's name: they are the site's own addresses.
const get = (path: string, handler: string) => ({ method: 'GET', path, handler, config: { prefix: '' } });

export default {
  type: 'content-api',
  routes: [
    get('/articles/by-slug/:slug', 'pages.article'),
    get('/categories/by-slug/:slug', 'pages.category'),
    get('/blocs/by-slug/:slug', 'pages.bloc'),
    get('/agencies/by-slug/:slug', 'pages.agency'),
    get('/movements/by-slug/:slug', 'pages.movement'),
    get('/feeds/rss.xml', 'feeds.rss'),
    get('/feeds/atom.xml', 'feeds.atom'),
    get('/feeds/feed.json', 'feeds.json'),
    get('/sitemap.xml', 'sitemaps.index'),
    get('/sitemaps/:name', 'sitemaps.part'),
    get('/news-sitemap.xml', 'sitemaps.news'),
  ],
};
