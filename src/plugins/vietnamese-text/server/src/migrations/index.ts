import type { Core } from '@strapi/strapi';
import { runMigrations, type Applied } from 'strapi-plugin-migrations-runner';
import { getService } from '../utils/get-service';
import slugRegistry from './001-slug-registry';
import searchIndexV2 from './002-search-index-v2';
import type { TextOutcome } from './outcome';

/** How this plugin's rows in plugin_migrations are named. */
export const OWNER = 'vietnamese-text';

/** In order; a file is never renumbered, renamed or edited once released: a change is a new file. */
export const migrations = [slugRegistry, searchIndexV2];

/**
 * Applies what is pending (each step once, however many instances start together), then fills a
 * new or remade search index from the content already published (the plugin enabled on an
 * existing site, or a new layout). Returns the steps applied and how many entries were indexed.
 */
export async function migrate(strapi: Core.Strapi): Promise<{ applied: Applied<TextOutcome>[]; indexed: number }> {
  const applied = await runMigrations(strapi.db.connection, OWNER, migrations, strapi);
  const rebuild = applied.some((step) => step.outcome.rebuildSearchIndex);
  const indexed = rebuild ? await getService(strapi, 'searchIndex').rebuild() : 0;
  return { applied, indexed };
}
