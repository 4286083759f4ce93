import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PluginConfig } from '../config';

type Middleware = Modules.Documents.Middleware.Middleware;
type Params = { documentId?: string; locale?: string; status?: string; data?: Record<string, unknown> };

const mediaId = (value: unknown): number | null => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (value && typeof value === 'object' && 'id' in value) return mediaId((value as { id: unknown }).id);
  return null;
};

/**
 * Refuses to publish an entry whose configured image (e.g. an article's cover) has no alternative
 * text: screen readers and search engines need it, and a newsroom forgets it under deadline.
 */
export const altText = ({ strapi }: { strapi: Core.Strapi }) => {
  const fieldsOf = (uid: string) => (strapi.config.get('plugin::image-pipeline') as PluginConfig).requireAltText[uid] ?? [];

  async function assertAlt(fileIds: (number | null)[], label: string) {
    const ids = fileIds.filter((id): id is number => id !== null);
    if (ids.length === 0) return;
    const files = await strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: ids } }, select: ['id', 'name', 'alternativeText'] });
    const missing = files.filter((f) => !String(f.alternativeText ?? '').trim());
    if (missing.length > 0) {
      throw new errors.ValidationError(
        `Chưa thể xuất bản: ${label} "${missing[0].name}" chưa có văn bản thay thế (alt). Hãy mô tả ảnh trong thư viện media rồi xuất bản lại.`
      );
    }
  }

  return {
    async middleware(ctx: Parameters<Middleware>[0], next: Parameters<Middleware>[1]) {
      const fields = fieldsOf(ctx.uid);
      const params = ctx.params as Params;
      const publishing = ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
      if (fields.length === 0 || !publishing) return next();

      for (const field of fields) {
        const label = field === 'cover' ? 'ảnh đại diện' : `ảnh ở trường "${field}"`;
        if (params.data && field in params.data) {
          const value = params.data[field];
          await assertAlt((Array.isArray(value) ? value : [value]).map(mediaId), label);
        } else if (params.documentId) {
          // Not in this write: check what the draft that is about to be published holds.
          const where: Record<string, unknown> = { documentId: params.documentId, publishedAt: null };
          if (params.locale && params.locale !== '*') where.locale = params.locale;
          const drafts = await strapi.db.query(ctx.uid as UID.ContentType).findMany({ where, populate: { [field]: { select: ['id'] } } });
          const ids = drafts.flatMap((d) => {
            const v = (d as Record<string, unknown>)[field];
            return (Array.isArray(v) ? v : [v]).map(mediaId);
          });
          await assertAlt(ids, label);
        }
      }
      return next();
    },
  };
};

export type AltText = ReturnType<typeof altText>;
