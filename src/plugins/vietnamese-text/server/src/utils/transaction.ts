import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Runs raw knex work in the caller's transaction when there is one (Strapi keeps it in async
 * context), else in a short one of its own — so plugin tables never wait on a second connection.
 */
export const transactionRunner =
  (strapi: Core.Strapi) =>
  async <T>(fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    (await strapi.db.transaction(({ trx }) => fn(trx as Knex.Transaction))) as T;
