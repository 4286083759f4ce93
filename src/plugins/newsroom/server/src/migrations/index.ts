import type { Core } from '@strapi/strapi';
import { runMigrations, type TableMigration } from 'strapi-table-migrations';
import createScheduleOwners from './001-create-schedule-owners';
import createScheduleClaims from './002-create-schedule-claims';

export const MIGRATION_SCOPE = 'newsroom';

/** The plugin's tables, in order, numbered from 1 and never renumbered. */
export const migrations: TableMigration<Core.Strapi>[] = [createScheduleOwners, createScheduleClaims];

/** Applies what is pending (each step once, whatever the number of instances starting). */
export const migrate = (strapi: Core.Strapi) => runMigrations(strapi.db.connection, MIGRATION_SCOPE, migrations, strapi);
