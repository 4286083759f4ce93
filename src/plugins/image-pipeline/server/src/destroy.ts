import type { Core } from '@strapi/strapi';
import type { Queue } from './services/queue';

/** Lets queued encodes finish before the database closes. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.plugin('image-pipeline').service('queue') as Queue).idle();
};
