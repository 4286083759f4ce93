import type { Core } from '@strapi/strapi';

export interface Statement {
  sql: string;
  bindings: unknown[];
}
export function countQueries<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<{ result: T; statements: Statement[] }>;
