import { defaultConfig, type PageConfig, type PluginConfig } from '../server/src/config';

const page = (uid: string, route: string, path: string, sitemap: string, stories?: string): PageConfig => ({
  uid,
  route,
  path,
  sitemap,
  populate: {},
  ...(stories ? { stories } : {}),
});

/** A news site as an app would configure the plugin: a story page and four section pages. */
export const siteConfig: PluginConfig = {
  ...defaultConfig,
  pages: {
    article: page('api::article.article', '/articles/by-slug', '/tin-tuc/{slug}', 'articles'),
    category: page('api::category.category', '/categories/by-slug', '/chuyen-muc/{slug}', 'categories', 'category'),
    bloc: { ...page('api::bloc.bloc', '/blocs/by-slug', '/khoi-thi-dua/{slug}', 'blocs', 'blocs'), currentTerm: { field: 'terms', year: 'year' } },
    agency: page('api::agency.agency', '/agencies/by-slug', '/co-quan/{slug}', 'agencies', 'agencies'),
    movement: page('api::movement.movement', '/movements/by-slug', '/phong-trao/{slug}', 'movements', 'movements'),
  },
  story: { page: 'article', relatedBy: ['blocs', 'movements', 'category'], section: 'category', keywords: ['blocs', 'movements'] },
  scheduling: { ...defaultConfig.scheduling, contentTypes: { 'api::article.article': { publishAt: 'publishAt', unpublishAt: 'unpublishAt' } } },
};
