import type { Core } from '@strapi/strapi';
import type { Store } from './services/store';

/** Media, locales and other rows written with plain queries (not the Document Service) invalidate too. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.plugin('api-cache').service('store') as Store).connect();
  const invalidate = () => (strapi.plugin('api-cache').service('store') as Store).invalidate();
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
