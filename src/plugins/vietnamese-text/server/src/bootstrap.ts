import type { Core } from '@strapi/strapi';
import { routeAdminUidThroughPlugin } from './admin-uid';
import type { SlugRegistry } from './services/slug-registry';
import type { Slugs } from './services/slugs';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('vietnamese-text');
  await (plugin.service('slugRegistry') as SlugRegistry).ensureTable();
  await (plugin.service('slugs') as Slugs).adoptExisting();
  routeAdminUidThroughPlugin(strapi);
};
