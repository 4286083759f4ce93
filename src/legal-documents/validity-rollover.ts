import type { Core, Modules } from '@strapi/strapi';
import { TIME_ZONE, todayIn } from './dates';
import { validityChangesOn } from './list-query';
import { announceChanged } from './public-changes';

const UID = 'api::legal-document.legal-document';
type Filters = Modules.Documents.Params.Filters.Any<typeof UID>;
const TABLE = 'legal_validity_rollovers';
const JOB = 'legal-documents-validity-rollover';
/** Far above the documents of one province whose validity can change on one day. */
const MAX_DOCUMENTS = 10_000;

/**
 * A văn bản's validity is computed for today, so it changes at midnight (Việt Nam) with no write:
 * the day it takes effect, its `expiresOn`, or the day a replacement takes effect. Cached lists
 * and pages would keep saying "Còn hiệu lực" indefinitely. Each day, and at start for today, the
 * documents whose validity changes are announced to the API cache as public changes (their
 * pages and the lists that may hold them are dropped, and revalidation webhooks go out). Once
 * per day across instances: the day's row in `legal_validity_rollovers` is inserted by one.
 * Returns how many documents were announced, or null when another instance (or run) had the day.
 */
export async function rollOverValidity(strapi: Core.Strapi, day = todayIn(new Date())): Promise<number | null> {
  const rows = (await strapi.documents(UID).findMany({
    status: 'published',
    locale: '*',
    // Built as plain data by the pure rules (list-query.ts), the shape the Document Service reads.
    filters: validityChangesOn(day) as Filters,
    fields: ['documentId', 'locale'],
    limit: MAX_DOCUMENTS,
  })) as unknown as { documentId: string; locale: string }[];
  // RETURNING names the row only to the one insert that made it (SQLite ≥ 3.35 and PostgreSQL).
  const inserted = (await strapi.db.connection(TABLE).insert({ day, documents: rows.length, at: Date.now() }).onConflict('day').ignore().returning('day')) as unknown[];
  if (inserted.length === 0) return null;
  // Its own answers and the lists of its type: no other page shows a document's validity.
  await announceChanged(strapi, rows);
  if (rows.length > 0) strapi.log.info(`[legal-documents] hiệu lực ${day}: ${rows.length} văn bản đổi hiệu lực, đã báo bộ nhớ đệm`);
  return rows.length;
}

/** Today's rollover now (a start after midnight catches up), then at 00:00:10 every day in Việt Nam. */
export async function scheduleValidityRollover(strapi: Core.Strapi): Promise<void> {
  const run = () =>
    rollOverValidity(strapi).catch((error: Error) => {
      strapi.log.warn(`[legal-documents] không cập nhật được hiệu lực văn bản: ${error.message}`);
      return null;
    });
  await run();
  strapi.cron.add({ [JOB]: { task: () => run(), options: { rule: '10 0 0 * * *', tz: TIME_ZONE } } });
}
