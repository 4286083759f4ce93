import { displayName } from './actor';
import { isObject, text, type Actor, type EntryInput, type Json } from './types';

/**
 * Strapi 5.54's own event hub events this log records (names found by grepping `eventHub.emit` in
 * node_modules/@strapi/*\/dist): admin sign-in and sign-out, admin users, roles and permissions
 * (@strapi/admin), media files and folders (@strapi/upload), content types and components
 * (@strapi/content-type-builder), locales (@strapi/i18n, through `emitAudit`). Content writes (`entry.*`) are left to the Document Service
 * middleware, which sees discardDraft and runs in the writer's transaction.
 */
export const AUDITED_EVENTS = [
  'admin.auth.success',
  'admin.auth.error',
  'admin.logout',
  'user.create',
  'user.update',
  'user.delete',
  'role.create',
  'role.update',
  'role.delete',
  'permission.create',
  'permission.update',
  'permission.delete',
  'media.create',
  'media.update',
  'media.delete',
  'media-folder.create',
  'media-folder.update',
  'media-folder.delete',
  'content-type.create',
  'content-type.update',
  'content-type.delete',
  'component.create',
  'component.update',
  'component.delete',
  'locale.create',
  'locale.update',
  'locale.delete',
  'locale.default.update',
] as const;

/**
 * What the request adds to an event: whether it carried files (a media update with one is a
 * replace), the e-mail tried at a login, and the role whose permissions a request saves
 * (Strapi's permission events do not name it).
 */
export interface EventContext {
  hasFiles: boolean;
  loginEmail: string | null;
  roleId?: string | null;
}

/** An entry from an event, with the actor when the event names it better than the request does (a login). */
export interface EventEntry extends EntryInput {
  actor?: Actor;
}

const verb = (name: string): string => name.slice(name.lastIndexOf('.') + 1);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : []);
const idOf = (value: unknown): string | null => (isObject(value) ? text(value.id) : text(value));

const adminUser = (user: Json) => ({ uid: 'admin::user', documentId: text(user.id), title: displayName(user) });

function media(file: Json) {
  return {
    target: { uid: 'plugin::upload.file', documentId: text(file.documentId) ?? text(file.id), title: text(file.name) },
    details: { mime: text(file.mime), size: typeof file.size === 'number' ? file.size : null },
  };
}

/** The entries an event becomes (none for events this log does not keep). Pure: the payload and the request's hints only. */
export function entriesFromEvent(name: string, payload: unknown, context: EventContext): EventEntry[] {
  const p = isObject(payload) ? payload : {};
  switch (name) {
    case 'admin.auth.success': {
      const user = isObject(p.user) ? p.user : {};
      return [{ action: 'admin.login', target: adminUser(user), details: { provider: text(p.provider) }, actor: { type: 'admin', id: text(user.id), name: displayName(user) } }];
    }
    case 'admin.auth.error': {
      // Strapi says why ("Invalid credentials", "User not active") but not who: the e-mail comes from the request.
      const reason = p.error instanceof Error ? p.error.message : text(p.error);
      return [{ action: 'admin.login.failure', target: { uid: 'admin::user', title: context.loginEmail }, details: { provider: text(p.provider), reason } }];
    }
    case 'admin.logout': {
      const user = isObject(p.user) ? p.user : {};
      return [{ action: 'admin.logout', target: adminUser(user) }];
    }
    case 'user.create':
    case 'user.update':
    case 'user.delete':
      // A bulk delete sends `users`, every other change `user`.
      return [...list(p.user), ...list(p.users)].map((user) => ({
        action: `admin-user.${verb(name)}`,
        target: adminUser(user),
        details: { active: typeof user.isActive === 'boolean' ? user.isActive : null, roles: list(user.roles).map((r) => text(r.name) ?? text(r.code)) },
      }));
    case 'role.create':
    case 'role.update':
    case 'role.delete':
      return list(p.role).map((role) => ({ action: `admin-role.${verb(name)}`, target: { uid: 'admin::role', documentId: text(role.id), title: text(role.name) }, details: { code: text(role.code) } }));
    case 'permission.create':
    case 'permission.update':
    case 'permission.delete': {
      // One entry per change (a role's save creates and deletes many rows at once).
      const permissions = list(p.permissions);
      if (permissions.length === 0) return [];
      const named = permissions.map((x) => idOf(x.role)).filter((x): x is string => x !== null);
      const roles = [...new Set(named.length ? named : context.roleId ? [context.roleId] : [])];
      const actions = [...new Set(permissions.map((x) => [text(x.action), text(x.subject)].filter(Boolean).join(' ')))];
      return [{ action: `admin-permission.${verb(name)}`, target: { uid: 'admin::permission', documentId: roles.length === 1 ? roles[0] : null }, details: { count: permissions.length, roles, actions } }];
    }
    case 'media.create':
    case 'media.update':
    case 'media.delete': {
      const file = isObject(p.media) ? p.media : null;
      if (!file) return [];
      const action = name === 'media.update' && context.hasFiles ? 'media.replace' : name;
      return [{ action, ...media(file) }];
    }
    case 'media-folder.create':
    case 'media-folder.update':
    case 'media-folder.delete':
      return [...list(p.folder), ...list(p.folders)].map((folder) => ({
        action: name,
        target: { uid: 'plugin::upload.folder', documentId: text(folder.documentId) ?? text(folder.id), title: text(folder.name) },
        details: { path: text(folder.path) },
      }));
    case 'content-type.create':
    case 'content-type.update':
    case 'content-type.delete':
    case 'component.create':
    case 'component.update':
    case 'component.delete': {
      const schema = isObject(p.contentType) ? p.contentType : isObject(p.component) ? p.component : null;
      if (!schema) return [];
      const info = isObject(schema.info) ? schema.info : isObject(schema.schema) && isObject(schema.schema.info) ? schema.schema.info : {};
      return [{ action: name, target: { uid: text(schema.uid), title: text(info.displayName) } }];
    }
    case 'locale.create':
    case 'locale.update':
    case 'locale.delete':
    case 'locale.default.update': {
      const changes = isObject(p.changes) ? p.changes : undefined;
      return [
        {
          action: name === 'locale.default.update' ? 'locale.default' : name,
          target: { uid: 'plugin::i18n.locale', documentId: text(p.localeId), locale: text(p.code), title: text(p.name) },
          details: { isDefault: typeof p.isDefault === 'boolean' ? p.isDefault : undefined, changes },
        },
      ];
    }
    default:
      return [];
  }
}
