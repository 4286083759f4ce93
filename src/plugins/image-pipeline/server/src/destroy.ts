import type { Core } from '@strapi/strapi';
import type { Queue } from './services/queue';

/**
 * Lets the running job finish before the database closes; waiting jobs are dropped and found again
 * by the next start's sweep.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.plugin('image-pipeline').service('queue') as Queue).stop();
};
