import type { Core } from '@strapi/strapi';
import { routeAdminUidThroughPlugin } from './admin-uid';
import type { SearchIndex } from './services/search-index';
import type { SlugRegistry } from './services/slug-registry';
import type { Slugs } from './services/slugs';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('vietnamese-text');
  const registry = plugin.service('slugRegistry') as SlugRegistry;
  const search = plugin.service('searchIndex') as SearchIndex;

  await registry.ensureTable();
  await (plugin.service('slugs') as Slugs).adoptExisting();
  routeAdminUidThroughPlugin(strapi);

  const indexed = await search.prepare();
  if (indexed) strapi.log.info(`[vietnamese-text] search index created with ${indexed} published entries`);
  // Deleting a locale in the admin removes its entries with plain queries; index and slugs follow.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    async afterDelete(event) {
      const code = (event.result as { code?: string } | undefined)?.code;
      if (code) {
        await search.removeLocale(code);
        await registry.forgetLocale(code);
      }
    },
  });
};
