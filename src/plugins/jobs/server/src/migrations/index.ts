import type { Core } from '@strapi/strapi';
import { runMigrations, type Applied } from 'strapi-plugin-migrations-runner';
import jobs from './001-jobs';

/** How this plugin's rows in plugin_migrations are named. */
export const OWNER = 'jobs';

/** In order; a file is never renumbered, renamed or edited once released: a change is a new file. */
export const migrations = [jobs];

/** Applies what is pending, each step once however many instances start together. */
export const migrate = (strapi: Core.Strapi): Promise<Applied<void>[]> => runMigrations(strapi.db.connection, OWNER, migrations, strapi);
