import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findDateProblem, type DocumentDates } from '../legal-documents/dates';
import { namedTargets } from '../legal-documents/relations';

export const LEGAL_DOCUMENT = 'api::legal-document.legal-document';

type Params = { documentId?: string; locale?: unknown; data?: Record<string, unknown> };

const DATE_FIELDS = ['issuedOn', 'effectiveFrom', 'expiresOn'] as const;
/** Relations to other documents that cannot point at the document itself, with what the editor is told. */
const SELF_LINKS: Record<string, string> = {
  replaces: 'Văn bản không thể thay thế chính nó: hãy bỏ văn bản này khỏi mục "Thay thế văn bản".',
  related: 'Văn bản không thể liên quan tới chính nó: hãy bỏ văn bản này khỏi mục "Văn bản liên quan".',
};

/**
 * Every save of a văn bản (REST, admin, scripts, seed): dates in order (takes effect on or after
 * its issue date, expires after it takes effect) and no document replacing or related to itself;
 * a 400 in Vietnamese before anything is written. A partial update is judged with the dates the
 * draft already has.
 */
export function registerLegalDocumentGuard(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== LEGAL_DOCUMENT || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as Params;
    const data = params.data;
    if (!data || typeof data !== 'object') return next();

    const current = context.action === 'update' && params.documentId ? await currentDates(strapi, params.documentId, params.locale) : {};
    const dates: DocumentDates = { ...current };
    for (const f of DATE_FIELDS) if (f in data) dates[f] = data[f];
    const problem = findDateProblem(dates);
    if (problem) throw new errors.ValidationError(problem);

    if (context.action === 'update' && params.documentId) {
      for (const [field, message] of Object.entries(SELF_LINKS)) {
        if (data[field] !== undefined && (await namesItself(strapi, data[field], params.documentId))) throw new errors.ValidationError(message);
      }
    }
    return next();
  };
  strapi.documents.use(middleware);
}

/** The dates the draft of this locale holds (the row an update changes). */
async function currentDates(strapi: Core.Strapi, documentId: string, locale: unknown): Promise<DocumentDates> {
  const code = typeof locale === 'string' && locale !== '*' ? locale : await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const row = await strapi.db.query(LEGAL_DOCUMENT).findOne({ where: { documentId, locale: code, publishedAt: null }, select: [...DATE_FIELDS] });
  return (row ?? {}) as DocumentDates;
}

async function namesItself(strapi: Core.Strapi, input: unknown, documentId: string): Promise<boolean> {
  const { documentIds, ids } = namedTargets(input);
  if (documentIds.includes(documentId)) return true;
  if (ids.length === 0) return false;
  // Numeric ids are rows (one per locale and state): any row of this document is itself.
  return (await strapi.db.query(LEGAL_DOCUMENT).count({ where: { id: { $in: ids.slice(0, 1000) }, documentId } })) > 0;
}
