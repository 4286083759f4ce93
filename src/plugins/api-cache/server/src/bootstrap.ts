import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Media, locales and other rows written with plain queries (not the Document Service) invalidate too. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'store').connect();
  const invalidate = () => getService(strapi, 'store').invalidate();
  strapi.db.lifecycles.subscribe({
    models: ['plugin::upload.file', 'plugin::upload.folder', 'plugin::i18n.locale', 'plugin::users-permissions.permission', 'plugin::users-permissions.role'],
    afterCreate: invalidate,
    afterUpdate: invalidate,
    afterDelete: invalidate,
    afterCreateMany: invalidate,
    afterUpdateMany: invalidate,
    afterDeleteMany: invalidate,
  });
};
