/**
 * Versioned tables for our plugins and the app: one runner, each owner's numbered list of steps,
 * one `plugin_migrations` table recording what was applied. See README.md.
 */
export { migrationName, planMigrations, type Plan } from './plan';
export { defineMigration, MIGRATIONS_TABLE, runMigrations, type Applied, type Migration } from './runner';
export { ensureIndex, ensureUniqueKey, hasUniqueKey, isPostgres, missingColumns } from './keys';
