import type { Core } from '@strapi/strapi';

/**
 * The query planners' statistics, kept current at start and after bulk work (seed, import,
 * restore, search reindex). Without them SQLite picked the (locale, dateline) index for
 * `/api/articles?filters[slug][$eq]=…` and walked it in date order: 52 ms a query at 10,000
 * articles instead of one index lookup. PostgreSQL here runs without autovacuum, so nothing else
 * gathers them there.
 *
 * Bounded either way: SQLite reads at most `analysis_limit` rows per index (1,000: well under
 * 100 ms at 100,000 articles); PostgreSQL's ANALYZE samples a fixed number of rows per table
 * (300 × default_statistics_target) whatever its size.
 */
export async function refreshPlannerStatistics(strapi: Core.Strapi, after: 'start' | 'bulk work' = 'bulk work'): Promise<void> {
  const knex = strapi.db.connection;
  if (strapi.db.dialect.client === 'sqlite') {
    await knex.raw('PRAGMA analysis_limit = 1000');
    // At start only the tables whose statistics are missing or stale (0x10002: all tables, not
    // just those this connection queried); after bulk work all of them.
    await knex.raw(after === 'start' ? 'PRAGMA optimize = 0x10002' : 'ANALYZE');
    return;
  }
  if (after === 'bulk work') {
    await knex.raw('ANALYZE');
    return;
  }
  // At start, the tables never analyzed (a restored or copied database): a boot stays quick.
  const { rows } = (await knex.raw(
    `SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name FROM pg_stat_user_tables
     WHERE last_analyze IS NULL AND last_autoanalyze IS NULL AND schemaname = current_schema()`
  )) as { rows: { name: string }[] };
  if (rows.length > 0) await knex.raw(`ANALYZE ${rows.map((r) => r.name).join(', ')}`);
}
