import type { Core } from '@strapi/strapi';
import type { Store } from './services/store';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.plugin('api-cache').service('store') as Store).close();
};
