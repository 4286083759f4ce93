import type { Core, UID } from '@strapi/strapi';
import { restrictedFieldsOf, type WriteRight } from '../plugins/newsroom/server/src/utils/rights';
import { NEWS_CONTENT_TYPES } from './content-types';

const CM = 'plugin::content-manager.explorer';
const IS_CREATOR = 'admin::is-creator';
const ARTICLE = 'api::article.article';

/** A permission as the admin role service takes it. */
export interface RolePermission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

/** Field paths per content type: all of them (read) and those a role may write (create, update). */
export interface FieldLists {
  read: Record<string, string[]>;
  write: Record<string, string[]>;
}

export interface NewsroomRole {
  code: string;
  name: string;
  description: string;
  /**
   * The restricted fields (schema `pluginOptions.newsroom.writableBy`) the role may write: the
   * schedule for publishers. The importer's fields are written by `npm run import` alone.
   */
  writes: WriteRight[];
  /** Permissions given when the role is created (or found with none). */
  permissions: (fields: FieldLists, locales: string[]) => RolePermission[];
}

const contentPermission = (
  action: string,
  subject: string,
  fields: FieldLists,
  locales: string[],
  conditions: string[] = []
): RolePermission => ({
  action: `${CM}.${action}`,
  subject,
  // Publish and delete act on whole documents; create, read and update list the fields they cover.
  properties: {
    ...(action === 'read' ? { fields: fields.read[subject] } : {}),
    ...(action === 'create' || action === 'update' ? { fields: fields.write[subject] } : {}),
    locales,
  },
  conditions,
});

const media = (conditions: string[]): RolePermission[] => [
  { action: 'plugin::upload.read', conditions },
  { action: 'plugin::upload.configure-view' },
  { action: 'plugin::upload.assets.create' },
  { action: 'plugin::upload.assets.update', conditions },
  { action: 'plugin::upload.assets.download' },
  { action: 'plugin::upload.assets.copy-link' },
];

export const NEWSROOM_ROLES: NewsroomRole[] = [
  {
    code: 'tdkt-editor',
    name: 'Biên tập viên',
    description: 'Viết, sửa, xuất bản và xóa mọi nội dung; quản lý thư viện ảnh.',
    writes: ['publisher'],
    permissions: (fields, locales) => [
      ...NEWS_CONTENT_TYPES.flatMap((uid) =>
        ['create', 'read', 'update', 'delete', 'publish'].map((a) => contentPermission(a, uid, fields, locales))
      ),
      ...media([]),
    ],
  },
  {
    code: 'tdkt-author',
    name: 'Phóng viên',
    description: 'Viết và sửa bản nháp bài của mình, tải ảnh lên; không xuất bản, không hẹn giờ, không sửa bài của người khác.',
    writes: [],
    permissions: (fields, locales) => [
      ...['create', 'read', 'update', 'delete'].map((a) => contentPermission(a, ARTICLE, fields, locales, [IS_CREATOR])),
      // Taxonomies are read to pick an article's category, blocs, agencies and movements.
      ...NEWS_CONTENT_TYPES.filter((uid) => uid !== ARTICLE).map((uid) => contentPermission('read', uid, fields, locales)),
      ...media([IS_CREATOR]),
    ],
  },
];

/** The field paths of `paths` a role may write: none under a restricted field it lacks the right for. */
export function writableFields(paths: string[], restricted: Record<string, WriteRight>, writes: WriteRight[]): string[] {
  return paths.filter((path) => {
    const right = restricted[path.split('.')[0]];
    return right === undefined || writes.includes(right);
  });
}

const restrictedOf = (strapi: Core.Strapi, uid: string) =>
  restrictedFieldsOf((strapi.contentTypes[uid as UID.ContentType]?.attributes ?? {}) as Record<string, object>);

/** Every field path (nested components included) each news type's permissions may cover. */
function permittedFields(strapi: Core.Strapi): Record<string, string[]> {
  const action = strapi.service('admin::permission').actionProvider.get(`${CM}.read`);
  const nested: RolePermission[] = strapi.service('admin::content-type').getPermissionsWithNestedFields([action]);
  return Object.fromEntries(nested.map((p) => [p.subject, p.properties?.fields ?? []]));
}

/**
 * Creates the newsroom's admin roles once, found again by code. Permissions are given only to a
 * role that has none (just created, or a start interrupted before they were written), so what an
 * administrator later adds to or removes from these roles is kept.
 */
export async function ensureAdminRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  const locales: string[] = (await strapi.plugin('i18n').service('locales').find()).map((l: { code: string }) => l.code);
  const all = permittedFields(strapi);

  let firstInstall = false;
  for (const def of NEWSROOM_ROLES) {
    let role = await roles.findOne({ code: def.code });
    if (!role) {
      role = await roles.create({ code: def.code, name: def.name, description: def.description });
      firstInstall = true;
    }
    if ((await strapi.db.query('admin::permission').count({ where: { role: role.id } })) > 0) continue;
    const write = Object.fromEntries(Object.entries(all).map(([uid, paths]) => [uid, writableFields(paths, restrictedOf(strapi, uid), def.writes)]));
    await roles.assignPermissions(role.id, def.permissions({ read: all, write }, locales));
    strapi.log.info(`[roles] created the admin role "${def.name}"`);
  }
  if (firstInstall) await replaceStrapiDefaultRoles(strapi);
  await correctRolesOnce(strapi, all);
}

/** Where the corrections already applied to this database are listed (Strapi's core store). */
export const ROLE_CORRECTIONS_KEY = 'tdkt_role_corrections';

/**
 * Corrections of the newsroom roles, each applied once per database. Roles are otherwise left to
 * administrators; these fix what earlier versions of this app gave them.
 */
export const ROLE_CORRECTIONS = [
  {
    // Earlier roles let create/update write every article field: a Phóng viên could set the
    // schedule (publishAt), and with it publish; both roles could write the importer's fields.
    id: '2026-12-restricted-fields',
    codes: NEWSROOM_ROLES.map((r) => r.code),
  },
];

interface StoredPermission {
  id: number;
  action: string;
  subject: string | null;
  properties: { fields?: string[] | null } | null;
}

/**
 * Applies the corrections not yet applied: the newsroom roles' create and update permissions lose
 * the restricted fields the role may not write (its `writes`). Permissions given later by an
 * administrator (say, publish for a Phóng viên) are not touched.
 */
async function correctRolesOnce(strapi: Core.Strapi, all: Record<string, string[]>): Promise<void> {
  const store = strapi.store({ type: 'core', name: 'tdkt' });
  const done = ((await store.get({ key: ROLE_CORRECTIONS_KEY })) ?? []) as string[];
  const pending = ROLE_CORRECTIONS.filter((c) => !done.includes(c.id));
  if (pending.length === 0) return;
  const permissions = strapi.db.query('admin::permission');
  for (const correction of pending) {
    for (const code of correction.codes) {
      const def = NEWSROOM_ROLES.find((r) => r.code === code);
      const role = await strapi.service('admin::role').findOne({ code });
      if (!def || !role) continue;
      const rows = (await permissions.findMany({
        where: { role: role.id, action: { $in: [`${CM}.create`, `${CM}.update`] } },
      })) as StoredPermission[];
      let changed = 0;
      for (const row of rows) {
        if (!row.subject) continue;
        const current = Array.isArray(row.properties?.fields) ? row.properties.fields : all[row.subject] ?? [];
        const fields = writableFields(current, restrictedOf(strapi, row.subject), def.writes);
        if (Array.isArray(row.properties?.fields) && fields.length === current.length) continue;
        await permissions.update({ where: { id: row.id }, data: { properties: { ...row.properties, fields } } });
        changed += 1;
      }
      if (changed > 0) strapi.log.info(`[roles] "${role.name}": ${changed} permissions no longer write restricted fields (${correction.id})`);
    }
    done.push(correction.id);
  }
  await store.set({ key: ROLE_CORRECTIONS_KEY, value: done });
}

/** Strapi's own roles, as its admin creates them on an empty database. */
export const STRAPI_DEFAULT_ROLES = { superAdmin: 'strapi-super-admin', retired: ['strapi-editor', 'strapi-author'] };

/**
 * On the start that creates the newsroom roles: Strapi's English "Editor" and "Author" duplicate
 * them, so they go (only while nobody holds them), and the super admin role gets a Vietnamese name.
 * Later starts leave every role as the administrators have made it.
 */
async function replaceStrapiDefaultRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  for (const code of STRAPI_DEFAULT_ROLES.retired) {
    const role = await roles.findOne({ code });
    if (role && (await roles.getUsersCount(role.id)) === 0) await roles.deleteByIds([role.id]);
  }
  const superAdmin = await roles.findOne({ code: STRAPI_DEFAULT_ROLES.superAdmin });
  if (superAdmin?.name === 'Super Admin') {
    await roles.update(
      { id: superAdmin.id },
      { name: 'Quản trị viên cao nhất', description: 'Toàn quyền với mọi nội dung, tài khoản và cài đặt.' }
    );
  }
}
