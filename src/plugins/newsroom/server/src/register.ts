import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { registerPageQueries } from './graphql/pages';
import { contentApiRoutes } from './routes/content-api';
import { getService } from './utils/get-service';

interface RouteLike {
  path: string;
  config?: { policies?: unknown[] } & Record<string, unknown>;
}

/** Strapi's admin route that hands out preview URLs. */
export const PREVIEW_URL_ROUTE = '/preview/url/:contentType';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // The site's pages, feeds and sitemaps, as the app configured them.
  const contentApi = (strapi.plugin('newsroom').routes as unknown as Record<string, { routes: unknown[] }>)['content-api'];
  contentApi.routes = contentApiRoutes(strapi.config.get('plugin::newsroom') as PluginConfig);

  // The same pages over GraphQL, when the app has the GraphQL plugin.
  registerPageQueries(strapi);

  // Publishing rights first: a refused write is stopped before any other middleware acts on it.
  strapi.documents.use((ctx, next) => getService(strapi, 'publication-guard').middleware(ctx, next));
  // Scheduling: schedule validation, and manual publishes fulfilling a passed publish time.
  strapi.documents.use((ctx, next) => getService(strapi, 'scheduler').middleware(ctx, next));

  // Strapi's preview URL route only checks that someone is signed in to the admin (its controller
  // says "TODO: Permissions to preview content"): the read check is added as a policy of the route.
  const routers = strapi.plugin('content-manager').routes as unknown as Record<string, { routes?: RouteLike[] }>;
  const route = Object.values(routers)
    .flatMap((r) => r.routes ?? [])
    .find((r) => r.path === PREVIEW_URL_ROUTE);
  if (!route) throw new Error(`[newsroom] Strapi's preview route ${PREVIEW_URL_ROUTE} was not found: the preview read check cannot be attached`);
  route.config = { ...route.config, policies: [...(route.config?.policies ?? []), 'plugin::newsroom.preview-readers'] };
};
