import type { Core } from '@strapi/strapi';
import { todayIn, validityOn, VALIDITY_LABELS, type DocumentDates, type Replacement } from './dates';

const UID = 'api::legal-document.legal-document';
const DATES = ['issuedOn', 'effectiveFrom', 'expiresOn'] as const;

type Entry = { documentId?: string; locale?: string } & Record<string, unknown>;

/**
 * Adds `validity` and `validityLabel` to documents of an answer, computed today (Việt Nam) from
 * their dates and replacements in the same status and locale: one query for the whole page,
 * whichever `fields` the client asked for.
 */
export async function withValidity<T extends Entry>(strapi: Core.Strapi, entries: T[], params: { locale?: string; status?: 'draft' | 'published' }, now = new Date()) {
  const ids = [...new Set(entries.map((e) => e.documentId).filter((id): id is string => typeof id === 'string'))];
  if (ids.length === 0) return entries;
  const rows = (await strapi.documents(UID).findMany({
    locale: params.locale,
    status: params.status ?? 'published',
    filters: { documentId: { $in: ids } },
    fields: [...DATES],
    populate: { replacedBy: { fields: ['issuedOn', 'effectiveFrom'] } },
    limit: ids.length,
  })) as unknown as (DocumentDates & { documentId: string; locale?: string; replacedBy?: Replacement[] })[];
  const today = todayIn(now);
  const byId = new Map(rows.map((r) => [r.documentId, r]));
  return entries.map((e) => {
    const row = e.documentId ? byId.get(e.documentId) : undefined;
    if (!row) return e;
    const validity = validityOn(row, today);
    return { ...e, validity, validityLabel: VALIDITY_LABELS[validity] };
  });
}
