import type { Core } from '@strapi/strapi';
import { defineMigration } from 'strapi-plugin-migrations-runner';
import { ensureReadIndexes, SCHEDULE_INDEXES } from '../../src/bootstrap/indexes';

/** The indexes of the scheduler's due query (src/bootstrap/indexes.ts, SCHEDULE_INDEXES). */
export default defineMigration<Core.Strapi>(__filename, (trx, strapi) => ensureReadIndexes(strapi, SCHEDULE_INDEXES, trx));
