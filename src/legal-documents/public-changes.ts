import type { Core } from '@strapi/strapi';

const UID = 'api::legal-document.legal-document';

/** The api-cache plugin's `changes` service, by the part used here (optional: API_CACHE=off removes it). */
interface PublicChanges {
  report(list: { action: string; uid: string; documentId: string; locale: string; membership: false; before: null; after: null }[]): Promise<void>;
}

/**
 * Tells the API cache that these văn bản changed without a write (validity at midnight, a file's
 * words read): their answers and the lists of their type are dropped, and revalidation webhooks go out.
 */
export async function announceChanged(strapi: Core.Strapi, rows: { documentId: string; locale: string }[]): Promise<void> {
  const changes = strapi.plugin('api-cache')?.service<PublicChanges>('changes');
  if (!changes || rows.length === 0) return;
  await changes.report(rows.map((r) => ({ action: 'update', uid: UID, documentId: r.documentId, locale: r.locale, membership: false, before: null, after: null })));
}
