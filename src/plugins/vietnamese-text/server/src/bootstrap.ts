import type { Core } from '@strapi/strapi';
import { routeAdminUidThroughPlugin } from './admin-uid';
import type { SearchIndex } from './services/search-index';
import type { SlugRegistry } from './services/slug-registry';
import type { Slugs } from './services/slugs';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('vietnamese-text');
  await (plugin.service('slugRegistry') as SlugRegistry).ensureTable();
  await (plugin.service('slugs') as Slugs).adoptExisting();
  routeAdminUidThroughPlugin(strapi);

  const search = plugin.service('searchIndex') as SearchIndex;
  const indexed = await search.prepare();
  if (indexed) strapi.log.info(`[vietnamese-text] search index created with ${indexed} published entries`);
  // Deleting a locale in the admin removes its entries with plain queries; the index follows.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    async afterDelete(event) {
      const code = (event.result as { code?: string } | undefined)?.code;
      if (code) await search.removeLocale(code);
    },
  });
};
