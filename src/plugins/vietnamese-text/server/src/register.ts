import type { Core } from '@strapi/strapi';
import type { Normalizer } from './services/normalizer';
import type { SearchIndex } from './services/search-index';
import type { Slugs } from './services/slugs';

/** Hooks the plugin into every Document Service write: NFC first, then the slug, then the search index. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('vietnamese-text');
  strapi.documents.use((ctx, next) => (plugin().service('normalizer') as Normalizer).middleware(ctx, next));
  strapi.documents.use((ctx, next) => (plugin().service('slugs') as Slugs).middleware(ctx, next));
  strapi.documents.use((ctx, next) => (plugin().service('searchIndex') as SearchIndex).middleware(ctx, next));
};
