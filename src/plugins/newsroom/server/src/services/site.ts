import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PageConfig, PluginConfig, StoryConfig } from '../config';
import { absoluteUrl, pageUrl, previewUrl, type PreviewPage } from '../utils/urls';
import { unknownLocale } from '../utils/messages';

/** A page type: a key of the config's `pages`. */
export type PageType = string;

export interface Locales {
  /** The locale asked for, or the default one. */
  locale: string;
  defaultLocale: string;
  codes: string[];
}

/** Site-wide facts every route needs: config, locales and absolute URLs. */
export const site = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsroom') as PluginConfig;

  async function locales(requested?: unknown): Promise<Locales> {
    const i18n = strapi.plugin('i18n').service('locales');
    const codes = ((await i18n.find()) as { code: string }[]).map((l) => l.code);
    const defaultLocale = (await i18n.getDefaultLocale()) as string;
    if (requested === undefined || requested === '') return { locale: defaultLocale, defaultLocale, codes };
    if (typeof requested !== 'string' || !codes.includes(requested)) {
      const shown = typeof requested === 'string' ? requested.slice(0, 20) : 'một danh sách';
      throw new errors.ValidationError(unknownLocale(shown, codes));
    }
    return { locale: requested, defaultLocale, codes };
  }

  return {
    config,
    locales,
    /** The website page of an entry (not this API). */
    pageUrl(type: PageType, slug: string, locale: string, defaultLocale: string): string {
      return pageUrl(config(), type, slug, locale, defaultLocale);
    },
    /** The page types, in the config's order. */
    pageTypes(): PageType[] {
      return Object.keys(config().pages);
    },
    /** A page type's settings; an unknown type is a programming error. */
    page(type: PageType): PageConfig {
      const pages = config().pages;
      if (!Object.hasOwn(pages, type)) throw new Error(`[newsroom] no page type "${type}" in the config`);
      return pages[type];
    },
    /** The content type of a page type. */
    uid(type: PageType): UID.ContentType {
      return this.page(type).uid as UID.ContentType;
    },
    /** What editors call a page type: its content type's display name, else the type's key. */
    label(type: PageType): string {
      return strapi.contentTypes[this.uid(type)]?.info?.displayName ?? type;
    },
    /** The field naming an entry of a page type: `name` (taxonomies), else `title` (a document such as a văn bản). */
    nameField(type: PageType): 'name' | 'title' {
      return strapi.contentTypes[this.uid(type)]?.attributes?.name ? 'name' : 'title';
    },
    /** The page type of a content type this plugin serves, or undefined. */
    pageType(uid: string): PageType | undefined {
      const pages = config().pages;
      return Object.keys(pages).find((type) => pages[type].uid === uid);
    },
    /** The story page and its settings, or a 404 where the app configured none. */
    story(): StoryConfig & { type: PageType; uid: UID.ContentType } {
      const story = config().story;
      if (!story) throw new errors.NotFoundError('This site publishes no news stories');
      return { ...story, type: story.page, uid: this.uid(story.page) };
    },
    /** The website's preview route of a page, with a signed short-lived token (see utils/urls previewUrl). */
    async previewUrl(secret: string, page: Omit<PreviewPage, 'defaultLocale'>, nowMs = Date.now()): Promise<string> {
      const { defaultLocale } = await locales();
      return previewUrl(config(), secret, { ...page, defaultLocale }, nowMs);
    },
    /** Media URLs from the local provider are paths on this API server: make them absolute. */
    mediaUrl(url: string | undefined | null): string | undefined {
      return absoluteUrl(config().mediaUrl || (strapi.config.get('server.absoluteUrl') as string), url);
    },
    /** This API's own address of a route, for feeds' self links and sitemap indexes. */
    apiUrl(path: string): string {
      return `${(strapi.config.get('server.absoluteUrl') as string).replace(/\/+$/, '')}${path}`;
    },
    languageTag(locale: string): string {
      const tags = config().languageTags;
      return Object.hasOwn(tags, locale) ? tags[locale] : locale;
    },
  };
};

export type Site = ReturnType<typeof site>;
