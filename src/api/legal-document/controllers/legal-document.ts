import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { todayIn } from '../../../legal-documents/dates';
import { LIST_PARAMS, ListParamError, listFilters, replacementInForce } from '../../../legal-documents/list-query';
import { withValidity } from '../../../legal-documents/validity-service';

const UID = 'api::legal-document.legal-document';

type Ctx = { query: Record<string, unknown> };
type Answer = { data: unknown; meta?: unknown };
type Entry = { documentId?: string; locale?: string } & Record<string, unknown>;

const statusOf = (query: Record<string, unknown>) => (query.status === 'draft' ? 'draft' : 'published');
const localeOf = (query: Record<string, unknown>) => (typeof query.locale === 'string' ? query.locale : undefined);

/**
 * Replacements end few documents (a handful a year in a province): their ids are read once per
 * filtered list, at most MAX_REPLACED (far above the 10,000-document archive we measured against).
 */
const MAX_REPLACED = 10_000;

async function replacedIds(strapi: Core.Strapi, today: string, status: 'draft' | 'published', locale: string | undefined): Promise<string[]> {
  const rows = (await strapi.documents(UID).findMany({
    status,
    locale,
    filters: { replacedBy: replacementInForce(today) },
    fields: ['documentId'],
    limit: MAX_REPLACED,
  })) as unknown as { documentId: string }[];
  return rows.map((r) => r.documentId);
}

/**
 * Strapi's list and single reads, plus the list's own parameters (kind, year, issuer, field,
 * validity: turned into filters joined with the client's) and the computed `validity` of each
 * document with its Vietnamese label.
 */
export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx: Ctx) {
    let extra: Record<string, unknown> | null;
    const today = todayIn(new Date());
    try {
      const replaced = ctx.query.validity === 'chua-hieu-luc' || ctx.query.validity === 'con-hieu-luc' ? await replacedIds(strapi, today, statusOf(ctx.query), localeOf(ctx.query)) : [];
      extra = listFilters(ctx.query, today, replaced);
    } catch (e) {
      if (e instanceof ListParamError) throw new errors.ValidationError(e.message);
      throw e;
    }
    // Strapi refuses query parameters it does not know: ours are taken out once read.
    const query = Object.fromEntries(Object.entries(ctx.query).filter(([k]) => !(LIST_PARAMS as readonly string[]).includes(k)));
    if (extra) query.filters = query.filters ? { $and: [query.filters, extra] } : extra;
    ctx.query = query;
    const answer = (await super.find(ctx)) as Answer;
    const data = await withValidity(strapi, (answer.data ?? []) as Entry[], { locale: localeOf(ctx.query), status: statusOf(ctx.query) });
    return { ...answer, data };
  },

  async findOne(ctx: Ctx) {
    const answer = (await super.findOne(ctx)) as Answer | null;
    if (!answer?.data) return answer;
    const [data] = await withValidity(strapi, [answer.data as Entry], { locale: localeOf(ctx.query), status: statusOf(ctx.query) });
    return { ...answer, data };
  },
}));
