import type { Core } from '@strapi/strapi';
import { memoize, type Memo } from '../utils/memo';

/**
 * Two lookups that every uncached public request repeated: the Public role's permissions
 * (users-permissions, on each request without a token) and the default locale (i18n, on each
 * Document Service read and count without a locale). They were 3 of the 9 SQL statements of a list
 * of 20 articles. Both change only when an administrator changes them, so they are kept in memory
 * and dropped by the lifecycles of the tables they come from, once more when the writing
 * transaction commits (a request between the write and its commit would read the old rows).
 * Another instance does not see these lifecycles: there a change takes effect within
 * LOOKUP_MEMO_TTL_MS (default 5 s).
 */

interface PermissionService {
  findPublicPermissions(): Promise<unknown[]>;
}
interface LocaleService {
  getDefaultLocale(): Promise<string | null>;
}

const AFTER_WRITES = ['afterCreate', 'afterUpdate', 'afterDelete', 'afterCreateMany', 'afterUpdateMany', 'afterDeleteMany'] as const;

function dropOnWrites(strapi: Core.Strapi, models: string[], memo: Memo<unknown>) {
  const drop = () => {
    memo.invalidate();
    if (strapi.db.inTransaction()) {
      void strapi.db.transaction(async ({ onCommit }) => onCommit(() => memo.invalidate()));
    }
  };
  strapi.db.lifecycles.subscribe({ models, ...Object.fromEntries(AFTER_WRITES.map((action) => [action, drop])) });
}

export function memoizeLookups(strapi: Core.Strapi, ttlMs = Number(process.env.LOOKUP_MEMO_TTL_MS ?? 5000)): void {
  const permissions = strapi.plugin('users-permissions').service('permission') as PermissionService;
  const findPublicPermissions = permissions.findPublicPermissions.bind(permissions);
  const publicPermissions = memoize(findPublicPermissions, ttlMs);
  permissions.findPublicPermissions = () => publicPermissions.get();
  dropOnWrites(strapi, ['plugin::users-permissions.permission', 'plugin::users-permissions.role'], publicPermissions);

  const locales = strapi.plugin('i18n').service('locales') as LocaleService;
  const getDefaultLocale = locales.getDefaultLocale.bind(locales);
  const defaultLocale = memoize(getDefaultLocale, ttlMs);
  locales.getDefaultLocale = () => defaultLocale.get();
  dropOnWrites(strapi, ['strapi::core-store', 'plugin::i18n.locale'], defaultLocale);
}
