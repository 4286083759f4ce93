import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { getService } from '../utils/get-service';
import { allowedSteps, isStage, parsePage } from '../utils/review';
import { isObject } from '../utils/types';
import { ReviewError } from '../services/review';
import { guarded, type Ctx } from '../utils/http';

const READ_REFUSED = 'Bạn không có quyền xem loại nội dung này nên không xem hay đổi được trạng thái duyệt.';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const review = () => getService(strapi, 'review');

  /** The document of the route, once the caller may read its type (403 before anything about it is told). */
  async function target(ctx: Ctx) {
    const { uid, documentId } = ctx.params;
    if (strapi.contentTypes[uid as keyof typeof strapi.contentTypes] && !review().mayRead(uid)) throw new ReviewError(403, READ_REFUSED);
    return review().resolve(uid, documentId, ctx.query.locale);
  }

  return {
    /** GET /editorial/stages/:uid/:documentId?locale= */
    async find(ctx: Ctx) {
      await guarded(ctx, async () => {
        const { key, version } = await target(ctx);
        const trail = await review().trail(key);
        // What this user may do next, so the admin shows only the buttons that will be accepted.
        ctx.body = { data: { ...trail, allowed: allowedSteps(trail.stage, review().abilities(key.uid, version)) } };
      });
    },

    /** POST /editorial/stages/:uid/:documentId?locale= { stage, note } */
    async change(ctx: Ctx) {
      await guarded(ctx, async () => {
        const { key, version } = await target(ctx);
        const body = isObject(ctx.request.body) ? ctx.request.body : {};
        const step = await review().request(key, version, body.stage, body.note);
        ctx.body = { data: step };
      });
    },

    /** GET /editorial/config: the types the app put under review and under history (the admin shows its panels on those). */
    async config(ctx: Ctx) {
      const { review: reviewed, history } = strapi.config.get('plugin::editorial') as PluginConfig;
      ctx.body = { data: { review: { contentTypes: reviewed.contentTypes }, history: { contentTypes: history.contentTypes } } };
    },

    /** GET /editorial/queue?stage=&locale=&uid=&page=&pageSize= */
    async queue(ctx: Ctx) {
      await guarded(ctx, async () => {
        const { stage = 'submitted', locale, uid } = ctx.query;
        if (!isStage(stage)) throw new ReviewError(400, `Trạng thái "${String(stage)}" không hợp lệ: draft, submitted, approved hoặc returned.`);
        if (locale !== undefined && (typeof locale !== 'string' || locale === '')) throw new ReviewError(400, 'Ngôn ngữ (locale) không hợp lệ.');
        if (uid !== undefined && (typeof uid !== 'string' || !review().reviewed(uid))) throw new ReviewError(400, `Loại nội dung "${String(uid)}" không qua duyệt bài.`);
        const paging = parsePage(ctx.query);
        if (!paging.ok) throw new ReviewError(400, paging.message);
        const candidates = typeof uid === 'string' ? [uid] : (strapi.config.get('plugin::editorial') as PluginConfig).review.contentTypes;
        const readable = candidates.filter((u) => review().mayRead(u));
        if (!readable.length) throw new ReviewError(403, READ_REFUSED);
        const { data, total } = await review().queue(readable, stage, typeof locale === 'string' ? locale : null, paging.page, paging.pageSize);
        const { page, pageSize } = paging;
        ctx.body = { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
      });
    },
  };
};
