import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

/** Strapi's policy context: the Koa context's own properties (its `query` getter is not among them). */
export interface PolicyContext {
  params?: { contentType?: string };
  request?: { query?: { documentId?: string; locale?: string | null; status?: string } };
}

/**
 * On Strapi's preview URL route: only a user who may read the version (role, locale, conditions)
 * gets its URL. It answers 403 with a message before Strapi's controller, which turns any error of
 * the preview handler into a bare 400.
 */
const previewReaders = async (ctx: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }): Promise<boolean> => {
  const uid = ctx.params?.contentType;
  if (!uid || !strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) return true;
  // Throws the 403 itself; a missing version is left to the handler (no preview).
  await getService(strapi, 'rights').previewVersion(uid, ctx.request?.query ?? {});
  return true;
};

export default { 'preview-readers': previewReaders };
