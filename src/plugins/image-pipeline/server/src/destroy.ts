import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/**
 * Lets the running job finish before the database closes; waiting jobs are dropped and found again
 * by the next start's sweep.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'queue').stop();
};
