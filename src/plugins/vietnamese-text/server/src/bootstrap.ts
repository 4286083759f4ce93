import type { Core } from '@strapi/strapi';
import { routeAdminUidThroughPlugin } from './admin-uid';
import { cleanFileName, cleanName } from './utils/normalize-text';
import { getService } from './utils/get-service';
import { migrate } from './migrations';

/**
 * File name, alternative text and caption of a media file, NFC and without invisible characters;
 * the name also without control characters and bidirectional overrides, whichever way it came in
 * (multipart file name, fileInfo.name, upload from a URL, a later rename).
 */
function normalizeMediaText(data: Record<string, unknown> | undefined): void {
  if (!data) return;
  for (const field of ['name', 'alternativeText', 'caption']) {
    const value = data[field];
    if (typeof value === 'string') data[field] = field === 'name' ? cleanFileName(value) : cleanName(value);
  }
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = getService(strapi, 'slugRegistry');
  const search = getService(strapi, 'searchIndex');

  // The plugin's tables first: everything below reads or writes them.
  const { applied, indexed } = await migrate(strapi);
  if (applied.length) strapi.log.info(`[vietnamese-text] migrations applied: ${applied.map((m) => m.name).join(', ')}`);
  if (indexed) strapi.log.info(`[vietnamese-text] search index built with ${indexed} published entries`);
  await getService(strapi, 'slugs').adoptExisting();
  routeAdminUidThroughPlugin(strapi);
  // Media library texts are written with plain queries, not the Document Service: NFC them here.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::upload.file'],
    beforeCreate: (event) => normalizeMediaText(event.params.data),
    beforeUpdate: (event) => normalizeMediaText(event.params.data),
  });

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
