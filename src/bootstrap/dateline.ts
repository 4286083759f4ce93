import type { Core, Modules } from '@strapi/strapi';

const ARTICLE = 'api::article.article';

type Params = { documentId?: string; locale?: string | string[]; status?: string; data?: Record<string, unknown> };

/**
 * `dateline` is the date readers see and lists sort by. Left empty, it takes the time of the
 * first publication and keeps it on later publications; given (an imported archive), it stays.
 * Runs as a Document Service middleware so REST, the admin and scripts all get it.
 */
export function registerDatelineDefault(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as Params;
    const now = new Date().toISOString();

    if ((context.action === 'create' || context.action === 'update') && params.status === 'published') {
      if (params.data && params.data.dateline == null) {
        const current =
          context.action === 'update' && params.documentId
            ? await firstDateline(strapi, params.documentId, params.locale)
            : null;
        params.data = { ...params.data, dateline: current ?? now };
      }
    } else if (context.action === 'publish' && params.documentId) {
      // Publishing copies the draft; give drafts without a dateline one before the copy.
      const locale = params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
      await strapi.db.query(ARTICLE).updateMany({
        where: { documentId: params.documentId, publishedAt: null, dateline: null, ...localeWhere(locale) },
        data: { dateline: now },
      });
    }
    return next();
  };
  strapi.documents.use(middleware);
}

function localeWhere(locale: Params['locale']) {
  if (locale === undefined || locale === '*') return {};
  return { locale: Array.isArray(locale) ? { $in: locale } : locale };
}

async function firstDateline(strapi: Core.Strapi, documentId: string, locale: Params['locale']) {
  const row = await strapi.db.query(ARTICLE).findOne({
    where: { documentId, dateline: { $notNull: true }, ...localeWhere(locale) },
    select: ['dateline'],
  });
  return (row?.dateline as string | undefined) ?? null;
}
