import type { Core } from '@strapi/strapi';
import { runMigrations, type TableMigration } from 'strapi-table-migrations';
import { getService } from '../utils/get-service';
import createSlugRegistry from './001-create-slug-registry';
import createSearchIndex from './002-create-search-index';

/** A step of this plugin's tables; one that (re)makes the search index asks for its rebuild. */
export type TextMigration = TableMigration<Core.Strapi> & { rebuildsSearchIndex?: boolean };

export const MIGRATION_SCOPE = 'vietnamese-text';

/**
 * In order, one file each, numbered from 1 and never renumbered: a change of the index layout is
 * a new step (drop and create, `rebuildsSearchIndex: true`), where it used to be a version bump.
 */
export const migrations: TextMigration[] = [createSlugRegistry, createSearchIndex];

/**
 * Applies what is pending (each step once, whatever the number of instances starting), then fills
 * a new or remade search index from the content already published (the plugin enabled on an
 * existing site, or a layout change). Returns the steps applied and the entries indexed.
 */
export async function migrate(strapi: Core.Strapi): Promise<{ applied: TextMigration[]; indexed: number }> {
  const applied = await runMigrations(strapi.db.connection, MIGRATION_SCOPE, migrations, strapi);
  const search = getService(strapi, 'searchIndex');
  const indexed = applied.some((m) => m.rebuildsSearchIndex) ? await search.rebuild() : 0;
  return { applied, indexed };
}
