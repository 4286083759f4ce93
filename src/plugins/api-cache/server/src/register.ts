import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/**
 * Every Document Service write (the admin, REST, the scheduled-publishing cron, scripts, plugins)
 * is bracketed here: a public change touches its tags once it succeeded (services/changes.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use((ctx, next) => getService(strapi, 'changes').middleware(ctx, next));
};
