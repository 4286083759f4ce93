import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { getService } from './utils/get-service';
import { ALL } from './utils/tags';

const FILE = 'plugin::upload.file';
const DEFAULT_LOCALE_KEY = 'plugin_i18n_default_locale';

interface FileEvent {
  result?: { documentId?: string; updatedAt?: string } | null;
}

/**
 * Rows written with plain queries, not the Document Service: a media file's own row (its alt text,
 * a replaced file, the sizes the image pipeline adds) changes the answers embedding it; locales and
 * the public role's permissions change what any route answers, so they empty the cache. A new file
 * is in no answer yet; folders are not shown by the public API.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'store').connect();
  const everything = () => getService(strapi, 'store').invalidate();
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale', 'plugin::users-permissions.permission', 'plugin::users-permissions.role'],
    afterCreate: everything,
    afterUpdate: everything,
    afterDelete: everything,
    afterCreateMany: everything,
    afterUpdateMany: everything,
    afterDeleteMany: everything,
  });
  // The default locale (i18n keeps it in the core store): every answer that names no locale was
  // made in the old one.
  const store = (event: { result?: { key?: string } | null }) => (event.result?.key === DEFAULT_LOCALE_KEY ? everything() : undefined);
  strapi.db.lifecycles.subscribe({ models: ['strapi::core-store'], afterCreate: store, afterUpdate: store });
  const file = async (event: FileEvent, action: string) => {
    const documentId = event.result?.documentId;
    const config = strapi.config.get('plugin::api-cache') as PluginConfig;
    if (!documentId || config.invalidation === 'flush-all') return everything();
    await getService(strapi, 'changes').report([{ action, uid: FILE, documentId, locale: ALL, membership: false, before: null, after: { updatedAt: event.result?.updatedAt } }]);
  };
  strapi.db.lifecycles.subscribe({
    models: [FILE],
    afterUpdate: (event: FileEvent) => file(event, 'update'),
    afterDelete: (event: FileEvent) => file(event, 'delete'),
    // Which rows a bulk query changed is not known here.
    afterUpdateMany: everything,
    afterDeleteMany: everything,
  });
};
