import type { Core } from '@strapi/strapi';
import { NEWS_CONTENT_TYPES } from './content-types';

/** Read-only routes of the newsroom plugin: pages by slug, feeds and sitemaps. */
const NEWSROOM_ACTIONS = {
  pages: ['article', 'category', 'bloc', 'agency', 'movement', 'legal-document'],
  feeds: ['rss', 'atom', 'json'],
  sitemaps: ['index', 'part', 'news'],
};

/** Read-only actions the anonymous (Public) role gets: each news type, the site search and the newsroom routes. */
export const PUBLIC_READ_ACTIONS = [
  ...NEWS_CONTENT_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  'plugin::vietnamese-text.search.find',
  ...Object.entries(NEWSROOM_ACTIONS).flatMap(([controller, actions]) => actions.map((a) => `plugin::newsroom.${controller}.${a}`)),
];

const PERMISSION = 'plugin::users-permissions.permission';
const ROLE = 'plugin::users-permissions.role';

/**
 * Users-permissions' own action letting anyone create an account. A news site's readers need no
 * account; accounts (if any) are made by administrators, so the Public role loses it.
 */
export const REGISTER_ACTION = 'plugin::users-permissions.auth.register';

/**
 * Grants the Public and the Authenticated role read access to published news, once per action:
 * a signed-in reader sees what an anonymous one sees. Any write permission an admin granted on
 * these types by mistake is revoked: writes by readers are never part of this site. Public
 * registration is switched off (advanced settings) and its permission removed.
 */
export async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
  for (const type of ['public', 'authenticated'] as const) {
    const role = await strapi.db.query(ROLE).findOne({ where: { type } });
    if (!role) throw new Error(`users-permissions has no ${type} role; cannot grant read access`);
    await grantRead(strapi, role.id, type);
  }
  await disableRegistration(strapi);
}

async function grantRead(strapi: Core.Strapi, roleId: number, type: string): Promise<void> {
  const existing: { id: number; action: string }[] = await strapi.db
    .query(PERMISSION)
    .findMany({ where: { role: roleId }, select: ['id', 'action'] });
  const have = new Set(existing.map((p) => p.action));

  for (const action of PUBLIC_READ_ACTIONS) {
    if (!have.has(action)) {
      await strapi.db.query(PERMISSION).create({ data: { action, role: roleId } });
      strapi.log.info(`[permissions] ${type} may now ${action}`);
    }
  }

  const revoked = existing.filter(
    (p) =>
      (NEWS_CONTENT_TYPES.some((uid) => p.action.startsWith(`${uid}.`)) && !PUBLIC_READ_ACTIONS.includes(p.action)) ||
      p.action === REGISTER_ACTION
  );
  if (revoked.length > 0) {
    await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: revoked.map((p) => p.id) } } });
    strapi.log.warn(`[permissions] revoked ${type} ${revoked.map((p) => p.action).join(', ')}`);
  }
}

/** Users-permissions' "Enable sign-ups" advanced setting, off. */
async function disableRegistration(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) {
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
    strapi.log.info('[permissions] public registration disabled');
  }
}
