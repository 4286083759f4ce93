import type { Core } from '@strapi/strapi';
import { defineMigration } from 'strapi-plugin-migrations-runner';
import { ensureReadIndexes, READ_INDEXES } from '../../src/bootstrap/indexes';

/**
 * The read indexes of src/bootstrap/indexes.ts, which every start used to create with
 * `IF NOT EXISTS`: a database from before migrations has them and is adopted as it is.
 * A later index is added to READ_INDEXES and created by a new migration of its own.
 */
export default defineMigration<Core.Strapi>(__filename, (trx, strapi) => ensureReadIndexes(strapi, READ_INDEXES, trx));
