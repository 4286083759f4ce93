import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/**
 * Writes that do not come through HTTP (the scheduled-publishing cron, scripts, plugins) go through
 * the Document Service: each is bracketed like an HTTP write.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use((ctx, next) => {
    if (!WRITES.has(ctx.action)) return next();
    return getService(strapi, 'store').during(next as () => Promise<unknown>) as ReturnType<typeof next>;
  });
};
