import type { Core } from '@strapi/strapi';
import { registerSearchQuery } from './graphql/search';
import { getService } from './utils/get-service';

/** Hooks the plugin into every Document Service write: NFC first, then the slug, then the search index. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use((ctx, next) => getService(strapi, 'normalizer').middleware(ctx, next));
  strapi.documents.use((ctx, next) => getService(strapi, 'slugs').middleware(ctx, next));
  strapi.documents.use((ctx, next) => getService(strapi, 'searchIndex').middleware(ctx, next));
  // The site search over GraphQL too, when the app has the GraphQL plugin.
  registerSearchQuery(strapi);
};
