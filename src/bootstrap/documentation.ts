import type { Core, UID } from '@strapi/strapi';
import { pluginRoutesDocumentation } from '../documentation/plugin-routes';
import { LOCALE_CODES } from './locales';

// The documentation plugin's own hashing library (its login compares with it); it ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bcrypt = require('bcryptjs') as { hash(value: string, rounds: number): Promise<string> };

const enabled = (strapi: Core.Strapi) => Boolean(strapi.plugin('documentation'));

/** Adds our plugins' public routes to the OpenAPI document (the plugin only sees content types' routes). */
export function registerDocumentationOverrides(strapi: Core.Strapi): void {
  if (!enabled(strapi)) return;
  const search = strapi.config.get('plugin::vietnamese-text') as { search?: { contentTypes?: Record<string, unknown> } } | undefined;
  const searchTypes = Object.keys(search?.search?.contentTypes ?? {}).map((uid) => strapi.contentTypes[uid as UID.ContentType]?.info.singularName ?? uid);
  strapi.plugin('documentation').service('override').registerOverride(pluginRoutesDocumentation({ locales: LOCALE_CODES, searchTypes }));
}

/**
 * In production the plugin neither generates the document nor protects it by itself: it is
 * enabled there only with DOCUMENTATION_PASSWORD (config/plugins.ts), which is set here as its
 * restricted-access password, and the document is generated from the running app's routes.
 */
export async function protectDocumentation(strapi: Core.Strapi): Promise<void> {
  if (!enabled(strapi) || strapi.config.environment !== 'production') return;
  const password = process.env.DOCUMENTATION_PASSWORD ?? '';
  if (password.length < 12) throw new Error('DOCUMENTATION_PASSWORD must have at least 12 characters to serve /documentation in production');
  const store = strapi.store({ environment: '', type: 'plugin', name: 'documentation' });
  await store.set({ key: 'config', value: { restrictedAccess: true, password: await bcrypt.hash(password, 10) } });
  await strapi.plugin('documentation').service('documentation').generateFullDoc();
}
