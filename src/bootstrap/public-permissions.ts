import type { Core } from '@strapi/strapi';
import { NEWS_CONTENT_TYPES } from './content-types';

/** Read-only routes of the newsroom plugin: pages by slug, feeds and sitemaps. */
const NEWSROOM_ACTIONS = {
  pages: ['article', 'category', 'bloc', 'agency', 'movement'],
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
 * Grants the Public role read access to published news, once per action.
 * Any write permission an admin granted on these types by mistake is revoked:
 * anonymous writes are never part of this site.
 */
export async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions has no Public role; cannot grant public read access');

  const existing: { id: number; action: string }[] = await strapi.db
    .query(PERMISSION)
    .findMany({ where: { role: role.id }, select: ['id', 'action'] });
  const have = new Set(existing.map((p) => p.action));

  for (const action of PUBLIC_READ_ACTIONS) {
    if (!have.has(action)) {
      await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
      strapi.log.info(`[permissions] Public may now ${action}`);
    }
  }

  const writes = existing.filter(
    (p) => NEWS_CONTENT_TYPES.some((uid) => p.action.startsWith(`${uid}.`)) && !PUBLIC_READ_ACTIONS.includes(p.action)
  );
  if (writes.length > 0) {
    await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: writes.map((p) => p.id) } } });
    strapi.log.warn(`[permissions] revoked public ${writes.map((p) => p.action).join(', ')}`);
  }
}
