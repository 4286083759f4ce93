import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';

/**
 * What the newsroom needs from a plugin that keeps slug history (vietnamese-text does): where an
 * old slug of a content type in a locale points now. Declared here so any plugin can provide it.
 */
export interface SlugHistory {
  currentSlug(uid: string, locale: string, slug: string): Promise<{ documentId: string; slug: string } | null>;
}

const isSlugHistory = (service: unknown): service is SlugHistory =>
  typeof service === 'object' && service !== null && typeof (service as { currentSlug?: unknown }).currentSlug === 'function';

/** The configured provider (`slugHistory: "<plugin>.<service>"`), or undefined: no plugin, no redirects. */
export const slugHistory = ({ strapi }: { strapi: Core.Strapi }) => ({
  provider(): SlugHistory | undefined {
    const name = (strapi.config.get('plugin::newsroom') as PluginConfig).slugHistory;
    if (!name) return undefined;
    const [plugin, service] = name.split('.');
    const found = strapi.plugin(plugin)?.service(service);
    if (found && !isSlugHistory(found)) throw new Error(`[newsroom] slugHistory "${name}" has no currentSlug(uid, locale, slug)`);
    return found;
  },
});

export type SlugHistoryService = ReturnType<typeof slugHistory>;
