import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { entriesFromDocument, DOCUMENT_ACTIONS, titleField, versionsOf } from './utils/documents';
import { VERSION_ACTIONS } from './utils/history';
import { getService } from './utils/get-service';
import { extendListView } from './list-view';
import type { Json } from './utils/types';

/**
 * Content writes of every content type, through a Document Service middleware: it sees every
 * action (discardDraft included, which has no webhook), what the action returned (the title at
 * the time), and runs in the caller's transaction, so the entry commits or rolls back with the
 * write. Registered here, before any plugin's bootstrap can write.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // The content manager's list of a reviewed type: a stage column and a stage filter.
  extendListView(strapi);

  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (!DOCUMENT_ACTIONS[ctx.action]) return result;
    const { exclude } = strapi.config.get('plugin::editorial') as PluginConfig;
    if (exclude.includes(ctx.uid)) return result;
    const attributes = ctx.contentType.attributes as Record<string, unknown>;
    const draftAndPublish = ctx.contentType.options?.draftAndPublish === true;
    const entries = entriesFromDocument(ctx.uid, ctx.action, ctx.params as Json, result, titleField(attributes), draftAndPublish);
    const log = getService(strapi, 'auditLog');
    for (const entry of entries) await log.record(entry);
    return result;
  });

  // Review stages follow writes of the reviewed types: an edit by someone who cannot approve
  // sends a submitted or approved draft back to draft; a publication by an approver approves.
  // In the write's transaction when there is one, after it succeeded.
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    const { review } = strapi.config.get('plugin::editorial') as PluginConfig;
    if (!review.contentTypes.includes(ctx.uid)) return result;
    const params = ctx.params as Json;
    const published = ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    const edited = ctx.action === 'update' && !published;
    if (!published && !edited) return result;
    const stages = getService(strapi, 'review');
    for (const version of versionsOf(result)) {
      if (published) await stages.afterPublish(ctx.uid, version);
      else await stages.afterEdit(ctx.uid, version);
    }
    return result;
  });

  // Content history: every write of a covered type stores a version of the draft it left, in one
  // transaction with the write (opened here when the caller has none; joined when it has), so a
  // write that rolls back leaves no version and a version never names a write that did not happen.
  strapi.documents.use(async (ctx, next) => {
    const action = VERSION_ACTIONS[ctx.action];
    const history = getService(strapi, 'history');
    if (!action || !history.covered(ctx.uid)) return next();
    const params = ctx.params as Json;
    const alsoPublished = (ctx.action === 'create' || ctx.action === 'update') && params.status === 'published';
    return strapi.db.transaction(async () => {
      const result = await next();
      const seen = new Set<string>();
      for (const version of versionsOf(result)) {
        const locale = String(version.locale ?? '');
        if (seen.has(locale)) continue;
        seen.add(locale);
        await history.capture(ctx.uid, alsoPublished ? 'publish' : action, version, alsoPublished);
      }
      return result;
    });
  });
};
