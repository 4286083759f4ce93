import type { Core } from '@strapi/strapi';
import type { PluginConfig } from './config';
import { STAGES_TABLE } from './services/review';
import { getService } from './utils/get-service';
import { refuse, type Ctx } from './utils/http';
import { LIST_STAGE_FIELD, SCHEMA_OPTION, stageMembership, takeStageFilters, type Stage, type StageCondition } from './utils/review';
import { isObject, type Json } from './utils/types';

/** The content manager's list and count of a collection type (GET /content-manager/collection-types/:model). */
const LIST_CONTROLLER = 'plugin::content-manager.collection-types';

interface StageFilter {
  uid: string;
  conditions: StageCondition[];
  locale: string;
}

type Find = (ctx: Ctx) => Promise<unknown>;

/**
 * The article list's stage column and filter (issue 15 item 5), without forking the content
 * manager: its list controller is wrapped so that
 * - a `reviewStage` filter ("là" / "không là" a stage) is taken out of the filters the content
 *   manager sees and narrows the list and its count through the database lifecycle of the listed
 *   type (a subquery on the stage table, so "Đã duyệt" over 10,000 documents binds no 10,000
 *   ids), and
 * - each row of the answer carries its stage (one query for the page).
 * The filter lives only for the request that asked for it (keyed by its Koa context).
 */
export function extendListView(strapi: Core.Strapi): void {
  const { review } = strapi.config.get('plugin::editorial') as PluginConfig;
  if (review.contentTypes.length === 0) return;

  for (const uid of review.contentTypes) {
    strapi.get('content-types').extend(uid, (contentType: { pluginOptions?: Json }) => {
      contentType.pluginOptions = { ...contentType.pluginOptions, [SCHEMA_OPTION]: { review: true } };
    });
  }

  const active = new WeakMap<object, StageFilter>();

  const listLocale = async (uid: string, asked: unknown): Promise<string> => {
    if (!getService(strapi, 'review').localized(uid)) return '';
    if (typeof asked === 'string' && asked !== '') return asked;
    return strapi.plugin('i18n').service('locales').getDefaultLocale();
  };

  strapi.get('controllers').extend(LIST_CONTROLLER, (controller: Record<string, unknown>) => {
    const find = controller.find as Find;
    return {
      ...controller,
      async find(ctx: Ctx) {
        const uid = ctx.params.model;
        if (!review.contentTypes.includes(uid)) return find(ctx);
        const taken = takeStageFilters(ctx.query.filters, LIST_STAGE_FIELD);
        if (!taken.ok) return refuse(ctx, 400, taken.message);
        // The parsed query is the object Koa caches for this query string: changed in place.
        if (taken.filters === undefined) delete ctx.query.filters;
        else ctx.query.filters = taken.filters;
        const locale = await listLocale(uid, ctx.query.locale);
        if (taken.conditions.length > 0) active.set(ctx, { uid, conditions: taken.conditions, locale });
        try {
          await find(ctx);
        } finally {
          active.delete(ctx);
        }
        await annotate(ctx, uid, locale);
      },
    };
  });

  /** Narrows a find or count of the listed type to the stage asked for, in this request only. */
  const narrow = (event: { model: { uid: string }; params: { where?: unknown } }) => {
    const ctx = strapi.requestContext.get();
    const filter = ctx ? active.get(ctx) : undefined;
    if (!filter || filter.uid !== event.model.uid) return;
    const conditions = filter.conditions.map((condition) => {
      const { operator, stages } = stageMembership(condition);
      const rows = strapi.db.connection(STAGES_TABLE).select('document_id').where({ uid: filter.uid, locale: filter.locale }).whereIn('stage', stages);
      return { documentId: { [operator]: rows } };
    });
    event.params.where = { $and: [...(event.params.where ? [event.params.where] : []), ...conditions] };
  };
  strapi.db.lifecycles.subscribe({ models: review.contentTypes, beforeFindMany: narrow, beforeCount: narrow });

  /** Gives each listed row its stage in the listed locale (draft when it never moved). */
  async function annotate(ctx: Ctx, uid: string, locale: string): Promise<void> {
    const results = isObject(ctx.body) && Array.isArray(ctx.body.results) ? (ctx.body.results as unknown[]).filter(isObject) : [];
    if (ctx.status !== 200 || results.length === 0) return;
    const ids = results.map((row) => String(row.documentId));
    const rows = (await strapi.db.connection(STAGES_TABLE).where({ uid, locale }).whereIn('document_id', ids).select('document_id', 'stage')) as {
      document_id: string;
      stage: Stage;
    }[];
    const stages = new Map(rows.map((row) => [row.document_id, row.stage]));
    for (const row of results) row[LIST_STAGE_FIELD] = stages.get(String(row.documentId)) ?? 'draft';
  }
}
