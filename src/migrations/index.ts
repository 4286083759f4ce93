import type { Core } from '@strapi/strapi';
import { runMigrations, type TableMigration } from 'strapi-table-migrations';
import createReadIndexes from './001-create-read-indexes';

/** The app's own schema steps (indexes Strapi does not declare), beside the plugins' in `plugin_migrations`. */
export const MIGRATION_SCOPE = 'app';

export const migrations: TableMigration<Core.Strapi>[] = [createReadIndexes];

/** Applies what is pending (each step once, whatever the number of instances starting). */
export const migrate = (strapi: Core.Strapi) => runMigrations(strapi.db.connection, MIGRATION_SCOPE, migrations, strapi);
