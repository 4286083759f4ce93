import type { Core } from '@strapi/strapi';
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

export interface NewsroomRole {
  code: string;
  name: string;
  description: string;
  /** Permissions given when the role is created (or found with none). */
  permissions: (fields: Record<string, string[]>, locales: string[]) => RolePermission[];
}

const contentPermission = (
  action: string,
  subject: string,
  fields: Record<string, string[]>,
  locales: string[],
  conditions: string[] = []
): RolePermission => ({
  action: `${CM}.${action}`,
  subject,
  // Publish and delete act on whole documents; create, read and update list the fields they cover.
  properties: { ...(['create', 'read', 'update'].includes(action) ? { fields: fields[subject] } : {}), locales },
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
    description: 'Viết và sửa bản nháp bài của mình, tải ảnh lên; không xuất bản, không sửa bài của người khác.',
    permissions: (fields, locales) => [
      ...['create', 'read', 'update', 'delete'].map((a) => contentPermission(a, ARTICLE, fields, locales, [IS_CREATOR])),
      // Taxonomies are read to pick an article's category, blocs, agencies and movements.
      ...NEWS_CONTENT_TYPES.filter((uid) => uid !== ARTICLE).map((uid) => contentPermission('read', uid, fields, locales)),
      ...media([IS_CREATOR]),
    ],
  },
];

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
  const fields = permittedFields(strapi);

  let firstInstall = false;
  for (const def of NEWSROOM_ROLES) {
    let role = await roles.findOne({ code: def.code });
    if (!role) {
      role = await roles.create({ code: def.code, name: def.name, description: def.description });
      firstInstall = true;
    }
    if ((await strapi.db.query('admin::permission').count({ where: { role: role.id } })) > 0) continue;
    await roles.assignPermissions(role.id, def.permissions(fields, locales));
    strapi.log.info(`[roles] created the admin role "${def.name}"`);
  }
  if (firstInstall) await replaceStrapiDefaultRoles(strapi);
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
