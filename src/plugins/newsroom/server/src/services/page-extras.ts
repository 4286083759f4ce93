import type { Core, UID } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import type { PageType } from './site';

/** What a page type's extras provider is told about the page it adds to. */
export interface PageExtrasContext {
  type: PageType;
  locale: string;
  /** The page's own URL on the website. */
  url: string;
  /** BCP 47 tag of the locale (inLanguage). */
  languageTag: string;
  /** The website URL of another page of the site (e.g. a replaced document's). */
  pageUrl(type: PageType, slug: string): string;
  /** A media file's absolute URL (the site's media base). */
  mediaUrl(url: string): string;
}

/**
 * Fields an app adds to a by-slug page of one of its types (config `pages[type].extras`: the uid
 * of a service with this method), e.g. a computed status or structured data. The entry is the
 * page's public one, already sanitized. A `jsonLd` object in the answer also gets its
 * `jsonLdScript`, as on story pages.
 */
export interface PageExtras {
  pageExtras(entry: Record<string, unknown>, context: PageExtrasContext): Promise<Record<string, unknown>> | Record<string, unknown>;
}

const isPageExtras = (service: unknown): service is PageExtras =>
  typeof service === 'object' && service !== null && typeof (service as { pageExtras?: unknown }).pageExtras === 'function';

export const pageExtras = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The provider configured for this page type, or undefined; a service without `pageExtras` is a configuration error. */
  provider(type: PageType): PageExtras | undefined {
    const name = getService(strapi, 'site').page(type).extras;
    if (!name) return undefined;
    const found: unknown = strapi.service(name as UID.Service);
    if (!isPageExtras(found)) throw new Error(`[newsroom] pages.${type}.extras "${name}" is not a service with pageExtras(entry, context)`);
    return found;
  },
});

export type PageExtrasService = ReturnType<typeof pageExtras>;
