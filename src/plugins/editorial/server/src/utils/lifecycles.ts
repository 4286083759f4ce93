import { isObject, text, type EntryInput, type Json } from './types';

/**
 * Tables Strapi writes with plain queries and no event: API tokens, the website's roles
 * (users-permissions), the core store (settings) and webhooks. Their database lifecycles are the
 * only signal.
 */
export const API_TOKEN = 'admin::api-token';
export const WEBSITE_ROLE = 'plugin::users-permissions.role';
export const CORE_STORE = 'strapi::core-store';
export const WEBHOOK = 'strapi::webhook';

/** Columns Strapi itself touches on use: such an update is not a change anyone made. */
const BOOKKEEPING = ['lastUsedAt', 'updatedAt', 'updatedBy'];

type LifecycleAction = 'afterCreate' | 'afterUpdate' | 'afterDelete';
const VERBS: Record<LifecycleAction, string> = { afterCreate: 'create', afterUpdate: 'update', afterDelete: 'delete' };

/**
 * The entry for one row written to a table above, or null when it is no one's change: a token's
 * `lastUsedAt`, a store key written while no administrator was acting. An API token update that
 * writes a new `accessKey` is Strapi's "regenerate".
 */
export function entryFromLifecycle(model: string, lifecycle: LifecycleAction, data: Json, result: Json, adminWrite: boolean): EntryInput | null {
  const verb = VERBS[lifecycle];
  const fields = Object.keys(data);
  switch (model) {
    case API_TOKEN: {
      if (verb === 'update' && fields.every((f) => BOOKKEEPING.includes(f))) return null;
      const action = verb === 'update' && fields.includes('accessKey') ? 'api-token.regenerate' : `api-token.${verb}`;
      // Never the key or its hash: the name, the kind and the access type.
      return {
        action,
        target: { uid: API_TOKEN, documentId: text(result.id), title: text(result.name) },
        details: { type: text(result.type) ?? text(data.type), kind: text(result.kind), fields: verb === 'update' && action === 'api-token.update' ? fields.filter((f) => !['accessKey', 'encryptedKey'].includes(f)) : undefined },
      };
    }
    case WEBSITE_ROLE:
      // Saving a role in Settings → Users & Permissions writes its name, then its permission rows.
      if (!adminWrite) return null;
      return { action: `website-role.${verb}`, target: { uid: WEBSITE_ROLE, documentId: text(result.id), title: text(result.name) }, details: { type: text(result.type) } };
    case WEBHOOK:
      return { action: `webhook.${verb}`, target: { uid: WEBHOOK, documentId: text(result.id), title: text(result.name) }, details: { url: text(result.url), enabled: typeof result.enabled === 'boolean' ? result.enabled : null } };
    case CORE_STORE: {
      // Strapi and plugins write the store at every start (layouts, defaults): only an
      // administrator's request is a settings change. The value can hold secrets: the key only.
      if (!adminWrite || verb === 'delete') return null;
      const key = text(result.key) ?? text(data.key);
      // The default locale has its own event (locale.default).
      if (key === 'plugin_i18n_default_locale') return null;
      return key ? { action: 'settings.update', target: { uid: CORE_STORE, documentId: key, title: key } } : null;
    }
    default:
      return null;
  }
}

