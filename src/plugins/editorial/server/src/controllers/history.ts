import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { SYSTEM_FIELDS } from '../utils/history';
import { guarded, type Ctx } from '../utils/http';
import { parsePage } from '../utils/review';
import { ReviewError } from '../services/review';

const READ_REFUSED = 'Bạn không có quyền xem loại nội dung này nên không xem được lịch sử phiên bản.';
const UPDATE_REFUSED = 'Bạn không có quyền sửa bản nháp này nên không khôi phục được phiên bản.';

/** A version id from the path: a whole number from 1 (anything else is a 400, not a database error). */
function versionId(raw: string): number {
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1) throw new ReviewError(400, `Mã phiên bản "${raw}" không hợp lệ: phải là số nguyên dương.`);
  return Number(raw);
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const review = () => getService(strapi, 'review');
  const history = () => getService(strapi, 'history');

  /** The document of the route, once the caller may read its type (403 before anything about it is told). */
  async function target(ctx: Ctx) {
    const { uid, documentId } = ctx.params;
    if (strapi.contentTypes[uid as keyof typeof strapi.contentTypes] && !review().mayRead(uid)) throw new ReviewError(403, READ_REFUSED);
    return review().resolve(uid, documentId, ctx.query.locale, 'history');
  }

  return {
    /** GET /editorial/history/:uid/:documentId?locale=&page=&pageSize= */
    async list(ctx: Ctx) {
      await guarded(ctx, async () => {
        const paging = parsePage(ctx.query);
        if (!paging.ok) throw new ReviewError(400, paging.message);
        const { key } = await target(ctx);
        const { page, pageSize } = paging;
        const { data, total } = await history().list(key, page, pageSize);
        ctx.body = { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
      });
    },

    /** GET /editorial/history/:uid/:documentId/:versionId?locale= */
    async find(ctx: Ctx) {
      await guarded(ctx, async () => {
        const id = versionId(ctx.params.versionId);
        const { key, version } = await target(ctx);
        const found = await history().version(key, id);
        // Only the fields the caller may read (a role's field list), in the content and the diff.
        const readable = new Set(review().allowedFields(key.uid, version, 'read', Object.keys(found.content)));
        const content = Object.fromEntries(Object.entries(found.content).filter(([field]) => readable.has(field)));
        const changes = found.diff.changes.filter((change) => readable.has(change.field));
        ctx.body = { data: { ...found, content, diff: { ...found.diff, changes } } };
      });
    },

    /** POST /editorial/history/:uid/:documentId/:versionId/restore?locale= */
    async restore(ctx: Ctx) {
      await guarded(ctx, async () => {
        const id = versionId(ctx.params.versionId);
        const { key, version } = await target(ctx);
        if (!review().mayUpdate(key.uid, version)) throw new ReviewError(403, UPDATE_REFUSED);
        const { entry, missing } = await history().restore(key, id, (fields) => review().allowedFields(key.uid, version, 'update', fields));
        const readable = new Set([...SYSTEM_FIELDS, ...review().allowedFields(key.uid, version, 'read', Object.keys(entry))]);
        ctx.body = { data: Object.fromEntries(Object.entries(entry).filter(([field]) => readable.has(field))), missing };
      });
    },
  };
};
