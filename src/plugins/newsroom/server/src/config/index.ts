import { SITEMAP_MAX_URLS } from '../utils/sitemaps';
import type { Populate } from '../utils/document-params';

/**
 * One page of the website served by slug from this API. The plugin knows no content type of its
 * own: the app lists its pages here (see config/plugins.ts of the app).
 */
export interface PageConfig {
  /** The content type: a collection type with draft & publish and a `slug` field. */
  uid: string;
  /** This API's by-slug route under the REST prefix: "/articles/by-slug" serves GET /api/articles/by-slug/:slug. */
  route: string;
  /** Where the page lives on the website, a path pattern with `{slug}`. */
  path: string;
  /** Name of its sitemap files: /api/sitemaps/{sitemap}-1.xml. */
  sitemap: string;
  /** What the page shows besides its own fields (a Document Service populate; relations are read published). */
  populate: Populate;
  /**
   * Section pages (a category, a bloc…): the relation of the story type that points at this type.
   * The page lists the latest stories through it, and feeds are narrowed by `?{page key}={slug}`.
   */
  stories?: string;
  /** A repeatable component of which the item of the current year is shown as `currentTerm` (e.g. a bloc's leaders). */
  currentTerm?: { field: string; year: string };
  /**
   * The uid of a service with `pageExtras(entry, context)` (services/page-extras.ts) whose fields
   * are added to this type's page: what only the app knows (a văn bản's validity, its JSON-LD).
   */
  extras?: string;
}

/**
 * The news story page (feeds, the Google News sitemap, "Tin khác", NewsArticle data come from it).
 * Its type has `title`, `slug`, `summary`, `body` (blocks), `author`, `dateline`, `cover` (media),
 * `related` (to itself) and an `seo` component; see the plugin's README.
 */
export interface StoryConfig {
  /** Key of the story page in `pages`. */
  page: string;
  /** Relations whose shared entries pick "Tin khác" after the editor's own `related` picks. */
  relatedBy: string[];
  /** The relation naming a story's section (articleSection, feed categories). */
  section?: string;
  /** Relations whose names become a story's keywords. */
  keywords: string[];
}

/** Scheduled publishing: the content types it acts on and their two datetime fields. */
export interface SchedulingConfig {
  /** Run the cron task (turn off on instances that should not publish; claims keep others safe). */
  enabled: boolean;
  rule: string;
  contentTypes: Record<string, { publishAt: string; unpublishAt: string }>;
}

export interface PluginConfig {
  /** The public website (not this API): every link in feeds, sitemaps and structured data starts here. */
  siteUrl: string;
  /**
   * Base of media URLs in JSON-LD, Open Graph and feeds: the same as the app's REST and GraphQL
   * answers use. '' means this server's public URL (`server.absoluteUrl`).
   */
  mediaUrl: string;
  /** Site name in feeds, Open Graph and the Google News sitemap. */
  siteName: string;
  /** Short description of the site, used by the feeds. */
  siteDescription: string;
  /** Publisher in NewsArticle data; `logo` is an absolute URL or a path on the site. */
  publisher: { name: string; logo: string };
  /** The website's pages by page type (the key is the type's name in URLs, preview tokens and routes' handlers). */
  pages: Record<string, PageConfig>;
  /**
   * Old-slug redirects, when another plugin keeps slug history: "<plugin>.<service>" of a service
   * implementing `SlugHistory` (services/slug-history.ts), or "" for none. Looked up at request
   * time; a missing plugin means no redirects, not an error.
   */
  slugHistory: string;
  /** The story page; without it there are no feeds, news sitemap or related stories. */
  story?: StoryConfig;
  /** Path prefix per locale that is not the default one, e.g. { en: '/en' }. */
  localePrefix: Record<string, string>;
  /** BCP 47 language tag per locale, for inLanguage, hreflang and og:locale. */
  languageTags: Record<string, string>;
  /** Time zone of the newsroom: datelineText and "today" are in it. */
  timeZone: string;
  /** How many "Tin khác" a page gets. */
  relatedLimit: number;
  /** Items per feed. */
  feedLimit: number;
  /** Google News sitemap: articles published within this many hours. */
  newsSitemapHours: number;
  /** URLs per sitemap file (the protocol allows 50,000; smaller files are quicker to make). */
  sitemapUrlsPerPart: number;
  /** Twitter/X account of the site for twitter:site, or '' for none. */
  twitterSite: string;
  scheduling: SchedulingConfig;
}

export const defaultConfig: PluginConfig = {
  siteUrl: 'http://localhost:3000',
  mediaUrl: '',
  siteName: 'Cổng thông tin Thi đua – Khen thưởng',
  siteDescription: 'Tin tức thi đua, khen thưởng',
  publisher: { name: 'Cổng thông tin Thi đua – Khen thưởng', logo: '/logo.png' },
  pages: {},
  slugHistory: '',
  localePrefix: { en: '/en' },
  languageTags: { vi: 'vi-VN', en: 'en' },
  timeZone: 'Asia/Ho_Chi_Minh',
  relatedLimit: 5,
  feedLimit: 50,
  newsSitemapHours: 48,
  sitemapUrlsPerPart: SITEMAP_MAX_URLS,
  twitterSite: '',
  scheduling: { enabled: true, rule: '*/20 * * * * *', contentTypes: {} },
};

const fail = (message: string): never => {
  throw new Error(`[newsroom] invalid config: ${message}`);
};
const intIn = (v: unknown, name: string, min: number, max: number) => {
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) fail(`${name} must be an integer from ${min} to ${max}`);
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v);
const UID_PATTERN = /^[a-z][a-z0-9-]*::[a-z0-9-]+\.[a-z0-9-]+$/;

/** Shapes of `pages` and `story`: each page routable and linkable, routes and sitemap names unique. */
function validatePages(config: PluginConfig): void {
  if (!isRecord(config.pages)) return fail('pages must be an object of page types');
  const routes = new Set<string>();
  const sitemaps = new Set<string>();
  for (const [type, page] of Object.entries(config.pages)) {
    if (!/^[a-z][a-z0-9-]*$/.test(type)) fail(`page type "${type}" must be lower-case letters, digits and "-"`);
    if (!isRecord(page)) return fail(`pages.${type} must be an object`);
    if (typeof page.uid !== 'string' || !UID_PATTERN.test(page.uid)) fail(`pages.${type}.uid must be a content type uid`);
    if (typeof page.path !== 'string' || !page.path.startsWith('/') || !page.path.includes('{slug}')) {
      fail(`pages.${type}.path must start with "/" and contain {slug}`);
    }
    if (typeof page.route !== 'string' || !/^(\/[a-z0-9-]+)+$/.test(page.route)) fail(`pages.${type}.route must be a path like "/articles/by-slug"`);
    if (routes.has(page.route)) fail(`pages.${type}.route "${page.route}" is used twice`);
    routes.add(page.route);
    if (typeof page.sitemap !== 'string' || !/^[a-z]+$/.test(page.sitemap)) fail(`pages.${type}.sitemap must be lower-case letters`);
    if (sitemaps.has(page.sitemap)) fail(`pages.${type}.sitemap "${page.sitemap}" is used twice`);
    sitemaps.add(page.sitemap);
    if (!isRecord(page.populate)) fail(`pages.${type}.populate must be an object`);
    if (page.stories !== undefined && !isName(page.stories)) fail(`pages.${type}.stories must name a relation of the story type`);
    if (page.currentTerm !== undefined && (!isRecord(page.currentTerm) || !isName(page.currentTerm.field) || !isName(page.currentTerm.year))) {
      fail(`pages.${type}.currentTerm needs { field, year }`);
    }
    if (page.extras !== undefined && (typeof page.extras !== 'string' || !/^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/.test(page.extras))) {
      fail(`pages.${type}.extras must be a service uid ("api::<api>.<service>" or "plugin::<plugin>.<service>")`);
    }
  }
  const story = config.story;
  if (story === undefined) return;
  if (!isRecord(story) || typeof story.page !== 'string' || !Object.hasOwn(config.pages, story.page)) fail('story.page must be a key of pages');
  if (config.pages[story.page].stories !== undefined) fail('the story page cannot list stories itself');
  if (!Array.isArray(story.relatedBy) || !story.relatedBy.every(isName)) fail('story.relatedBy must list relation names');
  if (!Array.isArray(story.keywords) || !story.keywords.every(isName)) fail('story.keywords must list relation names');
  if (story.section !== undefined && !isName(story.section)) fail('story.section must name a relation');
}

/** Strapi calls this with the merged config at start-up; a wrong value stops the app with a clear message. */
export function validateConfig(config: PluginConfig): void {
  let site: URL | undefined;
  try {
    site = new URL(config.siteUrl);
  } catch {
    fail(`siteUrl "${config.siteUrl}" is not an absolute URL`);
  }
  if (site && site.protocol !== 'http:' && site.protocol !== 'https:') fail('siteUrl must be http or https');
  if (typeof config.mediaUrl !== 'string' || (config.mediaUrl !== '' && !/^https?:\/\/[^/]/.test(config.mediaUrl))) {
    fail(`mediaUrl "${String(config.mediaUrl)}" must be '' or an absolute http(s) URL`);
  }
  validatePages(config);
  if (typeof config.slugHistory !== 'string' || (config.slugHistory !== '' && !/^[a-z0-9-]+\.[A-Za-z0-9-]+$/.test(config.slugHistory))) {
    fail('slugHistory must be "<plugin>.<service>" or ""');
  }
  for (const [locale, prefix] of Object.entries(config.localePrefix ?? {})) {
    if (typeof prefix !== 'string' || (prefix !== '' && (!prefix.startsWith('/') || prefix.endsWith('/')))) {
      fail(`localePrefix.${locale} must be "" or start with "/" and not end with it`);
    }
  }
  try {
    new Intl.DateTimeFormat('vi-VN', { timeZone: config.timeZone });
  } catch {
    fail(`timeZone "${config.timeZone}" is not a time zone`);
  }
  intIn(config.relatedLimit, 'relatedLimit', 0, 50);
  intIn(config.feedLimit, 'feedLimit', 1, 500);
  intIn(config.newsSitemapHours, 'newsSitemapHours', 1, 24 * 30);
  intIn(config.sitemapUrlsPerPart, 'sitemapUrlsPerPart', 1, SITEMAP_MAX_URLS);
  if (typeof config.siteName !== 'string' || !config.siteName.trim()) fail('siteName is required');
  const scheduling = config.scheduling;
  if (typeof scheduling?.enabled !== 'boolean' || typeof scheduling?.rule !== 'string' || !isRecord(scheduling.contentTypes)) {
    fail('scheduling needs { enabled: boolean, rule: cron string, contentTypes: { uid: { publishAt, unpublishAt } } }');
  }
  for (const [uid, fields] of Object.entries(scheduling.contentTypes)) {
    if (!isRecord(fields) || !isName(fields.publishAt) || !isName(fields.unpublishAt)) {
      fail(`scheduling.contentTypes["${uid}"] needs the names of its publishAt and unpublishAt fields`);
    }
  }
}

export default { default: defaultConfig, validator: validateConfig };
