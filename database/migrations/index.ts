import type { Core } from '@strapi/strapi';
import { runMigrations, type Applied } from 'strapi-plugin-migrations-runner';
import readIndexes from './001-read-indexes';
import validityRollovers from './002-validity-rollovers';
import mediaTexts from './003-media-texts';
import scheduleIndexes from './004-schedule-indexes';

/**
 * The app's own migrations, run by the plugins' runner (rows of plugin `app` in plugin_migrations)
 * from the app's bootstrap, after Strapi has synced its tables. Strapi's runner for this folder
 * reads only .js and .sql files and runs them BEFORE that sync, when on a new database the content
 * tables these indexes go on do not exist yet: it would fail on every first start.
 */
export const OWNER = 'app';

/** In order; a file is never renumbered, renamed or edited once released: a change is a new file. */
export const migrations = [readIndexes, validityRollovers, mediaTexts, scheduleIndexes];

export const migrate = (strapi: Core.Strapi): Promise<Applied<void>[]> => runMigrations(strapi.db.connection, OWNER, migrations, strapi);
