import type { Core } from '@strapi/strapi';
import { defineMigration } from 'strapi-table-migrations';
import { ensureReadIndexes } from '../bootstrap/indexes';

/** The read indexes of the public lists and pages (see bootstrap/indexes); kept where they exist. */
export default defineMigration<Core.Strapi>(__filename, (trx, strapi) => ensureReadIndexes(strapi, undefined, trx));
