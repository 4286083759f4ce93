/**
 * Versioned tables for Strapi plugins and apps: one shared runner, each owner's numbered list.
 * A plugin keeps `server/src/migrations/001-….ts` files and an `index.ts` listing them in order,
 * and calls `runMigrations(strapi.db.connection, '<plugin>', migrations, strapi)` in its bootstrap.
 */
export { planMigrations, parseFileName, type AppliedRow, type Migration, type Plan } from './plan';
export { defineMigration, MIGRATIONS_TABLE, runMigrations, type TableMigration } from './runner';
